import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Database } from './client.ts';
import type { JobDefinition } from './jobs.ts';

/** The schema of the queue's tables (pg-boss's own, beside the application's `public`). */
export const QUEUE_SCHEMA = 'pgboss';

/** pg-boss's internal queue through which cron ticks are turned into jobs. */
const CRON_QUEUE = '__pgboss__send-it';

/**
 * At most one attempt of a job waits and one runs, across every process: a cron tick or a "run
 * now" while one is already waiting adds nothing, and two processes never run the same job at once.
 */
const POLICY: PgBoss.QueuePolicy = 'stately';

/** The queue options pg-boss stores per queue (applied to every job sent to it). */
export const queueOptions = (def: JobDefinition): PgBoss.Queue => ({
  name: def.name,
  policy: POLICY,
  retryLimit: def.retryLimit,
  retryDelay: def.retryDelaySeconds,
  retryBackoff: def.retryBackoff,
  expireInSeconds: def.expireInSeconds,
});

/**
 * Creates or upgrades the queue's schema and one queue per job, as the owner (least privilege,
 * DESIGN): pg-boss creates a table per queue, which the application's role may not do, so the
 * application starts pg-boss without migrations and only reads and writes these tables. Run by
 * `prepareDatabase` after the migrations, every start: new jobs get their queue, changed retry
 * policies are applied, and a newer pg-boss migrates its schema here.
 */
export async function installJobQueue(owner: Database, appRole: string, jobs: readonly JobDefinition[]) {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => owner.pool.query(text, values) },
    schema: QUEUE_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    await boss.createQueue(CRON_QUEUE);
    for (const def of jobs) {
      const options = queueOptions(def);
      if (await boss.getQueue(def.name)) await boss.updateQueue(def.name, options);
      else await boss.createQueue(def.name, options);
    }
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
  await grantQueue(owner, appRole);
}

/** The application's rights on the queue: its rows, never its structure (no CREATE, no functions). */
async function grantQueue(owner: Database, appRole: string) {
  const role = sql.raw(`"${appRole}"`);
  const schema = sql.raw(QUEUE_SCHEMA);
  await owner.db.execute(sql`revoke all on schema ${schema} from public`);
  await owner.db.execute(sql`grant usage on schema ${schema} to ${role}`);
  await owner.db.execute(
    sql`grant select, insert, update, delete on all tables in schema ${schema} to ${role}`,
  );
  await owner.db.execute(sql`revoke execute on all functions in schema ${schema} from public`);
}
