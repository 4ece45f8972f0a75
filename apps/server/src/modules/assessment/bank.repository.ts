import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { setLocal } from '../../platform/db/scoped.ts';
import type { Viewer } from '../../platform/scope/registry.ts';
import { textArray } from '../../platform/scope/scope.ts';
import type { TShareLevel, TShareStatus } from './bank.schema.ts';
import { itemVisible } from './bank.scope.ts';
import type { CognitiveLevel, ItemContent, ItemType } from './item-model.ts';

/** The catalogue values of an item (its tags, less the knowledge points). */
export type ItemFields = {
  type: ItemType;
  content: ItemContent;
  stemText: string;
  subjectCode: string;
  gradeCode: string;
  cognitiveLevel: CognitiveLevel;
  difficulty: number;
  score: number;
  seconds: number;
  source: string | null;
  year: number | null;
};

export type ItemRow = ItemFields & {
  id: string;
  authorId: string;
  authorName: string;
  unitName: string;
  path: string;
  share: TShareLevel;
  shareRequested: TShareLevel | null;
  shareStatus: TShareStatus;
  shareNote: string | null;
  retired: boolean;
  copiedFrom: string | null;
  pValue: number | null;
  answered: number;
  exposure: number;
  createdAt: string;
  updatedAt: string;
};

export const ITEM_COLUMNS = sql`i.id, i.type, i.content, i.stem_text as "stemText", i.subject_code as "subjectCode",
  i.grade_code as "gradeCode", i.cognitive_level as "cognitiveLevel", i.difficulty, i.score, i.seconds,
  i.source, i.year, i.author_id as "authorId", p.name as "authorName", coalesce(u.name, '') as "unitName",
  i.path::text as path, i.share, i.share_requested as "shareRequested", i.share_status as "shareStatus",
  i.share_note as "shareNote", i.retired, i.copied_from as "copiedFrom", i.p_value as "pValue", i.answered,
  i.exposure, i.created_at as "createdAt", i.updated_at as "updatedAt"`;

/** Items with their author's name (from the directory, whatever their scope) and unit's name. */
export const ITEMS_FROM = sql`item i join person_directory p on p.id = i.author_id
  left join org_unit u on u.id = coalesce(i.school_id, (select o.id from org_unit o where o.path = i.path limit 1))`;

const ITEMS_FROM_COLUMNS = sql`${ITEM_COLUMNS} from ${ITEMS_FROM}`;

export async function findItem(tx: Tx, id: string): Promise<ItemRow | undefined> {
  const res = await tx.execute<ItemRow>(sql`select ${ITEMS_FROM_COLUMNS} where i.id = ${id}`);
  return res.rows[0];
}

/** The items of `ids` the viewer sees, in no particular order. */
export async function findVisibleItems(tx: Tx, viewer: Viewer, ids: string[]): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  const res = await tx.execute<ItemRow>(sql`select ${ITEMS_FROM_COLUMNS}
     where i.id = any(${textArray(ids, 'uuid')}) and ${itemVisible(viewer, sql`i`)}`);
  return res.rows;
}

/** What the use cases check before they change an item; `for update` holds it until the end. */
export type ItemHead = Pick<
  ItemRow,
  'id' | 'authorId' | 'path' | 'share' | 'shareRequested' | 'shareStatus' | 'retired' | 'subjectCode'
> & { stemText: string };

export async function lockItem(tx: Tx, id: string): Promise<ItemHead | undefined> {
  const res = await tx.execute<ItemHead>(sql`
    select id, author_id as "authorId", path::text as path, share, share_requested as "shareRequested",
           share_status as "shareStatus", retired, subject_code as "subjectCode", left(stem_text, 60) as "stemText"
      from item where id = ${id} for update`);
  return res.rows[0];
}

export async function insertItem(
  tx: Tx,
  r: ItemFields & {
    id: string;
    authorId: string;
    path: string;
    districtId: string | null;
    schoolId: string | null;
    copiedFrom: string | null;
  },
): Promise<void> {
  await tx.execute(sql`
    insert into item (id, type, content, stem_text, subject_code, grade_code, cognitive_level, difficulty, score,
                      seconds, source, year, author_id, path, district_id, school_id, copied_from)
    values (${r.id}, ${r.type}, ${JSON.stringify(r.content)}::jsonb, ${r.stemText}, ${r.subjectCode}, ${r.gradeCode},
            ${r.cognitiveLevel}, ${r.difficulty}, ${r.score}, ${r.seconds}, ${r.source}, ${r.year},
            ${r.authorId}, ${r.path}::ltree, ${r.districtId}, ${r.schoolId}, ${r.copiedFrom})`);
}

export async function updateItem(tx: Tx, id: string, r: ItemFields): Promise<void> {
  await tx.execute(sql`
    update item set type = ${r.type}, content = ${JSON.stringify(r.content)}::jsonb, stem_text = ${r.stemText},
           subject_code = ${r.subjectCode}, grade_code = ${r.gradeCode}, cognitive_level = ${r.cognitiveLevel},
           difficulty = ${r.difficulty}, score = ${r.score}, seconds = ${r.seconds}, source = ${r.source},
           year = ${r.year}, updated_at = now()
     where id = ${id}`);
}

export async function setRetired(tx: Tx, id: string, retired: boolean): Promise<void> {
  await tx.execute(sql`update item set retired = ${retired}, updated_at = now() where id = ${id}`);
}

export async function setShare(
  tx: Tx,
  id: string,
  s: { share: TShareLevel; requested: TShareLevel | null; status: TShareStatus; note: string | null },
): Promise<void> {
  await tx.execute(sql`update item set share = ${s.share}, share_requested = ${s.requested},
      share_status = ${s.status}, share_note = ${s.note} where id = ${id}`);
}

export type PointRef = { id: string; code: string; name: string };

/** The knowledge points of items, by item. */
export async function listItemPoints(tx: Tx, ids: string[]): Promise<Map<string, PointRef[]>> {
  const out = new Map<string, PointRef[]>();
  if (ids.length === 0) return out;
  const res = await tx.execute<PointRef & { itemId: string }>(sql`
    select ik.item_id as "itemId", k.id, k.code, k.name
      from item_knowledge_point ik join knowledge_point k on k.id = ik.knowledge_point_id
     where ik.item_id = any(${textArray(ids, 'uuid')}) order by k.code`);
  for (const { itemId, ...p } of res.rows) out.set(itemId, [...(out.get(itemId) ?? []), p]);
  return out;
}

export async function setItemPoints(tx: Tx, id: string, ids: string[]): Promise<void> {
  await tx.execute(sql`delete from item_knowledge_point where item_id = ${id}`);
  if (ids.length === 0) return;
  await tx.execute(sql`insert into item_knowledge_point (item_id, knowledge_point_id)
    select ${id}, k from unnest(${textArray(ids, 'uuid')}) k`);
}

/** Those of `ids` that are active knowledge points of the subject (the curriculum backbone's). */
export async function activePoints(tx: Tx, subjectCode: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const res = await tx.execute<{ id: string }>(sql`select id from knowledge_point
    where subject_code = ${subjectCode} and active and id = any(${textArray(ids, 'uuid')})`);
  return res.rows.map((r) => r.id);
}

/** A visible item near-identical to `text` (trigram similarity of the stems), most similar first. */
export type SimilarItem = {
  id: string;
  stemText: string;
  similarity: number;
  authorName: string;
  share: TShareLevel;
};

/**
 * Items the viewer sees whose stem text is at least `threshold` similar to `text` (pg_trgm), not
 * retired, of the subject when one is given. The `%` operator uses the stems' trigram index; its
 * threshold is this transaction's.
 */
export async function similarItems(
  tx: Tx,
  viewer: Viewer,
  text: string,
  opts: { subjectCode?: string; exclude?: string; threshold: number; limit: number },
): Promise<SimilarItem[]> {
  await setLocal(tx, 'pg_trgm.similarity_threshold', String(opts.threshold));
  const res = await tx.execute<SimilarItem>(sql`
    select i.id, left(i.stem_text, 300) as "stemText", similarity(i.stem_text, ${text})::float8 as similarity,
           p.name as "authorName", i.share
      from item i join person_directory p on p.id = i.author_id
     where i.stem_text % ${text} and not i.retired and ${itemVisible(viewer, sql`i`)}
       ${opts.subjectCode ? sql`and i.subject_code = ${opts.subjectCode}` : sql``}
       ${opts.exclude ? sql`and i.id <> ${opts.exclude}` : sql``}
     order by similarity desc, i.id limit ${opts.limit}`);
  return res.rows;
}

/** A picture of the bank: its key, type and size, and the item it belongs to (null before saving). */
export type PictureRow = {
  id: string;
  itemId: string | null;
  ownerId: string;
  storageKey: string;
  mime: string;
  size: number;
};

export async function insertPicture(tx: Tx, f: Omit<PictureRow, never> & { sha256: string }): Promise<void> {
  await tx.execute(sql`insert into item_file (id, item_id, owner_id, storage_key, mime, size, sha256)
    values (${f.id}, ${f.itemId}, ${f.ownerId}, ${f.storageKey}, ${f.mime}, ${f.size}, ${f.sha256})`);
}

export async function findPictures(tx: Tx, keys: string[]): Promise<(PictureRow & { sha256: string })[]> {
  if (keys.length === 0) return [];
  const res = await tx.execute<PictureRow & { sha256: string }>(sql`
    select id, item_id as "itemId", owner_id as "ownerId", storage_key as "storageKey", mime, size, sha256
      from item_file where storage_key = any(${sql.param(keys)}::text[])`);
  return res.rows;
}

/** Gives the owner's unattached pictures among `keys` to the item; how many it took. */
export async function claimPictures(tx: Tx, itemId: string, ownerId: string, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.execute(sql`update item_file set item_id = ${itemId}
     where storage_key = any(${sql.param(keys)}::text[]) and owner_id = ${ownerId} and item_id is null`);
}

/** A picture the viewer may see: their own upload, or one of an item they see. */
export async function findVisiblePicture(
  tx: Tx,
  viewer: Viewer,
  key: string,
): Promise<PictureRow | undefined> {
  const res = await tx.execute<PictureRow>(sql`
    select f.id, f.item_id as "itemId", f.owner_id as "ownerId", f.storage_key as "storageKey", f.mime, f.size
      from item_file f
     where f.storage_key = ${key}
       and (f.owner_id = ${viewer.actor.personId}
            or exists (select 1 from item i where i.id = f.item_id and ${itemVisible(viewer, sql`i`)}))`);
  return res.rows[0];
}

/** Items waiting for a share decision at the levels and units given (the reviewer's queue). */
export async function listPendingShares(
  tx: Tx,
  units: { level: TShareLevel; path: string }[],
  limit: number,
): Promise<ItemRow[]> {
  if (units.length === 0) return [];
  const conds: SQL[] = units.map((u) => sql`(i.share_requested = ${u.level} and i.path <@ ${u.path}::ltree)`);
  const res = await tx.execute<ItemRow>(sql`select ${ITEMS_FROM_COLUMNS}
     where i.share_status = 'pending' and (${sql.join(conds, sql` or `)})
     order by i.created_at, i.id limit ${limit}`);
  return res.rows;
}
