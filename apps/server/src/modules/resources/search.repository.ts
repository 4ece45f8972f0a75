import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { execPrepared } from '../../platform/db/prepared.ts';
import type { Viewer } from '../../platform/scope/registry.ts';
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
      ? sql`r.search_vector is null`
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

/** Stores the vectors of segmented documents: `a` weighs most (title), then `b` (tags), then `c`. */
export async function writeSearchVectors(
  tx: Tx,
  docs: { id: string; a: string; b: string; c: string }[],
): Promise<void> {
  await tx.execute(sql`
      update resource r set search_vector = setweight(to_tsvector('simple', x.a), 'A')
                                         || setweight(to_tsvector('simple', x.b), 'B')
                                         || setweight(to_tsvector('simple', x.c), 'C')
        from jsonb_to_recordset(${JSON.stringify(docs)}::jsonb) as x(id uuid, a text, b text, c text)
       where r.id = x.id`);
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
 * One page of the resources the viewer may see matching all `words`, ranked by text relevance
 * (title > tags > description) blended with ratings and use, with the total and the facet counts.
 * Facets count the whole match (before the catalogue filters), so one sees where else results are.
 * One round trip and one index scan: the matches are ranked once, then paged and counted by facet.
 * Prepared: the statement's text varies only with the filters set and the actor's kind of role.
 */
export async function searchPage(tx: Tx, viewer: Viewer, words: string[], q: SearchFilter) {
  const tsq = sql`plainto_tsquery('simple', ${words.join(' ')})`;
  const base = sql`r.search_vector @@ ${tsq} and ${resourceVisible(viewer.scope, viewer.actor, sql`r`)}`;
  const filters = [
    q.kind ? sql`kind = ${q.kind}` : undefined,
    q.subjectCode ? sql`subject_code = ${q.subjectCode}` : undefined,
    q.gradeCode ? sql`grade_code = ${q.gradeCode}` : undefined,
    q.themeCode ? sql`theme_code = ${q.themeCode}` : undefined,
  ].filter((f): f is SQL => f !== undefined);
  const res = await execPrepared<{
    total: number;
    items: SearchItem[] | null;
    facets: { dim: string; value: string; count: number }[] | null;
  }>(
    tx,
    sql`
    with m as materialized (
      select r.id, r.kind, r.subject_code, r.grade_code, r.theme_code, r.published_at,
             (ts_rank_cd(r.search_vector, ${tsq}, 32)
               * (1 + coalesce(st.rating_sum::float8 / nullif(st.rating_count, 0), 3) / 10)
               * (1 + ln(1 + coalesce(st.views, 0)) / 10))::float8 as score,
             coalesce(st.views, 0) as views,
             case when st.rating_count > 0 then round(st.rating_sum::numeric / st.rating_count, 1)::float8 end as rating
        from resource r left join resource_stat st on st.resource_id = r.id
       where ${base}
    ),
    f as (select * from m where ${filters.length > 0 ? sql.join(filters, sql` and `) : sql`true`}),
    top as (select * from f order by score desc, published_at desc nulls last, id limit ${q.limit} offset ${q.offset})
    select (select count(*)::int from f) as total,
           (select json_agg(json_build_object(
                     'id', r.id, 'kind', r.kind, 'title', r.title, 'description', r.description,
                     'subjectCode', r.subject_code, 'gradeCode', r.grade_code, 'themeCode', r.theme_code,
                     'authorName', p.name, 'unitName', coalesce(s.name, u.name, ''), 'status', r.status,
                     'publishedAt', r.published_at, 'views', top.views, 'rating', top.rating, 'score', top.score)
                   order by top.score desc, top.published_at desc nulls last, top.id)
              from top join resource r on r.id = top.id join person_directory p on p.id = r.author_id
              left join org_unit s on s.id = r.school_id left join org_unit u on u.id = (
                select o.id from org_unit o where o.path = r.path limit 1)) as items,
           (select json_agg(x) from (
              select 'kind' as dim, kind as value, count(*)::int as count from m group by kind
              union all select 'subject', subject_code, count(*)::int from m where subject_code is not null group by subject_code
              union all select 'grade', grade_code, count(*)::int from m where grade_code is not null group by grade_code
              order by 1, 3 desc) x) as facets`,
  );
  return res[0]!;
}
