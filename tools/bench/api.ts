/**
 * `npm run bench:api [-- --students 200000] [--users 2000] [--visits 2] [--connections 64]
 * [--without-rls]` — not a test. Seeds a city (once, kept in .hanlin-bench/api-<students>), runs
 * the real app in a process of its own (api-server.ts, as the least-privilege application role;
 * with `--without-rls` as the owner, to measure what row-level security costs) and measures from
 * this one:
 *
 * 1. The hot path, with autocannon at 64 connections, as before: GET /api/bench/baseline (`select 1`
 *    through the same pool, no auth), one class's roster and one student's record as one teacher:
 *    after the first request every request is answered from the caches. Target (issue #2): ratio to
 *    the baseline ≥ 0.5 and p99 < 50 ms.
 * 2. The mixed workload: `--users` distinct teachers, students and parents from all over the city
 *    sign in (timed on their own: argon2id is slow on purpose), then a fresh server process, its
 *    caches empty, serves their visits — each user `--visits` times, in a shuffled order, reading
 *    their home page, their classes' rosters and the records of students in them, their own record
 *    or their children's — from `--connections` clients. The baseline is measured with the same
 *    client right before and after. Prints the ratio to the baseline, p50/p95/p99 and each in-memory
 *    cache's hit rate. Target (issue #8): ratio ≥ 0.4 and p99 < 100 ms. Then the floor (one person's
 *    row in a scoped transaction, api-server.ts) and the ceiling it puts on the workload's ratio.
 */
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD } from '../../apps/server/src/bootstrap.ts';
import { request, type Server, signInAll, startServer } from './api-load.ts';
import { type MixedReport, mixedWorkload, printMixed } from './api-mixed.ts';
import { numArg, openBenchDb, textArg } from './bench-db.ts';
import { loadNote, table } from './stats.ts';

const STUDENTS = numArg('students', 200_000);
const SECONDS = numArg('seconds', 10);
const CONNECTIONS = numArg('connections', 64);
const USERS = numArg('users', 2000);
const VISITS = numArg('visits', 2);
/** `--only roster|profile|mixed` measures one part (the baseline always). */
const ONLY = textArg('only');

const t0 = Date.now();
/** `--statements`: also list the SQL statements of the mixed workload (pg_stat_statements). */
const STATEMENTS = process.argv.includes('--statements');
/**
 * `--without-rls`: the server connects as the owner, whom row-level security does not bind, to
 * measure what the policies cost. Its figures are not the targets' (§3 asks for RLS on).
 */
const WITHOUT_RLS = process.argv.includes('--without-rls');
const bench = await openBenchDb({
  appAsOwner: WITHOUT_RLS,
  name: `api-${STUDENTS}`,
  demoStudents: STUDENTS,
  log: (m) => console.log(m),
  statements: STATEMENTS,
});
console.log(`city ready (${((Date.now() - t0) / 1000).toFixed(1)} s incl. seeding when first run)`);
const env = { dataDir: bench.dir, appUrl: bench.appUrl };

// Who takes part in the mixed workload: people with one kind of role only, drawn evenly over the city.
const draw = (roles: string, n: number) =>
  bench.owner.db.execute<{ username: string }>(sql`
    select a.username from account a join role_assignment ra on ra.person_id = a.person_id and ra.active
     group by a.id, a.username having bool_and(ra.role = any(string_to_array(${roles}, ',')))
     order by md5(a.username || 'bench') limit ${n}`);
const people = [
  ...(await draw('teacher,head_teacher', Math.round(USERS * 0.35))).rows,
  ...(await draw('student', Math.round(USERS * 0.35))).rows,
  ...(await draw('parent', USERS - 2 * Math.round(USERS * 0.35))).rows,
].map((r) => r.username);

// 1. The hot path, and the sign-ins, on a first server process.
const first = await startServer(env);
const hot = await hotPath(first);
const signIns = ONLY && ONLY !== 'mixed' ? undefined : await signInAll(first.base, people, 8);
await first.stop();

// 2. The mixed workload on a fresh server process: every cache starts empty.
let mixed: MixedReport | undefined;
if (signIns) {
  const fresh = await startServer(env);
  const floorIds = (
    await bench.owner.db.execute<{ id: string }>(
      sql`select person_id as id from student order by md5(person_id::text) limit 5000`,
    )
  ).rows.map((r) => r.id);
  const opts = {
    visits: VISITS,
    connections: CONNECTIONS,
    seconds: SECONDS,
    statements: STATEMENTS,
    floorIds,
  };
  mixed = await mixedWorkload(fresh, signIns.users, bench, opts);
  await fresh.stop();
}
await bench.stop();

console.log(
  `\n${STUDENTS.toLocaleString()} students; server in its own process ${WITHOUT_RLS ? 'as the owner: ROW-LEVEL SECURITY OFF (--without-rls), not a figure for the targets' : 'as the application role'}; loopback; ${loadNote()}`,
);
if (hot) {
  console.log(`\nhot path: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per route, one teacher`);
  table(
    ['route', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'target'],
    hot.map((r, i) => [
      r.title,
      r.rps.toFixed(0),
      r.p50,
      r.p99,
      (r.rps / hot[0]!.rps).toFixed(2),
      i === 0 ? '' : r.rps / hot[0]!.rps >= 0.5 && r.p99 < 50 ? '✓' : '✗ (≥0.5, p99<50)',
    ]),
  );
}
if (signIns && mixed) {
  console.log(
    `\nsign-in of ${people.length.toLocaleString()} users (8 at a time, each from an address of their own): ${signIns.perSecond.toFixed(0)}/s, p50 ${signIns.p50.toFixed(0)} ms, p99 ${signIns.p99.toFixed(0)} ms`,
  );
  printMixed(mixed, { users: people.length, connections: CONNECTIONS });
}

/** The hot path: one teacher, one class, one student; autocannon from this process. */
async function hotPath(server: Server) {
  if (ONLY === 'mixed') return undefined;
  const login = await request(server.base, 'POST', '/api/auth/login', undefined, {
    username: 'teacher_demo',
    password: DEMO_PASSWORD,
  });
  const cookie = login.cookie!;
  const home = JSON.parse((await request(server.base, 'GET', '/api/portal/home', cookie)).body) as {
    classes: { id: string }[];
  };
  const classId = home.classes[0]!.id;
  const roster = JSON.parse(
    (await request(server.base, 'GET', `/api/classes/${classId}/roster`, cookie)).body,
  ) as {
    students: { personId: string }[];
  };
  const routes: [string, string, string, Record<string, string>][] = [
    ['baseline', 'baseline select 1', '/api/bench/baseline', {}],
    ['roster', 'GET class roster (teacher)', `/api/classes/${classId}/roster`, { cookie }],
    ['profile', 'GET student profile (teacher)', `/api/students/${roster.students[0]!.personId}`, { cookie }],
  ];
  const results = [];
  for (const [key, title, path, headers] of routes) {
    if (ONLY && ONLY !== key && key !== 'baseline') continue;
    const opts = { url: `${server.base}${path}`, connections: CONNECTIONS, headers };
    await autocannon({ ...opts, duration: 2 }); // warm-up
    const r = await autocannon({ ...opts, duration: SECONDS });
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${title}: ${r.non2xx} non-2xx, ${r.errors} errors`);
    results.push({ title, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 });
  }
  return results;
}
