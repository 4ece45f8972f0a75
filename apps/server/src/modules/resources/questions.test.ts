import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let student: Client;
let author: Client;
let resourceId: string;
let subject: string;

type Qa = {
  canAnswer: boolean;
  questions: {
    id: string;
    body: string;
    askerName: string;
    mine: boolean;
    answers: { body: string; answererName: string }[];
  }[];
};
type Inbox = { unread: number; items: { id: string; kind: string; title: string; link: string | null }[] };

beforeAll(async () => {
  t = await createTestApp();
  student = await t.login('student_demo');
  // A published micro-lesson and its author, who teaches its subject.
  const [r] = (
    await t.db.db.execute<{ id: string; username: string; subject: string }>(sql`
      select r.id, a.username, r.subject_code as subject from resource r join account a on a.person_id = r.author_id
       where r.status = 'published' and r.kind = 'micro_lesson' and a.username <> 'teacher_demo' order by r.id limit 1`)
  ).rows;
  resourceId = r!.id;
  subject = r!.subject;
  author = await t.login(r!.username);
});
afterAll(() => t.close());

describe('互动答疑', () => {
  it('lets a student ask, the author answer, and tells each of them', async () => {
    const asked = await student.post(`/api/resources/${resourceId}/questions`, {
      body: '例 2 为什么要先估算？',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const inbox = (await author.get('/api/notifications')).json() as Inbox;
    expect(inbox.items[0]).toMatchObject({ kind: 'qa.question', link: `/resources/${resourceId}` });

    const qa = (await author.get(`/api/resources/${resourceId}/questions`)).json() as Qa;
    expect(qa.canAnswer).toBe(true);
    const q = qa.questions.find((x) => x.body === '例 2 为什么要先估算？')!;
    const ans = await author.post(`/api/resources/${resourceId}/questions/${q.id}/answers`, {
      body: '估算能帮我们检查结果是否合理。',
    });
    expect(ans.statusCode, ans.body).toBe(200);

    const mine = (await student.get('/api/notifications')).json() as Inbox;
    expect(mine.unread).toBeGreaterThan(0);
    expect(mine.items[0]).toMatchObject({ kind: 'qa.answer', link: `/resources/${resourceId}` });
    expect((await student.post(`/api/notifications/${mine.items[0]!.id}/read`)).statusCode).toBe(200);
    expect(((await student.get('/api/notifications')).json() as Inbox).unread).toBe(mine.unread - 1);
    // Someone else's message is not found for me.
    expect((await author.post(`/api/notifications/${mine.items[0]!.id}/read`)).statusCode).toBe(404);

    const seen = (await student.get(`/api/resources/${resourceId}/questions`)).json() as Qa;
    const mineQ = seen.questions.find((x) => x.id === q.id)!;
    expect(mineQ.mine).toBe(true);
    expect(mineQ.answers[0]!.body).toBe('估算能帮我们检查结果是否合理。');
    expect(seen.canAnswer).toBe(false);
  });

  it('keeps answering to the author and teachers of the subject, and shows a child to other learners only as 「X同学」', async () => {
    const [q] = (
      await t.db.db.execute<{ id: string }>(
        sql`select id from resource_question where resource_id = ${resourceId} limit 1`,
      )
    ).rows;
    const [other] = (
      await t.db.db.execute<{ username: string }>(sql`
        select a.username from account a join teacher tt on tt.person_id = a.person_id
         where not exists (select 1 from teaching_assignment ta where ta.teacher_id = tt.person_id and ta.subject_code = ${subject})
           and exists (select 1 from teaching_assignment ta where ta.teacher_id = tt.person_id)
         order by a.username limit 1`)
    ).rows;
    const chinese = await t.login(other!.username);
    expect(
      (await chinese.post(`/api/resources/${resourceId}/questions/${q!.id}/answers`, { body: '我来答' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await student.post(`/api/resources/${resourceId}/questions/${q!.id}/answers`, { body: '我来答' }))
        .statusCode,
    ).toBe(403);

    const [classmate] = (
      await t.db.db.execute<{ username: string }>(sql`
        select a.username from account a join student s on s.person_id = a.person_id
         where a.username <> 'student_demo' order by a.username limit 1`)
    ).rows;
    const peer = await t.login(classmate!.username);
    const view = (await peer.get(`/api/resources/${resourceId}/questions`)).json() as Qa;
    expect(view.questions[0]!.askerName).toMatch(/^.同学$/);
    const staffView = (await author.get(`/api/resources/${resourceId}/questions`)).json() as Qa;
    expect(staffView.questions[0]!.askerName).not.toMatch(/同学$/);
  });

  it('refuses questions on a draft and keeps text literally', async () => {
    const [draft] = (
      await t.db.db.execute<{ id: string; username: string }>(sql`
      select r.id, a.username from resource r join account a on a.person_id = r.author_id where r.status = 'draft' limit 1`)
    ).rows;
    const owner = await t.login(draft!.username);
    expect(
      (await owner.post(`/api/resources/${draft!.id}/questions`, { body: '草稿能提问吗' })).statusCode,
    ).toBe(409);
    const res = await student.post(`/api/resources/${resourceId}/questions`, {
      body: '<img src=x onerror=alert(1)>',
    });
    expect(res.statusCode).toBe(200);
    const qa = (await student.get(`/api/resources/${resourceId}/questions`)).json() as Qa;
    expect(qa.questions.some((q) => q.body === '<img src=x onerror=alert(1)>')).toBe(true);
  });
});
