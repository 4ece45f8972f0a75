import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../platform/db/jobs.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { refreshSpaceUsage } from '../spaces/usage.service.ts';
import { purgeExpired } from './retention.service.ts';

/** Issue 8 §5: notice, consent and data-subject rights (P5, COMPLIANCE §3). */
let t: TestApp;
let student: Client;
let parent: Client;
let studentId: string;

const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(query)).rows;

beforeAll(async () => {
  t = await createTestApp();
  student = await t.login('student_demo');
  parent = await t.login('parent_demo');
  studentId = (await student.get('/api/auth/me')).json().personId;
});
afterAll(() => t.close());

describe('告知: versioned notices', () => {
  it('shows each audience its notice until acknowledged, and again when a new version comes', async () => {
    const first = (await student.get('/api/privacy/notice')).json();
    expect(first.pending.audience).toBe('student');
    expect(first.pending.version).toBe(1);
    expect((await parent.get('/api/privacy/notice')).json().pending.audience).toBe('guardian');
    expect((await student.post(`/api/privacy/notices/${first.pending.id}/acknowledge`)).statusCode).toBe(200);
    expect((await student.get('/api/privacy/notice')).json().pending).toBeNull();

    const city = await t.login('city_admin');
    const v2 = await city.post('/api/privacy/notices', {
      audience: 'student',
      title: '告知书（第二版）',
      body: '更新内容',
    });
    expect(v2.statusCode, v2.body).toBe(200);
    expect(v2.json().version).toBe(2);
    const again = (await student.get('/api/privacy/notice')).json();
    expect(again.pending.version).toBe(2);
    const acks = await q<{ n: number }>(sql`select count(*)::int as n from audit_log
      where action = 'privacy.notice_acknowledged' and actor_person_id = ${studentId}`);
    expect(acks[0]!.n).toBe(1);
    // The city's list counts each version's acknowledgements.
    const list = (await city.get('/api/privacy/notices')).json() as { id: string; acks: number }[];
    const counted = await q<{ id: string; n: number }>(
      sql`select notice_id as id, count(*)::int as n from notice_ack group by notice_id`,
    );
    expect(list.length).toBeGreaterThan(2);
    for (const n of list) expect(n.acks).toBe(counted.find((c) => c.id === n.id)?.n ?? 0);
    expect(list.find((n) => n.id === first.pending.id)!.acks).toBeGreaterThan(0);
  });
});

describe('同意: optional processing', () => {
  it('an under-14 student cannot turn a purpose on; a guardian can; the student withdraws it at once', async () => {
    const mine = (await student.get('/api/privacy/consents')).json();
    expect(mine[0].under14).toBe(true);
    expect(mine[0].purposes.find((p: { purpose: string }) => p.purpose === 'showcase')).toMatchObject({
      granted: false,
      mayGrant: false,
    });
    const refused = await student.post('/api/privacy/consents', {
      subjectId: studentId,
      purpose: 'showcase',
      granted: true,
    });
    expect(refused.statusCode).toBe(403);

    const granted = await parent.post('/api/privacy/consents', {
      subjectId: studentId,
      purpose: 'showcase',
      granted: true,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const seenByParent = (await parent.get('/api/privacy/consents')).json();
    const child = seenByParent.find((s: { personId: string }) => s.personId === studentId);
    expect(child.relation).toBe('guardian');
    expect(child.purposes.find((p: { purpose: string }) => p.purpose === 'showcase')).toMatchObject({
      granted: true,
      decidedAs: 'guardian',
    });

    const withdrawn = await student.post('/api/privacy/consents', {
      subjectId: studentId,
      purpose: 'showcase',
      granted: false,
    });
    expect(withdrawn.statusCode).toBe(200);
    const after = (await student.get('/api/privacy/consents')).json();
    expect(after[0].purposes.find((p: { purpose: string }) => p.purpose === 'showcase').granted).toBe(false);
    const records = await q<{ granted: boolean; as: string; notice: string | null }>(sql`
      select granted, decided_as as as, notice_id::text as notice from consent_record where subject_id = ${studentId}
       order by decided_at`);
    expect(records.map((r) => [r.granted, r.as])).toEqual([
      [true, 'guardian'],
      [false, 'self'],
    ]);
    expect(records.every((r) => r.notice !== null)).toBe(true);
  });

  it('shows a child’s space in the showcase only while the guardian’s consent holds', async () => {
    // A lively space: many works of the child in their own space yesterday, in the nightly rollup
    // the dashboard reads (spaces/usage); a consent counts from the next rollup, a withdrawal at once.
    const [s] = await q<{ path: string }>(
      sql`select path::text as path from student where person_id = ${studentId}`,
    );
    await t.db.db.execute(sql`insert into space_post (id, space_id, space_kind, space_path, author_id, kind, body, created_at)
      select gen_random_uuid(), ${studentId}, 'student', ${s!.path}::ltree, ${studentId}, 'work', '我的作品 ' || g,
             date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai' - interval '14 hours'
               + make_interval(mins => g)
        from generate_series(1, 60) g`);
    const rebuild = () => t.db.db.transaction((tx) => refreshSpaceUsage(tx, { force: true }));
    await rebuild();
    const school = await t.login('school_admin');
    const showcase = async () =>
      ((await school.get('/api/spaces/usage')).json().outstanding as { id: string }[]).map((o) => o.id);
    expect(await showcase()).not.toContain(studentId);
    // A consent shows the space from the next rollup on; its withdrawal hides it at once.
    await parent.post('/api/privacy/consents', { subjectId: studentId, purpose: 'showcase', granted: true });
    await rebuild();
    expect(await showcase()).toContain(studentId);
    await student.post('/api/privacy/consents', {
      subjectId: studentId,
      purpose: 'showcase',
      granted: false,
    });
    expect(await showcase()).not.toContain(studentId);
  });

  it('refuses deciding for someone who is not oneself or one’s child', async () => {
    const teacher = await t.login('teacher_demo');
    const res = await teacher.post('/api/privacy/consents', {
      subjectId: studentId,
      purpose: 'showcase',
      granted: false,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('查阅复制: a copy of everything held about a person', () => {
  it('gives the student and the guardian a JSON and an Excel copy, without secrets; nobody else', async () => {
    const res = await parent.get(`/api/privacy/subjects/${studentId}/copy?format=json`);
    expect(res.statusCode, res.body).toBe(200);
    const copy = res.json();
    const tables = copy.tables.map((x: { table: string }) => x.table);
    expect(tables).toEqual(expect.arrayContaining(['person', 'student', 'guardian', 'account']));
    const record = copy.tables.find((x: { table: string }) => x.table === 'student').rows[0];
    expect(record.nationalNo).toMatch(/^G[0-9]{17}[0-9X]$/);
    const account = copy.tables.find((x: { table: string }) => x.table === 'account').rows[0];
    expect(account.passwordHash).toBe('（鉴别信息，不予提供）');
    expect(res.body).not.toMatch(/\$argon2/);

    const xlsx = await student.get(`/api/privacy/subjects/${studentId}/copy?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    // A cover sheet and one sheet per table (the first copy's own record of the request included).
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(tables.length + 1);

    const teacher = await t.login('teacher_demo');
    expect((await teacher.get(`/api/privacy/subjects/${studentId}/copy`)).statusCode).toBe(404);
    const register = await q<{ n: number }>(sql`select count(*)::int as n from data_request
      where subject_id = ${studentId} and kind = 'access' and status = 'done'`);
    expect(register[0]!.n).toBe(2);
  });
  it('lists an export that held the child, naming only the child of everyone exported', async () => {
    const [cls] = await q<{ id: string }>(
      sql`select class_id as id from student where person_id = ${studentId}`,
    );
    const school = await t.login('school_admin');
    const exported = await school.get(`/api/roster/exports/students?orgUnitId=${cls!.id}`);
    expect(exported.statusCode, exported.body).toBe(200);
    const copy = (await parent.get(`/api/privacy/subjects/${studentId}/copy?format=json`)).json();
    const audit = copy.tables.find((x: { table: string }) => x.table === 'audit_log');
    const event = audit.rows.find((r: { action: string }) => r.action === 'roster.export');
    expect(event.subjectIds).toEqual([studentId]);
    expect(event.details.persons).toBeGreaterThan(1);
  });
});

describe('更正、删除、解释: requests to the responsible school', () => {
  it('a guardian’s deletion request reaches the child’s school, which erases what is optional and keeps 学籍', async () => {
    const posts = await q<{ n: number }>(
      sql`select count(*)::int as n from space_post where author_id = ${studentId}`,
    );
    const filed = await parent.post('/api/privacy/requests', {
      subjectId: studentId,
      kind: 'deletion',
      details: '请删除孩子在学习空间发布的内容',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const id = filed.json().id as string;
    expect(new Date(filed.json().dueAt).getTime()).toBeGreaterThan(Date.now() + 14 * 86_400_000);

    // Another district's administrator neither sees nor answers it.
    const other = await t.login('district_haizhu');
    expect((await other.get('/api/privacy/requests')).json().some((r: { id: string }) => r.id === id)).toBe(
      false,
    );
    expect(
      (await other.post(`/api/privacy/requests/${id}/answer`, { outcome: 'done', response: '好' }))
        .statusCode,
    ).toBe(404);

    const school = await t.login('school_admin');
    expect(
      (await school.get('/api/privacy/requests?status=open')).json().map((r: { id: string }) => r.id),
    ).toContain(id);
    const preview = (await school.get(`/api/privacy/requests/${id}/erasure-preview`)).json();
    expect(preview.find((p: { table: string }) => p.table === 'student').action).toBe('retain');
    if (posts[0]!.n > 0)
      expect(preview.find((p: { table: string }) => p.table === 'space_post').action).toBe('delete');

    const answered = await school.post(`/api/privacy/requests/${id}/answer`, {
      outcome: 'done',
      response: '已按申请删除学习空间内容',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().status).toBe('done');
    expect(await q(sql`select 1 from space_post where author_id = ${studentId}`)).toHaveLength(0);
    expect(await q(sql`select 1 from student where person_id = ${studentId}`)).toHaveLength(1);
    const erasure = await q<{ n: number }>(sql`select count(*)::int as n from audit_log
      where action = 'privacy.erasure' and subject_person_id = ${studentId}`);
    expect(erasure[0]!.n).toBe(1);
    const mine = (await parent.get('/api/privacy/requests/mine')).json();
    expect(mine.find((r: { id: string }) => r.id === id).response).toContain('学籍');
  });

  it('refuses with a reason the person sees', async () => {
    const filed = (
      await student.post('/api/privacy/requests', {
        subjectId: studentId,
        kind: 'explanation',
        details: '为什么要保存我的户口所在地？',
      })
    ).json();
    const school = await t.login('school_admin');
    expect(
      (await school.post(`/api/privacy/requests/${filed.id}/answer`, { outcome: 'refused', response: '' }))
        .statusCode,
    ).toBe(400);
    const res = await school.post(`/api/privacy/requests/${filed.id}/answer`, {
      outcome: 'refused',
      response: '户口所在地为学籍必填项，依据《中小学生学籍管理办法》保存',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('refused');
  });
});

describe('保存期限: the daily retention job', () => {
  it('deletes what outlived its period and keeps the rest', async () => {
    const [p] = await q<{ id: string }>(sql`select id from person limit 1`);
    await t.db.db.execute(sql`insert into notification (id, person_id, kind, title, created_at) values
      (gen_random_uuid(), ${p!.id}, 'test', '旧通知', now() - interval '400 days'),
      (gen_random_uuid(), ${p!.id}, 'test', '新通知', now() - interval '10 days')`);
    await t.db.db.execute(sql`insert into space_use_day (person_id, day, uses)
      values (${p!.id}, current_date - 800, 1) on conflict do nothing`);
    const removed = await runJob(t.deps.database, 'retention', (tx) => purgeExpired(tx));
    expect(removed?.find((r) => r.table === 'notification')?.rows).toBeGreaterThanOrEqual(1);
    const left = await q<{ title: string }>(sql`select title from notification where kind = 'test'`);
    expect(left.map((r) => r.title)).toEqual(['新通知']);
    expect(await q(sql`select 1 from space_use_day where day < current_date - 730`)).toHaveLength(0);
    const audit = await q<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'privacy.retention'`,
    );
    expect(audit[0]!.n).toBe(1);
  });
});

describe('批量导出审批 (COMPLIANCE §5.4)', () => {
  it('holds a large export of personal data for a second administrator; the file comes once', async () => {
    const school = await t.login('school_admin');
    const direct = await school.get('/api/roster/exports/students');
    expect(direct.statusCode).toBe(403);
    expect(direct.json().error.code).toBe('approval_required');
    const persons = direct.json().error.details.persons as number;
    expect(persons).toBeGreaterThan(200);

    const asked = await school.post('/api/roster/export-requests', {
      kind: 'students',
      reason: '学期末学籍核对',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const id = asked.json().id as string;
    expect(
      (await school.post(`/api/roster/export-requests/${id}/decide`, { approve: true, note: '' })).statusCode,
    ).toBe(403);
    expect((await school.get(`/api/roster/export-requests/${id}/file`)).statusCode).toBe(409);

    const district = await t.login('district_yuexiu');
    const pending = (await district.get('/api/roster/export-requests')).json();
    expect(pending.find((r: { id: string }) => r.id === id)).toMatchObject({
      reason: '学期末学籍核对',
      persons,
      status: 'pending',
    });
    const approved = await district.post(`/api/roster/export-requests/${id}/decide`, {
      approve: true,
      note: '同意',
    });
    expect(approved.statusCode, approved.body).toBe(200);

    const file = await school.get(`/api/roster/export-requests/${id}/file`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(persons);
    expect((await school.get(`/api/roster/export-requests/${id}/file`)).statusCode).toBe(409);
    const [row] = await q<{ file: Buffer | null; status: string }>(
      sql`select file_enc as file, status from export_request where id = ${id}`,
    );
    expect(row).toEqual({ file: null, status: 'fetched' });
  });
});
