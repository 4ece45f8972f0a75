import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { refreshSpaceUsage } from './usage.service.ts';

let t: TestApp;
let classId: string;

type Counts = { teachers: number; activeTeachers: number; students: number; activeStudents: number };
type Usage = {
  level: string;
  target: number;
  asOf: string | null;
  total: Counts;
  rows: (Counts & { id: string })[];
  outstanding: { id: string; kind: string; posts: number }[];
};

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;
const YESTERDAY = sql`((now() at time zone 'Asia/Shanghai')::date - 1)`;
/** The daily job, now (the template's rollup was built when it was seeded). */
const rebuild = () => t.db.db.transaction((tx) => refreshSpaceUsage(tx, { force: true }));

beforeAll(async () => {
  t = await createTestApp();
  const [c] = await rows<{ id: string }>(sql`
    select s.class_id as id from student s join account a on a.person_id = s.person_id
     where a.username = 'student_demo'`);
  classId = c!.id;
});
afterAll(() => t.close());

/**
 * What the dashboard must show, counted from every person's days as the live query did before the
 * rollup: people under `root` by the units at `depth`, for the 30 days to yesterday.
 */
async function countedFromDays(root: string, depth: number) {
  return rows<Counts & { id: string }>(sql`
    with active as (
      select person_id from space_use_day where day > ${YESTERDAY} - 30 and day <= ${YESTERDAY}
       group by person_id having count(*) >= 4
    ), people as (
      select t.path, 1 as teacher, (a.person_id is not null)::int as used from teacher t
        left join active a using (person_id) where t.status = 'active' and t.path <@ ${root}::ltree
      union all
      select s.path, 0, (a.person_id is not null)::int from student s
        left join active a using (person_id) where s.status = 'enrolled' and s.path <@ ${root}::ltree
    )
    select o.id, sum(teacher)::int as teachers, sum(teacher * used)::int as "activeTeachers",
           sum(1 - teacher)::int as students, sum((1 - teacher) * used)::int as "activeStudents"
      from people p join org_unit o on o.path = subpath(p.path, 0, ${depth}::int)
     where nlevel(p.path) >= ${depth}::int group by o.id order by o.id`);
}

const pick = ({ id, teachers, activeTeachers, students, activeStudents }: Counts & { id: string }) => ({
  id,
  teachers,
  activeTeachers,
  students,
  activeStudents,
});

describe('space-use dashboard (S3)', () => {
  it('counts who used spaces on at least 4 of the 30 days to yesterday, from the daily rollup', async () => {
    const admin = await t.login('school_admin');
    // A classmate with no use on record: three closed days of use, then a fourth.
    const [peer] = await rows<{ id: string; username: string }>(sql`
      select s.person_id as id, a.username from student s join account a on a.person_id = s.person_id
       where s.class_id = ${classId} and a.username <> 'student_demo' order by s.student_no limit 1`);
    await t.db.db.execute(sql`delete from space_use_day where person_id = ${peer!.id}`);
    await rebuild();
    const before = (await admin.get('/api/spaces/usage')).json() as Usage;
    const [y] = await rows<{ day: string }>(sql`select ${YESTERDAY}::text as day`);
    expect(before).toMatchObject({ level: 'class', target: 0.8, asOf: y!.day });
    expect(before.total.students).toBeGreaterThan(100);
    await t.db.db.execute(sql`insert into space_use_day (person_id, day)
      select ${peer!.id}, ${YESTERDAY} - d from generate_series(1, 3) d`);
    await rebuild();
    const mid = (await admin.get('/api/spaces/usage')).json() as Usage;
    expect(mid.total.activeStudents).toBe(before.total.activeStudents);
    // Today is not a closed day: a visit counts from tomorrow's rollup on.
    await (await t.login(peer!.username)).get(`/api/spaces/${classId}`);
    await rebuild();
    expect(((await admin.get('/api/spaces/usage')).json() as Usage).total.activeStudents).toBe(
      before.total.activeStudents,
    );
    await t.db.db.execute(sql`insert into space_use_day (person_id, day) values (${peer!.id}, ${YESTERDAY})`);
    await rebuild();
    const after = (await admin.get('/api/spaces/usage')).json() as Usage;
    expect(after.total.activeStudents).toBe(before.total.activeStudents + 1);
    const row = (r: Usage) => r.rows.find((x) => x.id === classId)!.activeStudents;
    expect(row(after)).toBe(row(before) + 1);
    // The liveliest spaces of the school, and only of the school.
    const ids = after.outstanding.map((o) => o.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(10);
    const outside = await rows<{ n: number }>(sql`
      select count(*)::int as n from space_post p
       where p.space_id = any(string_to_array(${ids.join(',')}, ',')::uuid[])
         and not p.space_path <@ (select subpath(path, 0, 3) from org_unit where id = ${classId})`);
    expect(outside[0]!.n).toBe(0);
    const student = await t.login('student_demo');
    expect((await student.get('/api/spaces/usage')).statusCode).toBe(403);
  });

  it('shows at every level what counting every person’s days shows', async () => {
    await rebuild();
    const cases = [
      ['city_admin', 'district', 2],
      ['district_yuexiu', 'school', 3],
      ['school_admin', 'class', 5],
    ] as const;
    for (const [username, level, depth] of cases) {
      const u = (await (await t.login(username)).get('/api/spaces/usage')).json() as Usage;
      expect(u.level).toBe(level);
      const [me] = await rows<{ path: string }>(sql`
        select ra.path::text as path from role_assignment ra join account a on a.person_id = ra.person_id
         where a.username = ${username} and ra.active limit 1`);
      const expected = await countedFromDays(me!.path, depth);
      const shown = u.rows.map(pick).sort((a, b) => a.id.localeCompare(b.id));
      // A school's teachers count for the school as a whole, not for a class (nor in the reference).
      expect(shown).toEqual(expected);
      expect(shown.length).toBeGreaterThan(0);
    }
  });

  it('shows a child’s space among the liveliest only with a guardian’s consent, gone at once when withdrawn', async () => {
    const admin = await t.login('school_admin');
    const [kid] = await rows<{ id: string; path: string; parent: string }>(sql`
      select s.person_id as id, s.path::text as path, g.parent_id as parent from student s
        join guardian g on g.student_id = s.person_id
       where s.class_id = ${classId} and not exists (select 1 from consent_record c where c.subject_id = s.person_id)
       order by s.student_no limit 1`);
    // Twenty works yesterday: more than any space of the demo school.
    await t.db.db.execute(sql`
      insert into space_post (id, space_id, space_kind, space_path, author_id, kind, title, body, created_at, updated_at)
      select gen_random_uuid(), ${kid!.id}, 'student', ${kid!.path}::ltree, ${kid!.id}, 'work', '作品', '作品',
             (${YESTERDAY})::timestamp at time zone 'Asia/Shanghai' + make_interval(hours => 9, mins => n), now()
        from generate_series(1, 20) n`);
    await rebuild();
    const shown = async () =>
      ((await admin.get('/api/spaces/usage')).json() as Usage).outstanding.some((o) => o.id === kid!.id);
    expect(await shown()).toBe(false);
    const decide = (granted: boolean) =>
      t.db.db.execute(sql`insert into consent_record (id, subject_id, purpose, granted, decided_by, decided_as, path)
        values (gen_random_uuid(), ${kid!.id}, 'showcase', ${granted}, ${kid!.parent}, 'guardian', ${kid!.path}::ltree)`);
    // A consent counts from the next rollup on; its withdrawal at once.
    await decide(true);
    await rebuild();
    expect(await shown()).toBe(true);
    await decide(false);
    expect(await shown()).toBe(false);
  });

  it('rebuilds once a day: a second run finds nothing to do', async () => {
    await rebuild();
    const again = await t.db.db.transaction((tx) => refreshSpaceUsage(tx));
    expect(again).toBeNull();
  });
});
