/**
 * `npm run bench:usage [-- --students 200000] [--rounds 20] [--emulate 10]` — not a test. Builds (once, kept in
 * .hanlin-bench/usage-<n>) the demo city with <n> students (default the demo's 25,000), its learning
 * spaces and 30 days of space use, then, as the application role under row-level security:
 *
 * 1. the daily job that rebuilds the space-use rollups (one run, timed);
 * 2. GET /api/spaces/usage (空间应用统计) as the city, a district and a school administrator, `--rounds`
 *    times each after a first request, against `select 1` through the same pool in the same run.
 *
 * Prints p50/p95 per page and as a ratio to the baseline, and the city page against the district's.
 * Target (issue #9): the city page under 1 s at the demo's size.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { buildApp } from '../../apps/server/src/app.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../apps/server/src/bootstrap.ts';
import { refreshSpaceUsage } from '../../apps/server/src/modules/spaces/usage.service.ts';
import { runJob } from '../../apps/server/src/platform/db/jobs.ts';
import { numArg, openBenchDb } from './bench-db.ts';
import { loadNote, pct, table } from './stats.ts';

const STUDENTS = numArg('students', 25_000);
const ROUNDS = numArg('rounds', 20);
/**
 * `--emulate k`: after the job, copy the rollups k−1 times under schools that do not exist, so the
 * pages read rollups of a city k times larger (the job's own cost grows with the use days it reads,
 * linearly: measure it at the size itself).
 */
const EMULATE = numArg('emulate', 1);

const t0 = performance.now();
const bench = await openBenchDb({ name: `usage-${STUDENTS}`, demoStudents: STUDENTS, log: console.log });
const { deps, owner } = bench;
console.log(`city ready (${((performance.now() - t0) / 1000).toFixed(1)} s incl. seeding when first run)`);
const size = (
  await owner.db.execute<{ days: number; posts: number; comments: number; likes: number }>(sql`
    select (select count(*)::int from space_use_day) as days, (select count(*)::int from space_post) as posts,
           (select count(*)::int from space_comment) as comments, (select count(*)::int from space_like) as likes`)
).rows[0]!;
console.log(
  `${STUDENTS.toLocaleString('en-US')} students: ${size.days.toLocaleString('en-US')} person-days of use, ` +
    `${size.posts.toLocaleString('en-US')} posts, ${size.comments.toLocaleString('en-US')} comments, ${size.likes.toLocaleString('en-US')} likes`,
);

const j0 = performance.now();
const built = await runJob(deps.database, 'bench-space-usage', (tx) =>
  refreshSpaceUsage(tx, { force: true }),
);
const jobMs = performance.now() - j0;
console.log(
  `rollup job: ${(jobMs / 1000).toFixed(2)} s (${built?.paths} unit paths, ${built?.spaces} spaces, window to ${built?.day})`,
);

if (EMULATE > 1) {
  // The same units under a school of another name (a studio's district-level path stays as it is).
  const other = (path: string) =>
    sql.raw(`case when nlevel(${path}) < 3 then ${path}
                  else subpath(${path}, 0, 2) || text2ltree(subpath(${path}, 2, 1)::text || 'x' || j)
                       || case when nlevel(${path}) > 3 then subpath(${path}, 3) else ''::ltree end end`);
  await owner.db.execute(sql`
    insert into space_use_rollup (day, path, teachers, active_teachers, students, active_students)
    select day, ${other('path')}, teachers, active_teachers, students, active_students
      from space_use_rollup cross join generate_series(2, ${EMULATE}::int) j`);
  await owner.db.execute(sql`
    insert into space_activity_rollup (day, space_id, space_kind, space_path, posts, comments, likes, score, showable)
    select day, gen_random_uuid(), space_kind, ${other('space_path')}, posts, comments, likes, score, showable
      from space_activity_rollup cross join generate_series(2, ${EMULATE}::int) j`);
  await owner.db.execute(sql`analyze space_use_rollup, space_activity_rollup`);
  const n = (
    await owner.db.execute<{ paths: number; spaces: number }>(sql`
    select (select count(*)::int from space_use_rollup) as paths, (select count(*)::int from space_activity_rollup) as spaces`)
  ).rows[0]!;
  console.log(
    `rollups copied to emulate a city ${EMULATE}× larger: ${n.paths} unit paths, ${n.spaces} spaces`,
  );
}

const app: FastifyInstance = await buildApp(deps, { logger: false, serveWeb: false });
app.get('/api/bench/baseline', { config: { policy: { allow: 'public' } } }, async () => {
  await deps.database.pool.query('select 1');
  return { ok: true };
});
await app.ready();

async function signIn(username: string): Promise<Record<string, string>> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const sid = res.cookies.find((c) => c.name === 'hanlin_sid')?.value;
  const { next, csrfToken } = res.json() as { next: string; csrfToken: string };
  const headers = { cookie: `hanlin_sid=${sid}`, 'x-csrf-token': csrfToken };
  if (next === 'totp') {
    // A code is accepted once per account: forget the last one, as the tests do.
    await owner.pool.query('update account set totp_last_step = null where username = $1', [username]);
    const code = await generate({ secret: DEMO_TOTP_SECRET });
    const v = await app.inject({ method: 'POST', url: '/api/auth/totp/verify', headers, payload: { code } });
    if (v.statusCode !== 200) throw new Error(`totp ${username}: ${v.statusCode} ${v.body}`);
  }
  return headers;
}

async function timed(url: string, headers: Record<string, string> = {}) {
  const t = performance.now();
  const res = await app.inject({ method: 'GET', url, headers });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return { ms: performance.now() - t, body: res.json() as { rows: unknown[]; outstanding: unknown[] } };
}

async function measure(url: string, headers?: Record<string, string>) {
  const first = await timed(url, headers);
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) times.push((await timed(url, headers)).ms);
  return { first: first.ms, rows: first.body.rows?.length ?? 0, p50: pct(times, 50), p95: pct(times, 95) };
}

const baseline = await measure('/api/bench/baseline');
const pages = [
  ['city (by district)', 'city_admin'],
  ['district (by school)', 'district_yuexiu'],
  ['school (by class)', 'school_admin'],
] as const;
const results = [];
for (const [title, username] of pages) {
  results.push({ title, ...(await measure('/api/spaces/usage', await signIn(username))) });
}
const ms = (x: number) => x.toFixed(1);
console.log(`\nGET /api/spaces/usage, ${ROUNDS} rounds after a first request (${loadNote()}):`);
table(
  ['page', 'rows', 'first ms', 'p50 ms', 'p95 ms', 'p50 / baseline'],
  [
    ['baseline (select 1)', '', ms(baseline.first), ms(baseline.p50), ms(baseline.p95), '1.0'],
    ...results.map((r) => [
      r.title,
      r.rows,
      ms(r.first),
      ms(r.p50),
      ms(r.p95),
      (r.p50 / baseline.p50).toFixed(1),
    ]),
  ],
);
console.log(`city p50 / district p50: ${(results[0]!.p50 / results[1]!.p50).toFixed(2)}`);
await app.close();
await bench.stop();
