/**
 * `npm run bench:walk [-- --students 200000] [--over 300]` — not a test. Every demo login of the
 * README reads, on the benchmark city (.hanlin-bench/api-<students>, as bench:api), each GET route
 * of the API that needs no id, then the pages behind its home: its classes' rosters and heatmaps,
 * some of their students' records, homework, notebooks and reports, its children's or its own,
 * its assignments with their progress, item analysis and marking, on a fresh server process (its
 * caches empty), as the first users of the day would. Prints the slowest reads and every read
 * over `--over` ms; a 5xx fails the run. What the journeys' small city cannot show: a query that
 * reads the whole city where it should read a school (a city administrator's assignment list took
 * 18 s before it was found here).
 */
import { generate } from 'otplib';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../apps/server/src/bootstrap.ts';
import { DEMO_ACCOUNTS } from '../../apps/server/src/demo/seed.ts';
import { request, startServer } from './api-load.ts';
import { numArg, openBenchDb } from './bench-db.ts';
import { table } from './stats.ts';

const STUDENTS = numArg('students', 200_000);
const OVER = numArg('over', 300);
const USERS = DEMO_ACCOUNTS.map((a) => a.username);

const bench = await openBenchDb({ name: `api-${STUDENTS}`, demoStudents: STUDENTS });
// The demo administrators sign in with a TOTP code; a code may serve once (replay protection).
await bench.owner.pool.query('update account set totp_last_step = null where username = any($1)', [USERS]);
const server = await startServer({ dataDir: bench.dir, appUrl: bench.appUrl });
const reads: { ms: number; status: number; user: string; path: string }[] = [];
try {
  const doc = JSON.parse((await request(server.base, 'GET', '/api/docs/json')).body) as {
    paths: Record<string, { get?: unknown }>;
  };
  // Lists and pages without an id; files, exports and printing are not pages.
  const plain = Object.entries(doc.paths)
    .filter(([p, ops]) => ops.get && !p.includes('{') && !/export|xlsx|docx|pdf|print|\/docs|\/bench/.test(p))
    .map(([p]) => p);
  for (const user of USERS) await walk(user, plain);
} finally {
  await server.stop();
  await bench.stop();
}

const slow = reads.filter((r) => r.ms > OVER);
console.log(
  `\n${reads.length} reads by ${USERS.length} demo logins on the ${STUDENTS.toLocaleString()}-student city, on a fresh server; the slowest:`,
);
table(
  ['ms', 'status', 'user', 'path'],
  [...reads]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 15)
    .map((r) => [r.ms.toFixed(0), r.status, r.user, r.path]),
);
console.log(`${slow.length} reads over ${OVER} ms`);
const failed = reads.filter((r) => r.status >= 500);
if (failed.length > 0) {
  for (const r of failed) console.error(`${r.status} ${r.user} ${r.path}`);
  process.exit(1);
}

/** Signs `user` in and reads `plain`, then the pages its answers lead to. */
async function walk(user: string, plain: string[]) {
  const login = await request(server.base, 'POST', '/api/auth/login', undefined, {
    username: user,
    password: DEMO_PASSWORD,
  });
  const cookie = login.cookie;
  if (login.status !== 200 || !cookie) throw new Error(`${user} cannot sign in: ${login.body}`);
  const { csrfToken, next } = JSON.parse(login.body) as { csrfToken: string; next: string };
  if (next === 'totp') {
    const code = await generate({ secret: DEMO_TOTP_SECRET });
    const verified = await request(
      server.base,
      'POST',
      '/api/auth/totp/verify',
      cookie,
      { code },
      undefined,
      {
        'x-csrf-token': csrfToken,
      },
    );
    // Unverified, every read would be a quick refusal, counted as a fast page.
    if (verified.status !== 200) throw new Error(`${user}'s TOTP code was refused: ${verified.body}`);
  }
  // biome-ignore lint/suspicious/noExplicitAny: the answers are read only for the ids they lead to.
  const get = async (path: string): Promise<any> => {
    const r = await request(server.base, 'GET', path, cookie);
    reads.push({ ms: r.ms, status: r.status, user, path });
    return r.status === 200 ? JSON.parse(r.body) : null;
  };
  // The answers of the plain reads lead on (home, assignments, org roots): each page is read once.
  const answers = new Map<string, unknown>();
  for (const p of plain) answers.set(p, await get(p));
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  const answer = (p: string): any => answers.get(p);
  const home = answer('/api/portal/home');
  const students: string[] = [];
  for (const c of (home?.classes ?? []).slice(0, 2)) {
    const roster = await get(`/api/classes/${c.id}/roster`);
    students.push(...(roster?.students ?? []).slice(0, 2).map((s: { personId: string }) => s.personId));
    await get(`/api/classes/${c.id}/mastery`);
    await get(`/api/diagnosis/practice/classes/${c.id}`);
  }
  if (home?.me?.personId) students.push(home.me.personId);
  for (const child of home?.children ?? []) students.push(child.personId);
  for (const s of students.slice(0, 4)) {
    for (const p of ['', '/homework', '/mastery-report']) await get(`/api/students/${s}${p}`);
    for (const p of ['', '/summary']) await get(`/api/notebook/students/${s}${p}`);
    await get(`/api/diagnosis/practice/students/${s}`);
  }
  for (const a of (answer('/api/assignments')?.items ?? []).slice(0, 3)) {
    for (const p of ['', '/item-analysis']) await get(`/api/assignments/${a.id}${p}`);
    await get(`/api/marking/assignments/${a.id}`);
  }
  for (const u of (answer('/api/org/roots')?.items ?? []).slice(0, 1))
    await get(`/api/org/units/${u.id}/children`);
}
