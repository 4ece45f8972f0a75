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

/**
 * Subjects with estimates under the path, with how many students each: the most on any point, as
 * the units' counts (from the classes' sums, `point_mastery_rollup`).
 */
export async function unitSubjects(tx: Tx, path: string): Promise<{ code: string; students: number }[]> {
  const r = await tx.execute<{ code: string; students: number }>(sql`
    select code, max(students)::int as students
      from (select s.subject_code as code, sum(s.students) as students from point_mastery_rollup s
             where s.path <@ ${path}::ltree group by s.subject_code, s.knowledge_point_id) x
     group by code order by max(students) desc, code`);
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

/**
 * Per point, for each of `paths` and for `whole` (unit -1): students, mean p, weak and mastered
 * counts, from the classes' sums (`point_mastery_rollup`). Each estimate is under one class, so a
 * unit's cells add up to the whole.
 */
export async function pointAggregates(
  tx: Tx,
  whole: string,
  paths: readonly string[],
  subject: string,
): Promise<PointAggregate[]> {
  const r = await tx.execute<PointAggregate>(sql`
    with u as (select (o - 1)::int as unit, p::ltree as path
                 from unnest(${sql.param([...paths])}::text[]) with ordinality as x(p, o))
    select g.unit, g.kp::text as kp, k.code, k.name, k.strand, g.students, g.mean, g.weak, g.mastered
      from (select case when grouping(u.unit) = 1 then -1 else u.unit end as unit, s.knowledge_point_id as kp,
                   sum(s.students)::int as students, (sum(s.p_sum) / sum(s.students))::float8 as mean,
                   sum(s.weak)::int as weak, sum(s.mastered)::int as mastered
              from point_mastery_rollup s left join u on ${unitOf(sql`s.path`)}
             where s.path <@ ${whole}::ltree and s.subject_code = ${subject}
             group by grouping sets ((u.unit, s.knowledge_point_id), (s.knowledge_point_id))
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
 * Score rate by the items' cognitive level (记忆、理解、应用、分析) per unit and whole (-1), from the
 * classes' precomputed sums (`level_score_rollup`). A student who answered in two classes counts in
 * each (a unit's cells add up to the whole).
 */
export async function cognitiveAggregates(
  tx: Tx,
  whole: string,
  paths: readonly string[],
  subject: string,
): Promise<LevelAggregate[]> {
  const r = await tx.execute<LevelAggregate>(sql`
    with u as (select (o - 1)::int as unit, p::ltree as path
                 from unnest(${sql.param([...paths])}::text[]) with ordinality as x(p, o))
    select case when grouping(u.unit) = 1 then -1 else u.unit end as unit, s.level, sum(s.students)::int as students,
           sum(s.score)::float8 as score, sum(s.max)::float8 as max
      from level_score_rollup s left join u on ${unitOf(sql`s.path`)}
     where s.path <@ ${whole}::ltree and s.subject_code = ${subject}
     group by grouping sets ((u.unit, s.level), (s.level))
    having not (grouping(u.unit) = 0 and u.unit is null)`);
  return r.rows;
}

/** When the classes' sums were last rebuilt; null before the first rebuild. */
export async function levelScoresBuiltAt(tx: Tx): Promise<Date | null> {
  const r = await tx.execute<{ at: string }>(sql`select built_at as at from level_score_rollup_build`);
  return r.rows[0] ? new Date(r.rows[0].at) : null;
}

/**
 * Whether the sums are stale: never built, an attempt changed since (a submission, a grade, a
 * mark), a student's estimates changed (an answer, personal practice, the nightly recompute), or
 * built more than a day ago (an item's level edited, a student's data erased).
 */
export async function levelScoresDue(tx: Tx): Promise<boolean> {
  const r = await tx.execute<{ due: boolean }>(sql`
    select coalesce((select b.built_at < now() - interval '1 day'
                         or exists (select 1 from attempt t where t.updated_at > b.built_at)
                         or exists (select 1 from mastery_state m where m.updated_at > b.built_at)
                       from level_score_rollup_build b), true) as due`);
  return r.rows[0]?.due ?? true;
}

/**
 * Rebuilds the classes' sums. From every graded answer of finished attempts: per attempt path (the
 * student's class when answering), subject and cognitive level of the item, the students who
 * answered and the sums of scores and full marks. From every estimate of knowledge mastery: per
 * path (the student's class when last estimated) and point, the students, the sum of their
 * estimates and how many are below `weakBelow` or from `masteredFrom`. One pass over each; the old
 * rows go in the same transaction, so readers see the old or the new sums, whole.
 *
 * Planner settings for these statements only (reset after them). Left to itself, on a city of
 * 1,000,000 students (7.5 million answers) the planner hashed the attempts × papers' items first
 * and sorted the 7.5 million rows to group them: 19–25 s. Joining in the order written (answers to
 * attempts to items, the small sides hashed) and grouping by hash, 8 s.
 */
export async function rebuildRollups(
  tx: Tx,
  weakBelow: number,
  masteredFrom: number,
): Promise<{ rows: number; attempts: number; points: number }> {
  const prev = await tx.execute<{ jcl: string; sort: string; mem: string }>(sql`
    select current_setting('join_collapse_limit') as jcl, current_setting('enable_sort') as sort,
           current_setting('work_mem') as mem`);
  await tx.execute(sql`select set_config('join_collapse_limit', '1', true), set_config('enable_sort', 'off', true),
                              set_config('work_mem', '256MB', true)`);
  await tx.execute(sql`delete from level_score_rollup`);
  const r = await tx.execute<{ rows: number; attempts: number }>(sql`
    with done as materialized (
      select t.id, t.student_id, t.path, a.paper_id
        from attempt t join assignment a on a.id = t.assignment_id
       where t.status <> 'in_progress' and t.score is not null),
    -- Each paper's items with a level, read once from the paper's document.
    pi as materialized (
      select p.id as paper_id, x.number, i.subject_code as subject, i.cognitive_level as level
        from paper p cross join lateral jsonb_to_recordset(
               jsonb_path_query_array(p.document, '$.sections[*].items[*]')) as x("itemId" uuid, number int)
        join item i on i.id = x."itemId"
       where i.cognitive_level is not null and p.id in (select paper_id from assignment)),
    per_student as (
      select d.path::text as path, pi.subject, pi.level, d.student_id,
             sum(coalesce(r.score, 0))::float8 as score, sum(r.max_score)::float8 as max
        from response r
        join done d on d.id = r.attempt_id
        join pi on pi.paper_id = d.paper_id and pi.number = r.number
       group by 1, 2, 3, 4),
    ins as (
      insert into level_score_rollup (path, subject_code, level, students, score, max)
      select path::ltree, subject, level, count(*)::int, sum(score), sum(max)
        from per_student group by path, subject, level
      returning 1)
    select (select count(*) from ins)::int as rows, (select count(*) from done)::int as attempts`);
  const out = r.rows[0] ?? { rows: 0, attempts: 0 };
  await tx.execute(sql`delete from point_mastery_rollup`);
  const points = await tx.execute<{ rows: number }>(sql`
    with ins as (
      insert into point_mastery_rollup (path, knowledge_point_id, subject_code, students, p_sum, weak, mastered)
      select km.path, km.knowledge_point_id, k.subject_code, count(*)::int, sum(km.p::float8),
             count(*) filter (where km.p < ${weakBelow})::int, count(*) filter (where km.p >= ${masteredFrom})::int
        from knowledge_mastery km join knowledge_point k on k.id = km.knowledge_point_id
       group by km.path, km.knowledge_point_id, k.subject_code
      returning 1)
    select count(*)::int as rows from ins`);
  await tx.execute(sql`
    insert into level_score_rollup_build (id, built_at, attempts) values (1, now(), ${out.attempts})
    on conflict (id) do update set built_at = excluded.built_at, attempts = excluded.attempts`);
  // Back to the transaction's own settings (a failure rolls the transaction, and them, back).
  const p = prev.rows[0]!;
  await tx.execute(sql`select set_config('join_collapse_limit', ${p.jcl}, true),
                              set_config('enable_sort', ${p.sort}, true), set_config('work_mem', ${p.mem}, true)`);
  return { ...out, points: points.rows[0]?.rows ?? 0 };
}
