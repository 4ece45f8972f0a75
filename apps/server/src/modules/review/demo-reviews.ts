import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import type { StepDef } from './review.schema.ts';
import { arrivalMessage, type ReviewItem, stepReviewers } from './review-notices.ts';

type Candidate = {
  id: string;
  kind: string;
  title: string;
  path: string;
  authorId: string;
  authorName: string;
  schoolId: string | null;
  districtId: string | null;
};
type Published = Candidate & { publishedAt: string };

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
const hour = 3_600_000;
/** Midnight (Beijing time) of the day holding instant `t`, as an instant. */
const beijingMidnight = (t: number) => Math.floor((t + 8 * hour) / day) * day - 8 * hour;

/**
 * Drafts the demo puts under review, each waiting at a step (index in 六审) for a while, so every
 * reviewer's queue and bell show work, some of it overdue: the demo school's at its experts' step
 * (past their 5 days), then other schools' at the city experts (one past 7 days, one not), the
 * business department and the bureau leaders (past 3 days).
 */
const WAITING: { step: number; waited: number }[] = [
  { step: 1, waited: 6 * day + 3 * hour },
  { step: 5, waited: 3 * day + 20 * hour },
  { step: 3, waited: 8 * day + 1 * hour },
  { step: 4, waited: 1 * day + 2 * hour },
  { step: 3, waited: 2 * day + 6 * hour },
];

/**
 * Review records for the demo's published resources, as if each had passed its chain (六审, or
 * 准入 for third-party resources) in the days before publication, so their pages show a believable
 * 审核记录; and a few drafts still under review, waiting at a step (WAITING), their reviewers told.
 * Reviewers are the demo's experts, researcher and bureau administrators, and each school's
 * administrator and one of its teachers as the school's expert group.
 */
export async function seedDemoReviews(tx: Tx) {
  const published = await tx.execute<Published>(sql`
    select r.id, r.kind, r.title, r.path::text as path, r.author_id as "authorId", p.name as "authorName",
           r.school_id as "schoolId", r.district_id as "districtId", r.published_at as "publishedAt"
      from resource r join person p on p.id = r.author_id
     where r.status = 'published' and not exists (select 1 from review v where v.resource_id = r.id)`);
  if (published.rows.length === 0) return;
  // The demo school's draft first (the demo's expert group reviews it), then the demo district's.
  // (One per school; a few hundred in a full-size city.)
  const drafts = await tx.execute<Candidate>(sql`
    select r.id, r.kind, r.title, r.path::text as path, r.author_id as "authorId", p.name as "authorName",
           r.school_id as "schoolId", r.district_id as "districtId"
      from resource r join person p on p.id = r.author_id
      left join role_assignment ex on ex.org_unit_id = r.school_id and ex.role = 'expert' and ex.active
      left join role_assignment da on da.org_unit_id = r.district_id and da.role = 'district_admin' and da.active
      left join account dn on dn.person_id = da.person_id and dn.username = 'district_yuexiu'
     where r.status = 'draft' and r.kind <> 'third_party'
       and not exists (select 1 from account a where a.person_id = r.author_id and a.username = 'teacher_demo')
     group by r.id, p.name
     order by bool_or(ex.id is not null) desc, bool_or(dn.person_id is not null) desc, r.path, r.id`);
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

  /** Who decided step `i` of a resource's review, and in which role. */
  const decider = (step: StepDef, r: Candidate): [Person | undefined, string] => {
    const role = step.roles[0]!;
    if (step.level === 'author') return [{ id: r.authorId, name: r.authorName }, role];
    if (role === 'expert')
      return [step.level === 'school' && r.schoolId ? expertOf(r.schoolId) : by('expert_city'), role];
    if (role === 'school_admin') return [r.schoolId ? adminOf(r.schoolId) : by('city_admin'), role];
    if (role === 'researcher') return [by('researcher_demo'), role];
    const district = r.districtId ? adminOf(r.districtId) : undefined;
    return district ? [district, 'district_admin'] : [by('city_admin'), 'city_admin'];
  };

  const reviews: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  /** The review of `r` from `start`, its steps before `current` decided a day apart. */
  const passage = (r: Candidate, chain: { id: string; steps: StepDef[] }, start: number, current: number) => {
    const reviewId = newId();
    chain.steps.slice(0, current).forEach((step, i) => {
      // A few minutes past the hour, varied by resource; none for the decision a waiting item arrived by.
      const waitingArrival = current < chain.steps.length && i === current - 1;
      const minutes = waitingArrival ? 0 : (r.id.charCodeAt(r.id.length - 1 - (i % 8)) * 7 + i * 13) % 45;
      const at = new Date(start + i * day + hour * (9 + i) + minutes * 60_000).toISOString();
      const [who, role] = decider(step, r);
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
    return reviewId;
  };
  for (const r of published.rows) {
    const chain = chainOf(r.kind);
    if (!chain) continue;
    const end = new Date(r.publishedAt).getTime();
    // From a Beijing midnight, so each step falls in office hours (passage: 09:00, 10:00 …).
    const start = beijingMidnight(end - (chain.steps.length + 1) * day);
    reviews.push({
      id: passage(r, chain, start, chain.steps.length),
      resource: r.id,
      chain: chain.id,
      steps: chain.steps,
      current: chain.steps.length,
      status: 'approved',
      path: r.path.split('.').slice(0, 3).join('.'),
      created: new Date(start).toISOString(),
      arrived: r.publishedAt,
      finished: r.publishedAt,
    });
  }
  const waiting: { item: ReviewItem; step: number; at: string }[] = [];
  const now = Date.now();
  // At most half the drafts: the rest stay drafts, as most teachers' unfinished work does.
  drafts.rows.slice(0, Math.min(WAITING.length, Math.floor(drafts.rows.length / 2))).forEach((r, n) => {
    const chain = chainOf(r.kind);
    const { step, waited } = WAITING[n]!;
    if (!chain || step >= chain.steps.length) return;
    // The item reached its step about `waited` ago, at 14:00 Beijing time that day, by the decision
    // of the step before (`passage` puts step i at start + i days + (9 + i) hours, so the earlier
    // steps fall at 13:00, 12:00 … of the days before: all in office hours).
    const arrived = beijingMidnight(now - waited) + 14 * hour;
    const start = arrived - (step - 1) * day - (8 + step) * hour;
    const path = r.path.split('.').slice(0, 3).join('.');
    reviews.push({
      id: passage(r, chain, start, step),
      resource: r.id,
      chain: chain.id,
      steps: chain.steps,
      current: step,
      status: 'in_review',
      path,
      created: new Date(start).toISOString(),
      arrived: new Date(arrived).toISOString(),
      finished: null,
    });
    const item = { resourceId: r.id, title: r.title, path, steps: chain.steps };
    waiting.push({ item, step, at: new Date(arrived).toISOString() });
  });
  await tx.execute(sql`
    insert into review (id, resource_id, chain_id, steps, current_step, step_started_at, status, path, created_at, finished_at)
    select x.id, x.resource, x.chain, x.steps, x.current, x.arrived, x.status, x.path::ltree, x.created, x.finished
      from jsonb_to_recordset(${JSON.stringify(reviews)}::jsonb) as x(id uuid, resource uuid, chain uuid, steps jsonb,
           current int, status text, path text, created timestamptz, arrived timestamptz, finished timestamptz)`);
  await tx.execute(sql`
    insert into review_event (id, review_id, step, step_name, action, actor_id, actor_name, actor_role, comment, score, created_at)
    select x.id, x.review, x.step, x.name, x.action, x.actor, x."actorName", x.role, x.comment, x.score, x.at
      from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as x(id uuid, review uuid, step int, name text,
           action text, actor uuid, "actorName" text, role text, comment text, score int, at timestamptz)`);
  if (waiting.length === 0) return;
  await tx.execute(sql`update resource set status = 'in_review', updated_at = now()
    where id = any(${sql.param(waiting.map((w) => w.item.resourceId))}::uuid[])`);
  // Their reviewers were told when each arrived, as `submit` and `decide` tell them.
  for (const { item, step, at } of waiting) {
    const m = arrivalMessage(item, step);
    await tx.execute(sql`insert into notification (id, person_id, kind, title, body, link, created_at)
      select gen_random_uuid(), r.id, ${m.kind}, ${m.title}, ${m.body}, ${m.link} || '?as=' || r.as_role, ${at}::timestamptz
        from (${stepReviewers(item.steps[step]!, item.path)}) r`);
  }
}
