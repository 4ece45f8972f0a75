import { join } from 'node:path';
import { buildApp, ROW_POLICIES } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { CALIBRATION_HOUR, calibrateBank } from './modules/assessment/bank-calibration.ts';
import { closeDueAttempts } from './modules/assessment/marking.service.ts';
import { purgeExpired } from './modules/privacy/retention.service.ts';
import { flagForRetirement } from './modules/resources/retirement.service.ts';
import { refreshSearchPopularity } from './modules/resources/search.service.ts';
import { DIGEST_HOUR, sendOverdueDigests } from './modules/review/review-digest.service.ts';
import { expireApprovedExports } from './modules/roster-import/export-request.service.ts';
import { refreshSpaceUsage, spaceUsageDue } from './modules/spaces/usage.service.ts';
import { type BackupControl, createBackupControl } from './platform/backup/control.ts';
import { embeddedBackupSettings } from './platform/backup/schedule.ts';
import { keyBesideDatabase, loadConfig } from './platform/config/config.ts';
import { createFieldCrypto, loadFieldKey } from './platform/crypto/field-crypto.ts';
import { startEmbeddedPostgres } from './platform/db/embedded.ts';
import { runJob, scheduleDailyAt, scheduleEvery } from './platform/db/jobs.ts';
import { systemScope, withScope } from './platform/db/scoped.ts';
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
  const { owner, app: database } = await prepareDatabase({ ...urls, policies: ROW_POLICIES });
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
  const app = await buildApp(deps);

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
  // R4: flag low-rated and unused resources for the administrators, daily; R5: the popularity
  // levels that rank large search result sets follow the day's use and ratings.
  const stopRetirement = scheduleEvery(
    'retirement check',
    async () => {
      const res = await runJob(database, 'retirement-check', (tx) => flagForRetirement(tx));
      if (res?.flagged) console.log(`[hanlin] retirement check: ${res.flagged} resources flagged for review`);
      await runJob(database, 'search-popularity', (tx) => refreshSearchPopularity(tx));
    },
    console.log,
  );
  process.once('beforeExit', stopRetirement);
  // P5: personal data past its retention period goes, daily.
  const stopRetention = scheduleEvery(
    'retention job',
    async () => {
      const removed = await runJob(database, 'retention', async (tx) => {
        const rows = await purgeExpired(tx);
        const files = await expireApprovedExports(tx);
        return rows && files > 0 ? [...rows, { table: 'export_request (files)', rows: files }] : rows;
      });
      if (removed?.length)
        console.log(`[hanlin] retention: ${removed.map((r) => `${r.table} ${r.rows}`).join(', ')}`);
    },
    console.log,
  );
  process.once('beforeExit', stopRetention);
  // R3: each reviewer hears once a day, before work, of the items overdue at their steps.
  const stopDigest = scheduleDailyAt(
    'review digest',
    DIGEST_HOUR,
    async () => {
      const res = await runJob(database, 'review-digest', (tx) => sendOverdueDigests(tx));
      if (res?.sent) console.log(`[hanlin] review digest: ${res.sent} reviewers told of overdue items`);
    },
    console.log,
  );
  process.once('beforeExit', stopDigest);
  // S3: the space-use dashboard's rollup of the 30 days to yesterday, rebuilt once after midnight;
  // looked at hourly, and a run is recorded only when there is work.
  const stopUsage = scheduleEvery(
    'space usage rollup',
    async () => {
      if (!(await withScope(database, systemScope('space-usage-check'), spaceUsageDue))) return;
      const res = await runJob(database, 'space-usage-rollup', (tx) => refreshSpaceUsage(tx));
      if (res) console.log(`[hanlin] space usage: rollup of the 30 days to ${res.day} rebuilt`);
    },
    console.log,
    3_600_000,
  );
  process.once('beforeExit', stopUsage);
  // A7: the item bank is calibrated from the day's graded answers, nightly (parameters for the
  // papers assembled tomorrow).
  const stopCalibration = scheduleDailyAt(
    'bank calibration',
    CALIBRATION_HOUR,
    async () => {
      const res = await runJob(database, 'bank-calibration', (tx) => calibrateBank(tx));
      if (res.calibrated) console.log(`[hanlin] bank calibration: ${res.calibrated} items calibrated`);
    },
    console.log,
  );
  process.once('beforeExit', stopCalibration);
  // A4: attempts past their deadline are graded and closed by the server, whatever the browser
  // does; looked at every 10 seconds, and a run is recorded only when there is work.
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
