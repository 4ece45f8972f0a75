import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../demo/city.ts';
import { runJob } from '../../platform/db/jobs.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { calibrateBank } from './bank-calibration.ts';
import { loadDemoAssessmentInputs, planDemoAssessment, seedDemoAssessment } from './demo-assessment.ts';
import { planBank, planFingerprint } from './demo-bank-plan.ts';
import { gradeDemoLeaf } from './demo-grade.ts';
import { ITEM_TYPES, type ItemContent, itemContent, itemTags, type LeafItem } from './item-model.ts';
import { type PaperDocument, paperDocument } from './paper-model.ts';

let t: TestApp;

/**
 * This seed's rows, not those of the bank's and the homework's small demos that run before it
 * (their items' sources, their assignments' titles).
 */
const MINE = sql.raw(`coalesce(source, '课堂练习') not in ('课堂练习', '单元测验', '期中检测', '期末检测')`);
const MINE_A = (a: string) => sql.raw(`${a}.title not like '数学单元练习%'`);

// The test template leaves the demo's assessment data out (other tests count notebooks and banks):
// this file seeds it into its own copy, as `npm start` does.
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoAssessment(t.db, () => {});
}, 600_000);
afterAll(() => t.close());

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;
const one = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) => (await rows<T>(q))[0]!;
const hour = (col: string) =>
  sql.raw(
    `extract(hour from ${col} at time zone 'Asia/Shanghai') + extract(minute from ${col} at time zone 'Asia/Shanghai') / 60`,
  );

/** What the item-model's schema cannot say: letters in order, keys among options, blanks where the keys are. */
function problems(c: ItemContent): string[] {
  const leaf = (x: LeafItem, where: string): string[] => {
    const out: string[] = [];
    if (x.type === 'single_choice' || x.type === 'multiple_choice') {
      for (const [i, o] of x.options.entries())
        if (o.id !== 'ABCDEFGH'[i]) out.push(`${where}option ${i} is ${o.id}`);
      for (const k of x.type === 'single_choice' ? [x.correct] : x.correct)
        if (!x.options.some((o) => o.id === k)) out.push(`${where}key ${k} is no option`);
      if (new Set(x.options.map((o) => o.body)).size !== x.options.length)
        out.push(`${where}two options alike`);
    }
    if (x.type === 'fill_in') {
      const ids = [...x.stem.matchAll(/data-blank="([^"]+)"/g)].map((m) => m[1]);
      if (ids.join() !== x.blanks.map((b) => b.id).join()) out.push(`${where}blanks ${ids} vs keys`);
    } else if (x.stem.includes('data-blank')) out.push(`${where}a blank outside a fill-in`);
    return out;
  };
  return c.type === 'composite' ? c.parts.flatMap((p, i) => leaf(p.content, `part ${i + 1}: `)) : leaf(c, '');
}

describe('the demo item bank', () => {
  it('has a few thousand valid items of every type over the knowledge graph, indexed', async () => {
    const items = await rows<{
      id: string;
      type: string;
      content: ItemContent;
      subject_code: string;
      grade_code: string;
      cognitive_level: string;
      difficulty: number;
      score: number;
      seconds: number;
      source: string | null;
      year: number | null;
      kps: string[];
      indexed: boolean;
    }>(sql`
      select i.*, coalesce(array_agg(k.knowledge_point_id::text) filter (where k.item_id is not null), '{}') as kps,
             exists (select 1 from item_search s where s.id = i.id) as indexed
        from item i left join item_knowledge_point k on k.item_id = i.id where ${MINE} group by i.id`);
    expect(items.length).toBeGreaterThan(2500);
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(ITEM_TYPES));
    const bad: string[] = [];
    for (const i of items) {
      const content = itemContent.safeParse(i.content);
      const tags = itemTags.safeParse({
        subjectCode: i.subject_code,
        gradeCode: i.grade_code,
        knowledgePointIds: i.kps,
        cognitiveLevel: i.cognitive_level,
        difficulty: i.difficulty,
        score: i.score,
        seconds: i.seconds,
        source: i.source ?? undefined,
        year: i.year ?? undefined,
      });
      if (!content.success || !tags.success || i.type !== i.content.type || !i.indexed || i.kps.length === 0)
        bad.push(
          `${i.id}: ${content.error?.message ?? tags.error?.message ?? 'type, index or knowledge points'}`,
        );
      else for (const p of problems(content.data)) bad.push(`${i.id}: ${p}`);
    }
    expect(bad).toEqual([]);
    const values = (f: (i: (typeof items)[number]) => string) => [...new Set(items.map(f))].sort();
    expect(values((i) => i.subject_code)).toEqual(['13', '14', '41']);
    expect(values((i) => i.grade_code)).toEqual(['13', '14', '15', '16', '21', '22', '23']);
    expect(values((i) => i.cognitive_level)).toEqual(['analyse', 'apply', 'remember', 'understand']);
    const d = items.map((i) => i.difficulty).sort((a, b) => a - b);
    expect(d[Math.floor(d.length * 0.1)]).toBeLessThan(0.62);
    expect(d[Math.floor(d.length * 0.9)]).toBeGreaterThan(0.78);
  });

  it('is written by the teachers of the subject, mostly shared after review, some private, a few pending', async () => {
    const share = await rows<{ share: string; status: string; n: number }>(sql`
      select share, share_status as status, count(*)::int as n from item where ${MINE} group by 1, 2`);
    const n = (s: string, st: string) => share.find((x) => x.share === s && x.status === st)?.n ?? 0;
    const total = share.reduce((s, x) => s + x.n, 0);
    expect(n('city', 'approved') + n('district', 'approved') + n('school', 'approved')).toBeGreaterThan(
      total * 0.7,
    );
    expect(n('private', 'none')).toBeGreaterThan(total * 0.05);
    expect(n('private', 'pending')).toBeGreaterThan(10);
    const strangers = await one<{ n: number }>(sql`
      select count(*)::int as n from item i
       where ${MINE} and not exists (select 1 from teaching_assignment ta where ta.teacher_id = i.author_id and ta.subject_code = i.subject_code)`);
    expect(strangers.n).toBe(0);
    const demo = await one<{ own: number; pending: number }>(sql`
      select count(*)::int as own, count(*) filter (where share_status = 'pending')::int as pending
        from item i join account a on a.person_id = i.author_id and a.username = 'teacher_demo' where ${MINE}`);
    expect(demo.own).toBeGreaterThan(5);
    expect(demo.pending).toBe(1);
  });

  it('keeps answers out of the search index', async () => {
    // Written answers and the lines of poems to fill in are not in what is indexed.
    const leaks = await rows<{ id: string }>(sql`
      select i.id from item i
       where (i.type = 'short_answer' and length(i.content->>'reference') > 12
              and position(regexp_replace(i.content->>'reference', '<[^>]+>', '', 'g') in i.stem_text) > 0)
          or (i.type = 'fill_in' and exists (
                select 1 from jsonb_array_elements(i.content->'blanks') b
                 where length(b->'accepted'->>0) >= 5 and position(b->'accepted'->>0 in i.stem_text) > 0))`);
    expect(leaks).toEqual([]);
  });
});

describe('the demo homework and 统考', () => {
  it('gives every class of the demo teacher homework, one still open for the demo student, one to mark for the teacher', async () => {
    const classes = await rows<{ name: string; n: number }>(sql`
      select c.name, count(distinct ac.assignment_id)::int as n from teaching_assignment ta
        join account a on a.person_id = ta.teacher_id and a.username = 'teacher_demo'
        join org_unit c on c.id = ta.class_id left join assignment_class ac on ac.class_id = c.id
        left join assignment x on x.id = ac.assignment_id where ${MINE_A('x')} group by c.name`);
    expect(classes.length).toBeGreaterThan(0);
    for (const c of classes) expect(c.n, c.name).toBeGreaterThan(20);
    const todo = await one<{ n: number }>(sql`
      select count(*)::int as n from assignment a join assignment_class ac on ac.assignment_id = a.id
        join student s on s.class_id = ac.class_id join account u on u.person_id = s.person_id and u.username = 'student_demo'
       where ${MINE_A('a')} and a.closed_at is null and a.opens_at < now() and a.closes_at > now()
         and not exists (select 1 from attempt t where t.assignment_id = a.id and t.student_id = s.person_id)`);
    expect(todo.n).toBeGreaterThan(0);
    const marking = await one<{ n: number }>(sql`
      select count(*)::int as n from response r join attempt t on t.id = r.attempt_id join assignment a on a.id = t.assignment_id
        join account u on u.person_id = a.created_by and u.username = 'teacher_demo'
       where ${MINE_A('a')} and r.needs_marking and a.closed_at is not null and a.released_at is null`);
    expect(marking.n).toBeGreaterThan(20);
  });

  it('has a 统考 of every class of its grade in the district, double-marked with a few arbitrations, plausible by school', async () => {
    const exam = await one<{ id: string; missing: number; extra: number; total: number }>(sql`
      select a.id, p.total_score as total,
             (select count(*)::int from org_unit c where c.kind = 'class' and c.district_id = a.district_id
                 and c.grade_code = p.grade_code and c.id not in (select class_id from assignment_class where assignment_id = a.id)) as missing,
             (select count(*)::int from assignment_class ac join org_unit c on c.id = ac.class_id
               where ac.assignment_id = a.id and (c.grade_code <> p.grade_code or c.district_id <> a.district_id)) as extra
        from assignment a join paper p on p.id = a.paper_id where a.kind = 'unified_exam'`);
    expect(exam).toMatchObject({ missing: 0, extra: 0, total: 100 });
    const marks = await rows<{ round: string; n: number }>(sql`
      select m.round, count(*)::int as n from mark m join response r on r.id = m.response_id
        join attempt t on t.id = r.attempt_id where t.assignment_id = ${exam.id} group by 1`);
    const n = (round: string) => marks.find((m) => m.round === round)?.n ?? 0;
    expect(n('first')).toBeGreaterThan(0);
    expect(n('second')).toBe(n('first'));
    expect(n('arbitration')).toBeGreaterThan(0);
    expect(n('arbitration')).toBeLessThan(n('first') * 0.15);
    const schools = await rows<{ mean: number; n: number; lo: number; hi: number; unscored: number }>(sql`
      select avg(t.score)::float as mean, count(*)::int as n, min(t.score) as lo, max(t.score) as hi,
             count(*) filter (where t.score is null)::int as unscored
        from attempt t join org_unit c on c.id = t.class_id where t.assignment_id = ${exam.id} group by c.school_id`);
    for (const s of schools) {
      expect(s.unscored).toBe(0);
      expect(s.mean).toBeGreaterThan(50);
      expect(s.mean).toBeLessThan(90);
      expect(s.lo).toBeGreaterThanOrEqual(0);
      expect(s.hi).toBeLessThanOrEqual(100);
    }
    // Every answer is stored, for item analysis.
    const answers = await one<{ missing: number }>(sql`
      select count(*)::int as missing from attempt t where t.assignment_id = ${exam.id} and t.status = 'submitted'
         and (select count(*) from response r where r.attempt_id = t.id) < (select count(*) from paper_item pi join assignment a on a.paper_id = pi.paper_id where a.id = ${exam.id})`);
    expect(answers.missing).toBe(0);
  });

  it('grades objective answers as the grader does, totals attempts, and shows keys only after release', async () => {
    const answers = await rows<{
      number: number;
      part: number;
      value: never;
      auto: number | null;
      score: number | null;
      max: number;
      document: PaperDocument;
      released: boolean;
    }>(sql`
      select r.number, r.part, r.value, r.auto_score as auto, r.score, r.max_score as max, p.document, a.released_at is not null as released
        from response r join attempt t on t.id = r.attempt_id join assignment a on a.id = t.assignment_id join paper p on p.id = a.paper_id
       where ${MINE_A('a')} and r.auto_score is not null and (hashtext(r.id::text) % 20) = 0`);
    expect(answers.length).toBeGreaterThan(100);
    const off: string[] = [];
    for (const a of answers) {
      const item = a.document.sections.flatMap((s) => s.items).find((i) => i.number === a.number)!;
      const leaf = item.content.type === 'composite' ? item.content.parts[a.part - 1]!.content : item.content;
      const grade = gradeDemoLeaf(leaf, a.value, a.max);
      if (grade.score !== a.auto || a.score !== a.auto)
        off.push(`${a.number}.${a.part}: ${a.auto} vs ${grade.score}`);
    }
    expect(off).toEqual([]);
    const totals = await one<{ off: number }>(sql`
      select count(*)::int as off from attempt t join assignment a on a.id = t.assignment_id
       where ${MINE_A('a')} and t.score is not null and abs(t.score - (select coalesce(sum(r.score), 0) from response r where r.attempt_id = t.id)) > 0.01`);
    expect(totals.off).toBe(0);
    // Mistakes (which show the key) only of released results (the small homework demo's are recorded
    // at submission, as the live flow does, and shown at release); grades name only what was given.
    const early = await one<{ n: number }>(sql`
      select count(*)::int as n from mistake m join attempt t on t.id = m.attempt_id join assignment a on a.id = t.assignment_id
       where ${MINE_A('a')} and a.released_at is null`);
    expect(early.n).toBe(0);
    const keys = await one<{ n: number }>(sql`
      select count(*)::int as n from response r join attempt t on t.id = r.attempt_id join assignment a on a.id = t.assignment_id
       where ${MINE_A('a')} and r.detail::text ~ '"(accepted|reference|rubric|explanation|correct)": *[^tf ]'`);
    expect(keys.n).toBe(0);
    const docs = await rows<{ document: unknown }>(
      sql`select p.document from paper p join assignment a on a.paper_id = p.id where ${MINE_A('a')}`,
    );
    for (const d of docs) expect(paperDocument.safeParse(d.document).success).toBe(true);
  });

  it('happened in the past at the hours people do such things', async () => {
    const late = await one<Record<string, number>>(sql`
      select
        (select count(*)::int from item where ${MINE} and (created_at > now() or ${hour('created_at')} not between 8 and 22.5)) as items,
        (select count(*)::int from assignment a where ${MINE_A('a')} and (opens_at > now() or released_at > now()
            or (kind = 'homework' and ${hour('opens_at')} not between 16 and 18.5)
            or (kind = 'unified_exam' and ${hour('opens_at')} not between 8 and 9))) as assignments,
        (select count(*)::int from attempt t join assignment a on a.id = t.assignment_id
          where ${MINE_A('a')} and (t.started_at > now() or t.submitted_at > now() or t.submitted_at < t.started_at or t.started_at < a.opens_at
             or t.submitted_at > coalesce(a.late_until, a.closes_at)
             or (a.kind = 'homework' and ${hour('t.started_at')} not between 6.5 and 22.5)
             or (a.kind = 'unified_exam' and ${hour('t.started_at')} not between 8 and 10))) as attempts,
        (select count(*)::int from response r join attempt t on t.id = r.attempt_id join assignment a on a.id = t.assignment_id
          where ${MINE_A('a')} and (r.saved_at > now() or r.saved_at < t.started_at or r.saved_at > t.deadline_at + interval '1 minute')) as answers,
        (select count(*)::int from mark m join response r on r.id = m.response_id join attempt t on t.id = r.attempt_id
           join assignment a on a.id = t.assignment_id
          where m.at > now() or m.at < t.started_at or m.at > coalesce(a.released_at, now()) or ${hour('m.at')} not between 8 and 22.5) as marks,
        (select count(*)::int from mistake where created_at > now() or closed_at > now()) as mistakes,
        (select count(*)::int from practice_answer where at > now() or ${hour('at')} not between 18 and 22.5) as practice`);
    expect(late).toEqual({
      items: 0,
      assignments: 0,
      attempts: 0,
      answers: 0,
      marks: 0,
      mistakes: 0,
      practice: 0,
    });
  });

  it('is deterministic: the same seed and day give the same bank and the same term', async () => {
    const inputs = await loadDemoAssessmentInputs(t.db.db);
    const now = Date.now();
    const a = planDemoAssessment(inputs, DEFAULT_SEED, now);
    const b = planDemoAssessment(inputs, DEFAULT_SEED, now);
    expect(planFingerprint(b.items)).toBe(planFingerprint(a.items));
    expect(b.rows.attempt.map((r) => r[0])).toEqual(a.rows.attempt.map((r) => r[0]));
    expect(b.rows.response.length).toBe(a.rows.response.length);
    const other = planBank({ ...inputs, seed: DEFAULT_SEED + 1, now });
    expect(planFingerprint(other)).not.toBe(planFingerprint(a.items));
    // What the seed wrote is the plan of its seed (stems do not depend on the day).
    const stored = await rows<{ stem: string }>(sql`select stem_text as stem from item where ${MINE}`);
    expect(stored.map((s) => s.stem).sort()).toEqual(a.items.map((i) => i.stemText).sort());
  });
});

describe('the nightly calibration of the bank', () => {
  it('puts every item answered often enough on one scale, harder where fewer got it right, in one job run', async () => {
    const out = await runJob(t.app.deps.database, 'bank-calibration', (tx) => calibrateBank(tx));
    expect(out.items).toBeGreaterThan(20);
    expect(out.calibrated).toBeGreaterThan(0.8 * out.items);
    const all = await rows<{ a: number; b: number }>(sql`
      select irt_a as a, irt_b as b from item where calibrated_at is not null`);
    expect(all.length).toBe(out.calibrated);
    for (const c of all) {
      expect(c.a).toBeGreaterThan(0);
      expect(Math.abs(c.b)).toBeLessThanOrEqual(6);
    }
    // The estimates follow the data: among the items of one paper (answered by the same students),
    // those fewer students got right sit higher on the scale. (Papers of different grades share no
    // students; each grade's items are placed against its own students.)
    const paper = await rows<{ b: number; p: number }>(sql`
      with best as (
        select a.paper_id from assignment a join paper_item pi on pi.paper_id = a.paper_id
          join item i on i.id = pi.item_id and i.calibrated_at is not null
         group by a.paper_id order by count(distinct i.id) desc, a.paper_id limit 1)
      select i.irt_b as b, avg(r.score / r.max_score)::float8 as p
        from best join assignment a on a.paper_id = best.paper_id
        join attempt t on t.assignment_id = a.id and t.status <> 'in_progress'
        join response r on r.attempt_id = t.id and r.score is not null
        join paper_item pi on pi.paper_id = a.paper_id and pi.position = r.number
        join item i on i.id = pi.item_id and i.calibrated_at is not null
       group by i.id, i.irt_b`);
    expect(paper.length).toBeGreaterThan(9);
    // The third of its items fewest got right against the third most got right, by their medians
    // (robust to the odd item whose difficulty rests on a handful of answers).
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const byP = [...paper].sort((x, y) => x.p - y.p);
    const third = Math.floor(byP.length / 3);
    const hard = median(byP.slice(0, third).map((c) => c.b));
    const easy = median(byP.slice(-third).map((c) => c.b));
    expect(hard - easy).toBeGreaterThan(0.3);
    // The run is on the 系统运行 record with what it counted.
    const run = await one<{ status: string; summary: Record<string, number> }>(sql`
      select status, summary from job_run where job = 'bank-calibration' order by started_at desc limit 1`);
    expect(run.status).toBe('succeeded');
    expect(run.summary.calibrated).toBe(out.calibrated);
  });
});

describe('the demo knowledge mastery', () => {
  it('estimates every answering student on the points they met, weak and strong ones apart', async () => {
    // Everyone who sat the 统考 and the demo classes doing a term of homework on tagged items.
    const cover = await one<{ sat: number; missing: number; estimated: number }>(sql`
      select count(*)::int as sat,
             count(*) filter (where not exists (select 1 from mastery_state m where m.student_id = t.student_id))::int as missing,
             (select count(*)::int from mastery_state) as estimated
        from attempt t join assignment a on a.id = t.assignment_id
       where a.kind = 'unified_exam' and t.score is not null`);
    expect(cover.sat).toBeGreaterThan(30);
    expect(cover.missing).toBe(0);
    expect(cover.estimated).toBeGreaterThan(150);
    // A point's estimate follows the student's share of right answers on it.
    const bands = await rows<{ band: string; p: number; n: number }>(sql`
      select case when correct::float / (correct + wrong) >= 0.8 then 'strong'
                  when correct::float / (correct + wrong) <= 0.4 then 'weak' end as band,
             avg(p)::float8 as p, count(*)::int as n
        from knowledge_mastery where correct + wrong >= 3 group by 1`);
    const band = Object.fromEntries(bands.map((b) => [b.band, b]));
    expect(band.strong!.n).toBeGreaterThan(100);
    expect(band.weak!.n).toBeGreaterThan(100);
    expect(band.strong!.p - band.weak!.p).toBeGreaterThan(0.2);
  });
});
