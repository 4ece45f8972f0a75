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

/** Adds an edition; undefined when the subject already has one of that name. */
export async function insertEdition(
  tx: Tx,
  e: { id: string; subjectCode: string; name: string; publisher: string },
): Promise<string | undefined> {
  const res = await tx.execute<{ id: string }>(sql`
    insert into textbook_edition (id, subject_code, name, publisher)
    values (${e.id}, ${e.subjectCode}, ${e.name}, ${e.publisher})
    on conflict (subject_code, name) do nothing returning id`);
  return res.rows[0]?.id;
}

export async function volumeExists(
  tx: Tx,
  editionId: string,
  gradeCode: string,
  term: number,
): Promise<boolean> {
  const exists = await tx.execute(sql`select 1 from curriculum_node where edition_id = ${editionId}
      and kind = 'volume' and grade_code = ${gradeCode} and term = ${term}`);
  return exists.rows.length > 0;
}

export async function renameNode(tx: Tx, id: string, title: string): Promise<void> {
  await tx.execute(sql`update curriculum_node set title = ${title}, updated_at = now() where id = ${id}`);
}

/** Deletes a node and, for a lesson, its knowledge-point links. */
export async function deleteNode(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`delete from lesson_knowledge_point where lesson_id = ${id}`);
  await tx.execute(sql`delete from curriculum_node where id = ${id}`);
}

/** Replaces the knowledge points a lesson teaches. */
export async function setLessonPoints(tx: Tx, lessonId: string, ids: string[]): Promise<void> {
  await tx.execute(sql`delete from lesson_knowledge_point where lesson_id = ${lessonId}`);
  if (ids.length > 0)
    await tx.execute(sql`insert into lesson_knowledge_point (lesson_id, knowledge_point_id)
      select ${lessonId}, unnest(string_to_array(${ids.join(',')}, ',')::uuid[])`);
}
