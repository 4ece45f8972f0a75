import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';

/**
 * A subject's backbone as exchanged in bulk (the demo data, the .xlsx import): one textbook
 * edition's volumes → units → lessons, and the subject's knowledge points with prerequisites.
 */
export interface BackboneData {
  /** JY/T 1001-2012 中小学课程代码: 13 语文, 14 数学, 41 英语. */
  subjectCode: string;
  edition: {
    /** Short name shown everywhere, e.g. 人教版, 统编版. */
    name: string;
    publisher: string;
  };
  volumes: VolumeData[];
  knowledgePoints: KnowledgePointData[];
}

export interface VolumeData {
  /** Grade code: 11–16 primary years 1–6, 21–23 junior years 1–3. */
  grade: string;
  /** 1 = 上册 (autumn term), 2 = 下册 (spring term). */
  term: 1 | 2;
  units: UnitData[];
}

export interface UnitData {
  /** Without the ordinal (units are numbered by position): e.g. '大数的认识', 'My classroom'. */
  title: string;
  lessons: LessonData[];
}

export interface LessonData {
  title: string;
  /** Codes of the knowledge points this lesson teaches. */
  kps: string[];
}

export interface KnowledgePointData {
  /** Stable code, unique within the subject, e.g. 'MA-14-012'. */
  key: string;
  name: string;
  /** Grade code of the first volume that teaches it. */
  grade: string;
  /** Codes of direct prerequisites; the graph must stay acyclic. */
  prereqs: string[];
  /** Strand of the 2022 compulsory-education curriculum standard, e.g. 数与代数, 阅读与鉴赏, 语法. */
  strand: string;
  description?: string;
}

/** How teachers name a year of school, by grade code. */
export const YEAR_NAMES: Record<string, string> = {
  '11': '一年级',
  '12': '二年级',
  '13': '三年级',
  '14': '四年级',
  '15': '五年级',
  '16': '六年级',
  '21': '七年级',
  '22': '八年级',
  '23': '九年级',
  '24': '九年级（五四制）',
  '31': '高一',
  '32': '高二',
  '33': '高三',
};

/** '四年级上册', '七年级下册': how teachers name a volume. */
export const volumeTitle = (grade: string, term: number) =>
  `${YEAR_NAMES[grade] ?? grade}${term === 1 ? '上册' : '下册'}`;

export interface BackboneSummary {
  volumes: number;
  units: number;
  lessons: number;
  knowledgePoints: number;
  prerequisites: number;
  links: number;
}

const json = (rows: unknown[]) => JSON.stringify(rows);

/**
 * Writes a backbone idempotently: editions by (subject, name), volumes by (edition, grade, term),
 * units and lessons by position, knowledge points by code, edges and links added when missing.
 * Re-applying the same data changes nothing; nothing is deleted. Callers validate first (codes
 * exist, no cycles); the database's acyclicity trigger is the last line. An edition without a name
 * carries knowledge points only.
 */
export async function applyBackbone(tx: Tx, data: BackboneData): Promise<BackboneSummary> {
  const subject = data.subjectCode;
  const kps = await tx.execute<{ inserted: boolean }>(sql`
    insert into knowledge_point (id, subject_code, code, name, grade_code, strand, description)
    select x.id, ${subject}, x.key, x.name, x.grade, x.strand, x.description
      from jsonb_to_recordset(${json(data.knowledgePoints.map((k) => ({ ...k, id: newId() })))}::jsonb)
           as x(id uuid, key text, name text, grade text, strand text, description text)
    on conflict (subject_code, code) do update
       set name = excluded.name, grade_code = excluded.grade_code, strand = excluded.strand,
           description = coalesce(excluded.description, knowledge_point.description), active = true, updated_at = now()
     where (knowledge_point.name, knowledge_point.grade_code, knowledge_point.strand, knowledge_point.active)
           is distinct from (excluded.name, excluded.grade_code, excluded.strand, true)
    returning xmax = 0 as inserted`);

  const edgeRows = data.knowledgePoints.flatMap((k) => k.prereqs.map((p) => ({ pre: p, kp: k.key })));
  const edges = await tx.execute(sql`
    insert into knowledge_edge (prerequisite_id, knowledge_point_id)
    select p.id, k.id from jsonb_to_recordset(${json(edgeRows)}::jsonb) as x(pre text, kp text)
      join knowledge_point p on p.subject_code = ${subject} and p.code = x.pre
      join knowledge_point k on k.subject_code = ${subject} and k.code = x.kp
    on conflict do nothing`);

  const none = { volumes: 0, units: 0, lessons: 0, links: 0 };
  const catalog = data.edition.name ? await applyCatalog(tx, data) : none;
  return {
    ...catalog,
    knowledgePoints: kps.rows.filter((k) => k.inserted).length,
    prerequisites: edges.rowCount ?? 0,
  };
}

/** Edition, volumes, units, lessons and their links to (already written) knowledge points. */
async function applyCatalog(tx: Tx, data: BackboneData) {
  const subject = data.subjectCode;
  const edition = await tx.execute<{ id: string }>(sql`
    insert into textbook_edition (id, subject_code, name, publisher)
    values (${newId()}, ${subject}, ${data.edition.name}, ${data.edition.publisher})
    on conflict (subject_code, name) do update set publisher = excluded.publisher, updated_at = now()
    returning id`);
  const editionId = edition.rows[0]!.id;

  const volumes = await tx.execute<{ id: string; grade: string; term: number; inserted: boolean }>(sql`
    insert into curriculum_node (id, edition_id, parent_id, kind, seq, title, grade_code, term)
    select x.id, ${editionId}, null, 'volume', x.seq, x.title, x.grade, x.term
      from jsonb_to_recordset(${json(
        data.volumes.map((v, i) => ({
          id: newId(),
          seq: i + 1,
          title: volumeTitle(v.grade, v.term),
          grade: v.grade,
          term: v.term,
        })),
      )}::jsonb) as x(id uuid, seq int, title text, grade text, term smallint)
    on conflict (edition_id, grade_code, term) where kind = 'volume' do update set title = excluded.title
    returning id, grade_code as grade, term, xmax = 0 as inserted`);
  const volumeId = new Map(volumes.rows.map((v) => [`${v.grade}/${v.term}`, v.id]));

  const unitInput = data.volumes.flatMap((v) =>
    v.units.map((u, i) => ({
      id: newId(),
      parent: volumeId.get(`${v.grade}/${v.term}`),
      seq: i + 1,
      title: u.title,
      grade: v.grade,
      term: v.term,
    })),
  );
  const units = await upsertChildren(tx, editionId, 'unit', unitInput);
  const unitId = new Map(units.rows.map((u) => [`${u.parent}/${u.seq}`, u.id]));

  const lessonInput = data.volumes.flatMap((v) =>
    v.units.flatMap((u, ui) =>
      u.lessons.map((l, i) => ({
        id: newId(),
        parent: unitId.get(`${volumeId.get(`${v.grade}/${v.term}`)}/${ui + 1}`),
        seq: i + 1,
        title: l.title,
        grade: v.grade,
        term: v.term,
        kps: l.kps,
      })),
    ),
  );
  const lessons = await upsertChildren(tx, editionId, 'lesson', lessonInput);
  const lessonId = new Map(lessons.rows.map((l) => [`${l.parent}/${l.seq}`, l.id]));
  const linkRows = lessonInput.flatMap((l) =>
    l.kps.map((kp) => ({ lesson: lessonId.get(`${l.parent}/${l.seq}`), kp })),
  );
  const links = await tx.execute(sql`
    insert into lesson_knowledge_point (lesson_id, knowledge_point_id)
    select x.lesson, k.id from jsonb_to_recordset(${json(linkRows)}::jsonb) as x(lesson uuid, kp text)
      join knowledge_point k on k.subject_code = ${subject} and k.code = x.kp
    on conflict do nothing`);

  return {
    volumes: volumes.rows.filter((v) => v.inserted).length,
    units: units.rows.filter((v) => v.inserted).length,
    lessons: lessons.rows.filter((v) => v.inserted).length,
    links: links.rowCount ?? 0,
  };
}

function upsertChildren(
  tx: Tx,
  editionId: string,
  kind: 'unit' | 'lesson',
  rows: { id: string; parent: string | undefined; seq: number; title: string; grade: string; term: number }[],
) {
  return tx.execute<{ id: string; parent: string; seq: number; inserted: boolean }>(sql`
    insert into curriculum_node (id, edition_id, parent_id, kind, seq, title, grade_code, term)
    select x.id, ${editionId}, x.parent, ${kind}, x.seq, x.title, x.grade, x.term
      from jsonb_to_recordset(${json(rows)}::jsonb) as x(id uuid, parent uuid, seq int, title text, grade text, term smallint)
    on conflict (parent_id, seq) where parent_id is not null do update set title = excluded.title
    returning id, parent_id as parent, seq, xmax = 0 as inserted`);
}
