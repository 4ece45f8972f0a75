/**
 * Seeds a demo city at any scale, for benchmarks:
 *
 *   npx tsx tools/demo/cli.ts --students 1000000 [--database-url URL] [--seed N]
 *                             [--dir .hanlin-bench/demo] [--defer-indexes true|false]
 *
 * Without --database-url an embedded PostgreSQL is started in `.hanlin-bench/demo/` (database `hanlin`,
 * recreated empty on every run; `.hanlin-bench/api-*` belongs to `npm run bench:api`), so the server can
 * be pointed at it afterwards with `HANLIN_DATA_DIR=.hanlin-bench/demo`. With --database-url the database
 * must be empty; it is migrated first, and the field key is read from HANLIN_FIELD_KEY or
 * `$HANLIN_DATA_DIR/field.key` as the server does.
 * Prints the timings of each table, the CPU used by Node and by PostgreSQL, and the row counts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../apps/server/src/bootstrap.ts';
import { DEFAULT_SEED, seedDemoCity } from '../../apps/server/src/demo/seed.ts';
import { hashPassword } from '../../apps/server/src/modules/identity/password.ts';
import { seedCodeTables } from '../../apps/server/src/platform/codes/codes.repository.ts';
import { createFieldCrypto, loadFieldKey } from '../../apps/server/src/platform/crypto/field-crypto.ts';
import { connectDatabase, migrateDatabase } from '../../apps/server/src/platform/db/client.ts';
import { startEmbeddedPostgres } from '../../apps/server/src/platform/db/embedded.ts';

const COUNTED = `org_unit academic_year term person account role_assignment student student_sensitive teacher
  teaching_assignment teaching_class_member guardian`.split(/\s+/);

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '25000' },
    'database-url': { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    dir: { type: 'string', default: '.hanlin-bench/demo' },
    'defer-indexes': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

/**
 * CPU seconds used so far by an embedded cluster's processes (live children plus reaped ones), read
 * from /proc; null where that is not available. Tells database time from Node time in the report.
 */
function clusterCpu(dataDir: string): number | null {
  try {
    const postmaster = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const stat = (pid: string | number) =>
      readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const own = stat(postmaster);
    let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    for (const pid of readdirSync('/proc').filter((d) => /^[0-9]+$/.test(d))) {
      try {
        const f = stat(pid);
        if (Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
      } catch {
        // The process ended meanwhile.
      }
    }
    return ticks / 100;
  } catch {
    return null;
  }
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const say = (msg: string) => console.log(`[demo] ${msg}`);

async function main() {
  if (values.help) {
    console.log(
      'usage: tsx tools/demo/cli.ts --students N [--database-url URL] [--seed N] [--dir .hanlin-bench/demo]',
    );
    return;
  }
  const students = Number(values.students);
  const seed = Number(values.seed);
  if (!Number.isInteger(students) || students < 100) throw new Error('--students must be an integer ≥ 100');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const started = performance.now();

  let url = values['database-url'] ?? process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  const dataDir = resolve(url ? (process.env.HANLIN_DATA_DIR ?? '.hanlin') : values.dir);
  if (!url) {
    say(`starting embedded PostgreSQL in ${dataDir} …`);
    const embedded = await startEmbeddedPostgres({ dir: dataDir, database: 'postgres' });
    stop = embedded.stop;
    const admin = new pg.Client({ connectionString: embedded.adminUrl('postgres') });
    await admin.connect();
    await admin.query('drop database if exists hanlin with (force)');
    await admin.query('create database hanlin');
    await admin.end();
    url = embedded.adminUrl('hanlin');
  }
  const database = connectDatabase(url, 2);
  try {
    const t0 = performance.now();
    await migrateDatabase(database.db);
    await database.db.transaction((tx) => seedCodeTables(tx));
    say(`migrated in ${secs(performance.now() - t0)}`);
    const crypto = createFieldCrypto(loadFieldKey(process.env.HANLIN_FIELD_KEY, dataDir));
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const cpu0 = { node: process.cpuUsage(), pg: stop ? clusterCpu(dataDir) : null };
    const summary = await seedDemoCity({
      pool: database.pool,
      crypto,
      students,
      seed,
      passwordHash,
      log: say,
      deferIndexes: values['defer-indexes'] === undefined ? undefined : values['defer-indexes'] === 'true',
    });
    say(`seeded ${students.toLocaleString('en-US')} students in ${secs(summary.ms)} (seed ${seed})`);
    const node = process.cpuUsage(cpu0.node);
    const pgCpu = cpu0.pg === null ? null : (clusterCpu(dataDir) ?? 0) - cpu0.pg;
    say(
      `CPU: Node ${secs((node.user + node.system) / 1000)}` +
        (pgCpu === null ? '' : `, PostgreSQL ${pgCpu.toFixed(1)} s`) +
        `; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );
    const { ms: _ms, ...counted } = summary;
    console.table(counted);
    const counts: Record<string, number> = {};
    for (const table of COUNTED) {
      const r = await database.pool.query<{ n: string }>(`select count(*) as n from ${table}`);
      counts[table] = Number(r.rows[0]!.n);
    }
    console.table(counts);
    say(`total ${secs(performance.now() - started)}; demo password: ${DEMO_PASSWORD}`);
  } finally {
    await database.close();
    if (stop) await stop();
  }
}

main().catch((err) => {
  console.error('[demo] failed:', err);
  process.exit(1);
});
