import { createHash } from 'node:crypto';
import { CODE_TABLES, type CodeTable } from '../../platform/codes/code-tables.data.ts';
import { installedCodeTables } from '../../platform/codes/codes.repository.ts';
import type { Ctx } from '../../platform/http/context.ts';

/**
 * - current: the database holds the version this release ships, entry for entry
 * - outdated: another version is current in the database (the next start installs the shipped one)
 * - differs: the same version with other entries (an entry edited or left over in the database)
 * - missing: shipped but not in the database; extra: in the database, not shipped
 */
export type TCodeTableStatus = 'current' | 'outdated' | 'differs' | 'missing' | 'extra';

interface CodeTableRow {
  category: string;
  title: string;
  standard: string;
  shippedVersion: string | null;
  installedVersion: string | null;
  shippedEntries: number;
  installedEntries: number;
  olderVersions: number;
  status: TCodeTableStatus;
}

/** The digest `installedCodeTables` computes in SQL, over a shipped table. */
export function shippedDigest(t: CodeTable): string {
  const lines = [...t.entries]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((e) => `${e.code}|${e.zh}|${e.en}|${e.parent ?? ''}`);
  return createHash('md5').update(lines.join('\n')).digest('hex');
}

/** The national code tables in the database against those this release ships (COMPLIANCE §2). */
export async function getCodeTables(ctx: Ctx) {
  const checkedAt = new Date().toISOString();
  const installed = new Map((await installedCodeTables(ctx.db)).map((t) => [t.category, t]));
  const rows = CODE_TABLES.map((s): CodeTableRow => {
    const i = installed.get(s.category);
    const status: TCodeTableStatus = !i
      ? 'missing'
      : i.version !== s.version
        ? 'outdated'
        : i.digest !== shippedDigest(s)
          ? 'differs'
          : 'current';
    return {
      category: s.category,
      title: s.title,
      standard: s.standard,
      shippedVersion: s.version,
      installedVersion: i?.version ?? null,
      shippedEntries: s.entries.length,
      installedEntries: i?.entries ?? 0,
      olderVersions: i?.olderVersions ?? 0,
      status,
    };
  });
  for (const i of installed.values()) {
    if (CODE_TABLES.some((s) => s.category === i.category)) continue;
    rows.push({
      category: i.category,
      title: i.title,
      standard: i.standard,
      shippedVersion: null,
      installedVersion: i.version,
      shippedEntries: 0,
      installedEntries: i.entries,
      olderVersions: i.olderVersions,
      status: 'extra',
    });
  }
  return { checkedAt, tables: rows };
}
