/**
 * Home pages that show today (issue 9 §7): each role's home lists what waits for that person and
 * what is new for them, most urgent first, and nothing from outside their scope.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFile } from '../../testing/multipart.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

type Item = { id: string; title: string; detail: string | null; link: string | null; flag: string | null };
type Tag = { type: string; value: string };
type Section = { key: string; priority: number; count: number; items: (Item & { tags: Tag[] })[] };
type Home = {
  kind: string;
  sections: Section[];
  classes?: { id: string }[];
  children?: { name: string; classId: string; unreadNotices: number; news: Item[] }[];
};

let t: TestApp;
let student: Client;
let other: Client;
let parent: Client;
let teacher: Client;
let classId: string;

const home = async (c: Client) => {
  const res = await c.get('/api/portal/home');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Home;
};
/** The message in a person's bell that announced the notice `postId`. */
const bellItem = async (c: Client, postId: string) => {
  const bell = (await c.get('/api/notifications')).json() as {
    items: { link: string | null; readAt: string | null }[];
  };
  return bell.items.find((m) => m.link?.endsWith(`post=${postId}`))!;
};
const items = (h: Home, key: string) => h.sections.find((s) => s.key === key)?.items ?? [];
const titles = (h: Home, key: string) => items(h, key).map((i) => i.title);

beforeAll(async () => {
  t = await createTestApp();
  student = await t.login('student_demo');
  other = await t.login('student_haizhu');
  parent = await t.login('parent_demo');
  teacher = await t.login('teacher_demo');
  classId = (await home(student)).classes![0]!.id;
});
afterAll(() => t.close());

describe('a student’s home', () => {
  it('shows unread notices first, the answer to their question, and lessons of their grade and subjects', async () => {
    const h = await home(student);
    expect(h.sections[0]!.key).toBe('notices');
    expect(items(h, 'notices').every((n) => n.link === `/spaces/${classId}?tab=notice`)).toBe(true);
    expect(items(h, 'answers')[0]).toMatchObject({ detail: '做应用题时，怎么检查自己算得对不对？' });
    const shown = items(h, 'resources').map((r) => r.id);
    expect(shown.length).toBeGreaterThan(0);
    const rows = (
      await t.db.db.execute<{ status: string; grade: string; taught: boolean }>(sql`
        select r.status, r.grade_code as grade,
               exists (select 1 from teaching_assignment ta where ta.class_id = ${classId}
                        and ta.subject_code = r.subject_code) as taught
          from resource r where r.id = any(${`{${shown.join(',')}}`}::uuid[])`)
    ).rows;
    expect(rows.every((r) => r.status === 'published' && r.grade === '14' && r.taught)).toBe(true);
  });

  it('lists a message once: not an answer or a notice again, but other news, until it is read', async () => {
    const [me] = (
      await t.db.db.execute<{ id: string }>(
        sql`select person_id as id from account where username = 'student_demo'`,
      )
    ).rows;
    await t.db.db.execute(sql`insert into notification (id, person_id, kind, title, link) values
      (gen_random_uuid(), ${me!.id}, 'qa.answer', '老师回答了你的提问', '/resources'),
      (gen_random_uuid(), ${me!.id}, 'privacy.request', '你的查阅申请已办结', '/privacy')`);
    const messages = items(await home(student), 'messages');
    expect(messages.map((m) => m.title)).toEqual(['你的查阅申请已办结']);
    await student.post(`/api/notifications/${messages[0]!.id}/read`);
    expect(titles(await home(student), 'messages')).toEqual([]);
  });
});

describe('a class notice', () => {
  it('reaches the pupils’ and parents’ homes at once, tagged with the child, and not another class', async () => {
    const posted = await teacher.post(`/api/spaces/${classId}/posts`, {
      kind: 'notice',
      title: '明天春游',
      body: '请带好水和午餐，早上八点在校门口集合。',
    });
    expect(posted.statusCode, posted.body).toBe(200);
    const postId = posted.json().id as string;

    const mine = await home(student);
    expect(items(mine, 'notices')[0]).toMatchObject({ id: postId, title: '明天春游', flag: 'unread' });
    // The notice's own message is not listed a second time.
    expect(titles(mine, 'messages').some((x) => x.includes('明天春游'))).toBe(false);

    const p = await home(parent);
    expect(p.sections[0]!.key).toBe('notices');
    const n = items(p, 'notices').find((x) => x.id === postId)!;
    const child = p.children!.find((c) => c.classId === classId)!;
    expect(n.tags).toEqual([{ type: 'text', value: child.name }]);
    const childIds = p.children!.map((c) => c.classId);
    expect(items(p, 'notices').every((x) => childIds.some((id) => x.link?.startsWith(`/spaces/${id}`)))).toBe(
      true,
    );
    const card = p.children!.find((c) => c.classId === classId)!;
    expect(card.unreadNotices).toBeGreaterThan(0);

    expect(titles(await home(other), 'notices')).not.toContain('明天春游');

    // Confirmed by the pupil, it leaves the pupil's home and their bell, and stays on the parent's.
    expect((await bellItem(student, postId)).readAt).toBeNull();
    expect((await student.post(`/api/space-posts/${postId}/read`)).statusCode).toBe(200);
    expect((await bellItem(student, postId)).readAt).not.toBeNull();
    expect((await bellItem(parent, postId)).readAt).toBeNull();
    expect(items(await home(student), 'notices').map((x) => x.id)).not.toContain(postId);
    expect(items(await home(parent), 'notices').map((x) => x.id)).toContain(postId);
    await parent.post(`/api/space-posts/${postId}/read`);
    const after = (await home(parent)).children!.find((c) => c.classId === classId)!;
    expect(after.unreadNotices).toBe(card.unreadNotices - 1);
  });
});

describe('a teacher’s home', () => {
  it('holds a question on their resource until they answer, and the answer reaches only the asker', async () => {
    const before = await home(teacher);
    expect(items(before, 'questions').length).toBeGreaterThan(0);
    const resourceLink = items(before, 'questions')[0]!.link!;
    const resourceId = resourceLink.split('/').pop()!;
    const asked = await other.post(`/api/resources/${resourceId}/questions`, {
      body: '例 3 能用画图的方法吗？',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const qid = asked.json().id as string;

    const waiting = await home(teacher);
    expect(items(waiting, 'questions').map((q) => q.id)).toContain(qid);
    expect(waiting.sections.find((s) => s.key === 'questions')!.count).toBe(
      before.sections.find((s) => s.key === 'questions')!.count + 1,
    );
    // Its notification is the question itself: not listed again among messages.
    expect(items(waiting, 'messages').some((m) => m.link === resourceLink)).toBe(false);
    // Another author's home does not show it.
    const [otherAuthor] = (
      await t.db.db.execute<{ username: string }>(sql`
        select a.username from account a join resource r on r.author_id = a.person_id
         where r.status = 'published' and r.kind = 'micro_lesson' and a.username <> 'teacher_demo' limit 1`)
    ).rows;
    const author = await t.login(otherAuthor!.username);
    expect(items(await home(author), 'questions').map((q) => q.id)).not.toContain(qid);

    const answered = await teacher.post(`/api/resources/${resourceId}/questions/${qid}/answers`, {
      body: '可以，画线段图更清楚。',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(items(await home(teacher), 'questions').map((q) => q.id)).not.toContain(qid);
    expect(titles(await home(other), 'answers')).toContain('可以，画线段图更清楚。');
    expect(titles(await home(student), 'answers')).not.toContain('可以，画线段图更清楚。');
  });

  it('lists their resources returned for revision, and new resources of the subjects and grades they teach', async () => {
    const created = await teacher.post('/api/resources', {
      kind: 'courseware',
      title: '《分数的初步认识》课件',
      subjectCode: '14',
      gradeCode: '14',
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    await t.db.db.execute(sql`update resource set status = 'returned' where id = ${id}`);
    const h = await home(teacher);
    expect(items(h, 'revise')[0]).toMatchObject({ id, link: `/resources/${id}` });
    const tags = items(h, 'resources').flatMap((r) => r.tags);
    expect(tags.filter((x) => x.type === 'subject').every((x) => x.value === '14')).toBe(true);
    expect(tags.filter((x) => x.type === 'grade').every((x) => x.value === '14')).toBe(true);
  });
});

describe('a reviewer’s home', () => {
  it('lists what waits at their step, and moves overdue reviews first', async () => {
    const [f] = (
      await t.db.db.execute<{ resource: string; file: string }>(sql`
        select f.resource_id as resource, f.id as file from resource_file f join resource r on r.id = f.resource_id
         where r.status = 'published' and f.mime = 'video/mp4' limit 1`)
    ).rows;
    const mp4 = (await teacher.get(`/api/resources/${f!.resource}/files/${f!.file}`)).rawPayload;
    const created = await teacher.post('/api/resources', {
      kind: 'micro_lesson',
      title: '《亿以内数的读法》微课',
      subjectCode: '14',
      gradeCode: '14',
    });
    const id = created.json().id as string;
    expect(
      (await uploadFile(teacher, `/api/resources/${id}/files?role=main`, mp4, '微课.mp4')).statusCode,
    ).toBe(200);
    expect((await teacher.post(`/api/resources/${id}/submit`, {})).statusCode).toBe(200);

    const expert = await t.login('expert_school');
    const waiting = await home(expert);
    expect(items(waiting, 'reviews').map((r) => r.link)).toContain(`/resources/${id}`);
    // Not at the researcher's step yet; the researcher has curriculum work instead (a lesson with
    // no knowledge point: the demo library covers every lesson, so one is unlinked here).
    await t.db.db.execute(sql`delete from lesson_knowledge_point
      where lesson_id = (select lesson_id from lesson_knowledge_point order by lesson_id limit 1)`);
    const researcher = await home(await t.login('researcher_demo'));
    expect(items(researcher, 'reviews').map((r) => r.link)).not.toContain(`/resources/${id}`);
    expect(items(researcher, 'curriculum').length).toBeGreaterThan(0);

    await t.db.db.execute(
      sql`update review set step_started_at = now() - interval '9 days' where resource_id = ${id}`,
    );
    const late = await home(expert);
    expect(late.sections[0]!.key).toBe('reviews');
    expect(items(late, 'reviews').find((r) => r.link === `/resources/${id}`)!.flag).toBe('overdue');

    // Approved by the experts, it moves to the school leader's home and off theirs.
    expect((await expert.post(`/api/resources/${id}/review`, { action: 'approve' })).statusCode).toBe(200);
    expect(items(await home(expert), 'reviews').map((r) => r.link)).not.toContain(`/resources/${id}`);
    const leader = await home(await t.login('school_admin'));
    expect(leader.kind).toBe('school');
    expect(items(leader, 'reviews').map((r) => r.link)).toContain(`/resources/${id}`);
  });
});

describe('homes keep their scope', () => {
  it('a parent sees only their children’s classes, a pupil of another district none of this class', async () => {
    const p = await home(parent);
    const classIds = new Set(p.children!.map((c) => c.classId));
    for (const key of ['notices'])
      for (const i of items(p, key)) expect(classIds.has(i.link!.split(/[/?]/)[2]!)).toBe(true);
    for (const c of p.children!) for (const n of c.news) expect(n.link).toBe(`/spaces/${c.classId}`);
    const h = await home(other);
    for (const key of ['notices', 'news'])
      for (const i of items(h, key)) expect(i.link).not.toContain(classId);
    expect(items(h, 'answers').some((x) => x.detail?.includes('怎么检查自己算得对不对'))).toBe(false);
  });

  it('the 三员 homes carry no sections of personal data', async () => {
    const auditor = await home(await t.login('auditor'));
    expect(auditor.sections).toBeUndefined();
  });
});
