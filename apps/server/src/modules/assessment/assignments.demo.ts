/**
 * Demo homework (A4) for the demo city: a short 数学 practice paper in every school, and in every
 * class last week's homework (closed, graded, released: most submitted, some late, a few missing)
 * and this week's (open: some done, some under way). `student_demo` has not started this week's, so
 * whoever tries the demo can. Deterministic: who answers what follows from hashes of the ids.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import type { AnswerValue, LeafItem } from './item-model.ts';
import type { PaperDocument } from './paper-model.ts';

const options = (xs: string[]) => xs.map((body, i) => ({ id: 'ABCD'[i]!, body: `<p>${body}</p>` }));
const tex = (t: string) =>
  `<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>${t}</mi></mrow><annotation encoding="application/x-tex">${t}</annotation></semantics></math>`;

/** The items, each with a right and a typical wrong answer and the wrong answer's score. */
const ITEMS: {
  content: LeafItem;
  score: number;
  right: AnswerValue;
  wrong: AnswerValue;
  wrongScore: number;
}[] = [
  {
    content: {
      type: 'single_choice',
      stem: `<p>计算 ${tex('\\frac{1}{2}+\\frac{1}{4}')} 的结果是（　）</p>`,
      options: options(['1/6', '2/6', '3/4', '1']),
      correct: 'C',
      explanation: '<p>通分后 2/4 + 1/4 = 3/4。</p>',
    },
    score: 4,
    right: { choice: 'C' },
    wrong: { choice: 'B' },
    wrongScore: 0,
  },
  {
    content: {
      type: 'single_choice',
      stem: '<p>一个长方形长 8 厘米、宽 5 厘米，它的周长是（　）厘米。</p>',
      options: options(['13', '26', '40', '80']),
      correct: 'B',
      explanation: '<p>周长 = (长 + 宽) × 2 = 26 厘米。</p>',
    },
    score: 4,
    right: { choice: 'B' },
    wrong: { choice: 'C' },
    wrongScore: 0,
  },
  {
    content: {
      type: 'multiple_choice',
      stem: '<p>下列各数中，是 3 的倍数的有（　）</p>',
      options: options(['12', '25', '27', '31']),
      correct: ['A', 'C'],
      partial: 'half',
      explanation: '<p>各位数字之和是 3 的倍数，这个数就是 3 的倍数。</p>',
    },
    score: 4,
    right: { choices: ['A', 'C'] },
    wrong: { choices: ['A'] },
    wrongScore: 2,
  },
  {
    content: {
      type: 'true_false',
      stem: '<p>两个锐角的和一定是钝角。</p>',
      correct: false,
      explanation: '<p>30° + 40° = 70°，仍是锐角。</p>',
    },
    score: 2,
    right: { judgement: false },
    wrong: { judgement: true },
    wrongScore: 0,
  },
  {
    content: {
      type: 'fill_in',
      stem: '<p>0.5 写成分数是 <span data-blank="b1"></span>，再加上 0.25 等于 <span data-blank="b2"></span>。</p>',
      blanks: [
        { id: 'b1', accepted: ['1/2', '二分之一'], kind: 'number', caseSensitive: false },
        { id: 'b2', accepted: ['0.75', '3/4'], kind: 'number', caseSensitive: false },
      ],
      explanation: '<p>0.5 = 1/2，0.5 + 0.25 = 0.75。</p>',
    },
    score: 4,
    right: { blanks: { b1: '1/2', b2: '0.75' } },
    wrong: { blanks: { b1: '1/2', b2: '0.3' } },
    wrongScore: 2,
  },
  {
    content: {
      type: 'single_choice',
      stem: '<p>小明 3 分钟走了 240 米，照这样的速度，他 5 分钟能走（　）米。</p>',
      options: options(['300', '360', '400', '480']),
      correct: 'C',
      explanation: '<p>每分钟 80 米，5 分钟走 400 米。</p>',
    },
    score: 2,
    right: { choice: 'C' },
    wrong: { choice: 'A' },
    wrongScore: 0,
  },
];

const TITLE = '数学单元练习';

/**
 * Seeds the demo homework into a demo city that has none (the owner's connection, one transaction).
 * Returns how many assignments it created.
 */
export async function seedDemoHomework(database: Database, log: (m: string) => void = () => {}) {
  const t0 = Date.now();
  const itemIds = ITEMS.map(() => newId());
  const doc: PaperDocument = {
    title: TITLE,
    subtitle: '课堂练习',
    subjectCode: '14',
    gradeCode: '00',
    minutes: 20,
    totalScore: ITEMS.reduce((s, i) => s + i.score, 0),
    navigation: 'free',
    sections: [
      {
        title: '一、选择与判断',
        items: ITEMS.slice(0, 4).map((it, i) => ({
          itemId: itemIds[i]!,
          number: i + 1,
          score: it.score,
          content: it.content,
        })),
      },
      {
        title: '二、填空与应用',
        items: ITEMS.slice(4).map((it, i) => ({
          itemId: itemIds[i + 4]!,
          number: i + 5,
          score: it.score,
          content: it.content,
        })),
      },
    ],
  };
  const document = JSON.stringify(doc);
  const leaves = JSON.stringify(
    ITEMS.map((it, i) => ({
      number: i + 1,
      score: it.score,
      right: it.right,
      wrong: it.wrong,
      wrong_score: it.wrongScore,
    })),
  );
  const items = JSON.stringify(
    ITEMS.map((it, i) => ({ id: itemIds[i], type: it.content.type, content: it.content, score: it.score })),
  );
  const n = await database.db.transaction(async (tx) => {
    if ((await tx.execute(sql`select 1 from assignment limit 1`)).rows.length > 0) return 0;
    const author = (
      await tx.execute<{ id: string }>(sql`select t.person_id as id from teacher t
        join account a on a.person_id = t.person_id where a.username = 'teacher_demo'`)
    ).rows[0];
    if (!author) return 0;
    await tx.execute(sql`insert into item (id, type, content, stem_text, subject_code, grade_code, cognitive_level,
        difficulty, score, seconds, author_id, path, district_id, school_id, share, share_status)
      select i.id, i.type, i.content, i.content->>'stem', '14', '05', 'apply', 0.7, i.score, 90,
             t.person_id, t.path, t.district_id, t.school_id, 'city', 'approved'
        from jsonb_to_recordset(${items}::jsonb) as i(id uuid, type text, content jsonb, score real)
        cross join teacher t where t.person_id = ${author.id}`);
    // One paper per school, by the school's first teacher of 数学 (or its first teacher).
    await tx.execute(sql`insert into paper (id, title, subtitle, subject_code, grade_code, minutes, total_score,
        navigation, status, document, owner_id, path, district_id, school_id, finalised_at)
      select gen_random_uuid(), ${TITLE}, '课堂练习', '14', '00', 20, (${document}::jsonb->>'totalScore')::real,
             'free', 'final', ${document}::jsonb, o.person_id, sc.path, sc.district_id, sc.id, now() - interval '10 days'
        from org_unit sc
        cross join lateral (select t.person_id from teacher t where t.school_id = sc.id
                             order by '14' = any(t.subjects) desc, t.staff_no limit 1) o
       where sc.kind = 'school'`);
    // Last week's (closed, released) and this week's (open) homework in every class with students.
    await tx.execute(sql`create temporary table demo_hw on commit drop as
      select gen_random_uuid() as id, c.id as class_id, c.path, c.school_id, c.district_id, w.week,
             coalesce((select ta.teacher_id from teaching_assignment ta join term tm on tm.id = ta.term_id and tm.current
                        where ta.class_id = c.id and ta.subject_code = '14' order by ta.teacher_id limit 1),
                      (select ra.person_id from role_assignment ra where ra.org_unit_id = c.id
                          and ra.role = 'head_teacher' and ra.active limit 1),
                      p.owner_id) as teacher_id,
             p.id as paper_id, subpath(c.path, 0, 3) as school_path
        -- Only this practice paper: the school may already hold other demo papers (drafts, a 语文 one).
        from org_unit c join paper p on p.school_id = c.school_id and p.title = ${TITLE} and p.subtitle = '课堂练习'
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
    await tx.execute(sql`create temporary table demo_at on commit drop as
      select gen_random_uuid() as id, h.id as assignment_id, s.person_id as student_id, h.class_id, h.path, h.week,
             a.opens_at, a.closes_at, abs(hashtext(s.person_id::text || h.week)) % 100 as roll
        from demo_hw h join assignment a on a.id = h.id
        join student s on s.class_id = h.class_id and s.status = 'enrolled'
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
    // Answers: right or the typical wrong one, by a hash of the student and the item.
    await tx.execute(sql`insert into response (id, attempt_id, number, part, value, seq, saved_at, auto_score,
        detail, score, max_score)
      select gen_random_uuid(), d.id, l.number, 0, case when ok then l.right else l.wrong end, l.number,
             d.opens_at + make_interval(hours => 10 + d.roll % 40, mins => l.number * 3),
             case when d.week = 1 or d.roll < 35 then case when ok then l.score else l.wrong_score end end,
             case when d.week = 1 or d.roll < 35 then jsonb_build_object('status', case when ok then 'correct' else 'wrong' end) end,
             case when d.week = 1 or d.roll < 35 then case when ok then l.score else l.wrong_score end end,
             l.score
        from demo_at d
        cross join jsonb_to_recordset(${leaves}::jsonb) as l(number int, score real, "right" jsonb, wrong jsonb, wrong_score real)
        cross join lateral (select abs(hashtext(d.student_id::text || l.number)) % 100 < 60 + d.roll % 35 as ok) x
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
      select gen_random_uuid(), d.student_id, d.path, l.item_id, 0, '14', '{}'::uuid[], d.id, r.number, r.value,
             t.submitted_at
        from demo_at d join attempt t on t.id = d.id and t.status = 'submitted' and t.submitted_at <= now()
        join response r on r.attempt_id = d.id and r.score < r.max_score
        join jsonb_to_recordset(${JSON.stringify(itemIds.map((id, i) => ({ number: i + 1, item_id: id })))}::jsonb)
             as l(number int, item_id uuid) on l.number = r.number
      on conflict do nothing`);
    return (await tx.execute(sql`select count(*)::int as n from demo_hw`)).rows[0]!.n as number;
  });
  if (n > 0)
    log(
      `[hanlin] demo homework: ${n} assignments with answers in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  return n;
}
