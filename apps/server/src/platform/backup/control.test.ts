import { appendFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackupCluster, startBackupCluster } from '../../testing/backup-cluster.ts';
import type { EmbeddedDatabase } from '../db/embedded.ts';
import { backupPath } from './base-backup.ts';
import type { BackupControl } from './control.ts';

/**
 * The backup work the system administrator starts from the 系统运行 page, on a real embedded
 * PostgreSQL of its own with WAL archiving: a base backup now, recorded in the history; a
 * verification by trial restore that leaves the live cluster and its archive as they were; a
 * damaged archive found out without a trial.
 */
let cluster: BackupCluster;
let dataDir: string;
let backupDir: string;
let server: EmbeddedDatabase;
let control: BackupControl;

async function query<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: server.url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  cluster = await startBackupCluster(Buffer.alloc(32, 9));
  ({ dataDir, backupDir, server, control } = cluster);
  await query('create table pupil (id int primary key, name text)');
  await query(`insert into pupil select g, 'p' || g from generate_series(1, 500) g`);
}, 120_000);

afterAll(() => cluster?.close());

describe.sequential('backups started by the system administrator', () => {
  it('takes a base backup in the background, one at a time, and records it', async () => {
    expect(control.startBackup()).toBe(true);
    expect(control.startBackup()).toBe(false);
    await control.idle();
    expect(control.activity()).toBeNull();
    const [backup] = await control.list();
    expect(backup).toBeDefined();
    const [event] = await control.history();
    expect(event).toMatchObject({ kind: 'backup', ok: true, trigger: 'operator', backupId: backup!.id });
    const wal = await control.walArchive();
    expect(wal.segments).toBeGreaterThan(0);
    expect(wal.newest?.name).toMatch(/^[0-9A-F]{24}$/);
  }, 120_000);

  it('verifies a backup by a trial restore that leaves the live cluster and its archive alone', async () => {
    await query(`insert into pupil select g, 'q' || g from generate_series(501, 700) g`);
    // The inserts' segment, closed and archived, so the trial has something after the backup to replay.
    const [{ seg }] = (await query<{ seg: string }>('select pg_walfile_name(pg_switch_wal()) as seg')) as [
      { seg: string },
    ];
    await expect
      .poll(
        async () =>
          (await query<{ wal: string | null }>('select last_archived_wal as wal from pg_stat_archiver'))[0]!
            .wal! >= seg,
        { timeout: 60_000, interval: 100 },
      )
      .toBe(true);
    const [backup] = await control.list();
    const walBefore = await readdir(join(backupDir, backup!.systemId, 'wal'));
    // A trial cut off by a stopped process left its copy behind: the next trial removes it.
    await mkdir(join(dataDir, 'restore-check', 'cut-off', 'pg'), { recursive: true });
    await writeFile(join(dataDir, 'restore-check', 'cut-off', 'pg', 'PG_VERSION'), '17');
    expect(await control.startVerify(backup!.id)).toBe(true);
    expect(control.activity()).toMatchObject({ kind: 'verify', backupId: backup!.id });
    await control.idle();
    const [event] = await control.history();
    expect(event).toMatchObject({ kind: 'verify', ok: true, backupId: backup!.id });
    expect(event!.checks!.map((c) => [c.name, c.ok])).toEqual([
      ['archive', true],
      ['wal', true],
      ['files', true],
      ['field_key', true],
      ['trial_restore', true],
    ]);
    expect(event!.checks!.find((c) => c.name === 'trial_restore')!.detail).toMatch(/app: 1 tables/);
    expect(Date.parse(event!.replayedUntil!)).toBeGreaterThan(Date.parse(backup!.stopTime));
    // The trial's new timeline never reached the archive, and its scratch directory is gone.
    const walAfter = await readdir(join(backupDir, backup!.systemId, 'wal'));
    expect(walAfter.filter((w) => w.endsWith('.history'))).toEqual([]);
    expect(walAfter.length).toBeGreaterThanOrEqual(walBefore.length);
    expect(await readdir(join(dataDir, 'restore-check'))).toEqual([]);
    expect((await query<{ n: number }>('select count(*)::int as n from pupil'))[0]!.n).toBe(700);
  }, 180_000);

  it('finds a damaged archive without a trial, and refuses an unknown backup', async () => {
    const [backup] = await control.list();
    await appendFile(join(backupPath(backupDir, backup!), backup!.archive.file), 'x');
    await control.startVerify(backup!.id);
    await control.idle();
    const [event] = await control.history();
    expect(event!.ok).toBe(false);
    expect(event!.checks!.filter((c) => !c.ok).map((c) => c.name)).toEqual(['archive', 'trial_restore']);
    await expect(control.startVerify('20000101T000000000Z')).rejects.toThrow(/no base backup/);
  }, 60_000);
});
