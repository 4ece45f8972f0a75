import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../bootstrap.ts';
import type { TSecurityPolicy } from '../../platform/auth/security-policy.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

/** The security policy the security administrator sets, and the platform obeying it (COMPLIANCE §4). */
let t: TestApp;
let secadmin: Client;
beforeAll(async () => {
  t = await createTestApp();
  secadmin = await t.login('secadmin');
});
afterAll(() => t.close());

type PolicyState = { policy: TSecurityPolicy; version: number; problems: string[] };
const current = async () => (await secadmin.get('/api/security/policy')).json() as PolicyState;

/** Puts `patch` of the policy in force in force, as the security administrator. */
async function setPolicy(patch: (p: TSecurityPolicy) => void) {
  const { policy, version } = await current();
  patch(policy);
  const res = await secadmin.request('PUT', '/api/security/policy', { policy, version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { version: number; changed: string[] };
}

const login = (username: string, password = DEMO_PASSWORD, ip = '198.51.100.40') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

const audits = async (action: string) =>
  (
    await t.db.db.execute<{ outcome: string; details: Record<string, unknown> }>(
      sql`select outcome, details from audit_log where action = ${action} order by at`,
    )
  ).rows;

describe('the security policy', () => {
  it('starts from today’s values, and only the security administrator reads or sets it', async () => {
    const state = await current();
    expect(state.version).toBe(0);
    expect(state.problems).toEqual([]);
    expect(state.policy.password).toMatchObject({
      profile: 'djbh',
      minLength: 8,
      minClasses: 3,
      maxAgeDays: 90,
    });
    expect(state.policy.lockout).toEqual({ attempts: 5, minutes: 15, doubling: true });
    expect(state.policy.session).toEqual({ idleMinutes: 30, absoluteHours: 12 });
    for (const who of ['sysadmin', 'auditor', 'city_admin']) {
      const c = await t.login(who);
      expect((await c.get('/api/security/policy')).statusCode, who).toBe(403);
      const put = await c.request('PUT', '/api/security/policy', { policy: state.policy, version: 0 });
      expect(put.statusCode, who).toBe(403);
    }
  });

  it('refuses a policy weaker than the 等保 floor with the one error shape, changing nothing', async () => {
    const { policy, version } = await current();
    const weak = structuredClone(policy);
    weak.password.minLength = 6;
    weak.session.idleMinutes = 240;
    weak.mfaRoles = weak.mfaRoles.filter((r) => r !== 'security_admin');
    const res = await secadmin.request('PUT', '/api/security/policy', { policy: weak, version });
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as {
      error: { code: string; message: string; details: { problems: string[] } };
    };
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/^安全策略低于等保 2\.0 基线：/);
    expect(error.details.problems).toHaveLength(3);
    expect((await current()).version).toBe(version);
    const refused = await audits('security.policy.update');
    expect(refused.at(-1)).toMatchObject({ outcome: 'failure', details: { reason: 'below_floor' } });
  });

  it('is obeyed at the next password change, audited with before and after', async () => {
    const teacher = await t.login('teacher_demo');
    const { changed } = await setPolicy((p) => {
      p.password.minLength = 12;
      p.password.minClasses = 4;
    });
    expect(changed.sort()).toEqual(['password.minClasses', 'password.minLength']);
    const [row] = (await audits('security.policy.update')).filter((a) => a.outcome === 'success');
    expect(row?.details).toMatchObject({
      before: { password: { minLength: 8, minClasses: 3 } },
      after: { password: { minLength: 12, minClasses: 4 } },
    });
    // Eleven characters of three classes passed yesterday's policy; not today's.
    const weak = await teacher.post('/api/auth/password', { current: DEMO_PASSWORD, next: 'qingshan#77' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/密码长度至少为 12 位/);
    expect(weak.json().error.message).toMatch(/至少 4 类/);
    const me = (await teacher.get('/api/auth/me')).json();
    expect(me.passwordRules).toMatchObject({ minLength: 12, minClasses: 4 });
    const strong = await teacher.post('/api/auth/password', {
      current: DEMO_PASSWORD,
      next: 'Qing#Shan7-Lu',
    });
    expect(strong.statusCode, strong.body).toBe(200);
    await t.db.db.execute(sql`update account set password_hash = (select password_hash from account
      where username = 'school_admin') where username = 'teacher_demo'`);
  });

  it('is obeyed at the next sign-in: the lockout threshold, the password age, the second-factor roles', async () => {
    await setPolicy((p) => {
      p.lockout.attempts = 3;
      p.lockout.minutes = 20;
      p.password.maxAgeDays = 30;
      p.mfaRoles.push('school_admin');
    });
    for (let i = 0; i < 2; i++) expect((await login('student_haizhu', 'wrong')).statusCode).toBe(401);
    const locked = await login('student_haizhu', 'wrong');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.details.retryAfterMinutes).toBe(20);

    await t.db.db.execute(
      sql`update account set password_changed_at = now() - interval '40 days' where username = 'student_demo'`,
    );
    expect((await login('student_demo')).json().next).toBe('change_password');

    // A school administrator now needs a second factor: a new sign-in, and the session in force.
    const before = await t.login('school_admin');
    await setPolicy((p) => {
      p.mfaRoles.push('researcher');
    });
    expect((await login('school_admin')).json().next).toBe('totp_setup');
    const refused = await before.get('/api/portal/home');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('totp_required');
  });

  it('ends sessions idle longer than the new idle timeout', async () => {
    const teacher = await t.login('teacher_demo');
    expect((await teacher.get('/api/auth/me')).statusCode).toBe(200);
    await t.db.db.execute(sql`update session set last_seen_at = now() - interval '12 minutes'
      where person_id = (select person_id from account where username = 'teacher_demo') and revoked_at is null`);
    // Twelve idle minutes are within thirty.
    expect((await teacher.get('/api/auth/me')).statusCode).toBe(200);
    await t.db.db.execute(sql`update session set last_seen_at = now() - interval '12 minutes'
      where person_id = (select person_id from account where username = 'teacher_demo') and revoked_at is null`);
    await setPolicy((p) => {
      p.session.idleMinutes = 10;
    });
    const res = await teacher.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('refuses a change made from a stale page', async () => {
    const { policy, version } = await current();
    await setPolicy((p) => {
      p.lockout.minutes = 25;
    });
    const stale = await secadmin.request('PUT', '/api/security/policy', { policy, version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');
    expect((await current()).policy.lockout.minutes).toBe(25);
  });
});
