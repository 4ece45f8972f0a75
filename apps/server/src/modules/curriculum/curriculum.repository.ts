import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import type { TNodeKind } from './curriculum.schema.ts';

export type EditionRow = {
  id: string;
  subjectCode: string;
  name: string;
  publisher: string;
  volumes: number;
  lessons: number;
};

export async function listEditions(tx: Tx, subjectCode?: string): Promise<EditionRow[]> {
  const res = await tx.execute<EditionRow>(sql`
    select e.id, e.subject_code as "subjectCode", e.name, e.publisher,
           count(*) filter (where n.kind = 'volume')::int as volumes,
           count(*) filter (where n.kind = 'lesson')::int as lessons
      from textbook_edition e left join curriculum_node n on n.edition_id = e.id
     where ${subjectCode ? sql`e.subject_code = ${subjectCode}` : sql`true`}
     group by e.id order by e.subject_code, e.name`);
  return res.rows;
}

export async function findEdition(tx: Tx, id: string) {
  const res = await tx.execute<{ id: string; subjectCode: string; name: string; publisher: string }>(
    sql`select id, subject_code as "subjectCode", name, publisher from textbook_edition where id = ${id}`,
  );
  return res.rows[0];
}

export type NodeRow = {
  id: string;
  editionId: string;
  parentId: string | null;
  kind: TNodeKind;
  seq: number;
  title: string;
  gradeCode: string;
  term: number;
  /** Lessons only: linked knowledge points. */
  knowledgePointIds: string[];
};

export async function listNodes(
  tx: Tx,
  editionId: string,
  filter: { gradeCode?: string; term?: number },
): Promise<NodeRow[]> {
  const res = await tx.execute<NodeRow>(sql`
    select n.id, n.edition_id as "editionId", n.parent_id as "parentId", n.kind, n.seq, n.title,
           n.grade_code as "gradeCode", n.term,
           coalesce((select array_agg(l.knowledge_point_id::text) from lesson_knowledge_point l where l.lesson_id = n.id),
                    '{}') as "knowledgePointIds"
      from curriculum_node n
     where n.edition_id = ${editionId}
       and ${filter.gradeCode ? sql`n.grade_code = ${filter.gradeCode}` : sql`true`}
       and ${filter.term ? sql`n.term = ${filter.term}` : sql`true`}
     order by n.grade_code, n.term, n.kind = 'lesson', n.seq`);
  return res.rows;
}

export async function findNode(tx: Tx, id: string) {
  const res = await tx.execute<
    Omit<NodeRow, 'knowledgePointIds'> & { subjectCode: string; children: number }
  >(sql`
    select n.id, n.edition_id as "editionId", n.parent_id as "parentId", n.kind, n.seq, n.title,
           n.grade_code as "gradeCode", n.term, e.subject_code as "subjectCode",
           (select count(*)::int from curriculum_node c where c.parent_id = n.id) as children
      from curriculum_node n join textbook_edition e on e.id = n.edition_id where n.id = ${id}`);
  return res.rows[0];
}

export async function nextSeq(tx: Tx, parentId: string): Promise<number> {
  const res = await tx.execute<{ n: number }>(
    sql`select coalesce(max(seq), 0)::int + 1 as n from curriculum_node where parent_id = ${parentId}`,
  );
  return res.rows[0]!.n;
}

export async function insertNode(
  tx: Tx,
  n: {
    editionId: string;
    parentId: string | null;
    kind: TNodeKind;
    seq: number;
    title: string;
    gradeCode: string;
    term: number;
  },
): Promise<string> {
  const id = newId();
  await tx.execute(sql`insert into curriculum_node (id, edition_id, parent_id, kind, seq, title, grade_code, term)
    values (${id}, ${n.editionId}, ${n.parentId}, ${n.kind}, ${n.seq}, ${n.title}, ${n.gradeCode}, ${n.term})`);
  return id;
}

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
