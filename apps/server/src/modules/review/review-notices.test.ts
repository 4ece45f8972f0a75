import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../platform/db/jobs.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { demoVideo, lessonPackage } from './review.fixtures.ts';
import { sendOverdueDigests } from './review-digest.service.ts';

let t: TestApp;
let teacher: Client;
let mp4: Buffer;
const clients = new Map<string, Client>();
/** Person ids of the demo logins and of the experts this file adds. */
const who = new Map<string, string>();

/** The demo's reviewers, by their logins; the chain's steps 2–6 are theirs in this order. */
const REVIEWERS = [
  'expert_school',
  'school_admin',
  'expert_city',
  'researcher_demo',
  'city_admin',
  'district_yuexiu',
];

async function q<T extends Record<string, unknown>>(query: ReturnType<typeof sql>) {
  return (await t.db.db.execute<T>(query)).rows;
}

/**
 * Beside the demo school's own expert, a second active one there (told), and experts who must not
 * be told: one whose role there was withdrawn, one whose account is disabled, one of another school.
 */
async function addExperts() {
  const [unit] = await q<{ unitId: string; path: string; districtId: string; schoolId: string }>(sql`
    select ra.org_unit_id as "unitId", ra.path::text as path, ra.district_id as "districtId", ra.school_id as "schoolId"
      from role_assignment ra join account a on a.person_id = ra.person_id
     where a.username = 'expert_school' and ra.role = 'expert'`);
  const mates = await q<{ id: string }>(sql`
    select t.person_id as id from teacher t join account a on a.person_id = t.person_id
     where t.school_id = ${unit!.schoolId} and a.username <> 'teacher_demo' and a.status = 'active'
     order by t.staff_no limit 3`);
  const [away] = await q<{
    id: string;
    unitId: string;
    path: string;
    districtId: string;
    schoolId: string;
  }>(sql`
    select t.person_id as id, o.id as "unitId", o.path::text as path, t.district_id as "districtId", t.school_id as "schoolId"
      from teacher t join org_unit o on o.id = t.school_id join account a on a.person_id = t.person_id
     where t.district_id = ${unit!.districtId} and t.school_id <> ${unit!.schoolId} order by t.staff_no limit 1`);
  const grant = (person: string, u: typeof unit, active: boolean) =>
    t.db.db.execute(sql`insert into role_assignment (id, person_id, role, org_unit_id, path, district_id, school_id, active)
      values (gen_random_uuid(), ${person}, 'expert', ${u!.unitId}, ${u!.path}::ltree, ${u!.districtId}, ${u!.schoolId}, ${active})`);
  const [colleague, withdrawn, disabled] = mates.map((m) => m.id);
  await grant(colleague!, unit, true);
  await grant(withdrawn!, unit, false);
  await grant(disabled!, unit, true);
  await t.db.db.execute(sql`update account set status = 'disabled' where person_id = ${disabled!}`);
  await grant(away!.id, away, true);
  who.set('colleague', colleague!);
  who.set('withdrawn', withdrawn!);
  who.set('disabled', disabled!);
  who.set('other school', away!.id);
}

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  mp4 = await demoVideo(t, teacher);
  for (const u of REVIEWERS) clients.set(u, await t.login(u));
  const people = await q<{ username: string; id: string }>(sql`
    select username, person_id as id from account where username in ('teacher_demo', ${sql.join(REVIEWERS, sql`, `)})`);
  for (const p of people) who.set(p.username, p.id);
  await addExperts();
});
afterAll(() => t.close());

const nameOf = (id: string) => [...who].find(([, v]) => v === id)?.[0] ?? id;

/** Messages telling of `resource`'s arrival at a step (their links carry the role: `?as=…`). */
const arrivalsOf = (resource: string) =>
  sql`kind = 'review.arrival' and split_part(link, '?', 1) = ${`/resources/${resource}`}`;

/** Who has been told that `resource` arrived at a step (since the last `forget`). */
async function toldOfArrival(resource: string): Promise<string[]> {
  const rows = await q<{ person: string }>(
    sql`select person_id as person from notification where ${arrivalsOf(resource)}`,
  );
  return rows.map((r) => nameOf(r.person)).sort();
}
const forget = (resource: string) =>
  t.db.db.execute(sql`delete from notification where ${arrivalsOf(resource)}`);

async function authorsLast(resource: string) {
  const [n] = await q<{ kind: string; title: string; body: string }>(sql`
    select kind, title, body from notification where person_id = ${who.get('teacher_demo')!}
       and link = ${`/resources/${resource}`} order by created_at desc, id desc limit 1`);
  return n;
}

type QueueItem = {
  resourceId: string;
  stepName: string;
  waitedMinutes: number;
  dueDays: number;
  overdue: boolean;
};
const queueOf = async (u: string) => (await clients.get(u)!.get('/api/reviews/queue')).json() as QueueItem[];

const submit = async (id: string) =>
  expect((await teacher.post(`/api/resources/${id}/submit`, {})).statusCode).toBe(200);
const decide = async (u: string, id: string, action: string, comment = '同意') => {
  const res = await clients.get(u)!.post(`/api/resources/${id}/review`, { action, comment });
  expect(res.statusCode, `${u}: ${res.body}`).toBe(200);
};

describe('reviewers are told when an item reaches their step', () => {
  it('tells exactly those who find it in their queue, at every step, and the author each outcome', async () => {
    const id = await lessonPackage(t, teacher, mp4, '《分数的初步认识》微课（体验测试）');
    await submit(id);
    // The school's experts, both of them, and no one else: not a withdrawn role, a disabled
    // account, another school's expert, nor the reviewers of later steps.
    expect(await toldOfArrival(id)).toEqual(['colleague', 'expert_school']);
    const [message] = await q<{ title: string; body: string }>(sql`
      select title, body from notification where ${arrivalsOf(id)} limit 1`);
    expect(message).toEqual({
      title: '《〈分数的初步认识〉微课（体验测试）》待您审核',
      body: '第 2/6 步「学校专家组审核」，请在 5 天内完成',
    });

    const steps = [
      ['expert_school', ['colleague', 'expert_school']],
      ['school_admin', ['school_admin']],
      ['expert_city', ['expert_city']],
      ['researcher_demo', ['researcher_demo']],
      // 局领导: the district's bureau and the city's both decide.
      ['city_admin', ['city_admin', 'district_yuexiu']],
    ] as const;
    for (const [i, [decider, told]] of steps.entries()) {
      expect(await toldOfArrival(id), `step ${i + 2}`).toEqual([...told]);
      // The queue's rule and the notification's are one: told ⇔ in the queue, for every reviewer.
      for (const u of REVIEWERS) {
        const queued = (await queueOf(u)).some((x) => x.resourceId === id);
        expect(queued, `${u} at step ${i + 2}`).toBe((told as readonly string[]).includes(u));
      }
      await forget(id);
      await decide(decider, id, 'approve');
      const last = await authorsLast(id);
      if (i < steps.length - 1) {
        expect(last).toMatchObject({
          kind: 'review.progress',
          title: '《〈分数的初步认识〉微课（体验测试）》通过了一步审核',
        });
        expect(last!.body).toContain(`进入第 ${i + 3}/6 步`);
      } else {
        expect(last).toMatchObject({
          kind: 'review.approve',
          title: '《〈分数的初步认识〉微课（体验测试）》已通过全部审核并发布',
        });
      }
    }
    expect(await toldOfArrival(id)).toEqual([]);
    const doubled = await q<{ n: number }>(
      sql`select count(*)::int as n from notification where title like '%《《%'`,
    );
    expect(doubled[0]!.n).toBe(0);
  });

  it('gives a returned item back to its author and tells the step again when it comes back', async () => {
    const id = await lessonPackage(t, teacher, mp4, '退回再提交的示例');
    await submit(id);
    await forget(id);
    await decide('expert_school', id, 'return', '请补充课后练习的答案');
    expect(await authorsLast(id)).toEqual({
      kind: 'review.return',
      title: '《退回再提交的示例》被退回修改',
      body: '「学校专家组审核」：请补充课后练习的答案',
    });
    expect(await toldOfArrival(id)).toEqual([]);
    await submit(id);
    expect(await toldOfArrival(id)).toEqual(['colleague', 'expert_school']);
    await decide('expert_school', id, 'reject', '与已有课例重复');
    expect(await authorsLast(id)).toMatchObject({
      kind: 'review.reject',
      title: '《退回再提交的示例》未通过审核',
    });
  });
});

describe('a reviewer with several roles', () => {
  it('is sent to the item in the role that decides it', async () => {
    // The colleague teaches at the school and sits on its expert group: signed in as a teacher, the
    // item is not theirs to see; the message's link names the expert role, which shows it.
    const id = await lessonPackage(t, teacher, mp4, '兼任专家的示例');
    await submit(id);
    const [told] = await q<{ link: string; asRole: string }>(sql`
      select n.link, ra.id as "asRole" from notification n
        join role_assignment ra on ra.person_id = n.person_id and ra.role = 'expert' and ra.active
       where ${arrivalsOf(id)} and n.person_id = ${who.get('colleague')!}`);
    expect(told!.link).toBe(`/resources/${id}?as=${told!.asRole}`);
    const [login] = await q<{ username: string }>(
      sql`select username from account where person_id = ${who.get('colleague')!}`,
    );
    const colleague = await t.login(login!.username);
    const me = (await colleague.get('/api/auth/me')).json() as { roles: { id: string; role: string }[] };
    const teaching = me.roles.find((r) => r.role !== 'expert')!;
    expect(
      (await colleague.post('/api/auth/switch-role', { roleAssignmentId: teaching.id })).statusCode,
    ).toBe(200);
    expect((await colleague.get(`/api/resources/${id}`)).statusCode).toBe(404);
    expect(
      (await colleague.post('/api/auth/switch-role', { roleAssignmentId: told!.asRole })).statusCode,
    ).toBe(200);
    expect((await colleague.get(`/api/resources/${id}`)).statusCode).toBe(200);
    const queue = (await colleague.get('/api/reviews/queue')).json() as QueueItem[];
    expect(queue.map((x) => x.resourceId)).toContain(id);
    await decide('expert_school', id, 'reject', '示例结束');
  });
});

describe('the wait at a step', () => {
  it('counts from the arrival at the current step, not from the submission, overdue ones first', async () => {
    const id = await lessonPackage(t, teacher, mp4, '等待时间的示例');
    await submit(id);
    // Submitted nine days ago and still at the school's experts: overdue (their limit is 5 days).
    await t.db.db.execute(sql`update review set created_at = now() - interval '9 days',
      step_started_at = now() - interval '9 days' where resource_id = ${id}`);
    await t.db.db.execute(sql`update review_event set created_at = now() - interval '9 days'
      where review_id = (select id from review where resource_id = ${id})`);
    const atExperts = (await queueOf('expert_school')).find((x) => x.resourceId === id)!;
    expect(atExperts).toMatchObject({ overdue: true, dueDays: 5 });
    expect(Math.abs(atExperts.waitedMinutes - 9 * 1440)).toBeLessThanOrEqual(1);

    // Passed on today, it has waited minutes at the school leader's step, not nine days.
    await decide('expert_school', id, 'approve');
    const atLeader = (await queueOf('school_admin')).find((x) => x.resourceId === id)!;
    expect(atLeader).toMatchObject({ stepName: '学校领导审核', overdue: false, dueDays: 3 });
    expect(atLeader.waitedMinutes).toBeLessThan(5);

    await t.db.db.execute(
      sql`update review set step_started_at = now() - interval '3 days 5 hours' where resource_id = ${id}`,
    );
    const fresh = await lessonPackage(t, teacher, mp4, '刚到学校领导的示例');
    await submit(fresh);
    await decide('expert_school', fresh, 'approve');
    const queue = await queueOf('school_admin');
    const waited = queue.find((x) => x.resourceId === id)!;
    expect(waited.overdue).toBe(true);
    expect(Math.abs(waited.waitedMinutes - (3 * 1440 + 5 * 60))).toBeLessThanOrEqual(1);
    expect(queue.findIndex((x) => x.resourceId === id)).toBeLessThan(
      queue.findIndex((x) => x.resourceId === fresh),
    );
    const firstOnTime = queue.findIndex((x) => !x.overdue);
    expect(queue.slice(firstOnTime).some((x) => x.overdue)).toBe(false);
  });
});

describe('the daily digest of overdue items', () => {
  it('sends each reviewer with overdue items one digest a day, however often it runs', async () => {
    // The demo's own waiting items (by other teachers) are put back on time, so only this file's count.
    await t.db.db.execute(sql`update review rv set step_started_at = now() from resource r
      where r.id = rv.resource_id and rv.status = 'in_review' and r.author_id <> ${who.get('teacher_demo')!}`);
    // After the test above: one item overdue at the school leader's step; now one at the experts'.
    const late = await lessonPackage(t, teacher, mp4, '专家组超期的示例');
    await submit(late);
    await t.db.db.execute(
      sql`update review set step_started_at = now() - interval '6 days' where resource_id = ${late}`,
    );
    const digest = () => runJob(t.deps.database, 'review-digest', (tx) => sendOverdueDigests(tx));
    // Two instances at once, then again later the same day.
    const runs = await Promise.all([digest(), digest()]);
    const again = await digest();
    expect(runs.reduce((n, r) => n + (r?.sent ?? 0), 0)).toBeGreaterThanOrEqual(3);
    expect(again).toEqual({ sent: 0 });

    const digests = await q<{ person: string; n: number; title: string; body: string }>(sql`
      select person_id as person, count(*)::int as n, min(title) as title, min(body) as body
        from notification where kind = 'review.digest' group by person_id`);
    const byName = new Map(digests.map((d) => [nameOf(d.person), d]));
    for (const d of digests) expect(d.n, nameOf(d.person)).toBe(1);
    expect([...byName.keys()]).toEqual(
      expect.arrayContaining(['colleague', 'expert_school', 'school_admin']),
    );
    for (const u of ['expert_city', 'researcher_demo', 'other school', 'withdrawn', 'disabled'])
      expect(byName.has(u), u).toBe(false);
    expect(byName.get('expert_school')!.body).toContain(
      '《专家组超期的示例》（学校专家组审核，已等待 6 天）',
    );
    expect(byName.get('school_admin')!.body).toContain('《等待时间的示例》（学校领导审核，已等待 3 天）');
    expect(byName.get('school_admin')!.title).toMatch(/^审核提醒：\d+ 项资源已超过审核期限$/);
  });
});
