import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

/** The SQL of the demo bank's seed (demo-bank.ts): what it reads of the city and how it writes. */

export type BankAuthor = {
  teacherId: string;
  schoolId: string;
  districtId: string;
  schoolPath: string;
  subject: string;
  grade: string;
  demo: boolean;
};

/**
 * One teacher of 语文, 数学 and 英语 per school (the first by grade and id, grades 3–9), and the demo
 * teacher for her subject and grade.
 */
export async function loadBankAuthors(tx: Tx): Promise<BankAuthor[]> {
  const res = await tx.execute<BankAuthor>(sql`
    with ranked as (
      select ta.teacher_id as "teacherId", c.school_id as "schoolId", c.district_id as "districtId",
             s.path::text as "schoolPath", ta.subject_code as subject, c.grade_code as grade,
             exists (select 1 from account a where a.person_id = ta.teacher_id and a.username = 'teacher_demo') as demo,
             row_number() over (partition by c.school_id, ta.subject_code
                                order by (exists (select 1 from account a where a.person_id = ta.teacher_id
                                                   and a.username = 'teacher_demo')) desc, c.grade_code, ta.teacher_id) as rank
        from teaching_assignment ta join org_unit c on c.id = ta.class_id join org_unit s on s.id = c.school_id
        join term t on t.id = ta.term_id and t.current
       where ta.subject_code in ('13', '14', '41') and c.grade_code in ('13','14','15','16','21','22','23')
    )
    select "teacherId", "schoolId", "districtId", "schoolPath", subject, grade, demo
      from ranked where rank = 1 order by "schoolPath", subject`);
  return res.rows;
}

export type PointOf = { id: string; name: string; subject: string; grade: string };

/** Knowledge points of the backbone by subject and grade. */
export async function loadPoints(tx: Tx): Promise<Map<string, PointOf[]>> {
  const res = await tx.execute<PointOf>(sql`
    select id, name, subject_code as subject, grade_code as grade from knowledge_point
     where active and subject_code in ('13', '14', '41') order by subject_code, grade_code, code`);
  const out = new Map<string, PointOf[]>();
  for (const p of res.rows)
    out.set(`${p.subject}:${p.grade}`, [...(out.get(`${p.subject}:${p.grade}`) ?? []), p]);
  return out;
}

export async function insertDemoItems(
  tx: Tx,
  items: Record<string, unknown>[],
  points: { item: string; kp: string }[],
): Promise<void> {
  await tx.execute(sql`
    insert into item (id, type, content, stem_text, subject_code, grade_code, cognitive_level, difficulty, score,
                      seconds, source, year, author_id, path, district_id, school_id, share, share_requested,
                      share_status, share_note, exposure, created_at, updated_at)
    select x.id, x.type, x.content, x.stem, x.subject, x.grade, x.level, x.difficulty, x.score, x.seconds, x.source,
           x.year, x.author, x.path::ltree, x.district, x.school, x.share, x.requested, x.status, x.note, x.exposure,
           x.at, x.at
      from jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as x(id uuid, type text, content jsonb, stem text,
           subject text, grade text, level text, difficulty real, score real, seconds int, source text, year smallint,
           author uuid, path text, district uuid, school uuid, share text, requested text, status text, note text,
           exposure int, at timestamptz)`);
  await tx.execute(sql`
    insert into item_knowledge_point (item_id, knowledge_point_id)
    select x.item, x.kp from jsonb_to_recordset(${JSON.stringify(points)}::jsonb) as x(item uuid, kp uuid)
    on conflict do nothing`);
}

export async function insertDemoBlueprints(tx: Tx, rows: Record<string, unknown>[]): Promise<void> {
  await tx.execute(sql`
    insert into blueprint (id, name, subject_code, grade_code, spec, owner_id, path, shared)
    select x.id, x.name, x.subject, x.grade, x.spec, x.owner, x.path::ltree, x.shared
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, name text, subject text, grade text,
           spec jsonb, owner uuid, path text, shared boolean)`);
}

export async function insertDemoPapers(
  tx: Tx,
  papers: Record<string, unknown>[],
  slots: { paper: string; position: number; item: string; section: number; score: number }[],
): Promise<void> {
  await tx.execute(sql`
    insert into paper (id, title, subject_code, grade_code, minutes, total_score, sections, owner_id, path,
                       district_id, school_id)
    select x.id, x.title, x.subject, x.grade, x.minutes, x.total, x.sections, x.owner, x.path::ltree, x.district,
           x.school
      from jsonb_to_recordset(${JSON.stringify(papers)}::jsonb) as x(id uuid, title text, subject text, grade text,
           minutes int, total real, sections jsonb, owner uuid, path text, district uuid, school uuid)`);
  await tx.execute(sql`
    insert into paper_item (paper_id, position, item_id, section, score)
    select x.paper, x.position, x.item, x.section, x.score
      from jsonb_to_recordset(${JSON.stringify(slots)}::jsonb) as x(paper uuid, position smallint, item uuid,
           section smallint, score real)`);
}
