import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

export type KnowledgePointRow = {
  id: string;
  subjectCode: string;
  code: string;
  name: string;
  gradeCode: string;
  strand: string;
  description: string | null;
  prerequisites: number;
  lessons: number;
};

export async function listKnowledgePoints(
  tx: Tx,
  f: { subjectCode: string; gradeCode?: string; strand?: string; q?: string },
): Promise<KnowledgePointRow[]> {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const res = await tx.execute<KnowledgePointRow>(sql`
    select k.id, k.subject_code as "subjectCode", k.code, k.name, k.grade_code as "gradeCode", k.strand, k.description,
           (select count(*)::int from knowledge_edge e where e.knowledge_point_id = k.id) as prerequisites,
           (select count(*)::int from lesson_knowledge_point l where l.knowledge_point_id = k.id) as lessons
      from knowledge_point k
     where k.subject_code = ${f.subjectCode} and k.active
       and ${f.gradeCode ? sql`k.grade_code = ${f.gradeCode}` : sql`true`}
       and ${f.strand ? sql`k.strand = ${f.strand}` : sql`true`}
       and ${like ? sql`(k.name ilike ${like} or k.code ilike ${like})` : sql`true`}
     order by k.grade_code, k.code limit 2000`);
  return res.rows;
}

export async function findKnowledgePoint(tx: Tx, id: string) {
  const res = await tx.execute<Omit<KnowledgePointRow, 'prerequisites' | 'lessons'>>(sql`
    select id, subject_code as "subjectCode", code, name, grade_code as "gradeCode", strand, description
      from knowledge_point where id = ${id} and active`);
  return res.rows[0];
}

export type PointRef = { id: string; code: string; name: string; gradeCode: string };

export async function listNeighbours(tx: Tx, id: string) {
  const res = await tx.execute<PointRef & { direction: 'prerequisite' | 'dependent' }>(sql`
    select k.id, k.code, k.name, k.grade_code as "gradeCode", 'prerequisite' as direction
      from knowledge_edge e join knowledge_point k on k.id = e.prerequisite_id where e.knowledge_point_id = ${id}
    union all
    select k.id, k.code, k.name, k.grade_code, 'dependent'
      from knowledge_edge e join knowledge_point k on k.id = e.knowledge_point_id where e.prerequisite_id = ${id}
    order by 5, 4, 2`);
  return res.rows;
}

export async function listLessonsOfPoint(tx: Tx, id: string) {
  const res = await tx.execute<{
    id: string;
    title: string;
    unitTitle: string;
    gradeCode: string;
    term: number;
    edition: string;
  }>(sql`
    select n.id, n.title, u.title as "unitTitle", n.grade_code as "gradeCode", n.term, e.name as edition
      from lesson_knowledge_point l join curriculum_node n on n.id = l.lesson_id
      join curriculum_node u on u.id = n.parent_id join textbook_edition e on e.id = n.edition_id
     where l.knowledge_point_id = ${id} order by n.grade_code, n.term, u.seq, n.seq`);
  return res.rows;
}

/** The prerequisite chain from `from` up to `to`, if `to` is (indirectly) a prerequisite of `from`. */
export async function prerequisitePath(tx: Tx, from: string, to: string): Promise<PointRef[] | null> {
  const res = await tx.execute<{ path: string[] }>(sql`
    with recursive up(id, path) as (
      select e.prerequisite_id, array[${from}::uuid, e.prerequisite_id] from knowledge_edge e where e.knowledge_point_id = ${from}
      union all
      select e.prerequisite_id, up.path || e.prerequisite_id from knowledge_edge e join up on e.knowledge_point_id = up.id
       where not e.prerequisite_id = any(up.path)
    )
    select path::text[] as path from up where id = ${to} limit 1`);
  const path = res.rows[0]?.path;
  if (!path) return null;
  const points = await tx.execute<PointRef>(sql`
    select id, code, name, grade_code as "gradeCode" from knowledge_point
     where id = any(string_to_array(${path.join(',')}, ',')::uuid[])`);
  const byId = new Map(points.rows.map((p) => [p.id, p]));
  return path.map((id) => byId.get(id)!);
}

export async function graph(tx: Tx, subjectCode: string, gradeCodes: string[] | undefined) {
  const grades = gradeCodes?.join(',') ?? '';
  const nodes = await tx.execute<PointRef & { strand: string; focus: boolean }>(sql`
    with focus as (
      select id from knowledge_point
       where subject_code = ${subjectCode} and active
         and (${grades} = '' or grade_code = any(string_to_array(${grades}, ',')))
    )
    select k.id, k.code, k.name, k.grade_code as "gradeCode", k.strand, k.id in (select id from focus) as focus
      from knowledge_point k
     where k.id in (select id from focus)
        or k.id in (select e.prerequisite_id from knowledge_edge e where e.knowledge_point_id in (select id from focus))
     order by k.grade_code, k.code`);
  const ids = nodes.rows.map((n) => n.id).join(',');
  const edges = await tx.execute<{ source: string; target: string }>(sql`
    select prerequisite_id as source, knowledge_point_id as target from knowledge_edge
     where knowledge_point_id = any(string_to_array(${ids}, ',')::uuid[])
       and prerequisite_id = any(string_to_array(${ids}, ',')::uuid[])`);
  return { nodes: nodes.rows, edges: edges.rows };
}

/** Those of `ids` that are active knowledge points of the subject. */
export async function findActivePointIds(
  tx: Tx,
  subjectCode: string | null,
  ids: string[],
): Promise<string[]> {
  const found = await tx.execute<{ id: string }>(sql`select id from knowledge_point
    where subject_code = ${subjectCode} and active and id = any(string_to_array(${ids.join(',')}, ',')::uuid[])`);
  return found.rows.map((r) => r.id);
}

/** Adds a knowledge point; undefined when the subject already has its code. */
export async function insertKnowledgePoint(
  tx: Tx,
  k: Omit<KnowledgePointRow, 'prerequisites' | 'lessons'>,
): Promise<string | undefined> {
  const res = await tx.execute<{ id: string }>(sql`
    insert into knowledge_point (id, subject_code, code, name, grade_code, strand, description)
    values (${k.id}, ${k.subjectCode}, ${k.code}, ${k.name}, ${k.gradeCode}, ${k.strand},
            ${k.description})
    on conflict (subject_code, code) do nothing returning id`);
  return res.rows[0]?.id;
}

export async function updateKnowledgePoint(
  tx: Tx,
  id: string,
  k: Pick<KnowledgePointRow, 'name' | 'gradeCode' | 'strand' | 'description'>,
): Promise<void> {
  await tx.execute(sql`update knowledge_point set
      name = ${k.name}, grade_code = ${k.gradeCode},
      strand = ${k.strand},
      description = ${k.description}, updated_at = now()
    where id = ${id}`);
}

/** Serialises edits of the knowledge graph until the transaction ends. */
export async function lockGraph(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('hanlin.knowledge_graph'))`);
}

/** Makes one point a prerequisite of another; false when it already was. */
export async function insertEdge(tx: Tx, prerequisiteId: string, pointId: string): Promise<boolean> {
  const res = await tx.execute(sql`insert into knowledge_edge (prerequisite_id, knowledge_point_id)
    values (${prerequisiteId}, ${pointId}) on conflict do nothing`);
  return (res.rowCount ?? 0) > 0;
}

/** Removes a prerequisite edge; false when there was none. */
export async function deleteEdge(tx: Tx, pointId: string, prerequisiteId: string): Promise<boolean> {
  const res = await tx.execute(sql`delete from knowledge_edge
    where knowledge_point_id = ${pointId} and prerequisite_id = ${prerequisiteId}`);
  return (res.rowCount ?? 0) > 0;
}
