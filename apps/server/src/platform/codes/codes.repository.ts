import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { CODE_TABLES } from './code-tables.data.ts';
import { codeEntries, codeTables } from './codes.schema.ts';

/**
 * Loads the shipped code tables as versioned dictionaries. A new version of a table becomes
 * current; older versions stay for data recorded under them. Idempotent.
 */
export async function seedCodeTables(tx: Tx): Promise<void> {
  for (const table of CODE_TABLES) {
    await tx
      .insert(codeTables)
      .values({
        category: table.category,
        version: table.version,
        standard: table.standard,
        title: table.title,
      })
      .onConflictDoUpdate({
        target: [codeTables.category, codeTables.version],
        set: { standard: table.standard, title: table.title, current: true },
      });
    await tx
      .update(codeTables)
      .set({ current: false })
      .where(and(eq(codeTables.category, table.category), sql`${codeTables.version} <> ${table.version}`));
    await tx
      .insert(codeEntries)
      .values(
        table.entries.map((e, i) => ({
          category: table.category,
          version: table.version,
          code: e.code,
          labelZh: e.zh,
          labelEn: e.en,
          parent: e.parent ?? null,
          sort: e.sort ?? i,
        })),
      )
      .onConflictDoUpdate({
        target: [codeEntries.category, codeEntries.version, codeEntries.code],
        set: {
          labelZh: sql`excluded.label_zh`,
          labelEn: sql`excluded.label_en`,
          parent: sql`excluded.parent`,
          sort: sql`excluded.sort`,
        },
      });
  }
}

export interface CodeTableView {
  category: string;
  version: string;
  standard: string;
  title: string;
  entries: { code: string; zh: string; en: string; parent: string | null }[];
}

export async function readCurrentTables(tx: Tx, category?: string): Promise<CodeTableView[]> {
  const tables = await tx
    .select()
    .from(codeTables)
    .where(and(eq(codeTables.current, true), category ? eq(codeTables.category, category) : undefined))
    .orderBy(asc(codeTables.category));
  const out: CodeTableView[] = [];
  for (const t of tables) {
    const entries = await tx
      .select({
        code: codeEntries.code,
        zh: codeEntries.labelZh,
        en: codeEntries.labelEn,
        parent: codeEntries.parent,
      })
      .from(codeEntries)
      .where(and(eq(codeEntries.category, t.category), eq(codeEntries.version, t.version)))
      .orderBy(asc(codeEntries.sort));
    out.push({ category: t.category, version: t.version, standard: t.standard, title: t.title, entries });
  }
  return out;
}

/** Validates that `code` exists in the current version of `category`. */
export async function codeExists(tx: Tx, category: string, code: string): Promise<boolean> {
  const res = await tx.execute(sql`
    select 1 from code_entry e join code_table t on t.category = e.category and t.version = e.version and t.current
     where e.category = ${category} and e.code = ${code}`);
  return (res.rowCount ?? 0) > 0;
}

/** The codes of a category's current table. */
export async function currentCodes(tx: Tx, category: string): Promise<Set<string>> {
  const res = await tx.execute<{ code: string }>(sql`
    select e.code from code_entry e join code_table t on t.category = e.category and t.version = e.version and t.current
     where e.category = ${category}`);
  return new Set(res.rows.map((r) => r.code));
}

/** The Chinese label of a code in its category's current table. */
export async function codeLabel(tx: Tx, category: string, code: string): Promise<string | undefined> {
  const res = await tx.execute<{ label: string }>(sql`
    select e.label_zh as label from code_entry e join code_table t on t.category = e.category and t.version = e.version
     and t.current where e.category = ${category} and e.code = ${code}`);
  return res.rows[0]?.label;
}

export type InstalledCodeTable = {
  category: string;
  version: string;
  standard: string;
  title: string;
  entries: number;
  /** MD5 over the entries (code, labels, parent, in code order), to compare with a shipped table. */
  digest: string;
  /** Older versions kept for data recorded under them. */
  olderVersions: number;
};

/** The current version of every code table in the database, with a digest of its entries. */
export async function installedCodeTables(tx: Tx): Promise<InstalledCodeTable[]> {
  const res = await tx.execute<InstalledCodeTable>(sql`
    select t.category, t.version, t.standard, t.title,
           (select count(*)::int from code_entry e where e.category = t.category and e.version = t.version) as entries,
           (select md5(coalesce(string_agg(e.code || '|' || e.label_zh || '|' || e.label_en || '|' || coalesce(e.parent, ''),
                                           E'\n' order by e.code collate "C"), ''))
              from code_entry e where e.category = t.category and e.version = t.version) as digest,
           (select count(*)::int from code_table o where o.category = t.category and not o.current) as "olderVersions"
      from code_table t where t.current order by t.category`);
  return res.rows;
}
