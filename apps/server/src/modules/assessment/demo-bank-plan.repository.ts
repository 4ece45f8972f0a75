/**
 * The SQL of the demo item bank's seed: what it reads of the city and the backbone, and how it
 * writes items, their knowledge points and their search index.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { indexTokens } from '../../platform/search/chinese.ts';
import type { BankLesson } from './demo-bank-lesson.ts';
import type { BankAuthor, BankItem } from './demo-bank-plan.ts';
import { iso } from './demo-time.ts';

/** Lessons of 语文, 数学 and 英语, grades 3–9, in backbone order, with their knowledge points. */
export async function loadBankLessons(tx: Tx): Promise<BankLesson[]> {
  const res = await tx.execute<BankLesson>(sql`
    select l.id, l.title, e.subject_code as subject, l.grade_code as grade, l.term, u.title as unit,
           u.seq as "unitNo", l.seq as "lessonNo",
           coalesce(jsonb_agg(jsonb_build_object('id', k.id, 'code', k.code, 'name', k.name, 'strand', k.strand)
                              order by k.code) filter (where k.id is not null), '[]') as kps
      from curriculum_node l join curriculum_node u on u.id = l.parent_id
      join textbook_edition e on e.id = l.edition_id
      left join lesson_knowledge_point lk on lk.lesson_id = l.id
      left join knowledge_point k on k.id = lk.knowledge_point_id
     where l.kind = 'lesson' and e.subject_code in ('13', '14', '41') and l.grade_code between '13' and '23'
     group by l.id, u.id, e.subject_code order by e.subject_code, l.grade_code, l.term, u.seq, l.seq`);
  return res.rows;
}

/** This term's teachers of 语文, 数学 and 英语 by subject and grade, in a stable order. */
export async function loadBankAuthors(tx: Tx): Promise<BankAuthor[]> {
  const res = await tx.execute<BankAuthor>(sql`
    select distinct ta.teacher_id as id, c.school_id as "schoolId", c.district_id as "districtId",
           s.path::text as "schoolPath", d.name as district, ta.subject_code as subject, c.grade_code as grade
      from teaching_assignment ta join term t on t.id = ta.term_id and t.current
      join org_unit c on c.id = ta.class_id join org_unit s on s.id = c.school_id join org_unit d on d.id = c.district_id
     where ta.subject_code in ('13', '14', '41') and c.grade_code between '13' and '23'
     order by ta.subject_code, c.grade_code, ta.teacher_id`);
  return res.rows;
}

/** The demo teacher as an author: her subject and the grade she teaches. */
export async function loadDemoTeacher(tx: Tx): Promise<BankAuthor | undefined> {
  const res = await tx.execute<BankAuthor>(sql`
    select ta.teacher_id as id, c.school_id as "schoolId", c.district_id as "districtId", s.path::text as "schoolPath",
           d.name as district, ta.subject_code as subject, c.grade_code as grade
      from teaching_assignment ta join term t on t.id = ta.term_id and t.current
      join account a on a.person_id = ta.teacher_id and a.username = 'teacher_demo'
      join org_unit c on c.id = ta.class_id join org_unit s on s.id = c.school_id join org_unit d on d.id = c.district_id
     where ta.subject_code in ('13', '14', '41') order by ta.subject_code, c.grade_code limit 1`);
  return res.rows[0];
}

const BATCH = 400;
const batches = <T>(rows: readonly T[]) =>
  Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) => rows.slice(i * BATCH, (i + 1) * BATCH));

/**
 * Writes the items, their knowledge points and their search index (stem and options A, knowledge
 * points B, source C, segmented by jieba as the bank indexes). Segmenting is the slow part, so each
 * batch is segmented while the database writes the one before.
 */
export async function insertBankItems(tx: Tx, items: readonly BankItem[]): Promise<void> {
  const tokens = new Map<string, string>();
  const cached = (text: string) => tokens.get(text) ?? tokens.set(text, indexTokens(text)).get(text)!;
  let pending: Promise<unknown> = Promise.resolve();
  for (const part of batches(items)) {
    const rows = part.map((i) => ({
      id: i.id,
      type: i.content.type,
      content: i.content,
      stem: i.stemText,
      subject: i.lesson.subject,
      grade: i.lesson.grade,
      level: i.level,
      difficulty: i.difficulty,
      score: i.score,
      seconds: i.seconds,
      source: i.source,
      year: i.year,
      author: i.author.id,
      path: i.author.schoolPath,
      district: i.author.districtId,
      school: i.author.schoolId,
      share: i.share,
      requested: i.shareRequested,
      status: i.shareStatus,
      note: i.shareNote,
      at: iso(i.createdAt),
      kps: i.kpIds,
      a: indexTokens(i.stemText),
      b: cached(i.kpNames.join(' ')),
      // The bank's index: the source and the year (bank-search.repository.ts).
      c: cached(`${i.source} ${i.year}`),
    }));
    await pending;
    pending = tx
      .execute(sql`
      with x as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, type text, content jsonb, stem text,
               subject text, grade text, level text, difficulty real, score real, seconds int, source text, year smallint,
               author uuid, path text, district uuid, school uuid, share text, requested text, status text, note text,
               at timestamptz,
               kps uuid[], a text, b text, c text)),
      items as (
        insert into item (id, type, content, stem_text, subject_code, grade_code, cognitive_level, difficulty, score,
                          seconds, source, year, author_id, path, district_id, school_id, share, share_requested,
                          share_status, share_note, created_at, updated_at)
        select id, type, content, stem, subject, grade, level, difficulty, score, seconds, source, year, author,
               path::ltree, district, school, share, requested, status, note, at, at from x),
      points as (
        insert into item_knowledge_point (item_id, knowledge_point_id)
        select distinct x.id, kp from x cross join unnest(x.kps) as kp)
      insert into item_search (id, subject_code, grade_code, type, cognitive_level, search_vector)
      select id, subject, grade, type, level,
             setweight(to_tsvector('simple', a), 'A') || setweight(to_tsvector('simple', b), 'B')
             || setweight(to_tsvector('simple', c), 'C')
        from x`)
      // Drizzle's queries run when awaited: `then` sends it now, so the next batch is segmented meanwhile.
      .then(() => {});
  }
  await pending;
}
