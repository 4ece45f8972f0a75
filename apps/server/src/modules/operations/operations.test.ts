import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JOBS } from '../../app.ts';
import { runJob } from '../../platform/db/jobs.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

/**
 * 系统运行 for the system administrator (issue 9 §1): the service's health, the jobs and their
 * failures, storage by module, the code tables against the shipped ones, and what needs attention
 * — for that role alone, and naming no person. Backups are off in this app (no embedded server of
 * its own): operations-backups.test.ts runs them on one.
 */
let t: TestApp;
let sysadmin: Client;

beforeAll(async () => {
  t = await createTestApp({}, { queue: JOBS });
  sysadmin = await t.login('sysadmin');
});
afterAll(() => t.close());

const ROUTES = [
  '/api/operations/attention',
  '/api/operations/health',
  '/api/operations/jobs',
  '/api/operations/backups',
  '/api/operations/storage',
  '/api/operations/code-tables',
];

describe('系统运行', () => {
  it('is the system administrator’s alone', async () => {
    for (const username of [
      'city_admin',
      'auditor',
      'secadmin',
      'school_admin',
      'teacher_demo',
      'parent_demo',
    ]) {
      const c = await t.login(username);
      for (const url of ROUTES) expect((await c.get(url)).statusCode, `${username} ${url}`).toBe(403);
      expect((await c.post('/api/operations/backups')).statusCode, username).toBe(403);
      expect((await c.post('/api/operations/backups/20261206T000000000Z/verify')).statusCode).toBe(403);
      expect((await c.post('/api/operations/jobs/search-popularity/run')).statusCode).toBe(403);
    }
    for (const url of ROUTES) expect((await sysadmin.get(url)).statusCode, url).toBe(200);
  });

  it('names no person in anything it shows', async () => {
    const people = await t.db.db.execute<{ name: string }>(
      sql`select p.name from person p join student s on s.person_id = p.id order by p.id limit 200`,
    );
    const bodies = await Promise.all(ROUTES.map(async (u) => (await sysadmin.get(u)).body));
    for (const { name } of people.rows) for (const b of bodies) expect(b.includes(name), name).toBe(false);
  });

  it('reports the database as it answers, with its largest tables', async () => {
    const h = (await sysadmin.get('/api/operations/health')).json();
    expect(h.database).toMatchObject({ reachable: true, embedded: true });
    expect(h.database.version).toMatch(/^17/);
    expect(h.database.bytes).toBeGreaterThan(1_000_000);
    expect(h.database.connections).toBeGreaterThan(0);
    expect(h.pool.max).toBeGreaterThan(0);
    expect(h.largestTables.length).toBe(10);
    expect(h.largestTables[0].bytes).toBeGreaterThanOrEqual(h.largestTables[9].bytes);
    const largest = await t.db.db.execute<{ name: string }>(sql`select c.relname as name from pg_class c
       join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'
       order by pg_total_relation_size(c.oid) desc limit 1`);
    expect(h.largestTables.map((x: { name: string }) => x.name)).toContain(largest.rows[0]!.name);
  });

  it('shows a job’s failure, what a success counted, and puts the failure first on the home page', async () => {
    await runJob(t.deps.database, 'retention', async () => [{ table: 'session', rows: 4 }]);
    await expect(
      runJob(t.deps.database, 'retirement-check', async (tx) => {
        await tx.execute(sql`select 1`);
        throw new Error('resource table locked');
      }),
    ).rejects.toThrow(/locked/);
    const { jobs, recent } = (await sysadmin.get('/api/operations/jobs')).json();
    const byJob = Object.fromEntries(jobs.map((j: { job: string }) => [j.job, j]));
    expect(byJob.retention).toMatchObject({ status: 'ok', everyHours: 24, runs7d: 1, failures7d: 0 });
    expect(byJob.retention.last.summary).toEqual({ session: 4 });
    expect(byJob['retirement-check']).toMatchObject({ status: 'failed', failures7d: 1 });
    expect(byJob['retirement-check'].last.error).toBe('resource table locked');
    expect(byJob['search-popularity'].status).toBe('never');
    expect(recent[0]).toMatchObject({ job: 'retirement-check', status: 'failed' });
    // The failed job's work rolled back; its record did not.
    const audit = await t.db.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'system.job' and details->>'job' = 'retirement-check'`,
    );
    expect(audit.rows[0]!.n).toBe(0);

    const { items } = (await sysadmin.get('/api/operations/attention')).json();
    expect(items[0]).toMatchObject({
      severity: 'error',
      code: 'job_failed',
      params: { job: 'retirement-check', error: 'resource table locked' },
    });
    expect(items.map((i: { code: string }) => i.code)).toContain('backups_off');
  });

  it('sums the database by owning module and the file store by prefix, and sees the disks', async () => {
    const s = (await sysadmin.get('/api/operations/storage')).json();
    const owners = s.database.byOwner.map((o: { owner: string }) => o.owner);
    for (const o of ['roster', 'identity', 'audit', 'resources', 'jobs']) expect(owners).toContain(o);
    expect(s.database.byOwner.reduce((n: number, o: { bytes: number }) => n + o.bytes, 0)).toBe(
      s.database.bytes,
    );
    expect(s.files.kind).toBe('local');
    expect(s.backup).toBeNull();
    expect(s.disks.map((d: { use: string }) => d.use)).toEqual(['data', 'files']);
    expect(s.disks[0].totalBytes).toBeGreaterThan(s.disks[0].freeBytes);
  });

  it('finds each code table current, and one edited in the database different', async () => {
    const before = (await sysadmin.get('/api/operations/code-tables')).json();
    expect(before.tables.length).toBeGreaterThan(10);
    expect(before.tables.filter((x: { status: string }) => x.status !== 'current')).toEqual([]);
    await t.db.db.execute(
      sql`update code_entry set label_zh = '毛难族' where category = 'ethnicity' and code = '36'`,
    );
    const after = (await sysadmin.get('/api/operations/code-tables')).json();
    expect(after.tables.find((x: { category: string }) => x.category === 'ethnicity').status).toBe('differs');
    const { items } = (await sysadmin.get('/api/operations/attention')).json();
    expect(items).toContainEqual(
      expect.objectContaining({ code: 'code_table', params: { category: 'ethnicity', status: 'differs' } }),
    );
  });

  it('refuses a backup when this server takes none, saying why', async () => {
    const res = await sysadmin.post('/api/operations/backups');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('备份');
    expect((await sysadmin.get('/api/operations/backups')).json()).toMatchObject({
      mode: 'off',
      backups: [],
    });
  });

  it('runs a job now from the queue for the system administrator, audited, and shows it', async () => {
    expect((await sysadmin.post('/api/operations/jobs/no-such-job/run')).statusCode).toBe(404);
    const res = await sysadmin.post('/api/operations/jobs/search-popularity/run');
    expect(res.statusCode).toBe(200);
    await vi.waitFor(
      async () => {
        const { jobs } = (await sysadmin.get('/api/operations/jobs')).json();
        const job = jobs.find((j: { job: string }) => j.job === 'search-popularity');
        expect(job).toMatchObject({
          status: 'ok',
          runnable: true,
          queue: { waiting: 0, retrying: 0, active: 0 },
          last: { status: 'succeeded', attempt: 1 },
        });
      },
      { timeout: 15_000, interval: 200 },
    );
    const audit = await t.db.db.execute<{ role: string; job: string }>(
      sql`select actor_role as role, details->>'job' as job from audit_log where action = 'operations.job.run'`,
    );
    expect(audit.rows).toEqual([{ role: 'system_admin', job: 'search-popularity' }]);
  });
});
