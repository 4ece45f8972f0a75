/**
 * The SQL of the item analysis (试题分析): an assignment with its paper, the classes it was given to,
 * and the scores and chosen options of its graded attempts inside the given subtrees. No name, no
 * student id and no written answer leaves these queries: only what the statistics need. Every
 * function takes the transaction.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { pathWithin } from '../../platform/scope/scope.ts';
import type { TAssignmentKind } from './attempts.schema.ts';
import type { PaperDocument } from './paper-model.ts';

export type AnalysisAssignment = {
  id: string;
  title: string;
  kind: TAssignmentKind;
  subjectCode: string;
  totalScore: number;
  releasedAt: Date | null;
  document: PaperDocument | null;
};

export async function findAnalysisAssignment(tx: Tx, id: string): Promise<AnalysisAssignment | undefined> {
  const r = await tx.execute<AnalysisAssignment>(
    sql`select a.id, a.title, a.kind, p.subject_code as "subjectCode", p.total_score as "totalScore",
               a.released_at as "releasedAt", p.document
          from assignment a join paper p on p.id = a.paper_id where a.id = ${id}`,
  );
  return r.rows[0];
}

/**
 * The assignment's classes inside `paths` (null: all of them) and how many graded attempts each
 * has: an attempt counts once submitted (or closed at its deadline) with every answer marked.
 */
export async function analysisClasses(tx: Tx, id: string, paths: string[] | null) {
  const within = paths === null ? sql`true` : pathWithin(sql`ac.path`, paths);
  const r = await tx.execute<{ id: string; name: string; graded: number; pending: number }>(
    sql`select ac.class_id as id, c.name,
               count(t.id) filter (where t.score is not null)::int as graded,
               count(t.id) filter (where t.score is null)::int as pending
          from assignment_class ac join org_unit c on c.id = ac.class_id
          left join attempt t on t.assignment_id = ac.assignment_id and t.class_id = ac.class_id
                              and t.status in ('submitted', 'expired')
         where ac.assignment_id = ${id} and ${within}
         group by ac.class_id, c.name order by c.name, ac.class_id`,
  );
  return r.rows;
}

/** One answer of a graded attempt: its leaf, its score and, for a choice leaf, the options chosen. */
export type AnalysisResponse = {
  /** Row number of the attempt in this read (1, 2 …), standing for nobody. */
  person: number;
  number: number;
  part: number;
  score: number | null;
  /** The chosen letters of a choice answer, `T`/`F` for a judgement, null otherwise. */
  chosen: string[] | null;
};

/**
 * The scores and choices of the graded attempts of the assignment in `paths` (null: all) and, when
 * given, one class. Attempts are numbered in this read only; their ids stay in the database.
 */
export async function gradedResponses(
  tx: Tx,
  id: string,
  paths: string[] | null,
  classId: string | null,
): Promise<{ persons: number; responses: AnalysisResponse[] }> {
  const within = paths === null ? sql`true` : pathWithin(sql`t.path`, paths);
  const inClass = classId === null ? sql`true` : sql`t.class_id = ${classId}::uuid`;
  const r = await tx.execute<AnalysisResponse & { persons: number }>(
    sql`with g as (
          select t.id, (row_number() over (order by t.id))::int as person
            from attempt t
           where t.assignment_id = ${id} and t.status in ('submitted', 'expired') and t.score is not null
             and ${within} and ${inClass})
        select g.person, (select count(*)::int from g) as persons, r.number, r.part, r.score,
               case when r.value ? 'choice' then array[r.value->>'choice']
                    when r.value ? 'choices' then array(select jsonb_array_elements_text(r.value->'choices'))
                    when r.value ? 'judgement' then array[case when (r.value->>'judgement')::boolean then 'T' else 'F' end]
               end as chosen
          from g left join response r on r.attempt_id = g.id
         order by g.person`,
  );
  const persons = r.rows[0]?.persons ?? 0;
  return { persons, responses: r.rows.filter((x) => x.number !== null) };
}

/** Knowledge point names of the bank items, by item id. */
export async function knowledgePointNames(tx: Tx, itemIds: readonly string[]) {
  const out = new Map<string, { id: string; name: string }[]>();
  if (itemIds.length === 0) return out;
  const r = await tx.execute<{ itemId: string; id: string; name: string }>(
    sql`select ik.item_id as "itemId", k.id, k.name from item_knowledge_point ik
          join knowledge_point k on k.id = ik.knowledge_point_id
         where ik.item_id = any(${sql.param([...itemIds])}::uuid[]) order by k.code`,
  );
  for (const row of r.rows)
    out.set(row.itemId, [...(out.get(row.itemId) ?? []), { id: row.id, name: row.name }]);
  return out;
}

/**
 * The 统考 an analyst may open from the list: set in or given to classes under `paths` (null: all
 * the rows the caller's row-level scope shows), newest first.
 */
export async function listUnifiedExams(tx: Tx, paths: string[] | null) {
  const within =
    paths === null
      ? sql`true`
      : sql`(${pathWithin(sql`a.path`, paths)} or exists (select 1 from assignment_class ac
              where ac.assignment_id = a.id and ${pathWithin(sql`ac.path`, paths)}))`;
  const r = await tx.execute<{
    id: string;
    title: string;
    subjectCode: string;
    gradeCode: string;
    opensAt: Date;
    releasedAt: Date | null;
    classes: number;
  }>(
    sql`select a.id, a.title, p.subject_code as "subjectCode", p.grade_code as "gradeCode",
               a.opens_at as "opensAt", a.released_at as "releasedAt",
               (select count(*)::int from assignment_class ac where ac.assignment_id = a.id) as classes
          from assignment a join paper p on p.id = a.paper_id
         where a.kind = 'unified_exam' and ${within}
         order by a.opens_at desc, a.id limit 200`,
  );
  return r.rows;
}
