import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

/**
 * Issue 9 §8: a resource's review record (who reviewed it, scores, comments) is for its author,
 * the reviewers of its chain and the administrators whose scope holds it; learners and staff with
 * no part in it get the published resource without it.
 */
let t: TestApp;
/** teacher_demo's published resource, reviewed in the demo, and one of another district. */
let own: string;
let elsewhere: string;
/** Reviewers' names and comments on `own`, none of which may reach a learner. */
let secrets: string[];

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;

beforeAll(async () => {
  t = await createTestApp();
  const [mine] = await rows<{ id: string }>(sql`
    select r.id from resource r join account a on a.person_id = r.author_id
     where a.username = 'teacher_demo' and r.status = 'published'
       and exists (select 1 from review rv join review_event re on re.review_id = rv.id
                    where rv.resource_id = r.id and re.score is not null)
     order by r.id limit 1`);
  own = mine!.id;
  const [far] = await rows<{ id: string }>(sql`
    select r.id from resource r
     where r.status = 'published' and r.school_id is not null
       and r.district_id <> (select district_id from resource where id = ${own})
       and exists (select 1 from review rv where rv.resource_id = r.id)
     order by r.id limit 1`);
  elsewhere = far!.id;
  const events = await rows<{ actorName: string; comment: string }>(sql`
    select re.actor_name as "actorName", re.comment from review rv join review_event re on re.review_id = rv.id
     where rv.resource_id = ${own} and re.action <> 'submit'`);
  secrets = events.flatMap((e) => [e.actorName, e.comment]).filter((s) => s.length > 1);
  expect(secrets.length).toBeGreaterThan(3);
});
afterAll(() => t.close());

type Detail = { reviewRecord: boolean };
type History = { events: { actorName: string; score: number | null }[] };

/** What `c` gets for `id`: whether the detail offers the record, and the record's status code. */
async function access(c: Client, id: string) {
  const detail = await c.get(`/api/resources/${id}`);
  expect(detail.statusCode, detail.body).toBe(200);
  const history = await c.get(`/api/resources/${id}/review`);
  return { offered: (detail.json() as Detail).reviewRecord, status: history.statusCode, history };
}

describe('the review record', () => {
  it('never reaches a student or a parent: no reviewer names, scores or comments', async () => {
    for (const u of ['student_demo', 'parent_demo', 'student_haizhu']) {
      const c = await t.login(u);
      const a = await access(c, own);
      expect({ u, offered: a.offered, status: a.status }).toEqual({ u, offered: false, status: 403 });
      const page = [
        (await c.get(`/api/resources/${own}`)).body,
        a.history.body,
        (await c.get(`/api/resources/${own}/ratings`)).body,
        (await c.get(`/api/resources/${own}/questions`)).body,
      ].join('\n');
      for (const s of secrets) expect(page, `${u} sees 「${s}」`).not.toContain(s);
    }
  });

  it('is shown to the author, the reviewers of its chain and the administrators above it', async () => {
    for (const u of ['teacher_demo', 'expert_school', 'school_admin', 'researcher_demo', 'district_yuexiu']) {
      const a = await access(await t.login(u), own);
      expect({ u, offered: a.offered, status: a.status }).toEqual({ u, offered: true, status: 200 });
      const h = a.history.json() as History;
      expect(h.events.some((e) => e.score !== null)).toBe(true);
    }
    const city = await access(await t.login('city_admin'), elsewhere);
    expect([city.offered, city.status]).toEqual([true, 200]);
  });

  it('is withheld from staff with no part in it', async () => {
    // A colleague in the author's school, who did not review it.
    const [colleague] = await rows<{ username: string }>(sql`
      select a.username from account a join teacher tt on tt.person_id = a.person_id
       where tt.school_id = (select school_id from resource where id = ${own}) and a.username <> 'teacher_demo'
         and not exists (select 1 from review rv join review_event re on re.review_id = rv.id
                          where rv.resource_id = ${own} and re.actor_id = a.person_id)
       order by a.username limit 1`);
    const cases: [string, string][] = [
      [colleague!.username, own],
      ['teacher_demo', elsewhere],
      ['expert_school', elsewhere],
      ['school_admin', elsewhere],
      ['district_yuexiu', elsewhere],
    ];
    for (const [u, id] of cases) {
      const a = await access(await t.login(u), id);
      expect({ u, offered: a.offered, status: a.status }).toEqual({ u, offered: false, status: 403 });
    }
  });
});
