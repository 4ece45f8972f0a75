/**
 * Class heatmap benchmark (issue 11 §5), one part of `tools/bench/analytics.ts` — not a test. A
 * class of 45 enrolled students × 100 math knowledge points of mastery rows in a real database (the
 * benchmark's embedded PostgreSQL, the app as the least-privilege role, row-level security on), the
 * real route `GET /api/classes/:classId/mastery` served by the app in its own process to 8 teachers
 * of the class reading it at once (closed loop), against `select 1` through the same pool measured
 * in the same run. Prints p50/p95/p99 and the ratio to the baseline; target p95 < 100 ms.
 *
 * Options: `--seconds N` per measurement (default 10), `--connections N` (default 8), `--statements`
 * (also list the SQL statements of a heatmap request with their planning and execution times).
 */
import { sql } from 'drizzle-orm';
import { packCells } from '../../apps/server/src/modules/diagnosis/heatmap-cells.ts';
import { closedLoop, request, type SignedIn, signInAll, startServer } from './api-load.ts';
import { statementsOf } from './api-mixed.ts';
import { numArg, openBenchDb } from './bench-db.ts';
import { cpuOfTree, loadNote, postmasterOf, seeded, table } from './stats.ts';

const STUDENTS = 45;
const POINTS = 100;

export async function run(_args: string[]) {
  const seconds = numArg('seconds', 10);
  const connections = numArg('connections', 8);
  const log = (m: string) => console.log(m);
  log('heatmap: opening the benchmark database (built once under .hanlin-bench/heatmap)…');
  const statements = process.argv.includes('--statements');
  const bench = await openBenchDb({
    name: 'heatmap',
    demoStudents: 4000,
    log,
    statements: statements,
  });
  const db = bench.owner.db;
  const one = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows[0] as T;
  const cls = await one<{ id: string; path: string; school: string }>(sql`
    select c.id, c.path::text as path, c.school_id as school from account a
      join teaching_assignment ta on ta.teacher_id = a.person_id join org_unit c on c.id = ta.class_id
     where a.username = 'teacher_demo' and c.kind = 'class' order by c.path limit 1`);
  // Top the class up to 45 enrolled students with pupils of another class of the school.
  const { n } = await one<{ n: number }>(
    sql`select count(*)::int as n from student where class_id = ${cls.id} and status = 'enrolled'`,
  );
  if (n < STUDENTS)
    await db.execute(sql`update student set class_id = ${cls.id}, path = ${cls.path}::ltree
      where person_id in (select person_id from student where school_id = ${cls.school} and class_id <> ${cls.id}
                            and status = 'enrolled' order by student_no limit ${STUDENTS - n})`);
  const students = (
    await db.execute<{ id: string }>(sql`select person_id as id from student
      where class_id = ${cls.id} and status = 'enrolled' order by student_no limit ${STUDENTS}`)
  ).rows.map((r) => r.id);
  const points = (
    await db.execute<{ id: string }>(
      sql`select id from knowledge_point where subject_code = '14' and active order by code limit ${POINTS}`,
    )
  ).rows.map((r) => r.id);
  const random = seeded(11);
  const rows = students.flatMap((s) =>
    points.map((kp) => ({
      s,
      kp,
      p: Math.round(random() * 1000) / 1000,
      c: Math.floor(random() * 8),
      w: Math.floor(random() * 5),
    })),
  );
  await db.execute(sql`
    insert into knowledge_mastery (student_id, knowledge_point_id, path, p, correct, wrong, last_at, updated_at)
    select x.s, x.kp, ${cls.path}::ltree, x.p, x.c, x.w, now(), now()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(s uuid, kp uuid, p real, c int, w int)
    on conflict (student_id, knowledge_point_id) do update set p = excluded.p, path = excluded.path`);
  // The packed copy the heatmap reads, of all the students' estimates (the demo's too), as the app
  // writes it with them (heatmap-cells.ts).
  const estimates = await db.execute<{
    s: string;
    kp: string;
    p: number;
    correct: number;
    wrong: number;
  }>(sql`
    select student_id as s, knowledge_point_id as kp, p, correct, wrong from knowledge_mastery
     where student_id = any(${sql.param(students)}::uuid[])`);
  const packed = new Map<string, { kp: string; p: number; correct: number; wrong: number }[]>();
  for (const r of estimates.rows) packed.set(r.s, [...(packed.get(r.s) ?? []), r]);
  const states = [...packed].map(([s, list]) => ({ s, cells: packCells(list) }));
  await db.execute(sql`
    insert into mastery_state (student_id, path, state, answers, cells, updated_at)
    select x.s, ${cls.path}::ltree, '{}'::jsonb, 0, x.cells, now()
      from jsonb_to_recordset(${JSON.stringify(states)}::jsonb) as x(s uuid, cells text)
    on conflict (student_id) do update set cells = excluded.cells, path = excluded.path`);
  // What autovacuum does after a bulk write: the planner sees the rows just written.
  await db.execute(sql`analyze knowledge_mastery, mastery_state, knowledge_point, student`);
  const cells = await one<{ n: number }>(sql`select count(*)::int as n from knowledge_mastery km
      join student s on s.person_id = km.student_id where s.class_id = ${cls.id}`);
  const teachers = (
    await db.execute<{ username: string }>(sql`
      select distinct a.username from teaching_assignment ta join account a on a.person_id = ta.teacher_id
       where ta.class_id = ${cls.id} order by a.username limit ${connections}`)
  ).rows.map((r) => r.username);
  while (teachers.length < connections) teachers.push('teacher_demo');

  const server = await startServer({ dataDir: bench.dir, appUrl: bench.appUrl });
  try {
    const { users } = await signInAll(server.base, teachers, 4);
    const path = `/api/classes/${cls.id}/mastery?subject=14`;
    const check = await request(server.base, 'GET', path, users[0]!.cookie, undefined, users[0]!.ip);
    if (check.status !== 200) throw new Error(`heatmap: ${check.status} ${check.body.slice(0, 200)}`);
    const shape = JSON.parse(check.body) as { students: unknown[]; points: unknown[] };
    const cluster = postmasterOf(bench.dir);
    /** Closed-loop load on `url`, with the CPU the server and PostgreSQL spent per request meanwhile. */
    const load = async (url: string) => {
      let k = 0;
      const before = { server: cpuOfTree(server.pid), db: cpuOfTree(cluster) };
      const r = await closedLoop(server.base, connections, seconds, () => {
        const user: SignedIn | undefined = users[k++ % users.length];
        return {
          user,
          run: async (get) => {
            for (let i = 0; i < 20; i++) if ((await get('x', url)) === null) return;
          },
        };
      });
      const per = (s: number) => (1000 * s) / Math.max(1, r.requests);
      return {
        ...r,
        cpuServer: per(cpuOfTree(server.pid) - before.server),
        cpuDb: per(cpuOfTree(cluster) - before.db),
      };
    };
    await load('/api/bench/baseline'); // warm-up of both
    await load(path);
    const base = await load('/api/bench/baseline');
    if (statements) await db.execute(sql`select pg_stat_statements_reset()`);
    const heat = await load(path);
    const listed = statements ? await statementsOf(bench, heat.requests) : undefined;
    console.log(
      `\nheatmap: ${shape.students.length} students × ${shape.points.length} points (${cells.n} mastery rows in the class), ${connections} teachers at once, ${seconds} s each; server in its own process as the application role; ${loadNote()}`,
    );
    table(
      [
        'route',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'errors',
        'cpu server',
        'cpu db',
        'p95 ÷ baseline',
        'target',
      ],
      [
        [
          'select 1 baseline',
          base.perSecond.toFixed(0),
          base.p50.toFixed(1),
          base.p95.toFixed(1),
          base.p99.toFixed(1),
          base.errors,
          base.cpuServer.toFixed(2),
          base.cpuDb.toFixed(2),
          '1.0',
          '',
        ],
        [
          'GET class heatmap',
          heat.perSecond.toFixed(0),
          heat.p50.toFixed(1),
          heat.p95.toFixed(1),
          heat.p99.toFixed(1),
          heat.errors,
          heat.cpuServer.toFixed(2),
          heat.cpuDb.toFixed(2),
          (heat.p95 / base.p95).toFixed(1),
          heat.p95 < 100 ? '✓ p95 < 100 ms' : '✗ p95 < 100 ms',
        ],
      ],
    );
    console.log(
      `response body: ${(check.body.length / 1024).toFixed(0)} KiB; cpu in ms per request (server process, PostgreSQL cluster)`,
    );
    if (listed) {
      console.log(`\nSQL statements per heatmap request: ${listed.perRequest.toFixed(1)}`);
      table(
        ['per request', 'planned', 'plan ms', 'exec ms', 'statement'],
        listed.top.map((x) => [
          x.perRequest.toFixed(2),
          x.planned.toFixed(2),
          x.planMs.toFixed(2),
          x.execMs.toFixed(2),
          x.query.slice(0, 110),
        ]),
      );
    }
  } finally {
    await server.stop();
    await bench.stop();
  }
}
