/**
 * `npm run bench:api` — not a test. Seeds a 200,000-student city (once, kept in .hanlin-bench/),
 * starts the real app on loopback and measures, with autocannon at 64 connections:
 *   baseline  GET /api/bench/baseline   (`select 1` through the same pool, no auth)
 *   roster    GET /api/classes/:id/roster  as a teacher, full auth + scope + audit path
 *   profile   GET /api/students/:id        as a teacher, full auth + scope + audit path
 * and prints req/s, p50, p99 and the throughput ratio to the baseline measured in the same run.
 * autocannon runs in a worker thread, so the load generator does not share the server's event loop
 * (its parsing of large responses would otherwise be charged to the routes with large responses).
 * Targets (issue #2): ratio ≥ 0.5 and p99 < 50 ms for roster and profile.
 */
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app.ts';
import { bootstrap, DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../apps/server/src/bootstrap.ts';
import { loadConfig } from '../../apps/server/src/platform/config/config.ts';
import { createFieldCrypto, loadFieldKey } from '../../apps/server/src/platform/crypto/field-crypto.ts';
import { connectDatabase, migrateDatabase } from '../../apps/server/src/platform/db/client.ts';
import { startEmbeddedPostgres } from '../../apps/server/src/platform/db/embedded.ts';
import { createStorage } from '../../apps/server/src/platform/storage/index.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const STUDENTS = arg('students', 200_000);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 64);
/** `--inline-client`: autocannon on the server's own event loop (the old, harsher set-up). */
const INLINE = process.argv.includes('--inline-client');

const dir = join(process.cwd(), '.hanlin-bench', `api-${STUDENTS}`);
const pg = await startEmbeddedPostgres({ dir, database: 'hanlin' });
const database = connectDatabase(pg.url, 20);
await migrateDatabase(database.db);
const config = loadConfig({
  ...process.env,
  HANLIN_DATA_DIR: dir,
  HANLIN_DEMO_STUDENTS: String(STUDENTS),
  LOG_LEVEL: 'silent',
});
const deps = {
  config,
  database,
  crypto: createFieldCrypto(loadFieldKey(undefined, dir)),
  storage: createStorage(config),
};
const t0 = Date.now();
await bootstrap(deps, (m) => console.log(m));
console.log(`city ready (${((Date.now() - t0) / 1000).toFixed(1)} s incl. seeding when first run)`);

const app = await buildApp(deps, { logger: false, serveWeb: false });
app.get('/api/bench/baseline', { config: { policy: { allow: 'public' } } }, async () => {
  await database.pool.query('select 1');
  return { ok: true };
});
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;

// Sign in as the demo teacher through the real login route.
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'teacher_demo', password: DEMO_PASSWORD }),
});
if (!login.ok) throw new Error(`login failed: ${await login.text()}`);
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
void DEMO_TOTP_SECRET;
const home = (await (await fetch(`${base}/api/portal/home`, { headers: { cookie } })).json()) as {
  classes: { id: string }[];
};
const classId = home.classes[0]!.id;
const roster = (await (
  await fetch(`${base}/api/classes/${classId}/roster`, { headers: { cookie } })
).json()) as { students: { personId: string }[] };
const studentId = roster.students[0]!.personId;
const counts = await database.db.execute<{ students: number }>(
  sql`select count(*)::int as students from student`,
);
console.log(
  `students in database: ${counts.rows[0]!.students.toLocaleString()}; class of ${roster.students.length}`,
);

async function run(title: string, path: string, headers: Record<string, string> = {}) {
  const opts = {
    url: `${base}${path}`,
    connections: CONNECTIONS,
    headers,
    ...(INLINE ? {} : { workers: 1 }),
  };
  await autocannon({ ...opts, duration: 2 }); // warm-up
  const r = await autocannon({ ...opts, duration: SECONDS });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${title}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return { title, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

// `--only roster` (or profile, baseline) measures one route alone, e.g. under `node --cpu-prof`.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const routes: [string, string, string, Record<string, string>][] = [
  ['baseline', 'baseline select 1', '/api/bench/baseline', {}],
  ['roster', 'GET class roster (teacher)', `/api/classes/${classId}/roster`, { cookie }],
  ['profile', 'GET student profile (teacher)', `/api/students/${studentId}`, { cookie }],
];
const results = [];
for (const [key, title, path, headers] of routes) {
  if (!only || only === key || key === 'baseline') results.push(await run(title, path, headers));
}
const baseline = results[0]!.rps;
console.log(
  `\nautocannon (${INLINE ? 'in the server thread' : 'worker thread'}), ${CONNECTIONS} connections, ${SECONDS} s per route, loopback, ${STUDENTS.toLocaleString()} students`,
);
console.log(
  'route'.padEnd(32),
  'req/s'.padStart(9),
  'p50 ms'.padStart(8),
  'p99 ms'.padStart(8),
  'ratio'.padStart(7),
  ' target',
);
for (const r of results) {
  const ratio = r.rps / baseline;
  const ok = r === results[0] ? '' : ratio >= 0.5 && r.p99 < 50 ? ' ✓' : ' ✗ (≥0.5, p99<50)';
  console.log(
    r.title.padEnd(32),
    r.rps.toFixed(0).padStart(9),
    String(r.p50).padStart(8),
    String(r.p99).padStart(8),
    ratio.toFixed(2).padStart(7),
    ok,
  );
}
await app.close();
await database.close();
await pg.stop();
