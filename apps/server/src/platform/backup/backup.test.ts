import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../db/embedded.ts';
import { LocalStorage } from '../storage/local-storage.ts';
import { archivingSettings, walBefore } from './archive.ts';
import { type BaseBackup, listBaseBackups, takeBaseBackup, withBackupLock } from './base-backup.ts';
import { mirrorFileStore } from './file-mirror.ts';
import { fetchFromOffsite, Offsite, shipToOffsite } from './offsite.ts';
import { executeRestore, planRestore } from './restore.ts';
import { backupRound } from './schedule.ts';

/**
 * Point-in-time recovery end to end on a real embedded PostgreSQL of its own (not the shared test
 * cluster): archive, base backup, more writes, a noted moment, more writes, the data directory
 * destroyed, a restore to the moment — from the local backup directory, then from the off-site
 * bucket alone. Waits for states (a segment archived, recovery promoted), never for a time.
 */
let root: string;
let dataDir: string;
let filesDir: string;
let backupDir: string;
let server: EmbeddedDatabase | undefined;
let s3: S3rver;
let offsite: Offsite;
const fieldKey = Buffer.alloc(32, 7);

const start = async () => {
  server = await startEmbeddedPostgres({
    dir: dataDir,
    database: 'app',
    settings: (pgDir) => archivingSettings(pgDir, { backupDir, archiveTimeout: 300 }),
  });
  return server;
};
const stop = async () => {
  await server?.stop();
  server = undefined;
};
async function query<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]> {
  const c = new pg.Client({ connectionString: server!.url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}
/** Row count and an MD5 of every row in order: equal means the same data. */
const fingerprint = async () =>
  (
    await query<{ n: string; md5: string }>(
      `select count(*) as n, md5(coalesce(string_agg(p::text, '|' order by id), '')) as md5 from pupil p`,
    )
  )[0]!;

/** Ends the current WAL segment and waits until the archiver has copied it. */
async function archiveCurrentSegment() {
  const [{ seg }] = (await query<{ seg: string }>('select pg_walfile_name(pg_switch_wal()) as seg')) as [
    { seg: string },
  ];
  for (const deadline = Date.now() + 120_000; ; ) {
    const [a] = await query<{ done: boolean }>(
      `select coalesce(last_archived_wal >= $1, false) as done from pg_stat_archiver`,
      [seg],
    );
    if (a!.done) return seg;
    if (Date.now() > deadline) throw new Error(`segment ${seg} was not archived`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A restore of this cluster and its file store; file times compared exactly (no mirroring delay here). */
const planTo = (target: Date) =>
  planRestore({ dataDir, backupDir, target, filesDir, fieldKey, fileSlackMs: 0, archiveTimeout: 300 });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const files = () => new LocalStorage(filesDir);

const state: {
  backup?: BaseBackup;
  moment?: Date;
  atMoment?: { n: string; md5: string };
  keys: { before: string; between: string; after: string; data: Map<string, string> };
} = { keys: { before: '', between: '', after: '', data: new Map() } };

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'hanlin-backup-'));
  // Run as root, the embedded server is the `postgres` user and must pass through this directory.
  await chmod(root, 0o711);
  dataDir = join(root, 'data');
  filesDir = join(dataDir, 'files');
  backupDir = join(root, 'backup');
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: join(root, 's3'),
    configureBuckets: [{ name: 'offsite' }],
  });
  const { port } = await s3.run();
  offsite = new Offsite({
    bucket: 'offsite',
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  });
  await start();
});

afterAll(async () => {
  await stop();
  await s3?.close();
  await rm(root, { recursive: true, force: true });
});

const put = async (text: string) => {
  const data = Buffer.from(text.repeat(1000));
  const o = await files().putBuffer(data, { prefix: 'resources' });
  state.keys.data.set(o.key, sha(data));
  return o.key;
};

describe.sequential('point-in-time backup and restore', () => {
  it('archives WAL, takes a base backup, and notes a moment between two rounds of writes', async () => {
    await query(`create table pupil (id int primary key, name text not null, score numeric)`);
    await query(`insert into pupil select g, '学生' || g, g % 97 from generate_series(1, 5000) g`);
    state.keys.before = await put('before the backup');
    state.backup = (await withBackupLock(server!.adminUrl('postgres'), () =>
      takeBaseBackup({
        adminUrl: server!.adminUrl('postgres'),
        backupDir,
        pgDir: join(dataDir, 'pg'),
        clusterState: join(dataDir, 'cluster.json'),
        filesDir,
        fieldKey,
      }),
    ))!;
    expect(state.backup.files?.count).toBe(1);

    // Between the backup and the moment: inserts, updates, deletes, a file.
    await query(`insert into pupil select g, '学生' || g, g % 89 from generate_series(5001, 8000) g`);
    await query(`update pupil set score = score + 1 where id % 10 = 0`);
    await query(`delete from pupil where id between 100 and 199`);
    state.keys.between = await put('between the backup and the moment');
    await mirrorFileStore(filesDir, backupDir);
    state.atMoment = await fingerprint();
    const [{ now }] = (await query<{ now: Date }>('select clock_timestamp() as now')) as [{ now: Date }];
    state.moment = new Date(now.getTime() + 1);
    // Later writes must carry a later commit time than the moment (same server clock).
    for (;;) {
      const [r] = await query<{ later: boolean }>('select clock_timestamp() > $1 as later', [state.moment]);
      if (r!.later) break;
    }

    // After the moment: what the restore must not bring back.
    await query(`insert into pupil select g, '学生' || g, 0 from generate_series(8001, 9000) g`);
    await query(`delete from pupil where id <= 50`);
    await query(`update pupil set name = 'changed' where id = 4000`);
    // File times come from the kernel's coarse clock: let it pass the moment before the file is mirrored.
    while (Date.now() < state.moment.getTime() + 20) await new Promise((r) => setImmediate(r));
    state.keys.after = await put('after the moment');
    await mirrorFileStore(filesDir, backupDir);
    expect((await fingerprint()).md5).not.toBe(state.atMoment.md5);
    await archiveCurrentSegment();
    const shipped = await shipToOffsite({
      backupDir,
      offsite,
      policy: { keepDays: 7, keepCount: 2 },
      live: new Set(state.keys.data.keys()),
    });
    expect(shipped.uploaded).toBeGreaterThan(3);
  }, 240_000);

  it('restores the database and the file store to the moment after the data directory is destroyed', async () => {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
    const plan = await planTo(state.moment!);
    expect(plan.backup.id).toBe(state.backup!.id);
    expect(plan.running).toBeNull();
    expect(plan.fieldKey).toBe('same');
    const result = await executeRestore(plan);
    expect(result.timeline).toBe(2);
    await start();
    expect(await fingerprint()).toEqual(state.atMoment);
    expect(await query('select 1 from pupil where id > 8000')).toEqual([]);
    expect(await query(`select 1 from pupil where name = 'changed'`)).toEqual([]);
    for (const key of [state.keys.before, state.keys.between]) {
      expect(sha(await readFile(join(filesDir, key)))).toBe(state.keys.data.get(key));
    }
    expect(existsSync(join(filesDir, state.keys.after))).toBe(false);
  }, 240_000);

  it('refuses to restore over a running server', async () => {
    const plan = await planTo(state.moment!);
    expect(plan.running).toBeGreaterThan(0);
    await expect(executeRestore(plan)).rejects.toThrow(/is running/);
  });

  it('restores the same moment from the off-site bucket alone', async () => {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(backupDir, { recursive: true, force: true });
    const fetched = await fetchFromOffsite({ backupDir, offsite, target: state.moment! });
    expect(fetched?.id).toBe(state.backup!.id);
    const plan = await planTo(state.moment!);
    await executeRestore(plan);
    await start();
    expect(await fingerprint()).toEqual(state.atMoment);
    expect(sha(await readFile(join(filesDir, state.keys.between)))).toBe(
      state.keys.data.get(state.keys.between),
    );
  }, 240_000);

  it('puts everything back when the target cannot be reached', async () => {
    await query(`insert into pupil values (99999, 'kept', 1)`);
    const before = await fingerprint();
    await stop();
    // No transaction after this moment is archived: recovery must end early and fail.
    const plan = await planTo(new Date());
    await expect(executeRestore(plan)).rejects.toThrow(/no transaction after the target/);
    expect(existsSync(`${join(dataDir, 'pg')}.failed-restore-${plan.stamp}`)).toBe(true);
    await start();
    expect(await fingerprint()).toEqual(before);
    expect(sha(await readFile(join(filesDir, state.keys.between)))).toBe(
      state.keys.data.get(state.keys.between),
    );
  }, 240_000);

  it('backs up the restored timeline on the next scheduled round, once, and prunes what it outlived', async () => {
    const logged: string[] = [];
    const round = backupRound({
      config: {
        dataDir,
        filesDir,
        s3: undefined,
        backup: {
          enabled: true,
          dir: backupDir,
          everyMs: 86_400_000,
          keepDays: 0,
          keepCount: 1,
          archiveTimeout: 300,
        },
      },
      adminUrl: server!.adminUrl('postgres'),
      fieldKey,
      log: (l) => logged.push(l),
    });
    const made = await round();
    expect(logged.filter((l) => l.includes('failed'))).toEqual([]);
    expect(made?.timeline).toBe(2);
    expect((await listBaseBackups(backupDir)).map((b) => b.id)).toEqual([made!.id]);
    const wal = await readdir(join(backupDir, made!.systemId, 'wal'));
    expect(wal.filter((w) => walBefore(w, made!.startWal))).toEqual([]);
    expect(wal.some((w) => w.endsWith('.history'))).toBe(true);
    expect(await round()).toBeNull();
  }, 240_000);
});
