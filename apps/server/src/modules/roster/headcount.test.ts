import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;

/** Paths where the kept head counts differ from a count of the people (none when they agree). */
const drift = () =>
  rows<{ path: string; kept: number; counted: number }>(sql`
    with counted as (
      select path, count(*) filter (where status = 'enrolled')::int as students, 0 as teachers from student group by path
      union all
      select path, 0, count(*) filter (where status = 'active')::int from teacher group by path),
    c as (select path, sum(students)::int as students, sum(teachers)::int as teachers from counted group by path)
    select coalesce(c.path, h.path)::text as path, h.students + h.teachers * 1000000 as kept,
           c.students + c.teachers * 1000000 as counted
      from c full join headcount h on h.path = c.path
     where coalesce(h.students, 0) <> coalesce(c.students, 0) or coalesce(h.teachers, 0) <> coalesce(c.teachers, 0)`);

const keptAt = async (path: string) =>
  (await rows<{ n: number }>(sql`select students as n from headcount where path = ${path}::ltree`))[0]?.n ??
  0;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('head counts', () => {
  it('counts every enrolled student and active teacher of the seeded city, path by path', async () => {
    expect(await drift()).toEqual([]);
    const [sum] = await rows<{ students: number; teachers: number }>(
      sql`select sum(students)::int as students, sum(teachers)::int as teachers from headcount`,
    );
    expect(sum!.students).toBeGreaterThan(1000);
    expect(sum!.teachers).toBeGreaterThan(50);
    // What the city administrator's org browser and home show is that count.
    const city = await t.login('city_admin');
    const [root] = (await city.get('/api/org/roots')).json() as { counts: { students: number } }[];
    const [live] = await rows<{ n: number }>(
      sql`select count(*)::int as n from student where status = 'enrolled'`,
    );
    expect(root!.counts.students).toBe(live!.n);
    expect((await city.get('/api/portal/home')).json().totals.students).toBe(live!.n);
  });

  it('follows a transfer, a graduating class, a teacher leaving, deletions, inserts and a truncation', async () => {
    const admin = await t.login('school_admin');
    const [move] = await rows<{ id: string; from: string; to: string; toPath: string }>(sql`
      select s.person_id as id, s.path::text as from, c2.id as to, c2.path::text as "toPath"
        from account a join role_assignment ra on ra.person_id = a.person_id and ra.role = 'school_admin'
        join student s on s.school_id = ra.school_id and s.status = 'enrolled'
        join org_unit c2 on c2.school_id = ra.school_id and c2.kind = 'class' and c2.active and c2.path <> s.path
       where a.username = 'school_admin' limit 1`);
    const before = { from: await keptAt(move!.from), to: await keptAt(move!.toPath) };
    const res = await admin.post(`/api/students/${move!.id}/transfer`, { classId: move!.to });
    expect(res.statusCode, res.body).toBe(200);
    expect(await keptAt(move!.from)).toBe(before.from - 1);
    expect(await keptAt(move!.toPath)).toBe(before.to + 1);
    expect(await drift()).toEqual([]);

    // A whole class graduates in one statement; a teacher leaves.
    const [cls] = await rows<{ path: string }>(sql`
      select path::text as path from student where status = 'enrolled' and path <> ${move!.toPath}::ltree
       group by path order by count(*) desc limit 1`);
    await t.db.db.execute(sql`update student set status = 'graduated' where path = ${cls!.path}::ltree`);
    expect(await keptAt(cls!.path)).toBe(0);
    await t.db.db.execute(sql`update teacher set status = 'left'
      where person_id = (select person_id from teacher where status = 'active' limit 1)`);
    expect(await drift()).toEqual([]);

    // A class's students deleted and put back (a correction), and every teacher removed at once.
    await t.db.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table moved on commit drop as
        select * from student where path = ${move!.toPath}::ltree`);
      await tx.execute(sql`delete from student where path = ${move!.toPath}::ltree`);
      const kept = await tx.execute<{ n: number }>(
        sql`select students as n from headcount where path = ${move!.toPath}::ltree`,
      );
      expect(kept.rows[0]!.n).toBe(0);
      await tx.execute(sql`insert into student select * from moved`);
    });
    expect(await keptAt(move!.toPath)).toBe(before.to + 1);
    await t.db.db.execute(sql`truncate teacher`);
    expect(await drift()).toEqual([]);
  });
});
