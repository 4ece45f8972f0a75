/**
 * Logs carry no personal data (review finding 11) and CSRF refusals are security events (finding 9).
 * The app here logs at debug level into memory; the audit log is made to fail on insert, so every
 * write of an audit row becomes a query error whose parameters hold a name, an IP and a user agent.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { DEMO_PASSWORD } from '../../bootstrap.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { safeErrorForLog } from './log-redaction.ts';

const IP = '10.77.66.55';
const AGENT = 'PrivateAgent/7.7 (HanlinLogProbe)';

let t: TestApp;
let app: FastifyInstance;
const lines: string[] = [];
let teacherName: string;

beforeAll(async () => {
  t = await createTestApp();
  app = await buildApp(
    { ...t.deps, config: { ...t.deps.config, logLevel: 'debug' } },
    { serveWeb: false, logStream: { write: (line) => lines.push(line) } },
  );
  await app.ready();
  const r = await t.db.db.execute<{ name: string }>(
    sql`select p.name from person p join account a on a.person_id = p.id where a.username = 'teacher_demo'`,
  );
  teacherName = r.rows[0]!.name;
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const login = (username: string, password: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: IP,
    headers: { 'user-agent': AGENT },
    payload: { username, password },
  });

describe('log lines carry no personal data', () => {
  it('logs a failed query without its parameters, PostgreSQL detail or quoted values', async () => {
    await t.db.pool.query(`create function pg_temp_fail_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit store unavailable' using detail = 'row: ' || new.actor_name; end $$`);
    await t.db.pool.query(`create trigger fail_audit before insert on audit_log
      for each row execute function pg_temp_fail_audit()`);
    try {
      lines.length = 0;
      const res = await login('teacher_demo', 'wrong-password-Secret1');
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('internal');
      await app.auditBuffer.flush();
      const log = lines.join('\n');
      expect(log).toContain('unhandled error');
      for (const secret of [teacherName, IP, AGENT, 'teacher_demo', 'wrong-password-Secret1']) {
        expect(log, `log contains ${secret}`).not.toContain(secret);
      }
      // The failure stays identifiable: the statement, and PostgreSQL's code for a raised exception.
      expect(log).toContain('insert into');
      expect(log).toContain('P0001');
    } finally {
      await t.db.pool.query('drop trigger fail_audit on audit_log');
      await t.db.pool.query('drop function pg_temp_fail_audit()');
    }
  });
});

describe('safeErrorForLog', () => {
  it('masks the values PostgreSQL quotes and drops detail, and keeps code and constraint', () => {
    const pgError = Object.assign(new Error('invalid input syntax for type uuid: "张小明"'), {
      code: '22P02',
      severity: 'ERROR',
      detail: 'Key (name)=(张小明) already exists.',
      constraint: 'person_name_key',
    });
    const wrapped = Object.assign(
      new Error('Failed query: select 1 where name = $1\nparams: 张小明,13800138000'),
      {
        query: 'select 1 where name = $1',
        params: ['张小明', '13800138000'],
        cause: pgError,
      },
    );
    const safe = JSON.stringify(safeErrorForLog(wrapped));
    expect(safe).not.toContain('张小明');
    expect(safe).not.toContain('13800138000');
    expect(safe).toContain('select 1 where name = $1');
    expect(safe).toContain('22P02');
    expect(safe).toContain('person_name_key');
  });
});

describe('CSRF refusals are security events', () => {
  it('audits a refused state change with the session’s actor and route, and logs it without personal data', async () => {
    const res = await login('teacher_demo', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const sid = res.cookies.find((c) => c.name === 'hanlin_sid')!.value;
    lines.length = 0;
    for (const token of [undefined, 'forged-token']) {
      const refused = await app.inject({
        method: 'POST',
        url: '/api/auth/switch-role',
        remoteAddress: IP,
        headers: {
          cookie: `hanlin_sid=${sid}`,
          'user-agent': AGENT,
          ...(token ? { 'x-csrf-token': token } : {}),
        },
        payload: { roleAssignmentId: '0193f3c0-0000-7000-8000-000000000001' },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('csrf_failed');
    }
    const rows = await t.db.db.execute<{
      actor_name: string;
      actor_role: string;
      outcome: string;
      ip: string;
      details: { route: string; method: string };
    }>(sql`select actor_name, actor_role, outcome, ip, details from audit_log
            where action = 'security.csrf_refused' order by at`);
    expect(rows.rows).toHaveLength(2);
    for (const row of rows.rows) {
      expect(row).toMatchObject({ actor_name: teacherName, outcome: 'denied', ip: IP });
      expect(row.details).toMatchObject({ route: '/api/auth/switch-role', method: 'POST' });
    }
    const warnings = lines.map((l) => JSON.parse(l)).filter((l) => l.event === 'security.csrf_refused');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ route: '/api/auth/switch-role', method: 'POST', level: 40 });
    const log = lines.join('\n');
    for (const secret of [teacherName, IP, AGENT, sid]) expect(log).not.toContain(secret);
  });
});
