import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { setLocal } from '../../platform/db/scoped.ts';
import type { Viewer } from '../../platform/scope/registry.ts';
import { itemVisible } from './bank.scope.ts';
import type { TDuplicate, TImportFormat, TImportStatus, TProposal } from './item-import.schema.ts';

export type ImportRow = {
  id: string;
  ownerId: string;
  format: TImportFormat;
  fileName: string | null;
  status: TImportStatus;
  proposal: TProposal;
  created: { index: number; itemId: string }[];
  createdAt: string;
  decidedAt: string | null;
};

const COLUMNS = sql`id, owner_id as "ownerId", format, file_name as "fileName", status, proposal, created,
  created_at as "createdAt", decided_at as "decidedAt"`;

export async function insertImport(
  tx: Tx,
  r: {
    id: string;
    ownerId: string;
    path: string;
    districtId: string | null;
    schoolId: string | null;
    format: TImportFormat;
    fileName: string | null;
    uploadKey: string;
    proposal: TProposal;
  },
): Promise<void> {
  await tx.execute(sql`insert into item_import
      (id, owner_id, path, district_id, school_id, format, file_name, upload_key, proposal)
    values (${r.id}, ${r.ownerId}, ${r.path}::ltree, ${r.districtId}, ${r.schoolId}, ${r.format},
      ${r.fileName}, ${r.uploadKey}, ${JSON.stringify(r.proposal)}::jsonb)`);
}

/** The owner's import; `lock` holds it until the transaction ends (one confirmation at a time). */
export async function findImport(
  tx: Tx,
  id: string,
  ownerId: string,
  lock = false,
): Promise<ImportRow | undefined> {
  const res = await tx.execute<ImportRow>(sql`select ${COLUMNS} from item_import
     where id = ${id} and owner_id = ${ownerId} ${lock ? sql`for update` : sql``}`);
  return res.rows[0];
}

/** The owner's open proposal of the same upload (the same file with the same options), if any. */
export async function findOpenUpload(
  tx: Tx,
  ownerId: string,
  uploadKey: string,
): Promise<ImportRow | undefined> {
  const res = await tx.execute<ImportRow>(sql`select ${COLUMNS} from item_import
     where owner_id = ${ownerId} and upload_key = ${uploadKey} and status = 'proposed'
     order by created_at desc limit 1`);
  return res.rows[0];
}

export async function finishImport(
  tx: Tx,
  id: string,
  status: Exclude<TImportStatus, 'proposed'>,
  created: { index: number; itemId: string }[],
): Promise<void> {
  await tx.execute(sql`update item_import set status = ${status}, created = ${JSON.stringify(created)}::jsonb,
     decided_at = now() where id = ${id}`);
}

/** Active knowledge points by `subject:code`, to resolve the codes a file names (a few thousand). */
export async function pointsByCode(tx: Tx): Promise<Map<string, string>> {
  const res = await tx.execute<{ subjectCode: string; code: string; id: string }>(sql`
    select subject_code as "subjectCode", code, id from knowledge_point where active`);
  return new Map(res.rows.map((r) => [`${r.subjectCode}:${r.code}`, r.id]));
}

/**
 * For each text (a proposed item's stem text, by index), the visible items of its subject whose
 * stems are at least `threshold` similar (pg_trgm, as the bank's own duplicate check), best first.
 * One statement for the whole proposal; the stems' trigram index answers each.
 */
export async function similarToEach(
  tx: Tx,
  viewer: Viewer,
  drafts: { text: string; subjectCode: string }[],
  threshold: number,
  limit: number,
): Promise<Map<number, TDuplicate[]>> {
  const out = new Map<number, TDuplicate[]>();
  if (drafts.length === 0) return out;
  await setLocal(tx, 'pg_trgm.similarity_threshold', String(threshold));
  const res = await tx.execute<{
    index: number;
    id: string;
    stemText: string;
    similarity: number;
    authorName: string;
  }>(sql`
    select (x.n - 1)::int as index, s.id, s."stemText", s.similarity, s."authorName"
      from unnest(${sql.param(drafts.map((d) => d.text))}::text[], ${sql.param(drafts.map((d) => d.subjectCode))}::text[])
           with ordinality x(t, subject, n)
     cross join lateral (
       select i.id, left(i.stem_text, 300) as "stemText", similarity(i.stem_text, x.t)::float8 as similarity,
              p.name as "authorName"
         from item i join person_directory p on p.id = i.author_id
        where i.stem_text % x.t and not i.retired and i.subject_code = x.subject and ${itemVisible(viewer, sql`i`)}
        order by similarity desc, i.id limit ${limit}) s
     where length(x.t) >= 4
     order by x.n, s.similarity desc`);
  for (const { index, ...d } of res.rows) out.set(index, [...(out.get(index) ?? []), d]);
  return out;
}

/** Pairs of near-identical texts among `texts` (the same question twice in one file): later → earlier. */
export async function repeatedTexts(
  tx: Tx,
  texts: string[],
  threshold: number,
): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (texts.length < 2) return out;
  await setLocal(tx, 'pg_trgm.similarity_threshold', String(threshold));
  const res = await tx.execute<{ later: number; earlier: number }>(sql`
    with x as (select t, (n - 1)::int as i from unnest(${sql.param(texts)}::text[]) with ordinality u(t, n))
    select a.i as later, b.i as earlier from x a join x b on b.i < a.i and a.t % b.t
     where length(a.t) >= 4 order by a.i, b.i`);
  for (const r of res.rows) out.set(r.later, [...(out.get(r.later) ?? []), r.earlier]);
  return out;
}
