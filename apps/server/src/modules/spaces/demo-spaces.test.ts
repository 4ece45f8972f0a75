import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const one = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows[0]!;
const BEIJING_HOUR = (col: string) => sql.raw(`extract(hour from ${col} at time zone 'Asia/Shanghai')`);

describe('the demo learning spaces', () => {
  it('are written while people are awake, never in the future, and no two posts at the same second', async () => {
    const posts = await one<{ n: number; night: number; future: number; shared: number }>(sql`
      select count(*)::int as n,
             count(*) filter (where ${BEIJING_HOUR('created_at')} not between 7 and 22)::int as night,
             count(*) filter (where created_at > now())::int as future,
             (select count(*)::int from (select created_at from space_post group by 1 having count(*) > 1) x) as shared
        from space_post`);
    expect(posts.n).toBeGreaterThan(100);
    expect(posts).toMatchObject({ night: 0, future: 0, shared: 0 });
    // Likes, comments and read receipts come after their post, the same day or evening.
    const replies = await one<{ early: number; night: number; future: number }>(sql`
      select count(*) filter (where x.at < p.created_at)::int as early,
             count(*) filter (where ${BEIJING_HOUR('x.at')} not between 7 and 22)::int as night,
             count(*) filter (where x.at > now())::int as future
        from (select post_id, created_at as at from space_like union all select post_id, created_at from space_comment
              union all select post_id, read_at from space_notice_read) x
        join space_post p on p.id = x.post_id`);
    expect(replies).toEqual({ early: 0, night: 0, future: 0 });
  });

  it('lets teachers write about the lessons they teach, not all the same words', async () => {
    const teachers = await one<{ n: number; texts: number }>(sql`
      select count(*)::int as n, count(distinct (title, body))::int as texts from space_post where space_kind = 'teacher'`);
    expect(teachers.n).toBeGreaterThan(20);
    expect(teachers.texts / teachers.n).toBeGreaterThan(0.5);
  });
});
