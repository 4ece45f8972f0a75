import { desc, eq, getTableColumns, or, type SQL, sql } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../../platform/db/client.ts';
import type { TableInventory } from '../../platform/privacy/data-classes.ts';

/** Rows of one table per copy: a person's whole history of something stays well under this. */
export const ROWS_PER_TABLE = 5000;

/** A subject column holding many persons (`audit_log.subject_ids`) rather than one. */
export const isListColumn = (c: PgColumn) => c.columnType === 'PgArray';

const subjectWhere = (t: TableInventory, subjectId: string): SQL | undefined => {
  const cols = getTableColumns(t.table) as Record<string, PgColumn>;
  return or(
    ...t.subjects.map((k) =>
      // `= any`, not `@>`: uuid equality is leakproof, so row-level security lets an index serve it.
      isListColumn(cols[k]!)
        ? sql`(${cols[k]!} is not null and ${subjectId}::uuid = any(${cols[k]!}))`
        : eq(cols[k]!, subjectId),
    ),
  );
};

/** The rows of a declared table that are about the subject (by its subject columns), newest first. */
export async function selectSubjectRows(
  tx: Tx,
  t: TableInventory,
  subjectId: string,
): Promise<Record<string, unknown>[]> {
  const cols = getTableColumns(t.table) as Record<string, PgColumn>;
  const newest = cols.createdAt ?? cols.at ?? cols.decidedAt ?? cols.day;
  const q = tx
    .select()
    .from(t.table as PgTable)
    .where(subjectWhere(t, subjectId))
    .$dynamic();
  return (await (newest ? q.orderBy(desc(newest)) : q).limit(ROWS_PER_TABLE)) as Record<string, unknown>[];
}

export async function countSubjectRows(tx: Tx, t: TableInventory, subjectId: string): Promise<number> {
  const res = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(t.table as PgTable)
    .where(subjectWhere(t, subjectId));
  return res[0]?.n ?? 0;
}

export async function deleteSubjectRows(tx: Tx, t: TableInventory, subjectId: string): Promise<number> {
  const name = getTableConfig(t.table).name;
  const where = subjectWhere(t, subjectId);
  const res = await tx.execute(sql`delete from ${sql.identifier(name)} where ${where}`);
  return res.rowCount ?? 0;
}

/**
 * Cuts the rows loose from the subject: the subject columns take one fresh random id (so counts and
 * sums built on them stay true) and the listed columns are emptied.
 */
export async function anonymiseSubjectRows(
  tx: Tx,
  t: TableInventory,
  subjectId: string,
  blank: readonly string[],
  stranger: string,
): Promise<number> {
  const cols = getTableColumns(t.table) as Record<string, PgColumn>;
  const name = getTableConfig(t.table).name;
  const sets = [
    ...t.subjects.map((k) => {
      const col = sql.identifier(cols[k]!.name);
      return isListColumn(cols[k]!)
        ? sql`${col} = array_replace(${col}, ${subjectId}::uuid, ${stranger}::uuid)`
        : sql`${col} = ${stranger}::uuid`;
    }),
    ...blank.map((k) => sql`${sql.identifier(cols[k]!.name)} = ${cols[k]!.notNull ? '' : null}`),
  ];
  const res = await tx.execute(
    sql`update ${sql.identifier(name)} set ${sql.join(sets, sql`, `)} where ${subjectWhere(t, subjectId)}`,
  );
  return res.rowCount ?? 0;
}
