import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFile } from '../../testing/multipart.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { demoPdf } from '../resources/demo-media.ts';
import { demoVideo, lessonPackage as makeLessonPackage } from './review.fixtures.ts';

let t: TestApp;
let teacher: Client;
let mp4: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  mp4 = await demoVideo(t, teacher);
});
afterAll(() => t.close());

type Queue = { resourceId: string; stepName: string; overdue: boolean }[];
type History = {
  steps: string[];
  currentStep: number;
  status: string;
  events: { action: string; stepName: string; comment: string }[];
};

const lessonPackage = (title: string) => makeLessonPackage(t, teacher, mp4, title);

const REVIEWERS = ['expert_school', 'school_admin', 'expert_city', 'researcher_demo', 'city_admin'];

describe('六审', () => {
  it('takes a lesson package through six steps, with one return and a revision, to publication', async () => {
    const id = await lessonPackage('《亿以内数的认识》共享课堂');
    const student = await t.login('student_demo');
    expect((await student.get(`/api/resources/${id}`)).statusCode).toBe(404);
    expect((await teacher.post(`/api/resources/${id}/submit`, {})).statusCode).toBe(200);
    const clients = new Map<string, Client>();
    for (const u of REVIEWERS) clients.set(u, await t.login(u));

    // Only the current step's reviewers see it in their queue and may decide.
    const early = clients.get('researcher_demo')!;
    expect(((await early.get('/api/reviews/queue')).json() as Queue).some((q) => q.resourceId === id)).toBe(
      false,
    );
    expect((await early.post(`/api/resources/${id}/review`, { action: 'approve' })).statusCode).toBe(403);

    for (const [i, u] of REVIEWERS.entries()) {
      const c = clients.get(u)!;
      const queue = (await c.get('/api/reviews/queue')).json() as Queue;
      expect(
        queue.map((q) => q.resourceId),
        u,
      ).toContain(id);
      if (i === 2) {
        // The district/city experts return it once; the teacher revises and resubmits.
        expect(
          (await c.post(`/api/resources/${id}/review`, { action: 'return', comment: '' })).statusCode,
        ).toBe(400);
        expect(
          (await c.post(`/api/resources/${id}/review`, { action: 'return', comment: '请补充课后练习的答案' }))
            .statusCode,
        ).toBe(200);
        expect((await teacher.get(`/api/resources/${id}`)).json().status).toBe('returned');
        // The reviewer who returned it still sees it (and its history) while the author revises.
        expect((await c.get(`/api/resources/${id}`)).statusCode).toBe(200);
        const fix = await teacher.request('PATCH', `/api/resources/${id}`, {
          exercises: '1. 读出下面各数：40080000（答案：四千零八万）',
        });
        expect(fix.statusCode, fix.body).toBe(200);
        expect(
          (await teacher.post(`/api/resources/${id}/submit`, { comment: '已补充答案' })).statusCode,
        ).toBe(200);
        const hr = await teacher.get(`/api/resources/${id}/review`);
        expect(hr.statusCode, hr.body).toBe(200);
        expect((hr.json() as History).currentStep).toBe(3);
      }
      const ok = await c.post(`/api/resources/${id}/review`, {
        action: 'approve',
        comment: '同意',
        score: 90,
      });
      expect(ok.statusCode, `${u}: ${ok.body}`).toBe(200);
    }
    const done = (await student.get(`/api/resources/${id}`)).json();
    expect(done.status).toBe('published');
    // The record is the author's and the reviewers', not the learners' (review-record.test.ts).
    expect((await student.get(`/api/resources/${id}/review`)).statusCode).toBe(403);
    const h = (await teacher.get(`/api/resources/${id}/review`)).json() as History;
    expect(h.steps).toHaveLength(6);
    expect(h.status).toBe('approved');
    expect(h.events.map((e) => e.action)).toEqual([
      'submit',
      'approve',
      'approve',
      'return',
      'resubmit',
      'approve',
      'approve',
      'approve',
    ]);
    expect(h.events[3]!.comment).toBe('请补充课后练习的答案');
  });

  it('refuses submission without a file, decisions out of turn, and a rejection without a reason', async () => {
    const bare = (
      await teacher.post('/api/resources', {
        kind: 'micro_lesson',
        title: '空资源',
        subjectCode: '14',
        gradeCode: '14',
      })
    ).json();
    expect((await teacher.post(`/api/resources/${bare.id}/submit`, {})).statusCode).toBe(400);
    const id = await lessonPackage('不通过的示例');
    expect((await teacher.post(`/api/resources/${id}/submit`, {})).statusCode).toBe(200);
    expect((await teacher.post(`/api/resources/${id}/submit`, {})).statusCode).toBe(409);
    const expert = await t.login('expert_school');
    expect((await expert.post(`/api/resources/${id}/review`, { action: 'reject' })).statusCode).toBe(400);
    expect(
      (await expert.post(`/api/resources/${id}/review`, { action: 'reject', comment: '与已有课例重复' }))
        .statusCode,
    ).toBe(200);
    expect((await teacher.get(`/api/resources/${id}`)).json().status).toBe('rejected');
    // Once rejected nothing more can be decided; the expert who rejected it still sees it and its
    // history, and a reviewer who never saw it cannot address it.
    expect((await expert.post(`/api/resources/${id}/review`, { action: 'approve' })).statusCode).toBe(409);
    expect((await expert.get(`/api/resources/${id}/review`)).statusCode).toBe(200);
    const other = await t.login('expert_city');
    expect((await other.get(`/api/resources/${id}`)).statusCode).toBe(404);
  });

  it('flags items waiting longer than their step allows', async () => {
    const id = await lessonPackage('超期示例');
    await teacher.post(`/api/resources/${id}/submit`, {});
    await t.db.db.execute(
      sql`update review set step_started_at = now() - interval '9 days' where resource_id = ${id}`,
    );
    const q = (
      (await (await t.login('expert_school')).get('/api/reviews/queue')).json() as (Queue[number] & {
        resourceId: string;
      })[]
    ).find((x) => x.resourceId === id);
    expect(q).toMatchObject({ stepName: '学校专家组审核', overdue: true });
  });
});

describe('configurable chains', () => {
  it('lets a district define a shorter chain for exercise sets that takes precedence there', async () => {
    const district = await t.login('district_yuexiu');
    const steps = [
      { name: '作者自审', roles: ['author'], level: 'author', dueDays: 0 },
      { name: '区学科教研员审核', roles: ['researcher', 'district_admin'], level: 'district', dueDays: 3 },
    ];
    const bad = await district.post('/api/review-chains', {
      name: '错误',
      kind: null,
      steps: [{ name: '作者', roles: ['expert'], level: 'author', dueDays: 0 }],
    });
    expect(bad.statusCode).toBe(400);
    const made = await district.post('/api/review-chains', {
      name: '越秀区习题审核',
      kind: 'exercise_set',
      steps,
    });
    expect(made.statusCode, made.body).toBe(200);
    const chains = (await district.get('/api/review-chains')).json() as {
      id: string;
      name: string;
      mine: boolean;
    }[];
    expect(chains.find((c) => c.id === made.json().id)).toMatchObject({ mine: true });
    expect(chains.some((c) => c.name.startsWith('六审'))).toBe(true);

    const res = (
      await teacher.post('/api/resources', {
        kind: 'exercise_set',
        title: '亿以内数的认识 同步练习',
        subjectCode: '14',
        gradeCode: '14',
      })
    ).json();
    const pdf = demoPdf('Exercises', [['1. 40080000']]);
    const up = await uploadFile(
      teacher,
      `/api/resources/${res.id}/files?role=main`,
      pdf,
      '练习.pdf',
      'application/pdf',
    );
    expect(up.statusCode, up.body).toBe(200);
    expect((await teacher.post(`/api/resources/${res.id}/submit`, {})).statusCode).toBe(200);
    const h = (await teacher.get(`/api/resources/${res.id}/review`)).json() as History;
    expect(h.steps).toEqual(['作者自审', '区学科教研员审核']);
    expect((await district.post(`/api/resources/${res.id}/review`, { action: 'approve' })).statusCode).toBe(
      200,
    );
    expect((await teacher.get(`/api/resources/${res.id}`)).json().status).toBe('published');

    // Another district cannot retire it; its own district can.
    const other = await t.login('city_admin');
    expect((await other.post(`/api/review-chains/${made.json().id}/deactivate`)).statusCode).toBe(404);
    expect((await district.post(`/api/review-chains/${made.json().id}/deactivate`)).statusCode).toBe(200);
  });
});

describe('demo review records', () => {
  it('gives every published demo resource the record of the chain it passed', async () => {
    const missing = await t.db.db.execute<{ n: number }>(sql`
      select count(*)::int as n from resource r where r.status = 'published'
         and not exists (select 1 from review v where v.resource_id = r.id and v.status = 'approved')`);
    expect(missing.rows[0]!.n).toBe(0);
    const [lesson] = (
      await t.db.db.execute<{ id: string }>(sql`
        select id from resource where status = 'published' and kind = 'micro_lesson' order by id limit 1`)
    ).rows;
    const city = await t.login('city_admin');
    const h = (await city.get(`/api/resources/${lesson!.id}/review`)).json() as History;
    expect(h.status).toBe('approved');
    expect(h.events.map((e) => e.action)).toEqual([
      'submit',
      'approve',
      'approve',
      'approve',
      'approve',
      'approve',
    ]);
  });

  it('leaves a few drafts waiting at a step, some overdue, their reviewers told', async () => {
    const expert = await t.login('expert_school');
    const queue = (await expert.get('/api/reviews/queue')).json() as (Queue[number] & {
      waitedMinutes: number;
    })[];
    const waiting = queue.find((q) => q.stepName === '学校专家组审核');
    expect(waiting).toMatchObject({ overdue: true });
    expect(waiting!.waitedMinutes).toBeGreaterThanOrEqual(6 * 1440 + 3 * 60);
    const bell = (await expert.get('/api/notifications')).json() as {
      items: { kind: string; link: string }[];
    };
    expect(
      bell.items.some(
        (n) => n.kind === 'review.arrival' && n.link.startsWith(`/resources/${waiting!.resourceId}?as=`),
      ),
    ).toBe(true);
    const h = (await expert.get(`/api/resources/${waiting!.resourceId}/review`)).json() as History;
    expect(h).toMatchObject({ status: 'in_review', currentStep: 1 });
    expect(h.events.map((e) => e.action)).toEqual(['submit']);
    // Half the drafts at most: the others stay drafts.
    const left = await t.db.db.execute<{ n: number }>(
      sql`select count(*)::int as n from resource where status = 'draft'`,
    );
    expect(left.rows[0]!.n).toBeGreaterThan(0);
  });
});
