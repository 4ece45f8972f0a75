import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../bootstrap.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

const auditCount = async (action: string, outcome = 'success') => {
  const r = await t.db.db.execute<{ n: number }>(
    sql`select count(*)::int as n from audit_log where action = ${action} and outcome = ${outcome}`,
  );
  return r.rows[0]!.n;
};

describe('login', () => {
  it('signs in with the right password, sets an httpOnly SameSite cookie and audits it', async () => {
    const before = await auditCount('auth.login');
    const res = await login('teacher_demo', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().next).toBe('done');
    const cookie = res.cookies.find((c) => c.name === 'hanlin_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(await auditCount('auth.login')).toBe(before + 1);
  });

  it('gives the same error for an unknown user and a wrong password, and audits both', async () => {
    const before = await auditCount('auth.login', 'failure');
    const a = await login('nobody_here', 'whatever');
    const b = await login('student_demo', 'wrong-password');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.message).toBe(b.json().error.message);
    expect(await auditCount('auth.login', 'failure')).toBe(before + 2);
  });

  it('locks the account for 15 minutes after 5 failures from one address, even with the right password', async () => {
    for (let i = 0; i < 4; i++) expect((await login('parent_demo', 'bad')).statusCode).toBe(401);
    const fifth = await login('parent_demo', 'bad');
    expect(fifth.statusCode).toBe(423);
    const right = await login('parent_demo', DEMO_PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('locked');
    expect(right.json().error.details.retryAfterMinutes).toBe(15);
  });
});

describe('session', () => {
  it('rejects state-changing requests without the CSRF header', async () => {
    const c = await t.login('teacher_demo');
    const me = await c.get('/api/auth/me');
    const roles = me.json().roles as { id: string }[];
    const noCsrf = await c.request(
      'POST',
      '/api/auth/switch-role',
      { roleAssignmentId: roles[0]!.id },
      { 'x-csrf-token': 'forged' },
    );
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf_failed');
  });

  it('expires after the idle timeout', async () => {
    const c = await t.login('student_demo');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    await t.db.db.execute(sql`update session set last_seen_at = now() - interval '31 minutes'
      where person_id = (select person_id from account where username = 'student_demo')`);
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
  });

  it('logout invalidates the session', async () => {
    const c = await t.login('student_demo');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('switches between the roles of one person', async () => {
    const c = await t.login('teacher_demo');
    const me = (await c.get('/api/auth/me')).json();
    expect(me.roles.length).toBeGreaterThan(1);
    const other = me.roles.find((r: { id: string }) => r.id !== me.roleAssignmentId);
    expect((await c.post('/api/auth/switch-role', { roleAssignmentId: other.id })).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json().role).toBe(other.role);
  });
});

describe('second factor', () => {
  it('blocks a city admin until the TOTP code is given', async () => {
    const res = await login('city_admin', DEMO_PASSWORD);
    expect(res.json().next).toBe('totp');
    const sid = res.cookies.find((c) => c.name === 'hanlin_sid')!.value;
    const home = await t.app.inject({
      method: 'GET',
      url: '/api/portal/home',
      headers: { cookie: `hanlin_sid=${sid}` },
    });
    expect(home.statusCode).toBe(401);
    expect(home.json().error.code).toBe('totp_required');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/verify',
      headers: { cookie: `hanlin_sid=${sid}`, 'x-csrf-token': res.json().csrfToken },
      payload: { code: '000000' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.message).toBe('动态口令不正确');
    const c = await t.login('city_admin');
    expect((await c.get('/api/portal/home')).statusCode).toBe(200);
  });

  it('never accepts the same TOTP code twice', async () => {
    const code = await generate({ secret: DEMO_TOTP_SECRET });
    const verifyOnce = async () => {
      const res = await login('district_yuexiu', DEMO_PASSWORD);
      const sid = res.cookies.find((c) => c.name === 'hanlin_sid')!.value;
      return t.app.inject({
        method: 'POST',
        url: '/api/auth/totp/verify',
        headers: { cookie: `hanlin_sid=${sid}`, 'x-csrf-token': res.json().csrfToken },
        payload: { code },
      });
    };
    expect((await verifyOnce()).statusCode).toBe(200);
    const replay = await verifyOnce();
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('totp_invalid');
    expect(replay.json().error.message).toMatch(/已使用过/);
  });
});

describe('passwords', () => {
  it('refuses a weak new password with the policy reasons and accepts a strong one', async () => {
    const c = await t.login('teacher_demo');
    const weak = await c.post('/api/auth/password', { current: DEMO_PASSWORD, next: 'abc' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain('密码长度至少为 8 位');
    const ok = await c.post('/api/auth/password', { current: DEMO_PASSWORD, next: 'Qingshan#River9' });
    expect(ok.statusCode).toBe(200);
    expect((await login('teacher_demo', 'Qingshan#River9')).statusCode).toBe(200);
  });

  it('lets a school admin reset a password in their school, forcing a change at next login', async () => {
    const admin = await t.login('school_admin');
    const r = await t.db.db.execute<{ id: string }>(
      sql`select person_id as id from account where username = 'student_demo'`,
    );
    const res = await admin.post(`/api/accounts/${r.rows[0]!.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const temp = res.json().temporaryPassword as string;
    const next = await login('student_demo', temp);
    expect(next.json().next).toBe('change_password');
  });
});

describe('review findings stay fixed', () => {
  const personOf = async (username: string) =>
    (
      await t.db.db.execute<{ id: string }>(
        sql`select person_id as id from account where username = ${username}`,
      )
    ).rows[0]!.id;

  it('a percent-encoded path cannot skip the guard', async () => {
    const res = await t.anonymous.get('/%61pi/codes/gender');
    expect(res.statusCode).toBe(401);
  });

  it('the password cannot be changed before the second factor', async () => {
    const res = await login('auditor', DEMO_PASSWORD);
    const sid = res.cookies.find((c) => c.name === 'hanlin_sid')!.value;
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: `hanlin_sid=${sid}`, 'x-csrf-token': res.json().csrfToken },
      payload: { current: DEMO_PASSWORD, next: 'Another#Pass2026' },
    });
    expect(change.statusCode).toBe(401);
    expect(change.json().error.code).toBe('totp_required');
  });

  it('a school admin cannot reset someone who also holds a role elsewhere; a city admin cannot reset 三员 accounts', async () => {
    // A parent of the demo school whose other child studies in another school.
    const parent = await personOf('parent_demo');
    const school = await t.login('school_admin');
    const refused = await school.post(`/api/accounts/${parent}/reset-password`);
    expect(refused.statusCode).toBe(404);
    const audit = await t.db.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log
      where action = 'access.denied' and details->>'route' = '/api/accounts/:personId/reset-password'`);
    expect(audit.rows[0]!.n).toBeGreaterThan(0);
    const city = await t.login('city_admin');
    expect((await city.post(`/api/accounts/${await personOf('auditor')}/reset-password`)).statusCode).toBe(
      404,
    );
    expect(
      (await city.post(`/api/accounts/${await personOf('school_admin')}/reset-password`)).statusCode,
    ).toBe(200);
  });

  it('the system administrator resets business administrators only, never learners or the other 三员', async () => {
    const sys = await t.login('sysadmin');
    expect(
      (await sys.post(`/api/accounts/${await personOf('student_demo')}/reset-password`)).statusCode,
    ).toBe(404);
    for (const other of ['secadmin', 'auditor'])
      expect((await sys.post(`/api/accounts/${await personOf(other)}/reset-password`)).statusCode).toBe(404);
    expect(
      (await sys.post(`/api/accounts/${await personOf('district_yuexiu')}/reset-password`)).statusCode,
    ).toBe(200);
  });

  it('a withdrawn role ends its sessions', async () => {
    const other = await t.db.db.execute<{ username: string }>(sql`select a.username from account a
      join role_assignment ra on ra.person_id = a.person_id and ra.role = 'teacher' order by a.username limit 1`);
    const c = await t.login(other.rows[0]!.username);
    const me = (await c.get('/api/auth/me')).json();
    await t.db.db.execute(sql`update role_assignment set active = false where id = ${me.roleAssignmentId}`);
    expect((await c.get('/api/portal/home')).statusCode).toBe(401);
    await t.db.db.execute(sql`update role_assignment set active = true where id = ${me.roleAssignmentId}`);
  });
});
