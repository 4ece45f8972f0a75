import { join } from 'node:path';
import { buildApp, JOBS, ROW_POLICIES } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { closeDueAttempts } from './modules/assessment/marking.service.ts';
import { type BackupControl, createBackupControl } from './platform/backup/control.ts';
import { embeddedBackupSettings } from './platform/backup/schedule.ts';
import { keyBesideDatabase, loadConfig } from './platform/config/config.ts';
import { createFieldCrypto, loadFieldKey } from './platform/crypto/field-crypto.ts';
import { startEmbeddedPostgres } from './platform/db/embedded.ts';
import { startJobQueue } from './platform/db/job-queue.ts';
import { scheduleEvery } from './platform/db/jobs.ts';
import { prepareDatabase } from './platform/db/setup.ts';
import { createStorage } from './platform/storage/index.ts';

/** Stops the embedded PostgreSQL this process started, also when starting fails half-way. */
let stopEmbedded: (() => Promise<void>) | undefined;

/** config → database → migrations → seed → listen. */
async function main() {
  const config = loadConfig();
  let urls: { ownerUrl: string; appUrl: string; appPassword?: string };
  let backupControl: ((fieldKey: Buffer) => BackupControl) | undefined;
  if (config.databaseUrl) {
    if (!config.appDatabaseUrl) {
      throw new Error(
        'DATABASE_URL (the owner, for migrations) needs HANLIN_APP_DATABASE_URL (the application role): see README, "External PostgreSQL"',
      );
    }
    urls = { ownerUrl: config.databaseUrl, appUrl: config.appDatabaseUrl };
  } else {
    console.log(`[hanlin] starting embedded PostgreSQL 17 in ${join(config.dataDir, 'pg')} …`);
    const pg = await startEmbeddedPostgres({
      dir: config.dataDir,
      database: 'hanlin',
      port: Number(process.env.HANLIN_PG_PORT) || undefined,
      settings: embeddedBackupSettings(config),
    });
    urls = { ownerUrl: pg.url, appUrl: pg.appUrl('hanlin'), appPassword: pg.appPassword };
    stopEmbedded = pg.stop;
    // N4: WAL is archived from the start; base backups, pruning and the off-site copy once serving.
    if (config.backup.enabled) {
      const adminUrl = pg.adminUrl('postgres');
      backupControl = (fieldKey) =>
        createBackupControl({
          config,
          adminUrl,
          fieldKey,
          log: console.log,
          dataDir: config.dataDir,
          pgDir: join(config.dataDir, 'pg'),
        });
    }
  }
  // Migrations, grants and the seed run as the owner; the application as its own role.
  const {
    owner,
    app: database,
    warnings,
  } = await prepareDatabase({
    ...urls,
    policies: ROW_POLICIES,
    jobs: JOBS,
  });
  for (const w of warnings) console.warn(`[hanlin] WARNING: ${w}.`);
  const fieldKey = loadFieldKey(config.fieldKey, config.dataDir);
  if (!config.demo && keyBesideDatabase(config)) {
    console.warn(
      `[hanlin] WARNING: the field-encryption key is kept in ${config.dataDir}, beside the database it protects. ` +
        'Set HANLIN_FIELD_KEY or HANLIN_FIELD_KEY_FILE (outside the data directory) for a real deployment.',
    );
  }
  const crypto = createFieldCrypto(fieldKey);
  const backups = backupControl?.(fieldKey);
  const deps = { config, database, crypto, storage: createStorage(config), backups };
  const banner = await bootstrap({ ...deps, database: owner });
  await owner.close();
  // Nightly and hourly work (retention, calibration …) runs from the database's own queue: every
  // instance works it, a schedule enqueues each job once, a failed attempt is retried (app.ts, JOBS).
  const jobs = await startJobQueue(database, JOBS, { log: console.log });
  const app = await buildApp({ ...deps, jobs });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[hanlin] ${signal}: stopping …`);
    await app.close().catch(() => {});
    await database.close().catch(() => {});
    if (stopEmbedded) await stopEmbedded().catch(() => {});
    console.log('[hanlin] stopped cleanly.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  // Fastify logs one JSON line per address it listens on; the banner below says where, once.
  const level = app.log.level;
  app.log.level = 'warn';
  try {
    await app.listen({ port: config.port, host: config.host });
  } finally {
    app.log.level = level;
  }
  // A4: attempts past their deadline are graded and closed by the server, whatever the browser
  // does; looked at every 10 seconds (finer than the queue's cron, which counts in minutes), and a
  // run is recorded only when there is work. The backups' rounds stay beside the embedded cluster
  // they copy (platform/backup), one process per data directory.
  const stopDeadlines = scheduleEvery(
    'attempt deadlines',
    async () => {
      const res = await closeDueAttempts(deps);
      if (res.expired) console.log(`[hanlin] attempt deadlines: ${res.expired} attempts closed and graded`);
    },
    console.log,
    10_000,
    5_000,
  );
  process.once('beforeExit', stopDeadlines);
  const stopBackups = backups?.schedule();
  if (stopBackups) process.once('beforeExit', stopBackups);
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`\n[hanlin] 翰林智慧教育平台 is running at http://${shown}:${config.port}`);
  console.log(`[hanlin] API docs: http://${shown}:${config.port}/api/docs`);
  if (banner) console.log(banner);
}

main().catch(async (err) => {
  console.error('[hanlin] failed to start:', err);
  if (stopEmbedded) await stopEmbedded().catch(() => {});
  process.exit(1);
});
