import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { AuditEntry, AuditOrigin } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/client.ts';
import { type AuditRow, insertAuditRows } from './bulk.repository.ts';

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 bind parameters for our widest table. */
export const WRITE_CHUNK = 1000;

/** Multi-row INSERT through Drizzle in chunks (the smaller tables); `onChunk` reports progress. */
export async function insertMany<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: T['$inferInsert'][],
  opts: { onChunk?: (n: number) => Promise<void> } = {},
): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const chunk = rows.slice(i, i + WRITE_CHUNK);
    await tx.insert(table).values(chunk as never);
    await opts.onChunk?.(chunk.length);
  }
}

/**
 * Runs one UPDATE … FROM jsonb_to_recordset per chunk: `build` receives the chunk as a jsonb
 * parameter and returns the statement. Values travel as data, never as SQL text.
 */
export async function updateMany(
  tx: Tx,
  rows: Record<string, unknown>[],
  build: (json: ReturnType<typeof sql>) => ReturnType<typeof sql>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    await tx.execute(build(sql`${JSON.stringify(rows.slice(i, i + WRITE_CHUNK))}::jsonb`));
  }
}

/** Control characters are stripped so a crafted value cannot forge log lines (as platform/audit does). */
const clean = (s: string | null | undefined, max = 300) =>
  s == null ? null : s.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, max);

/**
 * Audit rows of an import, written inside its transaction in multi-row INSERTs: the same columns
 * `writeAudit` fills, for thousands of entries at once.
 */
export async function insertAuditBatch(tx: Tx, origin: AuditOrigin, entries: AuditEntry[]): Promise<void> {
  const rows: AuditRow[] = entries.map((e) => ({
    actorPersonId: origin.actorPersonId ?? null,
    actorName: clean(origin.actorName, 100),
    actorRole: origin.actorRole ?? null,
    action: e.action,
    outcome: e.outcome ?? 'success',
    targetType: e.targetType ?? null,
    targetId: e.targetId ?? null,
    subjectPersonId: e.subjectPersonId ?? null,
    orgPath: e.orgPath ?? null,
    ip: clean(origin.ip, 64),
    userAgent: clean(origin.userAgent),
    requestId: clean(origin.requestId, 64),
    details: (e.details as Record<string, unknown> | undefined) ?? null,
  }));
  await insertAuditRows(tx, rows);
}

/**
 * Person updates. Imports never blank a field (an empty optional cell means "keep"), so a key
 * missing from a row keeps the stored value. Encrypted fields arrive sealed, as base64.
 */
export const updatePersons = (tx: Tx, rows: Record<string, unknown>[]) =>
  updateMany(
    tx,
    rows,
    (j) => sql`update person p set name = coalesce(v.name, p.name), gender = coalesce(v.gender, p.gender),
        birth_date_enc = coalesce(decode(v.birth_date_enc, 'base64'), p.birth_date_enc),
        ethnicity = coalesce(v.ethnicity, p.ethnicity), id_type = coalesce(v.id_type, p.id_type),
        phone_enc = coalesce(decode(v.phone_enc, 'base64'), p.phone_enc),
        phone_hash = coalesce(v.phone_hash, p.phone_hash),
        id_number_enc = coalesce(decode(v.id_enc, 'base64'), p.id_number_enc),
        id_number_hash = coalesce(v.id_hash, p.id_number_hash), updated_at = now()
      from jsonb_to_recordset(${j}) as v(id uuid, name text, gender text, birth_date_enc text, ethnicity text,
        id_type text, phone_enc text, phone_hash text, id_enc text, id_hash text)
      where p.id = v.id`,
  );
