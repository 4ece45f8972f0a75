/**
 * Demo homework (A4) for the demo city: a short 数学 practice paper for each grade in every school
 * (assignments.demo.data.ts), and in every class last week's homework on its grade's paper (closed,
 * graded, released: most submitted, some late, a few missing) and this week's (open: some done,
 * some under way). `student_demo` has not started this week's, so whoever tries the demo can.
 * Deterministic: who answers what follows from each student's ability and hashes of the ids.
 */
import { sql } from 'drizzle-orm';
import { DEFAULT_SEED } from '../../demo/city.ts';
import type { Database } from '../../platform/db/client.ts';
import { YEAR_NAMES } from '../curriculum/backbone.ts';
import { PRACTICE } from './assignments.demo.data.ts';
import { abilityOf } from './demo-answers.ts';
import { stableId } from './demo-time.ts';
import type { PaperDocument } from './paper-model.ts';

const TITLE = '数学单元练习';
/** The practice paper of a grade: 数学单元练习（四年级）. */
export const practiceTitle = (grade: string) => `${TITLE}（${YEAR_NAMES[grade]}）`;

/** Each grade's items, and its paper's document. */
function plan() {
  const created = Date.UTC(2026, 8, 1);
  return Object.entries(PRACTICE).map(([grade, list]) => {
    // Ids from the grade and the number (as the demo bank's): the same items in every demo city.
    const items = list.map((it, i) => ({
      ...it,
      id: stableId(`practice:14:${grade}:${i + 1}`, created),
      number: i + 1,
      section: i < 4 ? 0 : 1,
    }));
    const entry = (it: (typeof items)[number]) => ({
      itemId: it.id,
      number: it.number,
      score: it.score,
      content: it.content,
    });
    const document: PaperDocument = {
      title: practiceTitle(grade),
      subtitle: '课堂练习',
      subjectCode: '14',
      gradeCode: grade,
      minutes: 20,
      totalScore: items.reduce((s, i) => s + i.score, 0),
      navigation: 'free',
      sections: [
        { title: '一、选择与判断', items: items.slice(0, 4).map(entry) },
        { title: '二、填空与应用', items: items.slice(4).map(entry) },
      ],
    };
    return { grade, items, document };
  });
}

/**
 * Seeds the demo homework into a demo city that has none (the owner's connection, one transaction).
 * Returns how many assignments it created.
 */
export async function seedDemoHomework(database: Database, log: (m: string) => void = () => {}) {
  const t0 = Date.now();
  const grades = plan();
  const items = JSON.stringify(
    grades.flatMap((g) =>
      g.items.map((it) => ({
        id: it.id,
        grade: g.grade,
        number: it.number,
        section: it.section,
        type: it.content.type,
        content: it.content,
        score: it.score,
        level: it.level,
        difficulty: it.difficulty,
        kps: it.kps,
        right: it.right,
        wrong: it.wrong,
        wrong_score: it.wrongScore,
      })),
    ),
  );
  const papers = JSON.stringify(
    grades.map((g) => ({ grade: g.grade, title: practiceTitle(g.grade), document: g.document })),
  );
  const wanted = grades.reduce((n, g) => n + g.items.reduce((m, it) => m + it.kps.length, 0), 0);
  const n = await database.db.transaction(async (tx) => {
    if ((await tx.execute(sql`select 1 from assignment limit 1`)).rows.length > 0) return 0;
    const author = (
      await tx.execute<{ id: string }>(sql`select t.person_id as id from teacher t
        join account a on a.person_id = t.person_id where a.username = 'teacher_demo'`)
    ).rows[0];
    if (!author) return 0;
    await tx.execute(sql`create temporary table demo_item on commit drop as
      select * from jsonb_to_recordset(${items}::jsonb) as i(id uuid, grade text, number int, section int, type text,
             content jsonb, score real, level text, difficulty real, kps text[], "right" jsonb, wrong jsonb, wrong_score real)`);
    await tx.execute(sql`insert into item (id, type, content, stem_text, subject_code, grade_code, cognitive_level,
        difficulty, score, seconds, source, author_id, path, district_id, school_id, share, share_status)
      select i.id, i.type, i.content, i.content->>'stem', '14', i.grade, i.level, i.difficulty, i.score, 90, '课堂练习',
             t.person_id, t.path, t.district_id, t.school_id, 'city', 'approved'
        from demo_item i cross join teacher t where t.person_id = ${author.id}`);
    const tagged = await tx.execute(sql`insert into item_knowledge_point (item_id, knowledge_point_id)
      select i.id, k.id from demo_item i join knowledge_point k on k.subject_code = '14' and k.code = any(i.kps)`);
    if (tagged.rowCount !== wanted)
      throw new Error(
        `demo homework: ${tagged.rowCount} of ${wanted} knowledge points found in the 数学 backbone`,
      );
    // Each school's paper for each grade it teaches, by its first teacher of 数学 (or its first teacher),
    // with its items listed.
    await tx.execute(sql`with g as (
        select * from jsonb_to_recordset(${papers}::jsonb) as g(grade text, title text, document jsonb)),
      p as (
        insert into paper (id, title, subtitle, subject_code, grade_code, minutes, total_score, navigation, status,
            document, owner_id, path, district_id, school_id, finalised_at)
        select gen_random_uuid(), g.title, '课堂练习', '14', g.grade, 20, (g.document->>'totalScore')::real,
               'free', 'final', g.document, o.person_id, sc.path, sc.district_id, sc.id, now() - interval '10 days'
          from org_unit sc
          join g on exists (select 1 from org_unit c where c.school_id = sc.id and c.kind = 'class' and c.active
                             and c.grade_code = g.grade and exists (select 1 from student s where s.class_id = c.id))
          cross join lateral (select t.person_id from teacher t where t.school_id = sc.id
                               order by '14' = any(t.subjects) desc, t.staff_no limit 1) o
         where sc.kind = 'school'
        returning id, grade_code)
      insert into paper_item (paper_id, position, item_id, section, score)
      select p.id, i.number, i.id, i.section, i.score from p join demo_item i on i.grade = p.grade_code`);
    // Last week's (closed, released) and this week's (open) homework in every class with students,
    // on its grade's paper.
    await tx.execute(sql`create temporary table demo_hw on commit drop as
      select gen_random_uuid() as id, c.id as class_id, c.path, c.school_id, c.district_id, c.grade_code as grade, w.week,
             coalesce((select ta.teacher_id from teaching_assignment ta join term tm on tm.id = ta.term_id and tm.current
                        where ta.class_id = c.id and ta.subject_code = '14' order by ta.teacher_id limit 1),
                      (select ra.person_id from role_assignment ra where ra.org_unit_id = c.id
                          and ra.role = 'head_teacher' and ra.active limit 1),
                      p.owner_id) as teacher_id,
             p.id as paper_id, subpath(c.path, 0, 3) as school_path
        -- Only this practice paper: the school may already hold other demo papers (drafts, a 语文 one).
        from org_unit c join paper p on p.school_id = c.school_id and p.grade_code = c.grade_code
             and p.title like ${`${TITLE}（%`} and p.subtitle = '课堂练习'
        cross join (values (1), (2)) as w(week)
       where c.kind = 'class' and c.active and exists (select 1 from student s where s.class_id = c.id)`);
    await tx.execute(sql`insert into assignment (id, paper_id, title, kind, opens_at, closes_at, closed_at,
        released_at, created_by, path, district_id, school_id, created_at)
      select h.id, h.paper_id, ${TITLE} || case when h.week = 1 then '（一）' else '（二）' end, 'homework',
             date_trunc('day', now()) - case when h.week = 1 then interval '9 days' else interval '1 day' end,
             date_trunc('day', now()) + case when h.week = 1 then interval '-2 days 20 hours' else interval '5 days 20 hours' end,
             case when h.week = 1 then now() - interval '2 days' end,
             case when h.week = 1 then now() - interval '1 day' end,
             h.teacher_id, h.school_path, h.district_id, h.school_id, now() - interval '10 days'
        from demo_hw h`);
    await tx.execute(sql`insert into assignment_class (assignment_id, class_id, path)
      select h.id, h.class_id, h.path from demo_hw h`);
    // Who did what: a hash of the student and the week. Last week 85% submitted (5% of them after
    // the due time was moved back: late), the rest missing; this week 35% submitted, 10% under way.
    // Each student's ability, the one the demo's other homework and the 统考 use (abilityOf).
    const students = (
      await tx.execute<{ id: string; classId: string; schoolId: string }>(sql`
        select s.person_id as id, s.class_id as "classId", s.school_id as "schoolId" from student s
         where s.status = 'enrolled' and s.class_id in (select class_id from demo_hw)`)
    ).rows;
    await tx.execute(sql`create temporary table demo_theta on commit drop as
      select * from unnest(${sql.param(students.map((x) => x.id))}::uuid[],
                           ${sql.param(students.map((x) => abilityOf(DEFAULT_SEED, x.schoolId, x.classId, x.id)))}::float8[])
             as x(student_id, theta)`);
    await tx.execute(sql`create temporary table demo_at on commit drop as
      select gen_random_uuid() as id, h.id as assignment_id, s.person_id as student_id, h.class_id, h.path, h.week,
             h.grade, a.opens_at, a.closes_at, abs(hashtext(s.person_id::text || h.week)) % 100 as roll, th.theta
        from demo_hw h join assignment a on a.id = h.id
        join student s on s.class_id = h.class_id and s.status = 'enrolled'
        join demo_theta th on th.student_id = s.person_id
       where not (h.week = 2 and s.person_id = (select person_id from account where username = 'student_demo'))`);
    await tx.execute(sql`delete from demo_at where (week = 1 and roll >= 85) or (week = 2 and roll >= 45)`);
    await tx.execute(sql`insert into attempt (id, assignment_id, student_id, class_id, path, started_at, deadline_at,
        submitted_at, status)
      select d.id, d.assignment_id, d.student_id, d.class_id, d.path,
             d.opens_at + make_interval(hours => 10 + d.roll % 40),
             d.closes_at,
             case when d.week = 1 or d.roll < 35 then d.opens_at + make_interval(hours => 10 + d.roll % 40, mins => 25) end,
             case when d.week = 1 or d.roll < 35 then 'submitted' else 'in_progress' end
        from demo_at d`);
    // Answers: right or the typical wrong one, with the chance the demo's other answers have for the
    // student's ability and the item's expected proportion correct (chanceRight), drawn by a hash of
    // the student, the week and the item. Answers that ignored ability, or used another one, put the
    // 统考's items closer together on the bank's calibrated scale.
    await tx.execute(sql`insert into response (id, attempt_id, number, part, value, seq, saved_at, auto_score,
        detail, score, max_score)
      select gen_random_uuid(), d.id, l.number, 0, case when ok then l.right else l.wrong end, l.number,
             d.opens_at + make_interval(hours => 10 + d.roll % 40, mins => l.number * 3),
             case when d.week = 1 or d.roll < 35 then case when ok then l.score else l.wrong_score end end,
             case when d.week = 1 or d.roll < 35 then jsonb_build_object('status', case when ok then 'correct' else 'wrong' end) end,
             case when d.week = 1 or d.roll < 35 then case when ok then l.score else l.wrong_score end end,
             l.score
        from demo_at d
        join demo_item l on l.grade = d.grade
        cross join lateral (select abs(hashtext(d.student_id::text || d.week || ':' || l.number)) % 10000 / 10000.0
                                   < 1 / (1 + exp(-1.1 * d.theta) * (1 - l.difficulty) / l.difficulty) as ok) x
       where d.week = 1 or d.roll < 35 or l.number <= 3`);
    await tx.execute(sql`update attempt t set objective_score = s.total, score = s.total, marked_at = t.submitted_at
        from (select r.attempt_id, sum(r.score)::real as total from response r
               join demo_at d on d.id = r.attempt_id where r.score is not null group by r.attempt_id) s
       where t.id = s.attempt_id`);
    // A few of last week's came in after the due time (补交).
    await tx.execute(sql`update assignment a set late_until = a.closes_at + interval '1 day'
       where a.id in (select id from demo_hw where week = 1)`);
    await tx.execute(sql`update attempt t set deadline_at = d.closes_at + interval '1 day',
        submitted_at = case when d.roll < 5 then d.closes_at + interval '3 hours' else t.submitted_at end
        from demo_at d where d.id = t.id and d.week = 1`);
    // Their wrong answers in the notebooks (as recordMistakes writes them at submission, set-based
    // here for a whole city; shown once the scores are released).
    await tx.execute(sql`insert into mistake (id, student_id, path, item_id, part, subject_code, knowledge_point_ids,
        attempt_id, number, answer, created_at)
      select gen_random_uuid(), d.student_id, d.path, l.id, 0, '14',
             (select array_agg(k.knowledge_point_id order by k.knowledge_point_id) from item_knowledge_point k
               where k.item_id = l.id),
             d.id, r.number, r.value, t.submitted_at
        from demo_at d join attempt t on t.id = d.id and t.status = 'submitted' and t.submitted_at <= now()
        join response r on r.attempt_id = d.id and r.score < r.max_score
        join demo_item l on l.grade = d.grade and l.number = r.number
      on conflict do nothing`);
    return (await tx.execute(sql`select count(*)::int as n from demo_hw`)).rows[0]!.n as number;
  });
  if (n > 0)
    log(
      `[hanlin] demo homework: ${n} assignments with answers in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  return n;
}
