import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import type { StepDef } from './review.schema.ts';

type Published = {
  id: string;
  kind: string;
  path: string;
  authorId: string;
  authorName: string;
  schoolId: string | null;
  districtId: string | null;
  publishedAt: string;
};

type Person = {
  id: string;
  name: string;
};

const COMMENTS: Record<string, string[]> = {
  expert: ['内容准确，重难点把握到位', '教学设计合理，建议保留', '例题典型，讲解清楚'],
  school_admin: ['同意推荐', '同意报送区级审核'],
  researcher: ['符合课程标准要求，同意', '与教材版本一致，同意发布'],
  district_admin: ['同意发布', '同意'],
  city_admin: ['同意发布', '同意准入'],
};

const day = 86_400_000;
/** Midnight (Beijing time) of the day holding instant `t`, as an instant. */
const beijingMidnight = (t: number) => Math.floor((t + 8 * 3_600_000) / day) * day - 8 * 3_600_000;

/**
 * Review records for the demo's published resources, as if each had passed its chain (六审, or
 * 准入 for third-party resources) in the days before publication, so their pages show a believable
 * 审核记录. Reviewers are the demo's experts, researcher and bureau administrators, and each school's
 * administrator and one of its teachers as the school's expert group.
 */
export async function seedDemoReviews(tx: Tx) {
  const published = await tx.execute<Published>(sql`
    select r.id, r.kind, r.path::text as path, r.author_id as "authorId", p.name as "authorName",
           r.school_id as "schoolId", r.district_id as "districtId", r.published_at as "publishedAt"
      from resource r join person p on p.id = r.author_id
     where r.status = 'published' and not exists (select 1 from review v where v.resource_id = r.id)`);
  if (published.rows.length === 0) return;
  const chains = await tx.execute<{ id: string; kind: string | null; steps: StepDef[] }>(sql`
    select id, kind, steps from review_chain where active and nlevel(path) = 1`);
  const chainOf = (kind: string) =>
    chains.rows.find((c) => c.kind === kind) ?? chains.rows.find((c) => c.kind === null);
  const named = await tx.execute<Person & { username: string }>(sql`
    select p.id, p.name, a.username from account a join person p on p.id = a.person_id
     where a.username in ('expert_city', 'researcher_demo', 'city_admin')`);
  const by = (u: string) => named.rows.find((r) => r.username === u)!;
  const unitAdmins = await tx.execute<Person & { unitId: string }>(sql`
    select distinct on (ra.org_unit_id) ra.org_unit_id as "unitId", p.id, p.name
      from role_assignment ra join person p on p.id = ra.person_id
     where ra.active and ra.role in ('school_admin', 'district_admin') order by ra.org_unit_id, p.id`);
  const adminOf = (unitId: string | null) => unitAdmins.rows.find((a) => a.unitId === unitId);
  // The school's expert group: its registered expert (the demo school), else its longest-serving teacher.
  const schoolExperts = await tx.execute<Person & { schoolId: string }>(sql`
    select distinct on (t.school_id) t.school_id as "schoolId", p.id, p.name
      from teacher t join person p on p.id = t.person_id
      left join role_assignment ra on ra.person_id = t.person_id and ra.role = 'expert' and ra.active
     where t.status = 'active' order by t.school_id, ra.id is null, t.staff_no`);
  const expertOf = (schoolId: string | null) => schoolExperts.rows.find((e) => e.schoolId === schoolId);

  const reviews: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  for (const r of published.rows) {
    const chain = chainOf(r.kind);
    if (!chain) continue;
    const end = new Date(r.publishedAt).getTime();
    const start = beijingMidnight(end - (chain.steps.length + 1) * day) + 8.5 * 3_600_000;
    const reviewId = newId();
    reviews.push({
      id: reviewId,
      resource: r.id,
      chain: chain.id,
      steps: chain.steps,
      current: chain.steps.length,
      path: r.path.split('.').slice(0, 3).join('.'),
      created: new Date(start).toISOString(),
      finished: r.publishedAt,
    });
    chain.steps.forEach((step, i) => {
      // Step i on the i-th day of the review, in office hours (Beijing time), whatever hour it was published.
      const minutes = 9 * 60 + i * 50 + ((r.id.charCodeAt(r.id.length - 1 - (i % 8)) * 7 + i * 13) % 45);
      const at = new Date(beijingMidnight(start + i * day) + minutes * 60_000).toISOString();
      let who: Person | undefined;
      let role = step.roles[0]!;
      if (step.level === 'author') who = { id: r.authorId, name: r.authorName };
      else if (role === 'expert')
        who = step.level === 'school' && r.schoolId ? expertOf(r.schoolId) : by('expert_city');
      else if (role === 'school_admin') who = r.schoolId ? adminOf(r.schoolId) : by('city_admin');
      else if (role === 'researcher') who = by('researcher_demo');
      else {
        const district = r.districtId ? adminOf(r.districtId) : undefined;
        who = district ?? by('city_admin');
        role = district ? 'district_admin' : 'city_admin';
      }
      if (!who) return;
      const notes = COMMENTS[role] ?? [''];
      events.push({
        id: newId(),
        review: reviewId,
        step: i,
        name: step.name,
        action: i === 0 ? 'submit' : 'approve',
        actor: who.id,
        actorName: who.name,
        role,
        comment: i === 0 ? '' : notes[(i + r.id.charCodeAt(r.id.length - 1)) % notes.length],
        score: role === 'expert' ? 85 + (r.id.charCodeAt(r.id.length - 2) % 12) : null,
        at,
      });
    });
  }
  await tx.execute(sql`
    insert into review (id, resource_id, chain_id, steps, current_step, step_started_at, status, path, created_at, finished_at)
    select x.id, x.resource, x.chain, x.steps, x.current, x.finished, 'approved', x.path::ltree, x.created, x.finished
      from jsonb_to_recordset(${JSON.stringify(reviews)}::jsonb) as x(id uuid, resource uuid, chain uuid, steps jsonb,
           current int, path text, created timestamptz, finished timestamptz)`);
  await tx.execute(sql`
    insert into review_event (id, review_id, step, step_name, action, actor_id, actor_name, actor_role, comment, score, created_at)
    select x.id, x.review, x.step, x.name, x.action, x.actor, x."actorName", x.role, x.comment, x.score, x.at
      from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as x(id uuid, review uuid, step int, name text,
           action text, actor uuid, "actorName" text, role text, comment text, score int, at timestamptz)`);
}
