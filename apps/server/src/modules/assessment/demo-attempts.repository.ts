/**
 * The SQL of the demo's homework and 统考 seed: which classes, students and teachers take part,
 * and how papers, assignments, attempts and everything hanging from them are written (the large
 * tables through COPY).
 */
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoExam } from './demo-exam.ts';
import type { DemoAssignment, DemoClass, Teaching } from './demo-homework.ts';
import { iso } from './demo-time.ts';

/**
 * The demo classes that do homework: the classes of the demo logins (the student's, the parent's
 * children's, the other district's student's, and the demo teacher's).
 */
export async function loadHomeworkClasses(tx: Tx): Promise<DemoClass[]> {
  const res = await tx.execute<DemoClass>(sql`
    with people as (
      select person_id from account where username in ('student_demo', 'student_haizhu')
      union select g.student_id from account a join guardian g on g.parent_id = a.person_id where a.username = 'parent_demo'),
    own as (
      select st.class_id as id from student st where st.person_id in (select person_id from people)
      union select ta.class_id from teaching_assignment ta join account a on a.person_id = ta.teacher_id and a.username = 'teacher_demo')
    select c.id, c.path::text as path, c.name, c.grade_code as grade, c.school_id as "schoolId", c.district_id as "districtId",
           array_agg(s.person_id::text order by s.person_id) as students
      from org_unit c join student s on s.class_id = c.id and s.status = 'enrolled'
     where c.id in (select id from own) and c.grade_code between '13' and '23'
     group by c.id order by c.path`);
  return res.rows;
}

/** This term's 语文, 数学 and 英语 teachers of the given classes. */
export async function loadTeaching(tx: Tx, classIds: string[]): Promise<Teaching[]> {
  const res = await tx.execute<Teaching>(sql`
    select ta.teacher_id as "teacherId", ta.subject_code as subject, ta.class_id as "classId", s.path::text as "schoolPath",
           c.school_id as "schoolId", c.district_id as "districtId"
      from teaching_assignment ta join term t on t.id = ta.term_id and t.current
      join org_unit c on c.id = ta.class_id join org_unit s on s.id = c.school_id
     where ta.class_id = any(${sql.param(classIds)}::uuid[]) and ta.subject_code in ('13', '14', '41')
     order by ta.teacher_id, ta.subject_code, c.path`);
  return res.rows;
}

/** The 统考's district, grade and subject: the demo teacher's, with the district's exam office. */
export async function loadExamSetting(tx: Tx) {
  const res = await tx.execute<{
    subject: string;
    grade: string;
    districtId: string;
    path: string;
    name: string;
    officeId: string | null;
  }>(sql`
    select ta.subject_code as subject, c.grade_code as grade, d.id as "districtId", d.path::text as path, d.name,
           (select ra.person_id from role_assignment ra where ra.org_unit_id = d.id and ra.role = 'district_admin' and ra.active
             order by ra.person_id limit 1) as "officeId"
      from teaching_assignment ta join account a on a.person_id = ta.teacher_id and a.username = 'teacher_demo'
      join org_unit c on c.id = ta.class_id join org_unit d on d.id = c.district_id
     where ta.subject_code in ('13', '14', '41') order by ta.subject_code, c.grade_code limit 1`);
  return res.rows[0];
}

/** Every class of a grade in a district, with its students. */
export async function loadGradeClasses(tx: Tx, districtId: string, grade: string): Promise<DemoClass[]> {
  const res = await tx.execute<DemoClass>(sql`
    select c.id, c.path::text as path, c.name, c.grade_code as grade, c.school_id as "schoolId", c.district_id as "districtId",
           array_agg(s.person_id::text order by s.person_id) as students
      from org_unit c join student s on s.class_id = c.id and s.status = 'enrolled'
     where c.kind = 'class' and c.district_id = ${districtId} and c.grade_code = ${grade}
     group by c.id order by c.path`);
  return res.rows;
}

/** The district's teachers of a subject in a grade (the 统考's markers), in a stable order. */
export async function loadMarkers(
  tx: Tx,
  districtId: string,
  grade: string,
  subject: string,
): Promise<string[]> {
  const res = await tx.execute<{ id: string }>(sql`
    select distinct ta.teacher_id::text as id from teaching_assignment ta join org_unit c on c.id = ta.class_id
     where c.district_id = ${districtId} and ta.subject_code = ${subject}
     order by 1`);
  const gradeFirst = await tx.execute<{ id: string }>(sql`
    select distinct ta.teacher_id::text as id from teaching_assignment ta join org_unit c on c.id = ta.class_id
     where c.district_id = ${districtId} and c.grade_code = ${grade} and ta.subject_code = ${subject} order by 1`);
  const first = gradeFirst.rows.map((r) => r.id);
  return [...first, ...res.rows.map((r) => r.id).filter((id) => !first.includes(id))];
}

/** Papers (finalised, with their documents and items), assignments and their classes. */
export async function insertAssignments(tx: Tx, list: readonly (DemoAssignment | DemoExam)[]) {
  const blueprints = list.flatMap((a) => ('blueprint' in a ? [{ ...a.blueprint, a }] : []));
  for (const b of blueprints)
    await tx.execute(sql`
      insert into blueprint (id, name, subject_code, grade_code, spec, owner_id, path, shared, created_at, updated_at)
      values (${b.id}, ${b.name}, ${b.a.paper.subject}, ${b.a.paper.grade}, ${JSON.stringify(b.spec)}::jsonb, ${b.a.createdBy},
              ${b.a.path}::ltree, true, ${iso(b.a.createdAt - 86_400_000)}, ${iso(b.a.createdAt - 86_400_000)})`);
  const papers = list.map((a) => ({
    id: a.paper.id,
    title: a.paper.title,
    subtitle: a.paper.subtitle ?? null,
    subject: a.paper.subject,
    grade: a.paper.grade,
    minutes: a.paper.minutes,
    total: a.paper.totalScore,
    blueprint: 'blueprint' in a ? a.blueprint.id : null,
    document: a.paper.document,
    sections: a.paper.document.sections.map((x) => ({ title: x.title })),
    owner: a.createdBy,
    path: a.path,
    district: a.districtId,
    school: a.schoolId,
    at: iso(a.createdAt),
  }));
  await tx.execute(sql`
    insert into paper (id, title, subtitle, subject_code, grade_code, minutes, total_score, navigation, sections, status,
                       blueprint_id, document, owner_id, path, district_id, school_id, finalised_at, created_at, updated_at)
    select x.id, x.title, x.subtitle, x.subject, x.grade, x.minutes, x.total, 'free', x.sections, 'final', x.blueprint,
           x.document, x.owner,
           x.path::ltree, x.district, x.school, x.at, x.at - interval '6 minutes', x.at
      from jsonb_to_recordset(${JSON.stringify(papers)}::jsonb) as x(id uuid, title text, subtitle text, subject text,
           grade text, minutes int, total real, blueprint uuid, document jsonb, sections jsonb, owner uuid, path text, district uuid,
           school uuid, at timestamptz)`);
  const items = list.flatMap((a) =>
    a.paper.entries.map((e) => ({
      paper: a.paper.id,
      position: e.number,
      item: e.item.id,
      section: e.section,
      score: e.score,
    })),
  );
  await tx.execute(sql`
    insert into paper_item (paper_id, position, item_id, section, score)
    select x.paper, x.position, x.item, x.section, x.score
      from jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as x(paper uuid, position smallint, item uuid, section smallint, score real)`);
  const rows = list.map((a) => ({
    id: a.id,
    paper: a.paper.id,
    title: a.title,
    kind: a.kind,
    paperFree: a.paperFree,
    opens: iso(a.opensAt),
    closes: iso(a.closesAt),
    late: a.lateUntil === null ? null : iso(a.lateUntil),
    minutes: a.minutes,
    double: a.doubleMarking,
    gap: a.markGap,
    closed: a.state === 'open' ? null : iso((a.lateUntil ?? a.closesAt) + 90_000),
    released: a.releasedAt === null ? null : iso(a.releasedAt),
    by: a.createdBy,
    path: a.path,
    district: a.districtId,
    school: a.schoolId,
    at: iso(a.createdAt),
    updated: iso(a.releasedAt ?? (a.state === 'open' ? a.createdAt : (a.lateUntil ?? a.closesAt) + 90_000)),
  }));
  await tx.execute(sql`
    insert into assignment (id, paper_id, title, kind, paper_free, opens_at, closes_at, late_until, minutes, double_marking,
                            mark_gap, closed_at, released_at, created_by, path, district_id, school_id, created_at, updated_at)
    select x.id, x.paper, x.title, x.kind, x."paperFree", x.opens, x.closes, x.late, x.minutes, x.double, x.gap, x.closed,
           x.released,
           x.by, x.path::ltree, x.district, x.school, x.at, x.updated
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, paper uuid, title text, kind text, "paperFree" boolean,
           opens timestamptz, closes timestamptz, late timestamptz, minutes int, double boolean, gap real, closed timestamptz,
           released timestamptz, by uuid, path text, district uuid, school uuid, at timestamptz, updated timestamptz)`);
  const classes = list.flatMap((a) => a.classes.map((c) => ({ a: a.id, c: c.id, path: c.path })));
  await tx.execute(sql`
    insert into assignment_class (assignment_id, class_id, path)
    select x.a, x.c, x.path::ltree from jsonb_to_recordset(${JSON.stringify(classes)}::jsonb) as x(a uuid, c uuid, path text)`);
}

/** A value in COPY's text format. */
function field(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** Writes rows through `COPY … FROM STDIN` (text format), in chunks of about a megabyte. */
export async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
) {
  if (rows.length === 0) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(field).join('\t')}\n`;
    if (chunk.length > 1 << 20) {
      if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
      chunk = '';
    }
  }
  stream.end(chunk);
  await done;
}

/**
 * What the bank learns from the papers given: each item's exposure and last use, and from the
 * graded answers its observed proportion correct and how many answers that rests on.
 */
export async function updateItemStatistics(tx: Tx) {
  await tx.execute(sql`
    update item i set exposure = u.n, last_used_at = u.last
      from (select pi.item_id, count(*)::int as n, max(a.opens_at) as last from assignment a
              join paper_item pi on pi.paper_id = a.paper_id group by pi.item_id) u
     where u.item_id = i.id`);
  await tx.execute(sql`
    update item i set answered = s.n, p_value = s.p
      from (select pi.item_id, count(*)::int as n, avg(r.score / nullif(r.max_score, 0))::real as p
              from response r join attempt t on t.id = r.attempt_id join assignment a on a.id = t.assignment_id
              join paper_item pi on pi.paper_id = a.paper_id and pi.position = r.number
             where r.score is not null group by pi.item_id) s
     where s.item_id = i.id`);
}

/**
 * The 统考's division of marking (阅卷分工, marking_marker): for each written answer its two
 * markers and its arbiter, assigned by the exam office the morning after the exam.
 */
export async function insertMarkers(
  tx: Tx,
  exam: DemoExam,
  rows: { number: number; part: number; person: string; role: 'marker' | 'arbiter' }[],
) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into marking_marker (assignment_id, number, part, person_id, role, assigned_by, path, created_at)
    select ${exam.id}, x.number, x.part, x.person, x.role, ${exam.createdBy}, ${exam.path}::ltree, ${iso(exam.markFrom - 5 * 3_600_000)}
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(number smallint, part smallint, person uuid, role text)
    on conflict do nothing`);
}
