import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_EXAMPLES } from '../../../../web/src/modules/resources/search-examples.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;

type Result = { total: number; items: { id: string; title: string; status: string }[] };

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;
const search = async (c: Client, q: string, limit = 20) => {
  const res = await c.get(`/api/resources/search?q=${encodeURIComponent(q)}&limit=${limit}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Result;
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the demo library (R1, R5)', () => {
  it('answers every search the resource centre suggests with published resources, for anyone', async () => {
    // A learner of another district, a parent and a teacher: the suggestions are shown to all.
    for (const username of ['student_haizhu', 'parent_demo', 'teacher_demo']) {
      const c = await t.login(username);
      for (const q of SEARCH_EXAMPLES) {
        const r = await search(c, q);
        expect(r.total, `${username}: ${q}`).toBeGreaterThan(0);
        expect(r.items.every((i) => i.status === 'published')).toBe(true);
      }
    }
  });

  it('has published resources for every lesson of every grade, subject and term', async () => {
    const missing = await rows<{ title: string }>(sql`
      select l.title from curriculum_node l
       where l.kind = 'lesson'
         and not exists (select 1 from resource r where r.lesson_id = l.id and r.status = 'published')`);
    expect(missing).toEqual([]);
    const volumes = await rows<{ n: number }>(sql`
      select count(distinct (r.subject_code, r.grade_code, r.term))::int as n from resource r
       where r.status = 'published' and r.lesson_id is not null`);
    expect(volumes[0]!.n).toBe(3 * 9 * 2);
  });

  it('finds a lesson’s resources by the title of the lesson, in every volume', async () => {
    const student = await t.login('student_haizhu');
    // The first and the last lesson of each volume whose title is more than a word.
    const lessons = await rows<{ id: string; title: string }>(sql`
      select distinct on (e.subject_code, l.grade_code, l.term, last) l.id, l.title, last
        from curriculum_node l join curriculum_node u on u.id = l.parent_id
        join textbook_edition e on e.id = l.edition_id
        cross join (values (false), (true)) as x(last)
       where l.kind = 'lesson' and char_length(l.title) >= 4
       order by e.subject_code, l.grade_code, l.term, last,
                case when last then -u.seq else u.seq end, case when last then -l.seq else l.seq end`);
    expect(lessons.length).toBe(3 * 9 * 2 * 2);
    for (const l of lessons) {
      const ids = (
        await rows<{ id: string }>(
          sql`select id from resource where lesson_id = ${l.id} and status = 'published'`,
        )
      ).map((r) => r.id);
      const found = await search(student, l.title, 50);
      expect(
        found.items.some((i) => ids.includes(i.id)),
        `${l.title}: ${found.items.map((i) => i.title).join(' | ')}`,
      ).toBe(true);
    }
  });

  it('is written by many teachers of many schools, published on weekdays in working hours, and rated', async () => {
    const [s] = await rows<{
      authors: number;
      schools: number;
      odd: number;
      weekend: number;
      rated: number;
      average: number;
      published: number;
    }>(sql`
      select count(distinct r.author_id)::int as authors, count(distinct r.school_id)::int as schools,
             count(*) filter (where extract(hour from r.published_at at time zone 'Asia/Shanghai') not between 8 and 18)::int as odd,
             count(*) filter (where extract(isodow from r.published_at at time zone 'Asia/Shanghai') > 5)::int as weekend,
             count(*) filter (where st.rating_count > 0)::int as rated,
             (sum(st.rating_sum)::float8 / nullif(sum(st.rating_count), 0)) as average,
             count(*)::int as published
        from resource r left join resource_stat st on st.resource_id = r.id
       where r.status = 'published' and r.lesson_id is not null`);
    expect(s!.published).toBeGreaterThan(2000);
    expect(s!.authors).toBeGreaterThan(30);
    const [all] = await rows<{ n: number }>(sql`
      select count(distinct c.school_id)::int as n from teaching_assignment ta join org_unit c on c.id = ta.class_id
       where ta.subject_code in ('13', '14', '41')`);
    expect(s!.schools).toBeGreaterThan(all!.n / 2);
    expect(s!.odd).toBe(0);
    expect(s!.weekend).toBe(0);
    expect(s!.rated / s!.published).toBeGreaterThan(0.5);
    expect(s!.average).toBeGreaterThan(4);
    // Their reviews were decided in office hours too.
    const [reviews] = await rows<{ odd: number }>(sql`
      select count(*) filter (where extract(hour from e.created_at at time zone 'Asia/Shanghai') not between 8 and 18)::int as odd
        from review_event e`);
    expect(reviews!.odd).toBe(0);
    // Nobody writes that a 6-second demo video lasts ten minutes.
    const durations = await rows<{ n: number }>(
      sql`select count(*)::int as n from resource where description ~ '约 ?[0-9]+ ?分钟'`,
    );
    expect(durations[0]!.n).toBe(0);
  });
});
