/**
 * `npm run bench:exam [-- --students 10000] [--burst 2000] [--crowd 3000]` — not a test. Homework and
 * exams online (A4) under load: a demo city kept in .hanlin-bench/exam-<students>, the real app in a
 * process of its own as the application role (api-server.ts, with its `select 1` baseline route),
 * and simulated students (real sessions, exam-load.ts) over loopback:
 *
 * 1. Baseline: `select 1` through the same pool, and the most saves/s the server takes (64 students
 *    saving as fast as they are answered).
 * 2. Burst: `--burst` students answer 40 items each within 60 s (2% of saves sent twice). saves/s and
 *    p99 save latency (target < 100 ms); no acknowledged answer lost and none duplicated, read back
 *    from the database.
 * 3. Crash: half of them answer another paper; the server is killed with SIGKILL once a third of the
 *    answers are in, and started again; clients retry with the same keys; every acknowledged answer
 *    must be there.
 * 4. Crowd: `--crowd` students start within 10 s, then autosave for a minute: zero errors, p99 < 200 ms.
 *
 * The students sign in first and open their homework list (the page with 开始), as before an exam.
 *
 * `--only capacity,crowd` runs some of the parts (the baseline always), for working on one of them.
 */
import { sql } from 'drizzle-orm';
import { insertFinalPaper } from '../../apps/server/src/modules/assessment/attempts.fixtures.ts';
import type { ItemContent } from '../../apps/server/src/modules/assessment/item-model.ts';
import { newId } from '../../apps/server/src/platform/db/types.ts';
import { closedLoop, request, type Server, signInAll, startServer } from './api-load.ts';
import { numArg, openBenchDb, textArg } from './bench-db.ts';
import { type Ack, type Plan, type Run, runStudents, type Target } from './exam-load.ts';
import { cpuOfTree, loadNote, pct, postmasterOf, seeded, table } from './stats.ts';

const STUDENTS = numArg('students', 10_000);
const BURST = numArg('burst', 2000);
const CROWD = numArg('crowd', 3000);
const ITEMS = 40;
const ONLY = textArg('only')?.split(',');
const runs = (part: 'capacity' | 'burst' | 'crash' | 'crowd') => !ONLY || ONLY.includes(part);

const t0 = Date.now();
const bench = await openBenchDb({
  name: `exam-${STUDENTS}`,
  demoStudents: STUDENTS,
  log: (m) => console.log(m),
});
const db = bench.owner.db;
console.log(`city ready (${((Date.now() - t0) / 1000).toFixed(1)} s incl. seeding when first run)`);

// A 40-item paper: 30 single choice, 10 fill-ins of two blanks.
const items: { content: ItemContent; score: number }[] = Array.from({ length: ITEMS }, (_, i) =>
  i < 30
    ? {
        content: {
          type: 'single_choice',
          stem: `<p>第 ${i + 1} 题：下列说法正确的是（　）</p>`,
          options: ['A', 'B', 'C', 'D'].map((id) => ({ id, body: `<p>说法 ${id}</p>` })),
          correct: 'ABCD'[i % 4]!,
        },
        score: 2,
      }
    : {
        content: {
          type: 'fill_in',
          stem: `<p>${i} + ${i} = <span data-blank="b1"></span>，${i} 的一半是 <span data-blank="b2"></span></p>`,
          blanks: [
            { id: 'b1', accepted: [String(2 * i)], kind: 'number', caseSensitive: false },
            { id: 'b2', accepted: [String(i / 2)], kind: 'number', caseSensitive: false },
          ],
        },
        score: 4,
      },
);
const { paperId } = await insertFinalPaper(bench.owner, { ownerUsername: 'teacher_demo', items });

// The classes of the first CROWD students (by class path), and those students.
const classes = (
  await db.execute<{ id: string; path: string; n: number }>(sql`
    select c.id, c.path::text as path, count(*)::int as n from org_unit c join student s on s.class_id = c.id
     where c.kind = 'class' and s.status = 'enrolled' group by c.id order by c.path`)
).rows;
const chosen: typeof classes = [];
for (let covered = 0; covered < CROWD && chosen.length < classes.length; ) {
  const c = classes[chosen.length]!;
  chosen.push(c);
  covered += c.n;
}
const usernames = (
  await db.execute<{ username: string }>(sql`
    select a.username from account a join student s on s.person_id = a.person_id
     where s.class_id = any(${sql.param(chosen.map((c) => c.id))}::uuid[]) and s.status = 'enrolled'
     order by s.path, s.student_no limit ${CROWD}`)
).rows.map((r) => r.username);
if (usernames.length < CROWD) throw new Error(`only ${usernames.length} students; use --students`);

/** A new assignment of the paper to the chosen classes, open now for two hours. */
async function assignment(title: string): Promise<string> {
  const id = newId();
  await db.execute(sql`insert into assignment (id, paper_id, title, kind, opens_at, closes_at, created_by, path)
    select ${id}, p.id, ${title}, 'exam', now() - interval '1 minute', now() + interval '2 hours', p.owner_id, p.path
      from paper p where p.id = ${paperId}`);
  await db.execute(sql`insert into assignment_class (assignment_id, class_id, path)
    select ${id}, c.id, c.path from org_unit c where c.id = any(${sql.param(chosen.map((c) => c.id))}::uuid[])`);
  return id;
}

const random = seeded(20261205);
const answer = (i: number, n: number) => {
  const number = ((n + i) % ITEMS) + 1;
  return number <= 30
    ? { number, value: { choice: 'ABCD'[(i * 7 + n) % 4] } }
    : { number, value: { blanks: { b1: String(2 * number), b2: String((i + n) % 50) } } };
};

let server: Server = await startServer({ dataDir: bench.dir, appUrl: bench.appUrl });
const target: Target = { base: server.base };

const signStart = Date.now();
const signed = await signInAll(server.base, usernames, 8);
console.log(
  `${usernames.length} students signed in (${((Date.now() - signStart) / 1000).toFixed(0)} s, ${signed.perSecond.toFixed(0)}/s)`,
);
const users = signed.users;
// Then, as a student does, each opens their homework list, the page with 开始 on it.
const opened = Date.now();
for (let next = 0; next < users.length; ) {
  await Promise.all(
    users.slice(next, next + 8).map(async (u) => {
      const r = await request(server.base, 'GET', '/api/homework', u.cookie, undefined, u.ip);
      if (r.status !== 200) throw new Error(`homework list: ${r.status} ${r.body.slice(0, 120)}`);
    }),
  );
  next += 8;
}
console.log(`… and opened their homework lists (${((Date.now() - opened) / 1000).toFixed(0)} s)`);

// 1. Baseline: `select 1`, and saves as fast as 64 students are answered, with the CPU each costs.
const baseline = await closedLoop(server.base, 64, 5, () => ({
  run: async (get) => void (await get('baseline', '/api/bench/baseline')),
}));
const saturate: Plan = {
  startAt: () => 0,
  saveAt: () => 0,
  saves: ITEMS,
  answer,
  duplicateEvery: 0,
};
const cluster = postmasterOf(bench.dir);
const cpuNow = () => ({ server: cpuOfTree(server.pid), db: cpuOfTree(cluster), client: process.cpuUsage() });
let capacity: Run | undefined;
let capacityCpu: { server: number; db: number; client: number; transactions: number } | undefined;
if (runs('capacity')) {
  const id = await assignment('容量');
  // The starts first, so that the CPU counted below is that of the saves alone.
  const warm = await runStudents(target, users.slice(0, 64), id, { ...saturate, saves: 0 });
  const before = { ...cpuNow(), transactions: await transactions() };
  capacity = await runStudents(target, users.slice(0, 64), id, saturate, { ...warm, saves: [] });
  const after = { ...cpuNow(), transactions: await transactions() };
  const per = (s: number) => s / capacity!.saves.length;
  capacityCpu = {
    server: per(1000 * (after.server - before.server)),
    db: per(1000 * (after.db - before.db)),
    client: per((after.client.user + after.client.system - before.client.user - before.client.system) / 1e3),
    transactions: per(after.transactions - before.transactions),
  };
}

// 2. Burst: BURST students, 40 answers each within 60 s.
const burstPlan: Plan = {
  startAt: () => random() * 4000,
  saveAt: (_i, n) => 1000 + (n + random()) * (53_000 / ITEMS),
  saves: ITEMS,
  answer,
  duplicateEvery: 50,
};
let burst: { run: Run; check: Awaited<ReturnType<typeof verify>> } | undefined;
if (runs('burst')) {
  const id = await assignment('并发作答');
  const run = await runStudents(target, users.slice(0, BURST), id, burstPlan);
  burst = { run, check: await verify(id, run.acks) };
}

// 3. Crash: SIGKILL mid-burst, start again, the clients retry with the same keys.
const crashUsers = users.slice(0, Math.floor(BURST / 2));
let crash:
  | { run: Run; check: Awaited<ReturnType<typeof verify>>; ackedAtKill: number; downMs: number }
  | undefined;
if (runs('crash')) {
  const id = await assignment('断电重启');
  const crashPlan: Plan = {
    ...burstPlan,
    startAt: () => random() * 1000,
    saveAt: (_i, n) => (n + random()) * 500,
  };
  const running = runStudents(target, crashUsers, id, crashPlan);
  // Mid-burst whatever the machine's speed: once a third of the answers are in.
  while ((await countAcked(id)) < (crashUsers.length * ITEMS) / 3)
    await new Promise((r) => setTimeout(r, 250));
  const ackedAtKill = await countAcked(id);
  process.kill(server.pid, 'SIGKILL');
  const killedAt = Date.now();
  server = await startServer({ dataDir: bench.dir, appUrl: bench.appUrl });
  target.base = server.base;
  const downMs = Date.now() - killedAt;
  const run = await running;
  crash = { run, check: await verify(id, run.acks), ackedAtKill, downMs };
}

// 4. Crowd: CROWD students start within 10 s, then save every 10 s (± 5 s) for a minute.
const crowdPlan: Plan = {
  startAt: () => random() * 10_000,
  saveAt: (_i, n) => (n + 1) * 10_000 - random() * 5000,
  saves: 6,
  answer,
  duplicateEvery: 0,
};
const crowd = runs('crowd')
  ? await runStudents(target, users.slice(0, CROWD), await assignment('同时开考'), crowdPlan)
  : undefined;
await server.stop();
await bench.stop();

/** The database's view of a run: acknowledged saves missing, saves the clients never had acknowledged, wrong answers. */
async function verify(assignmentId: string, acks: Ack[]) {
  const rows = JSON.stringify(
    acks.map((a) => ({ a: a.attemptId, k: a.key, n: a.number, s: a.seq, v: a.value })),
  );
  const r = await db.execute<{
    lost: number;
    extra: number;
    wrong: number;
    responses: number;
    saves: number;
  }>(sql`
    with ack as (select * from jsonb_to_recordset(${rows}::jsonb) as x(a uuid, k text, n int, s int, v jsonb)),
    latest as (select distinct on (a, n) a, n, s, v from ack order by a, n, s desc),
    saves as (select s.* from response_save s join attempt t on t.id = s.attempt_id where t.assignment_id = ${assignmentId})
    select (select count(*)::int from ack where not exists
              (select 1 from saves s where s.attempt_id = ack.a and s.client_key = ack.k)) as lost,
           (select count(*)::int from saves s where not exists
              (select 1 from ack where ack.a = s.attempt_id and ack.k = s.client_key)) as extra,
           (select count(*)::int from latest l left join response r on r.attempt_id = l.a and r.number = l.n and r.part = 0
             where r.id is null or r.seq <> l.s or r.value <> l.v) as wrong,
           (select count(*)::int from response r join attempt t on t.id = r.attempt_id
             where t.assignment_id = ${assignmentId}) as responses,
           (select count(*)::int from saves) as saves`);
  return r.rows[0]!;
}

/** Transactions the database committed or rolled back so far (its statistics lag up to a second). */
async function transactions() {
  await new Promise((r) => setTimeout(r, 1100));
  const r = await db.execute<{ n: number }>(sql`select pg_stat_clear_snapshot()::text,
    (select (xact_commit + xact_rollback)::int from pg_stat_database where datname = current_database()) as n`);
  return r.rows[0]!.n;
}

async function countAcked(assignmentId: string) {
  const r = await db.execute<{ n: number }>(sql`select count(*)::int as n from response_save s
    join attempt t on t.id = s.attempt_id where t.assignment_id = ${assignmentId}`);
  return r.rows[0]!.n;
}

const f = (x: number) => x.toFixed(1);
const ok = (b: boolean) => (b ? '✓' : '✗');
const rate = (r: Run) => r.saves.length / r.seconds;
console.log(`\nserver in its own process as the application role; loopback; ${loadNote()}`);
console.log(`\n1. baseline and capacity (64 clients in a closed loop)`);
table(
  ['route', 'req/s', 'p50 ms', 'p99 ms', 'ratio'],
  [
    ['GET baseline (select 1)', baseline.perSecond.toFixed(0), f(baseline.p50), f(baseline.p99), '1.00'],
    ...(capacity
      ? [
          [
            'POST answer (save)',
            rate(capacity).toFixed(0),
            f(pct(capacity.saves, 50)),
            f(pct(capacity.saves, 99)),
            (rate(capacity) / baseline.perSecond).toFixed(2),
          ],
        ]
      : []),
  ],
);
if (capacityCpu)
  console.log(
    `per save: CPU ms of the server ${f(capacityCpu.server)}, of the database ${f(capacityCpu.db)}, of the simulated students ${f(capacityCpu.client)}; database transactions ${capacityCpu.transactions.toFixed(2)}`,
  );
if (burst) {
  const { run, check } = burst;
  console.log(`\n2. burst: ${BURST} students × ${ITEMS} answers (every 50th sent twice)`);
  const p99 = pct(run.saves, 99);
  table(
    ['figure', 'value', 'target', ''],
    [
      ['answers acknowledged', run.acks.length, BURST * ITEMS, ok(run.acks.length === BURST * ITEMS)],
      ['within (s)', f(run.seconds), '≤ 60', ok(run.seconds <= 60)],
      ['saves/s (incl. repeats)', rate(run).toFixed(0), '', ''],
      ['p50 save ms', f(pct(run.saves, 50)), '', ''],
      ['p99 save ms', f(p99), '< 100', ok(p99 < 100)],
      ['p99 / baseline p99', f(p99 / baseline.p99), '', ''],
      ['errors', run.errors.length, 0, ok(run.errors.length === 0)],
      ['repeats acknowledged again', run.repeats, '', ''],
      ['lost (acknowledged, not in db)', check.lost, 0, ok(check.lost === 0)],
      ['duplicated (in db, not acknowledged)', check.extra, 0, ok(check.extra === 0)],
      ['latest answer wrong or missing', check.wrong, 0, ok(check.wrong === 0)],
    ],
  );
}
if (crash) {
  const { run, check } = crash;
  console.log(
    `\n3. crash: ${crashUsers.length} students, SIGKILL once ${crash.ackedAtKill} saves were in, restart`,
  );
  table(
    ['figure', 'value', 'target', ''],
    [
      ['server down (ms)', crash.downMs, '', ''],
      ['tries failed on the connection, sent again', run.retried, '', ''],
      [
        'answers acknowledged',
        run.acks.length,
        crashUsers.length * ITEMS,
        ok(run.acks.length === crashUsers.length * ITEMS),
      ],
      ['errors', run.errors.length, 0, ok(run.errors.length === 0)],
      ['lost (acknowledged, not in db)', check.lost, 0, ok(check.lost === 0)],
      ['duplicated', check.extra, 0, ok(check.extra === 0)],
      ['latest answer wrong or missing', check.wrong, 0, ok(check.wrong === 0)],
    ],
  );
}
if (crowd) {
  const all = [...crowd.starts, ...crowd.saves];
  console.log(`\n4. crowd: ${CROWD} students start within 10 s, then autosave every ~10 s for a minute`);
  table(
    ['figure', 'value', 'target', ''],
    [
      ['starts', crowd.starts.length, CROWD, ok(crowd.starts.length === CROWD)],
      ['p99 start ms (paper sent)', f(pct(crowd.starts, 99)), '', ''],
      ['saves', crowd.saves.length, '', ''],
      ['p99 save ms', f(pct(crowd.saves, 99)), '', ''],
      ['p99 all requests ms', f(pct(all, 99)), '< 200', ok(pct(all, 99) < 200)],
      ['errors', crowd.errors.length + crowd.retried, 0, ok(crowd.errors.length + crowd.retried === 0)],
    ],
  );
}
for (const r of [burst?.run, crash?.run, crowd])
  for (const e of r?.errors.slice(0, 5) ?? []) console.log(`  error: ${e}`);
