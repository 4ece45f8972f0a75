import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Viewer } from '../../platform/scope/registry.ts';
import { searchVectorOf } from '../../platform/search/vector.ts';
import type { TResourceKind, TResourceStatus } from './resources.schema.ts';
import { resourceVisible } from './resources.scope.ts';

/** The text of a resource to index: title, tags, and the rest (description, lesson, knowledge points). */
export type IndexSource = { id: string; title: string; tags: string[]; body: string | null };

/** The next `limit` resources to index: those without a vector, or the given ids. */
export async function listIndexSources(
  tx: Tx,
  which: { missing: true } | { ids: string[] },
  limit: number,
): Promise<IndexSource[]> {
  const where: SQL =
    'missing' in which
      ? sql`not exists (select 1 from resource_search x where x.id = r.id)`
      : sql`r.id = any(string_to_array(${which.ids.join(',')}, ',')::uuid[])`;
  const rows = await tx.execute<IndexSource>(sql`
      select r.id, r.title, r.tags,
             concat_ws(' ', r.description, r.provider, l.title, u.title,
                       (select string_agg(k.name, ' ') from resource_knowledge_point rk
                          join knowledge_point k on k.id = rk.knowledge_point_id where rk.resource_id = r.id)) as body
        from resource r left join curriculum_node l on l.id = r.lesson_id left join curriculum_node u on u.id = l.parent_id
       where ${where} limit ${limit}`);
  return rows.rows;
}

/** The vector of a resource: title (a), tags (b), the rest (c). Re-exported for the search benchmark. */
export { searchVectorOf };

/** Stores the vectors of segmented documents, with the catalogue values of their resources. */
export async function writeSearchVectors(
  tx: Tx,
  docs: { id: string; a: string; b: string; c: string }[],
): Promise<void> {
  await tx.execute(sql`
      insert into resource_search (id, kind, subject_code, grade_code, theme_code, search_vector)
      select r.id, r.kind, r.subject_code, r.grade_code, r.theme_code, ${searchVectorOf(sql`x.a`, sql`x.b`, sql`x.c`)}
        from jsonb_to_recordset(${JSON.stringify(docs)}::jsonb) as x(id uuid, a text, b text, c text)
        join resource r on r.id = x.id
      on conflict (id) do update set kind = excluded.kind, subject_code = excluded.subject_code,
         grade_code = excluded.grade_code, theme_code = excluded.theme_code, search_vector = excluded.search_vector`);
}

/** Use and ratings as a factor of the score (a resource without ratings counts as 3 stars). */
const priorOf = (st: SQL) =>
  sql`(1 + coalesce(${st}.rating_sum::float8 / nullif(${st}.rating_count, 0), 3) / 10)
      * (1 + ln(1 + coalesce(${st}.views, 0)) / 10)`;

/** Popularity levels kept in `resource_search.search_popularity`: level j holds the top 1/2ʲ. */
export const POPULARITY_LEVELS = 12;

/**
 * Recomputes every resource's popularity levels from today's use and ratings: level j when it is
 * among the top 1/2ʲ published resources (ties broken by id, so each level holds exactly that many).
 * Writes only the rows whose levels changed. Returns how many changed.
 */
export async function refreshPopularity(tx: Tx): Promise<number> {
  const res = await tx.execute(sql`
    with ranked as (
      select r.id, row_number() over (order by ${priorOf(sql`st`)} desc, r.id) as rn, count(*) over () as n
        from resource r left join resource_stat st on st.resource_id = r.id
       where r.status = 'published'
    ),
    levels as (
      select r.id, coalesce((select array_agg(j::smallint order by j) from generate_series(1, ${POPULARITY_LEVELS}) j
                              where x.rn <= x.n / 2 ^ j), '{}') as levels
        from resource_search r left join ranked x on x.id = r.id
    )
    update resource_search r set search_popularity = l.levels from levels l
     where l.id = r.id and r.search_popularity is distinct from l.levels`);
  return res.rowCount ?? 0;
}

/** How common words are, from the planner's statistics (refreshed by ANALYZE). */
export interface WordStats {
  /** Rows of `resource` (estimated). */
  rows: number;
  /** Share of rows holding each of the most common lexemes. */
  freq: Map<string, number>;
  /** Every lexeme not in `freq` is in at most this share of rows. */
  rareBelow: number;
}

export async function readWordStats(tx: Tx): Promise<WordStats | null> {
  const res = await tx.execute<{ rows: number; elems: string[] | null; freqs: number[] | null }>(sql`
    select c.reltuples::float8 as rows, s.most_common_elems::text::text[] as elems, s.most_common_elem_freqs as freqs
      from pg_class c left join pg_stats s on s.schemaname = 'public' and s.tablename = 'resource_search' and s.attname = 'search_vector'
     where c.oid = 'public.resource_search'::regclass`);
  const r = res.rows[0];
  if (!r?.elems || !r.freqs || r.rows <= 0) return null;
  // most_common_elem_freqs ends with the minimum, maximum and null frequency.
  const n = r.elems.length;
  return {
    rows: r.rows,
    freq: new Map(r.elems.map((e, i) => [e, r.freqs![i]!])),
    rareBelow: r.freqs[n] ?? 0,
  };
}

export type SearchItem = {
  id: string;
  kind: TResourceKind;
  title: string;
  description: string;
  subjectCode: string | null;
  gradeCode: string | null;
  themeCode: string | null;
  authorName: string;
  unitName: string;
  status: TResourceStatus;
  publishedAt: string | null;
  views: number;
  rating: number | null;
  score: number;
};

export interface SearchFilter {
  kind?: TResourceKind;
  subjectCode?: string;
  gradeCode?: string;
  themeCode?: string;
  limit: number;
  offset: number;
}

/**
 * The words of a search: all must match (`words`); `probe` are those the index scan looks up, the
 * rest (words in most documents, such as 课堂) are checked on the rows found, where it costs less.
 */
export interface SearchWords {
  words: string[];
  probe: string[];
}

/**
 * Runs a search statement planned for its own words and filters, every time. Not prepared: after
 * five runs a prepared statement may switch to a generic plan, which cannot know how many resources
 * hold the words or pass the filters; one scanned every micro-lesson (250 ms at a million resources)
 * for a query that takes 10 ms planned with its values.
 */
async function planned<T extends Record<string, unknown>>(tx: Tx, query: SQL): Promise<T[]> {
  return (await tx.execute<T>(query)).rows as T[];
}

const tsquery = (words: string[]) => sql`plainto_tsquery('simple', ${words.join(' ')})`;

/** The catalogue filters as `search_keys` (see the resource schema), or none. */
const filterKeys = (q: SearchFilter): string[] =>
  [
    q.kind && `k:${q.kind}`,
    q.subjectCode && `s:${q.subjectCode}`,
    q.gradeCode && `g:${q.gradeCode}`,
    q.themeCode && `t:${q.themeCode}`,
  ].filter((k): k is string => Boolean(k));

const hasKeys = (keys: string[]) => sql`x.search_keys @> string_to_array(${keys.join(',')}, ',')`;

/** Rows of `r` matching all words and visible to the viewer; the index is probed with `probe`. */
function matching(viewer: Viewer, w: SearchWords, probeOn: SQL[]): SQL {
  const full =
    w.probe.length === w.words.length ? sql`` : sql` and ts_match_vq(x.search_vector, ${tsquery(w.words)})`;
  return sql`(${sql.join(probeOn, sql` or `)})${full} and ${resourceVisible(viewer.scope, viewer.actor, sql`r`)}`;
}

/** The search index (`x`, no personal data, no RLS) and, for each match, its resource (`r`, under RLS). */
const SEARCHED = sql`resource_search x join resource r on r.id = x.id`;

const probeWords = (w: SearchWords, vector: SQL) => sql`${vector} @@ ${tsquery(w.probe)}`;
const TITLE_VECTOR = sql`ts_filter(x.search_vector, '{a,b}')`;

/** Text relevance (title > tags > the rest, with proximity) times use and ratings. */
const scored = (w: SearchWords) => sql`
      select r.id, r.kind, r.subject_code, r.grade_code, r.theme_code, r.published_at,
             (ts_rank_cd(x.search_vector, ${tsquery(w.words)}, 32) * ${priorOf(sql`st`)})::float8 as score,
             coalesce(st.views, 0) as views,
             case when st.rating_count > 0 then round(st.rating_sum::numeric / st.rating_count, 1)::float8 end as rating
        from ${SEARCHED} left join resource_stat st on st.resource_id = r.id`;

/** One page of `top` (ranked rows of `scored`) as JSON items. */
const ORDER = sql`score desc, published_at desc nulls last, id`;
const pageItems = sql`(select json_agg(json_build_object(
                     'id', r.id, 'kind', r.kind, 'title', r.title, 'description', r.description,
                     'subjectCode', r.subject_code, 'gradeCode', r.grade_code, 'themeCode', r.theme_code,
                     'authorName', p.name, 'unitName', coalesce(s.name, u.name, ''), 'status', r.status,
                     'publishedAt', r.published_at, 'views', top.views, 'rating', top.rating, 'score', top.score)
                   order by top.score desc, top.published_at desc nulls last, top.id)
              from top join resource r on r.id = top.id join person_directory p on p.id = r.author_id
              left join org_unit s on s.id = r.school_id left join org_unit u on u.id = (
                select o.id from org_unit o where o.path = r.path limit 1))`;

type Facets = { dim: string; value: string; count: number }[];

/**
 * Ranks every match: one page, the total and the facet counts, all exact. Facets count the whole
 * match (before the catalogue filters), so one sees where else results are. One round trip and one
 * index scan.
 */
export async function rankAll(tx: Tx, viewer: Viewer, w: SearchWords, q: SearchFilter) {
  const keys = filterKeys(q);
  const res = await planned<{ total: number; items: SearchItem[] | null; facets: Facets | null }>(
    tx,
    sql`
    with m as materialized (${scored(w)} where ${matching(viewer, w, [probeWords(w, sql`x.search_vector`)])}),
    f as (select * from m ${keys.length > 0 ? sql`where ${filtersOnMatches(q)}` : sql``}),
    top as (select * from f order by ${ORDER} limit ${q.limit} offset ${q.offset})
    select (select count(*)::int from f) as total, ${pageItems} as items,
           (select json_agg(x) from (
              select 'kind' as dim, kind as value, count(*)::int as count from m group by kind
              union all select 'subject', subject_code, count(*)::int from m where subject_code is not null group by subject_code
              union all select 'grade', grade_code, count(*)::int from m where grade_code is not null group by grade_code
              order by 1, 3 desc) x) as facets`,
  );
  return res[0]!;
}

/** The filters on the columns of `m` (the matches ranked in rankAll). */
function filtersOnMatches(q: SearchFilter): SQL {
  const conds = [
    q.kind ? sql`kind = ${q.kind}` : undefined,
    q.subjectCode ? sql`subject_code = ${q.subjectCode}` : undefined,
    q.gradeCode ? sql`grade_code = ${q.gradeCode}` : undefined,
    q.themeCode ? sql`theme_code = ${q.themeCode}` : undefined,
  ].filter((f): f is SQL => f !== undefined);
  return sql.join(conds, sql` and `);
}

/** What a random sample of the resources holding the probed words holds, for estimates. */
export interface MatchSample {
  /** Visible matches of all the words; of them, those passing the filters. */
  n: number;
  filtered: number;
  /** Rows passing the filters that the candidate scans visit: with the probed words anywhere, in the title or tags. */
  probed: number;
  probedInTitle: number;
  facets: Facets;
}

/** Sample levels kept in `resource_search.search_keys`: `~k` marks a random 1/2ᵏ of the resources. */
export const SAMPLE_LEVELS = 12;

/**
 * The visible resources holding the probed words in the random 1/2ᵏ sample (k = 1…12; 0 is all),
 * found in the index alone, with the matches of all words counted by facet. Costs a visit to 1/2ᵏ
 * of the rows the probe finds.
 */
export async function sampleMatches(
  tx: Tx,
  viewer: Viewer,
  w: SearchWords,
  q: SearchFilter,
  k: number,
): Promise<MatchSample> {
  const keys = filterKeys(q);
  const passes = keys.length > 0 ? hasKeys(keys) : sql`true`;
  const full =
    w.probe.length === w.words.length ? sql`true` : sql`ts_match_vq(x.search_vector, ${tsquery(w.words)})`;
  const rows = await planned<{
    g: number;
    kind: string;
    subject: string;
    grade: string;
    n: number;
    nf: number;
    np: number;
    npt: number;
  }>(
    tx,
    sql`
    select grouping(r.kind, r.subject_code, r.grade_code)::int as g, r.kind, r.subject_code as subject,
           r.grade_code as grade, count(*) filter (where ${full})::int as n,
           count(*) filter (where ${full} and ${passes})::int as nf, count(*) filter (where ${passes})::int as np,
           count(*) filter (where ${passes} and ${probeWords(w, TITLE_VECTOR)})::int as npt
      from ${SEARCHED}
     where ${matching(viewer, { words: w.probe, probe: w.probe }, [probeWords(w, sql`x.search_vector`)])}
           ${k > 0 ? sql`and x.search_keys @> array[${`~${k}`}::text]` : sql``}
     group by grouping sets ((), (r.kind), (r.subject_code), (r.grade_code))`,
  );
  const all = rows.find((r) => r.g === 7);
  const facets: Facets = [];
  for (const r of rows) {
    if (r.n === 0) continue;
    if (r.g === 3) facets.push({ dim: 'kind', value: r.kind, count: r.n });
    if (r.g === 5 && r.subject !== null) facets.push({ dim: 'subject', value: r.subject, count: r.n });
    if (r.g === 6 && r.grade !== null) facets.push({ dim: 'grade', value: r.grade, count: r.n });
  }
  return {
    n: all?.n ?? 0,
    filtered: all?.nf ?? 0,
    probed: all?.np ?? 0,
    probedInTitle: all?.npt ?? 0,
    facets,
  };
}

/**
 * Ranks the matches passing the filters among the top 1/2ʲ resources by popularity, and the title
 * or tag matches among the top 1/2ʲˢ (0: all of them): the candidates a large result set's first
 * pages come from. Every candidate gets its exact score. Returns one page and the candidates' count.
 */
export async function rankCandidates(
  tx: Tx,
  viewer: Viewer,
  w: SearchWords,
  q: SearchFilter,
  levels: { all: number; title: number },
) {
  const keys = filterKeys(q);
  const level = (j: number) => (j > 0 ? sql` and x.search_popularity @> array[${j}::smallint]` : sql``);
  const probes =
    levels.all === 0
      ? [probeWords(w, sql`x.search_vector`)]
      : [
          sql`${probeWords(w, sql`x.search_vector`)}${level(levels.all)}`,
          sql`${probeWords(w, TITLE_VECTOR)}${level(levels.title)}`,
        ];
  const res = await planned<{ count: number; items: SearchItem[] | null }>(
    tx,
    sql`
    with c as materialized (${scored(w)} where ${matching(viewer, w, probes)}${keys.length > 0 ? sql` and ${hasKeys(keys)}` : sql``}),
    top as (select * from c order by ${ORDER} limit ${q.limit} offset ${q.offset})
    select (select count(*)::int from c) as count, ${pageItems} as items`,
  );
  return res[0]!;
}
