/**
 * Backups of the embedded PostgreSQL and the file store, by hand (the server also takes them on its
 * schedule):
 *
 *   npm run backup              take a base backup now, prune by the retention policy, update the
 *                               off-site bucket when one is configured
 *   npm run backup -- --list    the base backups at hand and the moments a restore can reach
 *
 * Uses the running server of HANLIN_DATA_DIR when there is one; otherwise starts the embedded
 * server for the backup (with WAL archiving) and stops it again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { archivingSettings } from '../apps/server/src/platform/backup/archive.ts';
import {
  listBaseBackups,
  takeBaseBackup,
  withBackupLock,
} from '../apps/server/src/platform/backup/base-backup.ts';
import { listFileStore } from '../apps/server/src/platform/backup/file-mirror.ts';
import { errorLine, recordBackupEvent } from '../apps/server/src/platform/backup/history.ts';
import { Offsite, shipToOffsite } from '../apps/server/src/platform/backup/offsite.ts';
import { runningServer } from '../apps/server/src/platform/backup/restore.ts';
import { pruneLocal } from '../apps/server/src/platform/backup/retention.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import { loadFieldKey } from '../apps/server/src/platform/crypto/field-crypto.ts';
import { startEmbeddedPostgres } from '../apps/server/src/platform/db/embedded.ts';

const { values } = parseArgs({ options: { list: { type: 'boolean', default: false } } });
const config = loadConfig();
const b = config.backup;
const mib = (n: number) => `${(n / 1_048_576).toFixed(1)} MiB`;

if (values.list) {
  const backups = await listBaseBackups(b.dir);
  if (backups.length === 0) console.log(`no base backup in ${b.dir}`);
  for (const x of backups) {
    const files = x.files ? `, ${x.files.count} files (${mib(x.files.bytes)})` : '';
    console.log(`${x.id}  cluster ${x.systemId}  finished ${x.stopTime}  ${mib(x.archive.bytes)}${files}`);
  }
  if (backups[0])
    console.log(`a restore can reach any moment from ${backups[0].stopTime} to the last archived WAL`);
  process.exit(0);
}

if (config.databaseUrl) {
  console.error(
    'DATABASE_URL is set: an external server is backed up by its operator (README "Backups and restore").',
  );
  process.exit(1);
}
if (!b.enabled) {
  console.error(
    'HANLIN_BACKUP=off: WAL is not archived, so a base backup could not be restored to a moment.',
  );
  process.exit(1);
}

const pgDir = join(config.dataDir, 'pg');
const pid = await runningServer(pgDir);
let adminUrl: string;
let stop = async () => {};
if (pid) {
  // postmaster.pid line 4 is the port; cluster.json holds the password of the embedded superuser.
  const port = Number(readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
  const { password } = JSON.parse(readFileSync(join(config.dataDir, 'cluster.json'), 'utf8')) as {
    password: string;
  };
  adminUrl = `postgres://hanlin:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  console.log(`using the running server (pid ${pid}, port ${port})`);
} else {
  if (!existsSync(join(pgDir, 'PG_VERSION'))) {
    console.error(`no embedded database in ${pgDir}`);
    process.exit(1);
  }
  console.log('starting the embedded server for the backup …');
  const server = await startEmbeddedPostgres({
    dir: config.dataDir,
    database: 'postgres',
    settings: (dir) => archivingSettings(dir, { backupDir: b.dir, archiveTimeout: b.archiveTimeout }),
  });
  adminUrl = server.adminUrl('postgres');
  stop = server.stop;
}

const filesDir = config.s3 ? undefined : config.filesDir;
const policy = { keepDays: b.keepDays, keepCount: b.keepCount };
const startedAt = new Date().toISOString();
try {
  const started = Date.now();
  const made = await withBackupLock(adminUrl, async () => {
    const backup = await takeBaseBackup({
      adminUrl,
      backupDir: b.dir,
      pgDir,
      clusterState: join(config.dataDir, 'cluster.json'),
      filesDir,
      fieldKey:
        config.fieldKey || existsSync(join(config.dataDir, 'field.key'))
          ? loadFieldKey(config.fieldKey, config.dataDir)
          : undefined,
    });
    const pruned = await pruneLocal({ backupDir: b.dir, filesDir, policy });
    return { backup, pruned };
  });
  if (!made) throw new Error('another backup is running');
  const { backup, pruned } = made;
  // The history the 系统运行 page shows, beside the backups.
  await recordBackupEvent(b.dir, {
    kind: 'backup',
    ok: true,
    trigger: 'console',
    startedAt,
    finishedAt: new Date().toISOString(),
    backupId: backup.id,
    bytes: backup.archive.bytes,
  });
  console.log(
    `base backup ${backup.id}: ${mib(backup.archive.bytes)} in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
      `restorable from ${backup.stopTime}; in ${join(b.dir, backup.systemId, 'base', backup.id)}`,
  );
  console.log(
    `pruned ${pruned.backups.length} base backups, ${pruned.wal.length} WAL files, ${pruned.files.length} files`,
  );
  if (b.s3) {
    const live = filesDir ? new Set((await listFileStore(filesDir)).keys()) : null;
    const shipped = await shipToOffsite({ backupDir: b.dir, offsite: new Offsite(b.s3), policy, live });
    console.log(`off-site bucket ${b.s3.bucket}: ${shipped.uploaded} uploaded, ${shipped.removed} removed`);
  }
} catch (err) {
  await recordBackupEvent(b.dir, {
    kind: 'backup',
    ok: false,
    trigger: 'console',
    startedAt,
    finishedAt: new Date().toISOString(),
    error: errorLine(err),
  }).catch(() => undefined);
  throw err;
} finally {
  await stop();
}
