/**
 * Restores the embedded PostgreSQL and the file store of HANLIN_DATA_DIR to a moment:
 *
 *   npm run restore -- --to "2026-12-04 15:30:00+08:00" [--dry-run] [--yes] [--from-offsite]
 *   npm run restore -- --to latest                       (everything archived)
 *
 * A time without a zone is this machine's local time. Prints what it will do first; --dry-run stops
 * there. Refuses while the server of that data directory runs. The current database and file store
 * are moved aside (`…before-restore-<time>`), never deleted. With --from-offsite (or when the
 * backup directory has nothing early enough and a bucket is configured) the base backup, WAL and
 * files are first fetched from the off-site bucket. For an external DATABASE_URL see the README.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { listBaseBackups } from '../apps/server/src/platform/backup/base-backup.ts';
import { errorLine, recordBackupEvent } from '../apps/server/src/platform/backup/history.ts';
import { fetchFromOffsite, Offsite } from '../apps/server/src/platform/backup/offsite.ts';
import { describePlan, executeRestore, planRestore } from '../apps/server/src/platform/backup/restore.ts';
import { TICK_MS } from '../apps/server/src/platform/backup/schedule.ts';
import { loadConfig } from '../apps/server/src/platform/config/config.ts';
import { loadFieldKey } from '../apps/server/src/platform/crypto/field-crypto.ts';

const { values } = parseArgs({
  options: {
    to: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    yes: { type: 'boolean', default: false },
    'from-offsite': { type: 'boolean', default: false },
  },
});

const config = loadConfig();
const b = config.backup;
if (config.databaseUrl) {
  console.error(
    'DATABASE_URL is set: this command restores the embedded server only. For an external server, restore its\n' +
      "base backup with the operator's tools and set restore_command and recovery_target_time (README).",
  );
  process.exit(1);
}
if (!values.to) {
  console.error('usage: npm run restore -- --to "<time>" | latest [--dry-run] [--yes] [--from-offsite]');
  process.exit(1);
}
const target = values.to === 'latest' ? 'latest' : new Date(values.to);
if (target !== 'latest' && Number.isNaN(target.getTime())) {
  console.error(`not a time: ${values.to}`);
  process.exit(1);
}
if (target !== 'latest' && target.getTime() > Date.now()) {
  console.error(`${target.toISOString()} is in the future`);
  process.exit(1);
}

const offsite = b.s3 ? new Offsite(b.s3) : undefined;
const local = (await listBaseBackups(b.dir)).filter(
  (x) => target === 'latest' || Date.parse(x.stopTime) <= target.getTime(),
);
if (values['from-offsite'] || (local.length === 0 && offsite)) {
  if (!offsite) {
    console.error('no off-site bucket is configured (HANLIN_BACKUP_S3_BUCKET)');
    process.exit(1);
  }
  if (values['dry-run']) {
    const remote = await offsite.backups(await offsite.list());
    const pick = remote
      .filter((x) => target === 'latest' || Date.parse(x.stopTime) <= target.getTime())
      .at(-1);
    console.log(
      pick
        ? `would fetch base backup ${pick.id} and its WAL from ${b.s3!.bucket}`
        : 'no usable backup off-site',
    );
    process.exit(0);
  }
  const fetched = await fetchFromOffsite({ backupDir: b.dir, offsite, target, log: console.log });
  if (!fetched) {
    console.error(`the off-site bucket holds no base backup finished before ${values.to}`);
    process.exit(1);
  }
}

const fieldKeyAtHand =
  config.fieldKey || existsSync(join(config.dataDir, 'field.key'))
    ? loadFieldKey(config.fieldKey, config.dataDir)
    : undefined;
const plan = await planRestore({
  dataDir: config.dataDir,
  backupDir: b.dir,
  target,
  filesDir: config.s3 ? undefined : config.filesDir,
  fieldKey: fieldKeyAtHand,
  fileSlackMs: 2 * TICK_MS,
  archiveTimeout: b.archiveTimeout,
}).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
console.log(describePlan(plan).join('\n'));
if (plan.running) process.exit(1);
if (values['dry-run']) process.exit(0);
if (!values.yes) {
  if (!process.stdin.isTTY) {
    console.error('not a terminal: add --yes to go ahead');
    process.exit(1);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Go ahead? [y/N] ');
  rl.close();
  if (!/^y(es)?$/i.test(answer.trim())) process.exit(1);
}

const started = Date.now();
// Kept beside the backups, not in the database this restore rewinds: the 系统运行 page lists it.
const restoreEvent = {
  kind: 'restore' as const,
  trigger: 'console' as const,
  startedAt: new Date(started).toISOString(),
  backupId: plan.backup.id,
  target: target === 'latest' ? 'latest' : target.toISOString(),
};
try {
  const result = await executeRestore(plan, { log: (l) => console.log(l) });
  await recordBackupEvent(b.dir, {
    ...restoreEvent,
    ok: true,
    finishedAt: new Date().toISOString(),
    replayedUntil: result.replayedUntil?.toISOString() ?? null,
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `restored in ${seconds} s: last transaction replayed ${result.replayedUntil?.toISOString() ?? '(none after the backup)'}, ` +
      `now on timeline ${result.timeline}. Start Hanlin with npm start.`,
  );
} catch (err) {
  await recordBackupEvent(b.dir, {
    ...restoreEvent,
    ok: false,
    finishedAt: new Date().toISOString(),
    error: errorLine(err),
  }).catch(() => undefined);
  console.error((err as Error).message);
  console.error(
    `nothing was restored: the data directory is as it was; the attempt is kept as …failed-restore-${plan.stamp}`,
  );
  process.exit(1);
}
