import { sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_INVENTORY } from '../../data-inventory.ts';
import { actorOf as actorOfUser } from '../../testing/actors.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { actorDbScope } from '../http/context.ts';
import { holdsPersonalData } from '../privacy/data-classes.ts';
import { asSystem, systemScope, withScope } from './scoped.ts';

/** Issue 8 §3: row-level security as the second line of defence. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const actorOf = (username: string, role: string) => actorOfUser(t, username, role);

/** Runs a query through the application's own connection, as a request of this actor would. */
async function asActor<T extends Record<string, unknown>>(
  username: string,
  role: string,
  query: ReturnType<typeof sql>,
) {
  const { actor, scope } = await actorOf(username, role);
  return withScope(
    t.deps.database,
    actorDbScope(actor, scope),
    async (tx) => (await tx.execute<T>(query)).rows,
  );
}

describe('row-level security', () => {
  it('guards every table that holds personal data, forced even for its owner', async () => {
    const res = await t.db.db.execute<{ name: string }>(sql`select relname::text as name from pg_class
      where relnamespace = 'public'::regnamespace and relkind = 'r' and relrowsecurity and relforcerowsecurity`);
    const guarded = new Set(res.rows.map((r) => r.name));
    const personal = DATA_INVENTORY.filter(holdsPersonalData).map((x) => getTableConfig(x.table).name);
    expect(personal.filter((name) => !guarded.has(name))).toEqual([]);
  });

  it('a query that forgot its scope filter returns a teacher only their own students', async () => {
    const { scope } = await actorOf('teacher_demo', 'head_teacher');
    // The query a careless repository might write: every student, no filter.
    const seen = await asActor<{ id: string }>(
      'teacher_demo',
      'head_teacher',
      sql`select person_id as id from student`,
    );
    const theirs = await t.db.db.execute<{ id: string }>(sql`
      select s.person_id as id from student s
       where s.path <@ any(${sql.param(scope.paths)}::text[]::ltree[])
          or exists (select 1 from teaching_class_member m where m.student_id = s.person_id
                      and m.path <@ any(${sql.param(scope.paths)}::text[]::ltree[]))`);
    const all = await t.db.db.execute<{ n: number }>(sql`select count(*)::int as n from student`);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.map((r) => r.id).sort()).toEqual(theirs.rows.map((r) => r.id).sort());
    expect(seen.length).toBeLessThan(all.rows[0]!.n);
    // Their guardians' phone numbers, birth dates … : persons of other schools stay hidden too.
    const persons = await asActor<{ n: number }>(
      'teacher_demo',
      'head_teacher',
      sql`select count(*)::int as n from person`,
    );
    const everyone = await t.db.db.execute<{ n: number }>(sql`select count(*)::int as n from person`);
    expect(persons[0]!.n).toBeLessThan(everyone.rows[0]!.n / 5);
  });

  it('a parent reaches only their children, a student only themself', async () => {
    const kids = await asActor<{ id: string }>(
      'parent_demo',
      'parent',
      sql`select person_id as id from student`,
    );
    const recorded = await t.db.db.execute<{ id: string }>(sql`select g.student_id as id from guardian g
      join account a on a.person_id = g.parent_id where a.username = 'parent_demo'`);
    expect(kids.map((r) => r.id).sort()).toEqual(recorded.rows.map((r) => r.id).sort());
    const self = await asActor<{ id: string }>(
      'student_demo',
      'student',
      sql`select person_id as id from student`,
    );
    expect(self).toHaveLength(1);
    const sensitive = await asActor('student_demo', 'student', sql`select 1 from student_sensitive`);
    expect(sensitive).toHaveLength(1);
  });

  it('an update without a filter reaches only the rows in scope', async () => {
    const touched = await asActor<{ id: string }>(
      'teacher_demo',
      'head_teacher',
      sql`update student set status = status returning person_id as id`,
    );
    const seen = await asActor<{ id: string }>(
      'teacher_demo',
      'head_teacher',
      sql`select person_id as id from student`,
    );
    expect(touched.map((r) => r.id).sort()).toEqual(seen.map((r) => r.id).sort());
  });

  it('a transaction without a scope sees no personal rows at all', async () => {
    const c = await t.deps.database.pool.connect();
    try {
      for (const table of ['person', 'student', 'guardian', 'account', 'session', 'audit_log']) {
        const res = await c.query(`select count(*)::int as n from ${table}`);
        expect(res.rows[0].n, table).toBe(0);
      }
    } finally {
      c.release();
    }
  });

  it('shows names beyond the scope through the directory only, which the application cannot write', async () => {
    const names = await asActor<{ n: number }>(
      'student_haizhu',
      'student',
      sql`select count(*)::int as n from person_directory`,
    );
    expect(names[0]!.n).toBeGreaterThan(1000);
    const err = await asActor('student_haizhu', 'student', sql`update person_directory set name = 'x'`).catch(
      (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
    );
    expect(String(err)).toMatch(/permission denied/);
  });

  it('keeps review records (reviewers, scores, comments) from learners and from uninvolved staff', async () => {
    const recordCount = sql`select count(*)::int as n from review_event`;
    const all = (await t.db.db.execute<{ n: number }>(recordCount)).rows[0]!.n;
    expect(all).toBeGreaterThan(10);
    for (const [u, role] of [
      ['student_demo', 'student'],
      ['parent_demo', 'parent'],
    ])
      expect((await asActor<{ n: number }>(u!, role!, recordCount))[0]!.n, u).toBe(0);
    // A teacher reads the records of their own resources only.
    const seen = await asActor<{ id: string }>(
      'teacher_demo',
      'head_teacher',
      sql`select distinct rv.resource_id as id from review_event re join review rv on rv.id = re.review_id`,
    );
    expect(seen.length).toBeGreaterThan(0);
    const authors = await t.db.db.execute<{ username: string }>(sql`
      select distinct a.username from resource r join account a on a.person_id = r.author_id
       where r.id = any(${sql.param(seen.map((r) => r.id))}::uuid[])`);
    expect(authors.rows.map((r) => r.username)).toEqual(['teacher_demo']);
    const city = await asActor<{ n: number }>('researcher_demo', 'researcher', recordCount);
    expect(city[0]!.n).toBe(all);
  });

  it('a system step inside a request sees everyone, then the request sees only its own again', async () => {
    const { actor, scope } = await actorOf('teacher_demo', 'head_teacher');
    const count = async (tx: Parameters<Parameters<typeof withScope>[2]>[0]) =>
      (await tx.execute<{ n: number }>(sql`select count(*)::int as n from student`)).rows[0]!.n;
    const [before, during, after] = await withScope(
      t.deps.database,
      actorDbScope(actor, scope),
      async (tx) => [await count(tx), await asSystem(tx, 'test', () => count(tx)), await count(tx)],
    );
    const all = await t.db.db.execute<{ n: number }>(sql`select count(*)::int as n from student`);
    expect(before).toBeGreaterThan(0);
    expect(during).toBe(all.rows[0]!.n);
    expect(after).toBe(before);
  });
});

describe('row-level security and the path index', () => {
  it('lets a query filtered by a unit look its rows up by the path index (the ltree comparisons are leakproof)', async () => {
    const school = await t.db.db.execute<{ path: string }>(
      sql`select path::text as path from org_unit where kind = 'school' order by path limit 1`,
    );
    // A system scope: its policies hold no path condition of their own that an index could serve.
    const plan = await withScope(t.deps.database, systemScope('test'), async (tx) => {
      // With sequential scans priced out, a scan of the whole table is chosen only if no index can serve.
      await tx.execute(sql`set local enable_seqscan = off`);
      const r = await tx.execute<{ 'QUERY PLAN': unknown }>(
        sql`explain (format json) select count(*) from student where path <@ ${school.rows[0]!.path}::ltree`,
      );
      return JSON.stringify(r.rows[0]!['QUERY PLAN']);
    });
    expect(plan).toContain('student_path_gist');
    expect(plan).not.toContain('"Seq Scan"');
  });
});
