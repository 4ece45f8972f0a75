/**
 * The aggregates of the mastery roll-ups (学情分析, issue 11 §5): per unit below the one asked for
 * and per knowledge point, and per cognitive level the score rate of the graded answers. Each one
 * statement; the caller runs them under the roll-up's system scope and withholds small cells.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

export type UnitRow = {
  id: string;
  name: string;
  kind: string;
  path: string;
  parentId: string | null;
};

export async function findUnit(tx: Tx, id: string): Promise<UnitRow | null> {
  const r = await tx.execute<UnitRow>(sql`
    select id, name, kind, path::text as path, parent_id as "parentId" from org_unit
     where id = ${id} and kind <> 'teaching_class'`);
  return r.rows[0] ?? null;
}

/** The active units directly below (districts, schools, grades, classes), in code order. */
export async function childUnits(tx: Tx, id: string): Promise<UnitRow[]> {
  const r = await tx.execute<UnitRow>(sql`
    select id, name, kind, path::text as path, parent_id as "parentId" from org_unit
     where parent_id = ${id} and active and kind <> 'teaching_class' order by code, name`);
  return r.rows;
}

/** Subjects with estimates under the path, with how many students each. */
export async function unitSubjects(tx: Tx, path: string): Promise<{ code: string; students: number }[]> {
  const r = await tx.execute<{ code: string; students: number }>(sql`
    select k.subject_code as code, count(distinct km.student_id)::int as students
      from knowledge_mastery km join knowledge_point k on k.id = km.knowledge_point_id
     where km.path <@ ${path}::ltree
     group by k.subject_code order by count(distinct km.student_id) desc, k.subject_code`);
  return r.rows;
}

/**
 * SQL: the unit of `u` (the units directly below the one asked for, all at one depth) that holds
 * `path`: the path's own prefix of that depth, matched by equality. Matched with `<@` instead, each
 * row was compared with every unit: on a 1,000,000-student city, 7.5 million answers against 11
 * districts took 40 of the roll-up's 70 seconds.
 */
const unitOf = (path: SQL) =>
  sql`u.path = subpath(${path}, 0, least(nlevel(${path}), (select max(nlevel(path)) from u)))`;

export type PointAggregate = {
  /** Index into the units passed; -1 for the whole unit. */
  unit: number;
  kp: string;
  code: string;
  name: string;
  strand: string;
  students: number;
  mean: number;
  weak: number;
  mastered: number;
};

/** Per point, for each of `paths` and for `whole` (unit -1): students, mean p, weak and mastered counts. */
export async function pointAggregates(
  tx: Tx,
  whole: string,
  paths: readonly string[],
  subject: string,
  weakBelow: number,
  masteredFrom: number,
): Promise<PointAggregate[]> {
  const r = await tx.execute<PointAggregate>(sql`
    with u as (select (o - 1)::int as unit, p::ltree as path
                 from unnest(${sql.param([...paths])}::text[]) with ordinality as x(p, o)),
    m as (select km.student_id, km.knowledge_point_id as kp, km.p, km.path
            from knowledge_mastery km join knowledge_point k on k.id = km.knowledge_point_id
           where km.path <@ ${whole}::ltree and k.subject_code = ${subject})
    select g.unit, g.kp::text as kp, k.code, k.name, k.strand, g.students, g.mean, g.weak, g.mastered
      from (select case when grouping(u.unit) = 1 then -1 else u.unit end as unit, m.kp, count(*)::int as students, avg(m.p)::float8 as mean,
                   count(*) filter (where m.p < ${weakBelow})::int as weak,
                   count(*) filter (where m.p >= ${masteredFrom})::int as mastered
              from m left join u on ${unitOf(sql`m.path`)}
             group by grouping sets ((u.unit, m.kp), (m.kp))
            having not (grouping(u.unit) = 0 and u.unit is null)) g
      join knowledge_point k on k.id = g.kp
     order by k.code, g.unit`);
  return r.rows;
}

export type LevelAggregate = {
  unit: number;
  level: string;
  students: number;
  score: number;
  max: number;
};

/**
 * Score rate by the items' cognitive level (记忆、理解、应用、分析) over the graded answers of
 * finished attempts under the path, per unit and whole (-1).
 */
export async function cognitiveAggregates(
  tx: Tx,
  whole: string,
  paths: readonly string[],
  subject: string,
): Promise<LevelAggregate[]> {
  const r = await tx.execute<LevelAggregate>(sql`
    with u as (select (o - 1)::int as unit, p::ltree as path
                 from unnest(${sql.param([...paths])}::text[]) with ordinality as x(p, o)),
    done as (select t.id, t.student_id, t.path, a.paper_id from attempt t join assignment a on a.id = t.assignment_id
              where t.path <@ ${whole}::ltree and t.status <> 'in_progress' and t.score is not null),
    -- Each paper's items of the subject, read once (materialized: inlined, the planner may read a
    -- paper's document again for every attempt of it, 11,289 times for 132 papers in the demo).
    pi as materialized (
      select p.id as paper_id, x.number, i.cognitive_level as level
        from paper p cross join lateral jsonb_to_recordset(
               jsonb_path_query_array(p.document, '$.sections[*].items[*]')) as x("itemId" uuid, number int)
        join item i on i.id = x."itemId" and i.subject_code = ${subject}
       where p.id in (select distinct paper_id from done)),
    ans as (
      select d.student_id, d.path, pi.level, coalesce(r.score, 0)::float8 as score, r.max_score::float8 as max
        from done d
        join pi on pi.paper_id = d.paper_id
        join response r on r.attempt_id = d.id and r.number = pi.number
    )
    select case when grouping(u.unit) = 1 then -1 else u.unit end as unit, ans.level, count(distinct ans.student_id)::int as students,
           sum(ans.score)::float8 as score, sum(ans.max)::float8 as max
      from ans left join u on ${unitOf(sql`ans.path`)}
     group by grouping sets ((u.unit, ans.level), (ans.level))
    having not (grouping(u.unit) = 0 and u.unit is null)`);
  return r.rows;
}
