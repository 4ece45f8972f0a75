import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Viewer } from '../../platform/scope/registry.ts';
import { textArray } from '../../platform/scope/scope.ts';
import { allWords, searchVectorOf } from '../../platform/search/vector.ts';
import { ITEM_COLUMNS, ITEMS_FROM, type ItemRow } from './bank.repository.ts';
import type { TShareLevel } from './bank.schema.ts';
import { itemVisible } from './bank.scope.ts';
import type { CognitiveLevel, ItemType } from './item-model.ts';

/** The text of an item to index: its stem and options (a), knowledge points (b), source (c). */
export type ItemIndexSource = { id: string; stem: string; points: string; source: string };

/** The next `limit` items to index: those without a row in `item_search`, or the given ids. */
export async function listIndexSources(
  tx: Tx,
  which: { missing: true } | { ids: string[] },
  limit: number,
): Promise<ItemIndexSource[]> {
  const where =
    'missing' in which
      ? sql`not exists (select 1 from item_search x where x.id = i.id)`
      : sql`i.id = any(${textArray(which.ids, 'uuid')})`;
  const res = await tx.execute<ItemIndexSource>(sql`
    select i.id, i.stem_text as stem, coalesce(i.source, '') || ' ' || coalesce(i.year::text, '') as source,
           coalesce((select string_agg(k.name, ' ') from item_knowledge_point ik
                       join knowledge_point k on k.id = ik.knowledge_point_id where ik.item_id = i.id), '') as points
      from item i where ${where} limit ${limit}`);
  return res.rows;
}

/** Stores the vectors of segmented items with their catalogue values (one row per item). */
export async function writeSearchRows(tx: Tx, docs: { id: string; a: string; b: string; c: string }[]) {
  if (docs.length === 0) return;
  await tx.execute(sql`
    insert into item_search (id, subject_code, grade_code, type, cognitive_level, search_vector)
    select i.id, i.subject_code, i.grade_code, i.type, i.cognitive_level, ${searchVectorOf(sql`x.a`, sql`x.b`, sql`x.c`)}
      from jsonb_to_recordset(${JSON.stringify(docs)}::jsonb) as x(id uuid, a text, b text, c text)
      join item i on i.id = x.id
    on conflict (id) do update set subject_code = excluded.subject_code, grade_code = excluded.grade_code,
       type = excluded.type, cognitive_level = excluded.cognitive_level, search_vector = excluded.search_vector`);
}

/** 难度 bands of the expected proportion correct: 易 P ≥ 0.7, 中 0.4–0.7, 难 below 0.4. */
export const DIFFICULTY_BANDS = ['easy', 'medium', 'hard'] as const;
export type TDifficultyBand = (typeof DIFFICULTY_BANDS)[number];
// Bounds as real, the column's type: a stored 0.7 (0.699999988 as double) is 易, as the page shows it.
const BAND = sql`case when i.difficulty >= real '0.7' then 'easy' when i.difficulty >= real '0.4' then 'medium' else 'hard' end`;

export interface ItemFilter {
  subjectCode?: string;
  gradeCode?: string;
  type?: ItemType;
  cognitiveLevel?: CognitiveLevel;
  knowledgePointId?: string;
  band?: TDifficultyBand;
  share?: TShareLevel;
  year?: number;
  source?: string;
  /** Only the viewer's own items. */
  mine?: boolean;
  /** Retired items instead of those in use. */
  retired?: boolean;
  limit: number;
  offset: number;
}

/** The facets, each a column of the matches `m` and the filter that narrows on it. */
const DIMS: { dim: string; value: SQL; filter: (q: ItemFilter) => SQL | undefined }[] = [
  {
    dim: 'subject',
    value: sql`m.s`,
    filter: (q) => (q.subjectCode ? sql`m.s = ${q.subjectCode}` : undefined),
  },
  { dim: 'grade', value: sql`m.g`, filter: (q) => (q.gradeCode ? sql`m.g = ${q.gradeCode}` : undefined) },
  { dim: 'type', value: sql`m.t`, filter: (q) => (q.type ? sql`m.t = ${q.type}` : undefined) },
  {
    dim: 'level',
    value: sql`m.l`,
    filter: (q) => (q.cognitiveLevel ? sql`m.l = ${q.cognitiveLevel}` : undefined),
  },
  { dim: 'band', value: sql`m.band`, filter: (q) => (q.band ? sql`m.band = ${q.band}` : undefined) },
  { dim: 'share', value: sql`m.sh`, filter: (q) => (q.share ? sql`m.sh = ${q.share}` : undefined) },
  { dim: 'year', value: sql`m.y::text`, filter: (q) => (q.year ? sql`m.y = ${q.year}` : undefined) },
  { dim: 'source', value: sql`m.src`, filter: (q) => (q.source ? sql`m.src = ${q.source}` : undefined) },
  {
    dim: 'point',
    value: sql`unnest(m.kps)::text`,
    filter: (q) => (q.knowledgePointId ? sql`${q.knowledgePointId}::uuid = any(m.kps)` : undefined),
  },
];

const where = (conds: (SQL | undefined)[]) => {
  const c = conds.filter((x): x is SQL => x !== undefined);
  return c.length > 0 ? sql`where ${sql.join(c, sql` and `)}` : sql``;
};

export type FacetRow = { dim: string; value: string; count: number };

/**
 * One page of the items the viewer sees that hold every word (all items without words), with the
 * total and the facet counts. Each facet counts the matches that pass every other filter, so a
 * teacher who picked 数学 sees how many of its items each grade has, and still every other subject.
 * Ranked by text relevance (stem > knowledge points > source), then the latest first.
 */
export async function searchItems(tx: Tx, viewer: Viewer, words: string[], q: ItemFilter) {
  const matchWords = words.length > 0;
  const query = allWords(words);
  const facetSelects = DIMS.map(
    (d) => sql`select ${d.dim} as dim, v as value, count(*)::int as count
      from (select ${d.value} as v from m ${where(DIMS.filter((o) => o !== d).map((o) => o.filter(q)))}) x
     where v is not null and v <> '' group by v`,
  );
  const res = await tx.execute<{ total: number; items: ItemRow[] | null; facets: FacetRow[] | null }>(sql`
    with m as materialized (
      select i.id, i.subject_code as s, i.grade_code as g, i.type as t, i.cognitive_level as l, ${BAND} as band,
             i.share as sh, i.year as y, i.source as src, i.updated_at as at,
             ${matchWords ? sql`ts_rank_cd(x.search_vector, ${query}, 32)` : sql`0`}::float8 as score,
             array(select ik.knowledge_point_id from item_knowledge_point ik where ik.item_id = i.id) as kps
        from item i ${matchWords ? sql`join item_search x on x.id = i.id` : sql``}
       where ${itemVisible(viewer, sql`i`)} and i.retired = ${q.retired ?? false}
             ${q.mine ? sql`and i.author_id = ${viewer.actor.personId}` : sql``}
             ${matchWords ? sql`and x.search_vector @@ ${query}` : sql``}
    ),
    f as (select * from m ${where(DIMS.map((d) => d.filter(q)))}),
    top as (select id, score, at from f order by score desc, at desc, id limit ${q.limit} offset ${q.offset})
    select (select count(*)::int from f) as total,
           (select json_agg(row_to_json(r)) from (
              select ${ITEM_COLUMNS} from ${ITEMS_FROM} join top on top.id = i.id
               order by top.score desc, top.at desc, top.id) r) as items,
           (select json_agg(x) from (${sql.join(facetSelects, sql` union all `)} order by 1, 3 desc, 2) x) as facets`);
  const row = res.rows[0]!;
  return { total: row.total, items: row.items ?? [], facets: row.facets ?? [] };
}

/** Names of knowledge points (for the facet's labels). */
export async function pointNames(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  const res = await tx.execute<{ id: string; code: string; name: string }>(sql`
    select id, code, name from knowledge_point where id = any(${textArray(ids, 'uuid')})`);
  return res.rows;
}
