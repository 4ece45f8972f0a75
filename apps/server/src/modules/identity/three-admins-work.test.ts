import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../bootstrap.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

/**
 * The work of the system and security administrators (等保 2.0 三员分立, COMPLIANCE §4): the sessions
 * in force and ending one, role grants for staff, and the account lifecycle; never on one another.
 */
let t: TestApp;
let secadmin: Client;
let sysadmin: Client;
beforeAll(async () => {
  t = await createTestApp();
  secadmin = await t.login('secadmin');
  sysadmin = await t.login('sysadmin');
});
afterAll(() => t.close());

const personOf = async (username: string) =>
  (
    await t.db.db.execute<{ id: string }>(
      sql`select person_id as id from account where username = ${username}`,
    )
  ).rows[0]!.id;

const login = (username: string, password = DEMO_PASSWORD, ip = '198.51.100.60') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

const lastAudit = async (action: string) =>
  (
    await t.db.db.execute<{ outcome: string; subject: string | null; actor_role: string; details: unknown }>(
      sql`select outcome, subject_person_id as subject, actor_role, details from audit_log
           where action = ${action} order by at desc limit 1`,
    )
  ).rows[0];

type SessionList = {
  sessions: { id: string; username: string; source: string; mfaRequired: boolean; mfaPassed: boolean }[];
  otherSessions: number;
};

describe('sessions in force', () => {
  it('lists staff sessions with the source network only, and counts the others', async () => {
    await t.login('teacher_demo');
    await t.login('student_demo');
    const res = await secadmin.get('/api/security/sessions');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as SessionList;
    const teacher = list.sessions.find((s) => s.username === 'teacher_demo');
    expect(teacher?.source).toMatch(/^\d+\.\d+\.\d+\.\*$/);
    expect(list.sessions.some((s) => s.username === 'student_demo')).toBe(false);
    // The other 三员's sessions are not the security administrator's to see.
    expect(list.sessions.some((s) => ['sysadmin', 'secadmin', 'auditor'].includes(s.username))).toBe(false);
    expect(list.otherSessions).toBeGreaterThanOrEqual(1);
    const city = (await secadmin.get('/api/security/sessions?role=city_admin')).json() as SessionList;
    expect(city.sessions.every((s) => s.username !== 'teacher_demo')).toBe(true);
    const found = (await secadmin.get('/api/security/sessions?q=teacher_d')).json() as SessionList;
    expect(found.sessions.map((s) => s.username)).toContain('teacher_demo');
    expect((await sysadmin.get('/api/security/sessions')).statusCode).toBe(403);
  });

  it('ends a session: the person’s next request is refused as signed out, audited', async () => {
    const teacher = await t.login('teacher_demo');
    expect((await teacher.get('/api/auth/me')).statusCode).toBe(200);
    const list = (await secadmin.get('/api/security/sessions?q=teacher_demo')).json() as SessionList;
    const mine = await t.db.db.execute<{ id: string }>(sql`select id from session
      where person_id = ${await personOf('teacher_demo')} and revoked_at is null order by created_at desc limit 1`);
    const id = mine.rows[0]!.id;
    expect(list.sessions.map((s) => s.id)).toContain(id);
    const end = await secadmin.post(`/api/security/sessions/${id}/end`);
    expect(end.statusCode, end.body).toBe(200);
    const next = await teacher.get('/api/auth/me');
    expect(next.statusCode).toBe(401);
    expect(next.json().error.code).toBe('unauthenticated');
    expect(await lastAudit('security.session.end')).toMatchObject({
      outcome: 'success',
      subject: await personOf('teacher_demo'),
      actor_role: 'security_admin',
    });
    expect((await secadmin.post(`/api/security/sessions/${id}/end`)).statusCode).toBe(404);
  });

  it('never ends a session of another of the three', async () => {
    const own = await t.db.db.execute<{ id: string }>(sql`select id from session
      where person_id = ${await personOf('sysadmin')} and revoked_at is null limit 1`);
    const res = await secadmin.post(`/api/security/sessions/${own.rows[0]!.id}/end`);
    expect(res.statusCode).toBe(404);
    expect((await sysadmin.get('/api/auth/me')).statusCode).toBe(200);
  });
});

type Staff = {
  staff: { personId: string; username: string; roles: { id: string; role: string; orgName: string }[] }[];
};

describe('role grants for staff', () => {
  const unitOf = async (kind: string) =>
    (
      await t.db.db.execute<{ id: string }>(
        sql`select id from org_unit where kind = ${kind} and active order by path limit 1`,
      )
    ).rows[0]!.id;

  it('grants and withdraws a staff role, audited, and the person can act in it', async () => {
    const teacher = await personOf('teacher_demo');
    const district = await unitOf('district');
    const grant = await secadmin.post(`/api/accounts/${teacher}/roles`, {
      role: 'expert',
      orgUnitId: district,
    });
    expect(grant.statusCode, grant.body).toBe(200);
    expect(grant.json().needsSecondFactor).toBe(false);
    expect(await lastAudit('security.role.grant')).toMatchObject({ outcome: 'success', subject: teacher });
    const me = (await (await t.login('teacher_demo')).get('/api/auth/me')).json() as {
      roles: { role: string }[];
    };
    expect(me.roles.map((r) => r.role)).toContain('expert');
    const listed = (await secadmin.get('/api/security/staff?q=teacher_demo')).json() as Staff;
    const held = listed.staff
      .find((s) => s.username === 'teacher_demo')!
      .roles.find((r) => r.role === 'expert')!;
    const again = await secadmin.post(`/api/accounts/${teacher}/roles`, {
      role: 'expert',
      orgUnitId: district,
    });
    expect(again.statusCode).toBe(409);
    const revoke = await secadmin.post(`/api/accounts/${teacher}/roles/${grant.json().id}/revoke`);
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(held.id).toBe(grant.json().id);
    expect(await lastAudit('security.role.revoke')).toMatchObject({ outcome: 'success', subject: teacher });
    const after = (await (await t.login('teacher_demo')).get('/api/auth/me')).json() as {
      roles: { role: string }[];
    };
    expect(after.roles.map((r) => r.role)).not.toContain('expert');
  });

  it('says when a granted role needs a second factor', async () => {
    const teacher = await personOf('teacher_demo');
    const res = await secadmin.post(`/api/accounts/${teacher}/roles`, {
      role: 'district_admin',
      orgUnitId: await unitOf('district'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().needsSecondFactor).toBe(true);
    await secadmin.post(`/api/accounts/${teacher}/roles/${res.json().id}/revoke`);
  });

  it('keeps 三员分立: no 三员 role granted, none of the three and no learner given a role', async () => {
    const district = await unitOf('district');
    const city = await unitOf('city');
    const teacher = await personOf('teacher_demo');
    const system = await secadmin.post(`/api/accounts/${teacher}/roles`, {
      role: 'system_admin',
      orgUnitId: city,
    });
    expect(system.statusCode).toBe(400);
    for (const who of ['sysadmin', 'auditor', 'student_demo', 'parent_demo']) {
      const res = await secadmin.post(`/api/accounts/${await personOf(who)}/roles`, {
        role: 'researcher',
        orgUnitId: district,
      });
      expect(res.statusCode, who).toBe(404);
    }
    // Only the security administrator grants.
    for (const who of [sysadmin, await t.login('city_admin')]) {
      const res = await who.post(`/api/accounts/${teacher}/roles`, {
        role: 'researcher',
        orgUnitId: district,
      });
      expect(res.statusCode).toBe(403);
    }
    // A role in a unit of the wrong level.
    const wrong = await secadmin.post(`/api/accounts/${teacher}/roles`, {
      role: 'city_admin',
      orgUnitId: district,
    });
    expect(wrong.statusCode).toBe(400);
  });

  it('leaves teachers’ roles to the roster and never removes the last city administrator', async () => {
    const teacher = await personOf('teacher_demo');
    const roles = (await secadmin.get('/api/security/staff?q=teacher_demo')).json() as Staff;
    const taught = roles.staff[0]!.roles.find((r) => r.role === 'teacher' || r.role === 'head_teacher')!;
    const res = await secadmin.post(`/api/accounts/${teacher}/roles/${taught.id}/revoke`);
    expect(res.statusCode).toBe(400);
    const city = await personOf('city_admin');
    const held = (await secadmin.get('/api/security/staff?q=city_admin')).json() as Staff;
    const cityRole = held.staff
      .find((s) => s.username === 'city_admin')!
      .roles.find((r) => r.role === 'city_admin')!;
    const last = await secadmin.post(`/api/accounts/${city}/roles/${cityRole.id}/revoke`);
    expect(last.statusCode).toBe(409);
  });
});

type Accounts = {
  total: number;
  accounts: { username: string; lockedSources: number; dormant: boolean; status: string }[];
};

describe('account lifecycle', () => {
  it('lists a lockout and unlocks it, for the system and the security administrator', async () => {
    const ip = '203.0.113.90';
    for (let i = 0; i < 5; i++) await login('teacher_demo', 'wrong', ip);
    expect((await login('teacher_demo', DEMO_PASSWORD, ip)).statusCode).toBe(423);
    for (const admin of [sysadmin, secadmin]) {
      const locked = (await admin.get('/api/accounts/lifecycle?filter=locked')).json() as Accounts;
      expect(locked.accounts.find((a) => a.username === 'teacher_demo')?.lockedSources).toBe(1);
    }
    const res = await secadmin.post(`/api/accounts/${await personOf('teacher_demo')}/unlock`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().cleared).toBe(1);
    expect((await login('teacher_demo', DEMO_PASSWORD, ip)).statusCode).toBe(200);
    expect(await lastAudit('account.unlock')).toMatchObject({ actor_role: 'security_admin' });
  });

  it('disables an account, ending its sessions; only the system administrator enables it again', async () => {
    const teacher = await t.login('teacher_demo');
    const person = await personOf('teacher_demo');
    const off = await secadmin.post(`/api/accounts/${person}/disable`, { reason: '疑似账号被盗用' });
    expect(off.statusCode, off.body).toBe(200);
    expect((await teacher.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('teacher_demo')).statusCode).toBe(401);
    expect(await lastAudit('account.disable')).toMatchObject({ details: { reason: '疑似账号被盗用' } });
    const disabled = (await sysadmin.get('/api/accounts/lifecycle?filter=disabled')).json() as Accounts;
    expect(disabled.accounts.map((a) => a.username)).toContain('teacher_demo');
    expect((await secadmin.post(`/api/accounts/${person}/enable`)).statusCode).toBe(403);
    expect((await sysadmin.post(`/api/accounts/${person}/enable`)).statusCode).toBe(200);
    expect((await login('teacher_demo')).statusCode).toBe(200);
  });

  it('never acts on another of the three, on a learner, or on the only city administrator', async () => {
    for (const who of ['secadmin', 'auditor', 'student_demo']) {
      const res = await sysadmin.post(`/api/accounts/${await personOf(who)}/disable`, { reason: 'x' });
      expect(res.statusCode, who).toBe(404);
    }
    for (const who of ['sysadmin', 'auditor']) {
      expect((await secadmin.post(`/api/accounts/${await personOf(who)}/unlock`)).statusCode, who).toBe(404);
    }
    const sole = await sysadmin.post(`/api/accounts/${await personOf('city_admin')}/disable`, {
      reason: 'x',
    });
    expect(sole.statusCode).toBe(409);
    const all = (await sysadmin.get('/api/accounts/lifecycle?limit=200')).json() as Accounts;
    expect(all.total).toBeGreaterThan(10);
    const names = all.accounts.map((a) => a.username);
    for (const hidden of ['sysadmin', 'secadmin', 'auditor', 'student_demo', 'parent_demo'])
      expect(names).not.toContain(hidden);
    expect((await (await t.login('city_admin')).get('/api/accounts/lifecycle')).statusCode).toBe(403);
  });

  it('pages every staff account once, each with its name, and finds one by part of the name', async () => {
    type Named = { total: number; accounts: { username: string; name: string; personId: string }[] };
    const first = (await sysadmin.get('/api/accounts/lifecycle?limit=20')).json() as Named;
    const seen: string[] = [];
    for (let offset = 0; offset < first.total; offset += 20) {
      const page = (await sysadmin.get(`/api/accounts/lifecycle?limit=20&offset=${offset}`)).json() as Named;
      expect(page.total).toBe(first.total);
      expect(page.accounts.every((a) => a.name.length > 0)).toBe(true);
      seen.push(...page.accounts.map((a) => a.username));
    }
    expect(seen).toHaveLength(first.total);
    expect(new Set(seen).size).toBe(first.total);
    const teacher = (
      await t.db.db.execute<{ name: string }>(
        sql`select p.name from person p join account a on a.person_id = p.id where a.username = 'teacher_demo'`,
      )
    ).rows[0]!.name;
    const found = (
      await secadmin.get(`/api/accounts/lifecycle?q=${encodeURIComponent(teacher.slice(1))}`)
    ).json() as Named;
    expect(found.accounts.map((a) => a.username)).toContain('teacher_demo');
    expect(
      found.accounts.every(
        (a) => a.name.includes(teacher.slice(1)) || a.username.startsWith(teacher.slice(1)),
      ),
    ).toBe(true);
  });

  it('finds dormant accounts: no sign-in for 90 days', async () => {
    await t.db.db.execute(
      sql`update account set last_login_at = now() - interval '120 days' where username = 'expert_school'`,
    );
    const dormant = (
      await sysadmin.get('/api/accounts/lifecycle?filter=dormant&q=expert')
    ).json() as Accounts;
    expect(dormant.accounts.map((a) => a.username)).toContain('expert_school');
    expect(dormant.accounts.every((a) => a.dormant)).toBe(true);
  });
});
