import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { answersOf, type Fixture, markingFixture, release } from './marking-flow.fixtures.ts';
import { decideRound, finalScore, type MarkView } from './marking-flow.rules.ts';

let t: TestApp;
let teacher: Client;
let classId: string;
/** Another teacher of the same class, and a teacher of another class of the school. */
let colleague: string;
let otherTeacher: string;

const q = async <T>(query: ReturnType<typeof sql>) => (await t.db.db.execute(query)).rows as T[];
const q1 = async <T>(query: ReturnType<typeof sql>) => (await q<T>(query))[0]!;

type Scripts = {
  progress: {
    total: number;
    counted: number;
    mine: number;
    awaitingSecond: number;
    awaitingArbitration: number;
  };
  scripts: {
    id: string;
    label: string;
    answer: string;
    myScore: number | null;
    state: string;
    counted: number | null;
  }[];
};

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  ({ classId } = await q1<{ classId: string }>(
    sql`select s.class_id as "classId" from student s join account a on a.person_id = s.person_id
         where a.username = 'student_demo'`,
  ));
  ({ username: colleague } = await q1<{ username: string }>(
    sql`select a.username from teaching_assignment ta join account a on a.person_id = ta.teacher_id
         where ta.class_id = ${classId} and a.username <> 'teacher_demo' order by a.username limit 1`,
  ));
  ({ username: otherTeacher } = await q1<{ username: string }>(
    sql`select a.username from teacher t join account a on a.person_id = t.person_id
         where t.school_id = (select school_id from org_unit where id = ${classId})
           and not exists (select 1 from teaching_assignment ta where ta.teacher_id = t.person_id and ta.class_id = ${classId})
           and not exists (select 1 from role_assignment ra where ra.person_id = t.person_id and ra.org_unit_id = ${classId})
         order by a.username limit 1`,
  ));
});
afterAll(() => t.close());

const scripts = async (c: Client, f: Fixture, number: number, part = 0) => {
  const res = await c.get(`/api/marking/assignments/${f.assignmentId}/scripts?number=${number}&part=${part}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Scripts;
};
const mark = (c: Client, f: Fixture, body: Record<string, unknown>) =>
  c.post(`/api/marking/assignments/${f.assignmentId}/marks`, body);

describe('the rules of double marking (pure)', () => {
  const m = (round: MarkView['round'], markerId: string, score: number): MarkView => ({
    round,
    markerId,
    score,
  });
  it('counts the mean within the gap, waits for arbitration beyond it, and the arbitration then counts', () => {
    expect(finalScore([m('first', 'a', 5), m('second', 'b', 6)], true, 2)).toEqual({
      score: 5.5,
      state: 'final',
    });
    expect(finalScore([m('first', 'a', 1), m('second', 'b', 6)], true, 2).state).toBe('awaiting_arbitration');
    expect(finalScore([m('first', 'a', 1), m('second', 'b', 6), m('arbitration', 'c', 4)], true, 2)).toEqual({
      score: 4,
      state: 'final',
    });
    expect(finalScore([m('first', 'a', 5)], false, 2)).toEqual({ score: 5, state: 'final' });
  });
  it('gives the next marker the second round and never lets one marker give both', () => {
    const rights = { mark: true, arbitrate: true, lead: false };
    expect(decideRound([], true, 2, 'a', rights)).toEqual({ round: 'first', previous: null });
    expect(decideRound([m('first', 'a', 5)], true, 2, 'b', rights)).toEqual({
      round: 'second',
      previous: null,
    });
    expect(decideRound([m('first', 'a', 5)], true, 2, 'a', rights)).toEqual({ round: 'first', previous: 5 });
    const split = [m('first', 'a', 1), m('second', 'b', 6)];
    expect(decideRound(split, true, 2, 'a', rights)).toEqual({ round: 'first', previous: 1 });
    expect(decideRound(split, true, 2, 'c', rights)).toEqual({ round: 'arbitration', previous: null });
    expect(decideRound([...split, m('arbitration', 'c', 4)], true, 2, 'a', rights)).toHaveProperty('refused');
  });
});

describe('流水批阅 across a class', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await markingFixture(t.db, {
      teacherUsername: 'teacher_demo',
      classId,
      answers: [
        answersOf({ right: true }),
        answersOf({ right: false }),
        answersOf({ right: true, text: '不会' }),
      ],
    });
  });

  it('lists the scripts of an item in the class order with progress, and counts each mark', async () => {
    const overview = (await teacher.get(`/api/marking/assignments/${f.assignmentId}`)).json() as {
      items: {
        number: number;
        part: number;
        type: string;
        canMark: boolean;
        progress: Scripts['progress'];
      }[];
    };
    expect(overview.items.map((i) => `${i.number}.${i.part}`)).toEqual(['3.0', '4.0', '5.2']);
    expect(overview.items.every((i) => i.canMark && i.progress.total === 3 && i.progress.counted === 0)).toBe(
      true,
    );
    const before = await scripts(teacher, f, 3);
    const names = await q<{ name: string }>(
      sql`select p.name from attempt t join person p on p.id = t.student_id join student s on s.person_id = t.student_id
           where t.assignment_id = ${f.assignmentId} order by s.student_no`,
    );
    expect(before.scripts.map((s) => s.label)).toEqual(names.map((n) => n.name));
    expect(before.scripts.map((s) => s.state)).toEqual(['todo', 'todo', 'todo']);
    const res = await mark(teacher, f, { scriptId: before.scripts[0]!.id, score: 5.5, comment: '表述完整' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ round: 'first', counted: 5.5, state: 'done' });
    const after = await scripts(teacher, f, 3);
    expect(after.progress).toMatchObject({ total: 3, counted: 1, mine: 1 });
    expect(after.scripts[0]).toMatchObject({ myScore: 5.5, state: 'done', counted: 5.5 });
  });

  it('refuses a score above the item’s maximum, below zero or off the half-point grid, and writes nothing', async () => {
    const s = (await scripts(teacher, f, 3)).scripts[1]!;
    const marks = async () => (await q<{ n: number }>(sql`select count(*)::int as n from mark`))[0]!.n;
    const before = await marks();
    for (const score of [6.5, 7, 2.3]) {
      const res = await mark(teacher, f, { scriptId: s.id, score });
      expect(res.statusCode, `${score}`).toBe(400);
      expect(res.json().error.details).toMatchObject({ field: 'score', max: 6 });
    }
    expect((await mark(teacher, f, { scriptId: s.id, score: -1 })).statusCode).toBe(400);
    expect(await marks()).toBe(before);
  });

  it('sets the attempt’s score once every subjective answer is marked, and audits each mark with old and new', async () => {
    for (const [number, part, score] of [
      [3, 0, 4],
      [4, 0, 8],
      [5, 2, 3],
    ] as const) {
      const list = await scripts(teacher, f, number, part);
      for (const s of list.scripts) {
        const res = await mark(teacher, f, {
          scriptId: s.id,
          score: number === 3 && s.myScore !== null ? s.myScore : score,
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    const [a] = await q<{ score: number; markedAt: string | null; objective: number }>(
      sql`select score, marked_at as "markedAt", objective_score as objective from attempt where id = ${f.attempts[0]!.id}`,
    );
    // 3 + 4 + 2 objective, 5.5 + 8 + 3 marked.
    expect(a).toMatchObject({ objective: 9, score: 25.5 });
    expect(a!.markedAt).not.toBeNull();
    // Changing a mark changes the total, and the audit row says from what to what.
    const first = (await scripts(teacher, f, 3)).scripts[0]!;
    expect((await mark(teacher, f, { scriptId: first.id, score: 6 })).statusCode).toBe(200);
    const [b] = await q<{ score: number }>(sql`select score from attempt where id = ${f.attempts[0]!.id}`);
    expect(b!.score).toBe(26);
    const [audit] = await q<{ details: Record<string, unknown>; subject: string }>(
      sql`select details, subject_person_id as subject from audit_log where action = 'marking.score'
           and target_id = ${first.id} order by at desc, id desc limit 1`,
    );
    expect(audit!.subject).toBe(f.attempts[0]!.studentId);
    expect(audit!.details).toMatchObject({
      oldMark: 5.5,
      newMark: 6,
      oldScore: 5.5,
      newScore: 6,
      attemptOldScore: 25.5,
      attemptNewScore: 26,
    });
    const n = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'marking.score' and details->>'assignmentId' = ${f.assignmentId}`,
    );
    // One mark before, nine in the loop (one of them the same score again), one change.
    expect(n[0]!.n).toBe(11);
  });

  it('after release a change needs a reason, which the audit keeps', async () => {
    await release(t.db, f.assignmentId);
    const s = (await scripts(teacher, f, 3)).scripts[2]!;
    const without = await mark(teacher, f, { scriptId: s.id, score: 5 });
    expect(without.statusCode).toBe(400);
    expect(without.json().error.details).toMatchObject({ field: 'reason' });
    const blank = await mark(teacher, f, { scriptId: s.id, score: 5, reason: '   ' });
    expect(blank.statusCode).toBe(400);
    const ok = await mark(teacher, f, { scriptId: s.id, score: 5, reason: '复查时发现漏看第二段' });
    expect(ok.statusCode, ok.body).toBe(200);
    const [audit] = await q<{ details: Record<string, unknown> }>(
      sql`select details from audit_log where action = 'marking.score' and target_id = ${s.id}
           order by at desc, id desc limit 1`,
    );
    expect(audit!.details).toMatchObject({
      oldScore: 4,
      newScore: 5,
      afterRelease: true,
      reason: '复查时发现漏看第二段',
    });
    const [m] = await q<{ reason: string }>(
      sql`select reason from mark where response_id = ${s.id} order by at desc, id desc limit 1`,
    );
    expect(m!.reason).toBe('复查时发现漏看第二段');
  });

  it('refuses another class’s teacher and students, and an answer of another assignment', async () => {
    const other = await t.login(otherTeacher);
    expect((await other.get(`/api/marking/assignments/${f.assignmentId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/marking/assignments/${f.assignmentId}/scripts?number=3`)).statusCode).toBe(
      404,
    );
    const s = (await scripts(teacher, f, 4)).scripts[0]!;
    expect((await mark(other, f, { scriptId: s.id, score: 1, reason: '越权' })).statusCode).toBe(404);
    const student = await t.login('student_demo');
    expect((await student.get(`/api/marking/assignments/${f.assignmentId}`)).statusCode).toBe(403);
    const tasks = (await other.get('/api/marking/tasks')).json() as { items: { id: string }[] };
    expect(tasks.items.map((x) => x.id)).not.toContain(f.assignmentId);
    const mine = (await teacher.get('/api/marking/tasks')).json() as { items: { id: string }[] };
    expect(mine.items.map((x) => x.id)).toContain(f.assignmentId);
  });
});

describe('double marking and arbitration', () => {
  let f: Fixture;
  let second: Client;
  beforeAll(async () => {
    f = await markingFixture(t.db, {
      teacherUsername: 'teacher_demo',
      classId,
      kind: 'exam',
      doubleMarking: true,
      markGap: 2,
      answers: [answersOf({ right: true }), answersOf({ right: false }), answersOf({ right: true })],
    });
    second = await t.login(colleague);
  });

  it('takes the mean when two markers agree within the gap and sends the rest to arbitration, blind to each other', async () => {
    // teacher_demo set the exam, so leads it (and sees every mark); the colleague marks blind.
    const b = await scripts(second, f, 3);
    expect(b.scripts.map((s) => s.state)).toEqual(['todo', 'todo', 'todo']);
    const [s1, s2] = b.scripts;
    expect((await mark(second, f, { scriptId: s1!.id, score: 5 })).json()).toMatchObject({
      round: 'first',
      counted: null,
      state: 'mine',
    });
    expect((await mark(second, f, { scriptId: s2!.id, score: 1 })).statusCode).toBe(200);
    // The same marker cannot give the second mark too.
    expect((await mark(second, f, { scriptId: s1!.id, score: 5 })).json()).toMatchObject({ round: 'first' });
    const third = await t.login(otherTeacher);
    expect((await mark(third, f, { scriptId: s1!.id, score: 5 })).statusCode).toBe(404);
    // The second marker (here the exam's leader, marking as a marker) gives round two.
    const r1 = await mark(teacher, f, { scriptId: s1!.id, score: 6 });
    expect(r1.json()).toMatchObject({ round: 'second', counted: 5.5, state: 'done' });
    const r2 = await mark(teacher, f, { scriptId: s2!.id, score: 6 });
    expect(r2.json()).toMatchObject({ round: 'second', counted: null, state: 'arbitration' });
    const [resp] = await q<{ score: number | null }>(sql`select score from response where id = ${s2!.id}`);
    expect(resp!.score).toBeNull();
    // Blind: the colleague sees their own marks only, never the other's or the counted score.
    const again = await scripts(second, f, 3);
    expect(again.scripts.find((s) => s.id === s1!.id)).toMatchObject({
      myScore: 5,
      counted: null,
      state: 'mine',
    });
    expect(JSON.stringify(again)).not.toContain('"score":6');
    // The arbitration queue: for the leader (not for the two markers as such).
    const queue = (await teacher.get(`/api/marking/assignments/${f.assignmentId}/arbitration`)).json() as {
      items: { id: string; first: number; second: number }[];
    };
    expect(queue.items).toEqual([expect.objectContaining({ id: s2!.id, first: 1, second: 6 })]);
    const colleagueQueue = (
      await second.get(`/api/marking/assignments/${f.assignmentId}/arbitration`)
    ).json() as {
      items: unknown[];
    };
    expect(colleagueQueue.items).toEqual([]);
  });

  it('lets a third marker arbitrate, whose score then counts', async () => {
    // Another teacher of the class who marked neither: the head teacher's colleague list has more than one.
    const [row] = await q<{ username: string }>(
      sql`select a.username from teaching_assignment ta join account a on a.person_id = ta.teacher_id
           where ta.class_id = ${classId} and a.username not in ('teacher_demo', ${colleague})
           order by a.username limit 1`,
    );
    const arbiter = row ? await t.login(row.username) : teacher;
    const queue = (await arbiter.get(`/api/marking/assignments/${f.assignmentId}/arbitration`)).json() as {
      items: { id: string }[];
    };
    const id = queue.items[0]!.id;
    const res = await mark(arbiter, f, { scriptId: id, score: 4 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().round).toBe(row ? 'arbitration' : 'regrade');
    const [resp] = await q<{ score: number }>(sql`select score from response where id = ${id}`);
    expect(resp!.score).toBe(4);
    const [audit] = await q<{ action: string; details: Record<string, unknown> }>(
      sql`select action, details from audit_log where target_id = ${id} order by at desc, id desc limit 1`,
    );
    expect(audit).toMatchObject({ details: { oldScore: null, newScore: 4 } });
    // Once arbitrated, the first markers cannot change their marks any more.
    expect((await mark(second, f, { scriptId: id, score: 2 })).statusCode).toBe(409);
  });
});

describe('a 统考 marked by the markers the district assigned', () => {
  let f: Fixture;
  let marker: { username: string; personId: string };
  let district: Client;
  beforeAll(async () => {
    const [d] = await q<{ path: string }>(
      sql`select d.path::text from org_unit c join org_unit d on d.id = c.district_id where c.id = ${classId}`,
    );
    f = await markingFixture(t.db, {
      teacherUsername: 'teacher_demo',
      creatorUsername: 'district_yuexiu',
      path: d!.path,
      classId,
      kind: 'unified_exam',
      answers: [answersOf({ right: true }), answersOf({ right: false })],
    });
    marker = await q1<{ username: string; personId: string }>(
      sql`select a.username, t.person_id as "personId" from teacher t join account a on a.person_id = t.person_id
           where t.district_id = (select district_id from org_unit where id = ${classId})
             and t.school_id <> (select school_id from org_unit where id = ${classId})
           order by a.username limit 1`,
    );
    district = await t.login('district_yuexiu');
  });

  it('lets only assigned markers mark, by item, and hides the names behind script numbers', async () => {
    // The class's own teacher marks no 统考 script unless assigned.
    expect((await teacher.get(`/api/marking/assignments/${f.assignmentId}`)).statusCode).toBe(404);
    const m = await t.login(marker!.username);
    expect((await m.get(`/api/marking/assignments/${f.assignmentId}`)).statusCode).toBe(404);
    const assign = await district.post(`/api/marking/assignments/${f.assignmentId}/markers`, {
      number: 3,
      part: 0,
      personId: marker!.personId,
    });
    expect(assign.statusCode, assign.body).toBe(200);
    expect(assign.json().items).toEqual([
      expect.objectContaining({ personId: marker!.personId, role: 'marker' }),
    ]);
    // Someone outside the district cannot be made a marker.
    const [far] = await q<{ id: string }>(
      sql`select person_id as id from teacher where district_id <> (select district_id from org_unit where id = ${classId}) limit 1`,
    );
    expect(
      (
        await district.post(`/api/marking/assignments/${f.assignmentId}/markers`, {
          number: 3,
          personId: far!.id,
        })
      ).statusCode,
    ).toBe(400);

    const overview = (await m.get(`/api/marking/assignments/${f.assignmentId}`)).json() as {
      anonymous: boolean;
      items: { number: number; canMark: boolean }[];
    };
    expect(overview.anonymous).toBe(true);
    expect(overview.items.map((i) => [i.number, i.canMark])).toEqual([
      [3, true],
      [4, false],
      [5, false],
    ]);
    const list = await scripts(m, f, 3);
    expect(list.scripts.every((s) => /^密号 [0-9A-F]{8}$/.test(s.label))).toBe(true);
    const names = await q<{ name: string }>(
      sql`select p.name from attempt t join person p on p.id = t.student_id where t.assignment_id = ${f.assignmentId}`,
    );
    const body = JSON.stringify(list);
    for (const n of names) expect(body).not.toContain(n.name);
    for (const a of f.attempts) expect(body).not.toContain(a.studentId);
    const res = await mark(m, f, { scriptId: list.scripts[0]!.id, score: 4 });
    expect(res.statusCode, res.body).toBe(200);
    const [resp] = await q<{ score: number }>(
      sql`select score from response where id = ${list.scripts[0]!.id}`,
    );
    expect(resp!.score).toBe(4);
    // Not their item.
    expect((await m.get(`/api/marking/assignments/${f.assignmentId}/scripts?number=4`)).statusCode).toBe(403);
    const other = f.responses.get(f.attempts[0]!.id)!.get('4.0')!;
    expect((await mark(m, f, { scriptId: other, score: 4 })).statusCode).toBe(404);
    const removed = await district.post(`/api/marking/assignments/${f.assignmentId}/markers/remove`, {
      number: 3,
      part: 0,
      personId: marker!.personId,
    });
    expect(removed.json().items).toEqual([]);
    expect((await m.get(`/api/marking/assignments/${f.assignmentId}/scripts?number=3`)).statusCode).toBe(404);
  });
});
