import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../bootstrap.ts';
import { TEST_FIELD_KEY } from '../../testing/constants.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

/** Review findings of issue 8 about sign-in, second factors, 三员分立 and passwords. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, ip = '203.0.113.7') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

const personOf = async (username: string) =>
  (
    await t.db.db.execute<{ id: string }>(
      sql`select person_id as id from account where username = ${username}`,
    )
  ).rows[0]!.id;

/** Signs in and returns a client on the session (cookie + CSRF), before any second factor. */
async function session(username: string, password = DEMO_PASSWORD) {
  const res = await login(username, password, '198.51.100.20');
  expect(res.statusCode, res.body).toBe(200);
  const sid = res.cookies.find((c) => c.name === 'hanlin_sid')!.value;
  const headers = { cookie: `hanlin_sid=${sid}`, 'x-csrf-token': res.json().csrfToken as string };
  const post = (url: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers, payload, remoteAddress: '198.51.100.20' });
  return { next: res.json().next as string, post };
}

describe('lockout is per account and source, and does not tell known names from unknown ones', () => {
  it('an attacker at one address cannot lock the owner out at another', async () => {
    for (let i = 0; i < 5; i++) await login('student_demo', 'wrong', '203.0.113.50');
    expect((await login('student_demo', DEMO_PASSWORD, '203.0.113.50')).statusCode).toBe(423);
    // The owner, elsewhere, signs in.
    expect((await login('student_demo', DEMO_PASSWORD, '198.51.100.9')).statusCode).toBe(200);
  });

  it('answers an unknown name exactly as a known one, failure by failure and when locked', async () => {
    const answers = async (name: string) => {
      const out: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await login(name, 'wrong-password', '203.0.113.60');
        out.push(`${r.statusCode} ${r.json().error.code} ${r.json().error.message}`);
      }
      return out;
    };
    const known = await answers('student_haizhu');
    const unknown = await answers('no_such_user_8');
    expect(unknown).toEqual(known);
    expect(known[4]).toMatch(/^423 locked/);
  });

  it('locks for twice as long the next time', async () => {
    const ip = '203.0.113.70';
    for (let i = 0; i < 5; i++) await login('teacher_demo', 'wrong', ip);
    const first = (await login('teacher_demo', 'wrong', ip)).json().error.details.retryAfterMinutes;
    // The first lock runs out.
    await t.db.db.execute(sql`update login_throttle set locked_until = now() - interval '1 second'
      where locked_until is not null`);
    for (let i = 0; i < 4; i++) expect((await login('teacher_demo', 'wrong', ip)).statusCode).toBe(401);
    const second = await login('teacher_demo', 'wrong', ip);
    expect(second.statusCode).toBe(423);
    expect(first).toBe(15);
    expect(second.json().error.details.retryAfterMinutes).toBe(30);
  });

  it('keeps neither names nor addresses in the throttle table', async () => {
    const rows = await t.db.db.execute<{ row: string }>(
      sql`select row_to_json(l)::text as row from login_throttle l`,
    );
    const all = rows.rows.map((r) => r.row).join();
    expect(all.length).toBeGreaterThan(0);
    for (const plain of ['203.0.113', 'no_such_user', 'teacher_demo']) expect(all).not.toContain(plain);
  });

  it('signs a parent in with their mobile number', async () => {
    const [p] = (
      await t.db.db.execute<{ phone: Buffer }>(sql`select p.phone_enc as phone from person p
        join account a on a.person_id = p.id where a.username = 'parent_demo'`)
    ).rows;
    const phone = t.deps.crypto.decrypt(p!.phone);
    const res = await login(phone, DEMO_PASSWORD, '198.51.100.30');
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('second-factor enrolment needs a one-time code the password does not give', () => {
  it('enrols every administrator of the demo', async () => {
    const r = await t.db.db.execute<{ n: number }>(sql`select count(*)::int as n from account a
      join role_assignment ra on ra.person_id = a.person_id and ra.active
     where ra.role in ('city_admin','district_admin','system_admin','security_admin','auditor')
       and not a.totp_enabled`);
    expect(r.rows[0]!.n).toBe(0);
  });

  /** A district administrator whose second factor is not set up yet. */
  const unenrolled = async () => {
    const [row] = (
      await t.db.db.execute<{ username: string }>(sql`update account a set totp_enabled = false,
          totp_secret_enc = null, totp_last_step = null
        from role_assignment ra where ra.person_id = a.person_id and ra.role = 'district_admin'
          and a.username <> 'district_yuexiu'
          and a.id = (select a2.id from account a2 join role_assignment r2 on r2.person_id = a2.person_id
                       where r2.role = 'district_admin' and a2.username <> 'district_yuexiu'
                       order by a2.username limit 1)
        returning a.username`)
    ).rows;
    return row!.username;
  };

  it('refuses enrolment with the password alone or a wrong code, and enrols with an issued code once', async () => {
    const username = await unenrolled();
    const s = await session(username);
    expect(s.next).toBe('totp_setup');
    expect((await s.post('/api/auth/totp/setup')).statusCode).toBe(400);
    expect((await s.post('/api/auth/totp/setup', { enrolmentCode: '1234-5678-9012' })).statusCode).toBe(400);

    const sec = await t.login('secadmin');
    const issued = await sec.post(`/api/accounts/${await personOf(username)}/totp-enrolment`);
    expect(issued.statusCode, issued.body).toBe(200);
    const { code } = issued.json() as { code: string };
    expect(code).toMatch(/^[0-9]{4}-[0-9]{4}-[0-9]{4}$/);

    // Issuing the code ended the sessions of the account; sign in again and enrol with it.
    const again = await session(username);
    const setup = await again.post('/api/auth/totp/setup', { enrolmentCode: code });
    expect(setup.statusCode, setup.body).toBe(200);
    const verified = await again.post('/api/auth/totp/verify', {
      code: await generate({ secret: setup.json().secret }),
    });
    expect(verified.statusCode, verified.body).toBe(200);
    const [acct] = (
      await t.db.db.execute<{ enabled: boolean; hash: string | null }>(sql`select totp_enabled as enabled,
        totp_enrol_hash as hash from account where username = ${username}`)
    ).rows;
    expect(acct).toEqual({ enabled: true, hash: null });
  });

  it('locks enrolment attempts like password attempts', async () => {
    const username = await unenrolled();
    const s = await session(username);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await s.post('/api/auth/totp/setup', { enrolmentCode: `0000-0000-000${i}` })).statusCode);
    expect(codes).toEqual([400, 400, 400, 400, 423]);
  });
});

describe('三员分立', () => {
  it('no one of the three resets or re-enrols another of the three', async () => {
    const sec = await t.login('secadmin');
    const sys = await t.login('sysadmin');
    for (const [c, other] of [
      [sec, 'sysadmin'],
      [sec, 'auditor'],
      [sys, 'secadmin'],
      [sys, 'auditor'],
    ] as const) {
      const id = await personOf(other);
      expect((await c.post(`/api/accounts/${id}/reset-password`)).statusCode).not.toBe(200);
      expect((await c.post(`/api/accounts/${id}/totp-enrolment`)).statusCode).not.toBe(200);
    }
    // The accounts are untouched: the demo password still signs them in.
    for (const other of ['sysadmin', 'secadmin', 'auditor'])
      expect((await login(other, DEMO_PASSWORD, '198.51.100.40')).json().next).toBe('totp');
  });
});

describe('the server console', () => {
  it('resets a 三员 account and issues its enrolment code, audited as done at the console', async () => {
    const run = (...args: string[]) =>
      execFileSync('npx', ['tsx', 'tools/admin.ts', ...args], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: t.url, HANLIN_FIELD_KEY: TEST_FIELD_KEY, LOG_LEVEL: 'silent' },
      });
    const reset = run('reset-password', 'auditor');
    const temp = /temporary password for auditor: (\S+)/.exec(reset)?.[1];
    expect(temp).toBeDefined();
    expect((await login('auditor', temp!, '198.51.100.41')).statusCode).toBe(200);
    expect(run('enrol-totp', 'auditor')).toMatch(/enrolment code for auditor: [0-9]{4}-[0-9]{4}-[0-9]{4}/);
    const audits = await t.db.db.execute<{
      action: string;
      role: string;
    }>(sql`select action, actor_role as role
      from audit_log where action like 'console.%' order by at`);
    expect(audits.rows).toEqual([
      { action: 'console.reset_password', role: 'console' },
      { action: 'console.totp_enrolment_code', role: 'console' },
    ]);
  });
});

describe('password history (等保 profile)', () => {
  it('refuses the last five passwords, and accepts a sixth earlier one', async () => {
    const c = await t.login('researcher_demo');
    const passwords = [
      'Hongmian#2027a',
      'Hongmian#2027b',
      'Hongmian#2027c',
      'Hongmian#2027d',
      'Hongmian#2027e',
    ];
    let current = DEMO_PASSWORD;
    for (const next of passwords) {
      const res = await c.post('/api/auth/password', { current, next });
      expect(res.statusCode, res.body).toBe(200);
      current = next;
    }
    for (const reused of [DEMO_PASSWORD, ...passwords.slice(0, 4)]) {
      const res = await c.post('/api/auth/password', { current, next: reused });
      expect(res.statusCode, reused).toBe(400);
    }
    expect((await c.post('/api/auth/password', { current, next: 'Hongmian#2027f' })).statusCode).toBe(200);
    // DEMO_PASSWORD is now six changes back.
    expect(
      (await c.post('/api/auth/password', { current: 'Hongmian#2027f', next: DEMO_PASSWORD })).statusCode,
    ).toBe(200);
  });
});
