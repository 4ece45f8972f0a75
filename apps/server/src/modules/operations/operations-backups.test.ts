import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupControl } from '../../platform/backup/control.ts';
import { type BackupCluster, startBackupCluster } from '../../testing/backup-cluster.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

/**
 * The backup section as the system administrator works it: a base backup started from the page,
 * audited, run in the background and listed with its history; its verification by a trial
 * restore; the attention list calm afterwards. The backups are of an embedded PostgreSQL of the
 * test's own (the app's database lives on the shared test cluster, which archives nothing).
 */
let cluster: BackupCluster;
let control: BackupControl;
let t: TestApp;
let sysadmin: Client;

beforeAll(async () => {
  cluster = await startBackupCluster();
  control = cluster.control;
  t = await createTestApp({}, { backups: control });
  sysadmin = await t.login('sysadmin');
}, 180_000);

afterAll(async () => {
  await t?.close();
  await cluster?.close();
});

describe.sequential('backups from the 系统运行 page', () => {
  it('starts a base backup once, audited, and lists it with its history when done', async () => {
    const before = (await sysadmin.get('/api/operations/attention')).json();
    expect(before.items.map((i: { code: string }) => i.code)).toContain('backup_none');

    expect((await sysadmin.post('/api/operations/backups')).statusCode).toBe(200);
    const again = await sysadmin.post('/api/operations/backups');
    expect(again.statusCode).toBe(409);
    await control.idle();
    const b = (await sysadmin.get('/api/operations/backups')).json();
    expect(b).toMatchObject({ mode: 'embedded', activity: null });
    expect(b.backups).toHaveLength(1);
    expect(b.backups[0]).toMatchObject({ current: true, lastVerify: null });
    expect(b.history[0]).toMatchObject({
      kind: 'backup',
      ok: true,
      trigger: 'operator',
      backupId: b.backups[0].id,
    });
    expect(b.restoreWindow.from).toBe(b.backups[0].finishedAt);
    expect(b.settings).toMatchObject({ everyHours: 24, keepDays: 7, keepCount: 2, offsiteBucket: null });

    const audit = await t.db.db.execute<{ actor: string; n: number }>(sql`
      select actor_role as actor, count(*)::int as n from audit_log
       where action = 'operations.backup.start' group by actor_role`);
    expect(audit.rows).toEqual([{ actor: 'system_admin', n: 1 }]);
    const jobs = (await sysadmin.get('/api/operations/jobs')).json();
    expect(jobs.jobs.find((j: { job: string }) => j.job === 'backup')).toMatchObject({
      status: 'ok',
      runs7d: 1,
      everyHours: 24,
    });
  }, 120_000);

  it('verifies the backup by a trial restore, and the reminder to verify goes away', async () => {
    const [backup] = (await sysadmin.get('/api/operations/backups')).json().backups;
    expect((await sysadmin.post('/api/operations/backups/20200101T000000000Z/verify')).statusCode).toBe(404);
    expect((await sysadmin.post('/api/operations/backups/..%2F..%2Fetc/verify')).statusCode).toBe(400);
    expect((await sysadmin.post(`/api/operations/backups/${backup.id}/verify`)).statusCode).toBe(200);
    await control.idle();
    const b = (await sysadmin.get('/api/operations/backups')).json();
    expect(b.backups[0].lastVerify).toMatchObject({ ok: true });
    expect(b.history[0]).toMatchObject({ kind: 'verify', ok: true, backupId: backup.id });
    const audit = await t.db.db.execute<{ target: string }>(
      sql`select target_id as target from audit_log where action = 'operations.backup.verify'`,
    );
    expect(audit.rows).toEqual([{ target: backup.id }]);
    const { items } = (await sysadmin.get('/api/operations/attention')).json();
    const codes = items.map((i: { code: string }) => i.code);
    for (const c of ['backup_none', 'backup_stale', 'verify_due', 'verify_failed', 'backups_off'])
      expect(codes).not.toContain(c);
  }, 180_000);
});
