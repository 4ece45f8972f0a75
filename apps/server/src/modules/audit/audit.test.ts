import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTION_CODES, SENSITIVE_ACTIONS } from '../../platform/audit/actions.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

/** Issue 9 §2: the audit log as an auditor uses it. */
let t: TestApp;
let auditor: Client;
let school: Client;
let auditorId: string;
let classId: string;
let student: { personId: string; name: string };

const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(query)).rows;

type Entry = {
  id: string;
  action: string;
  actorRole: string | null;
  actorPersonId: string | null;
  subjectCount: number;
  orgPath: string | null;
  orgNames: string[];
};
const search = async (query: string) => {
  const res = await auditor.get(`/api/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; more: boolean; items: Entry[] };
};
const lastAudit = async (action: string) =>
  (
    await q<{ subjectIds: string[] | null; details: Record<string, unknown> }>(sql`
      select subject_ids as "subjectIds", details from audit_log
       where action = ${action} and actor_person_id = ${auditorId} order by at desc limit 1`)
  )[0]!;

beforeAll(async () => {
  t = await createTestApp();
  auditor = await t.login('auditor');
  school = await t.login('school_admin');
  auditorId = (await auditor.get('/api/auth/me')).json().personId;
  const home = (await (await t.login('teacher_demo')).get('/api/portal/home')).json();
  classId = home.classes[0].id;
  const roster = (await school.get(`/api/classes/${classId}/roster`)).json();
  student = roster.students[0];
});
afterAll(() => t.close());

describe('the action catalogue', () => {
  it('gives the auditor every code once, grouped, in Chinese and English; nobody else', async () => {
    const res = await auditor.get('/api/audit/actions');
    expect(res.statusCode).toBe(200);
    const groups = res.json() as {
      key: string;
      zh: string;
      actions: { code: string; zh: string; en: string }[];
    }[];
    const codes = groups.flatMap((g) => g.actions.map((a) => a.code));
    expect(codes.sort()).toEqual([...AUDIT_ACTION_CODES].sort());
    expect(groups.map((g) => g.zh)).toEqual(
      expect.arrayContaining(['登录与账号', '导入', '导出', '资源', '空间']),
    );
    expect(groups.find((g) => g.key === 'export')!.actions[0]).toMatchObject({
      code: 'roster.export',
      zh: '导出名册',
    });
    expect((await school.get('/api/audit/actions')).statusCode).toBe(403);
  });
});

describe('a bulk export', () => {
  it('is one event that a search for any exported person finds, whose names the auditor reads, audited', async () => {
    const exported = await school.get(`/api/roster/exports/students?orgUnitId=${classId}`);
    expect(exported.statusCode, exported.body).toBe(200);
    const found = await search(`personId=${student.personId}&actions=roster.export`);
    expect(found.total).toBe(1);
    const event = found.items[0]!;
    expect(event.subjectCount).toBeGreaterThan(20);

    const names = await auditor.get(`/api/audit/events/${event.id}/subjects?limit=500`);
    expect(names.statusCode, names.body).toBe(200);
    expect(names.json().total).toBe(event.subjectCount);
    expect(names.json().items).toContainEqual(
      expect.objectContaining({ personId: student.personId, name: student.name }),
    );
    const read = await lastAudit('audit.subjects.read');
    expect(read.subjectIds).toHaveLength(event.subjectCount);
    expect((await school.get(`/api/audit/events/${event.id}/subjects`)).statusCode).toBe(403);
  });
});

describe('search by person', () => {
  it('finds a person of the trail by name with where they appeared, and records whom it showed', async () => {
    const res = await auditor.get(`/api/audit/persons?name=${encodeURIComponent(student.name)}`);
    expect(res.statusCode, res.body).toBe(200);
    const hit = (res.json() as { personId: string; orgNames: string[]; learner: boolean }[]).find(
      (p) => p.personId === student.personId,
    );
    expect(hit).toMatchObject({ learner: true });
    expect(hit!.orgNames.join('/')).toMatch(/班/);
    const lookup = await lastAudit('audit.person_lookup');
    expect(lookup.subjectIds).toContain(student.personId);
    expect(JSON.stringify(lookup.details)).not.toContain(student.name);
  });

  it('does not find a person who appears nowhere in the trail', async () => {
    const [quiet] = await q<{ name: string }>(sql`
      select p.name from person p where not exists (select 1 from audit_log a
        where a.actor_person_id = p.id or a.subject_person_id = p.id or a.subject_ids @> array[p.id])
        and (select count(*) from person o where o.name = p.name) = 1 limit 1`);
    const res = await auditor.get(`/api/audit/persons?name=${encodeURIComponent(quiet!.name)}`);
    expect(res.json().filter((p: { name: string }) => p.name === quiet!.name)).toEqual([]);
  });
});

describe('the rows', () => {
  it('name their units instead of showing org paths', async () => {
    const found = await search(`actions=roster.export&limit=1`);
    const row = found.items[0]!;
    expect(row.orgPath).toMatch(/^c\d+\./);
    expect(row.orgNames.at(-1)).toMatch(/班$/);
    expect(row.orgNames.join('')).not.toMatch(/[a-z]\d/);
  });

  it('cover the system and security administrators, by role', async () => {
    const sec = await t.login('secadmin');
    expect((await sec.get('/api/accounts/second-factors')).statusCode).toBe(200);
    const found = await search('actorRoles=security_admin,system_admin');
    expect(found.items.map((i) => i.action)).toContain('account.second_factors.read');
    expect(found.items.every((i) => ['security_admin', 'system_admin'].includes(i.actorRole!))).toBe(true);
  });

  it('filter by group and outcome, and leave the auditor’s own searches out on request', async () => {
    const logins = await search('groups=auth&outcome=success&limit=200');
    expect(logins.items.length).toBeGreaterThan(0);
    expect(
      logins.items.every(
        (i) =>
          i.action.startsWith('auth.') || i.action.startsWith('account.') || i.action.startsWith('console.'),
      ),
    ).toBe(true);
    expect((await search('actions=audit.search')).total).toBeGreaterThan(0);
    const hidden = await search('actions=audit.search&hideOwnAudit=true');
    expect(hidden.items.filter((i) => i.actorPersonId === auditorId)).toEqual([]);
    expect((await auditor.get('/api/audit?actions=no.such')).statusCode).toBe(400);
    expect((await auditor.get('/api/audit?groups=nosuch')).statusCode).toBe(400);
  });

  it('keep to a window of days', async () => {
    await t.db.db.execute(sql`insert into audit_log (id, at, action, actor_name, actor_role)
      values (gen_random_uuid(), now() - interval '9 days', 'student.sensitive.read', 'old', 'teacher')`);
    const week = await search('actions=student.sensitive.read&days=7&limit=200');
    const month = await search('actions=student.sensitive.read&days=30&limit=200');
    expect(month.total).toBe(week.total + 1);
  });
});

describe('counting', () => {
  it('stops at 10,000 and says there are more', async () => {
    await t.db.db.execute(sql`insert into audit_log (id, at, action, actor_name, actor_role, org_path)
      select gen_random_uuid(), now() - make_interval(secs => g), 'roster.read', 'bulk', 'teacher', 'c440100'
        from generate_series(1, 10050) g`);
    const capped = await search('actions=roster.read&days=1&limit=1');
    expect(capped).toMatchObject({ total: 10_000, more: true });
    const exact = await search('actions=roster.read&days=1&limit=1&actorRoles=school_admin');
    expect(exact.more).toBe(false);
  });
});

describe('presets', () => {
  it('count the reads of sensitive fields of the last 7 days, which the preset’s filter lists', async () => {
    const before = (await auditor.get('/api/audit/presets')).json() as {
      key: string;
      count: number;
      filter: { actions?: string[]; days?: number };
    }[];
    const preset = before.find((p) => p.key === 'sensitive_reads')!;
    expect(preset.filter).toMatchObject({ days: 7 });
    expect(preset.filter.actions!.sort()).toEqual([...SENSITIVE_ACTIONS].sort());
    const teacher = await t.login('teacher_demo');
    expect((await teacher.get(`/api/students/${student.personId}/sensitive`)).statusCode).toBe(200);
    const after = (await auditor.get('/api/audit/presets')).json() as typeof before;
    expect(after.find((p) => p.key === 'sensitive_reads')!.count).toBe(preset.count + 1);
    const rows = await search(`actions=${preset.filter.actions!.join(',')}&days=7&hideOwnAudit=true`);
    expect(rows.items[0]).toMatchObject({ action: 'student.sensitive.read' });
    expect(rows.total).toBe(preset.count + 1);
  });
});

describe('the audit export', () => {
  it('is a workbook with Chinese headers and labels, audited as an export', async () => {
    const res = await auditor.get('/api/audit/export.xlsx?groups=export&days=30');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual(
      expect.arrayContaining(['时间（北京时间）', '操作人', '操作', '涉及人员', '机构']),
    );
    const actions = ws.getColumn(5).values.slice(2);
    expect(actions).toContain('导出名册');
    const persons = ws.getColumn(8).values.slice(2).map(String);
    expect(persons.some((p) => /^共 \d+ 人/.test(p))).toBe(true);
    const org = ws.getColumn(11).values.slice(2).map(String);
    expect(org.some((o) => o.includes('班'))).toBe(true);
    const audit = await lastAudit('audit.export');
    expect(audit.details).toMatchObject({ rows: ws.rowCount - 1 });
    expect((await school.get('/api/audit/export.xlsx')).statusCode).toBe(403);
  });
});

describe('saved searches', () => {
  it('are the auditor’s own, kept and deleted, with a checked filter', async () => {
    const bad = await auditor.post('/api/audit/saved-searches', {
      name: '无效',
      query: { actions: ['x.y'] },
    });
    expect(bad.statusCode).toBe(400);
    const made = await auditor.post('/api/audit/saved-searches', {
      name: '本校导出',
      query: { groups: ['export'], days: 30 },
    });
    expect(made.statusCode, made.body).toBe(200);
    const id = made.json().id as string;
    // Someone else's saved search stays theirs (row-level security and the owner check).
    await t.db.db.execute(sql`insert into audit_saved_search (id, owner_id, name, query)
      values (gen_random_uuid(), gen_random_uuid(), '他人的查询', '{}'::jsonb)`);
    const list = (await auditor.get('/api/audit/saved-searches')).json() as { id: string; name: string }[];
    expect(list.map((s) => s.name)).toEqual(['本校导出']);
    const [other] = await q<{ id: string }>(sql`select id from audit_saved_search where name = '他人的查询'`);
    expect((await auditor.request('DELETE', `/api/audit/saved-searches/${other!.id}`)).statusCode).toBe(404);
    expect((await auditor.request('DELETE', `/api/audit/saved-searches/${id}`)).statusCode).toBe(200);
    expect((await auditor.get('/api/audit/saved-searches')).json()).toEqual([]);
    const written = await q<{ action: string }>(sql`select action from audit_log
      where action like 'audit.saved_search.%' and target_id = ${id} order by at`);
    expect(written.map((w) => w.action)).toEqual(['audit.saved_search.create', 'audit.saved_search.delete']);
  });
});
