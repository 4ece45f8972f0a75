import { type SQL, sql } from 'drizzle-orm';
import type { TRole } from '../../platform/auth/roles.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { TResourceStatus } from '../resources/resources.schema.ts';
import type { StepDef } from './review.schema.ts';

/** A resource under review, locked until the transaction ends. */
export async function lockResource(tx: Tx, id: string) {
  const res = await tx.execute<{
    id: string;
    authorId: string;
    status: string;
    path: string;
    kind: string;
    title: string;
  }>(sql`
    select id, author_id as "authorId", status, path::text as path, kind, title from resource where id = ${id} for update`);
  return res.rows[0];
}

export async function hasMainFile(tx: Tx, resourceId: string): Promise<boolean> {
  const files = await tx.execute(
    sql`select 1 from resource_file where resource_id = ${resourceId} and role = 'main'`,
  );
  return files.rows.length > 0;
}

/**
 * Moves a resource to the status its review reached; publication also stamps `published_at`.
 * (The resources module owns the row; its review lives here.)
 */
export async function setResourceStatus(
  tx: Tx,
  resourceId: string,
  status: Extract<TResourceStatus, 'in_review' | 'published' | 'rejected' | 'returned'>,
): Promise<void> {
  if (status === 'published')
    await tx.execute(
      sql`update resource set status = 'published', published_at = now(), updated_at = now() where id = ${resourceId}`,
    );
  else
    await tx.execute(
      sql`update resource set status = ${status}, updated_at = now() where id = ${resourceId}`,
    );
}

export type ReviewRow = { id: string; steps: StepDef[]; currentStep: number };

/** The latest review of a resource that was returned for revision. */
export async function findReturnedReview(
  tx: Tx,
  resourceId: string,
): Promise<(ReviewRow & { path: string }) | undefined> {
  const open = await tx.execute<ReviewRow & { path: string }>(sql`
    select id, steps, current_step as "currentStep", path::text as path from review where resource_id = ${resourceId} and status = 'returned'
     order by created_at desc limit 1`);
  return open.rows[0];
}

/** The review of a resource that is under way, locked until the transaction ends. */
export async function lockOpenReview(tx: Tx, resourceId: string) {
  const res = await tx.execute<ReviewRow & { path: string }>(sql`
    select id, steps, current_step as "currentStep", path::text as path from review
     where resource_id = ${resourceId} and status = 'in_review' for update`);
  return res.rows[0];
}

/** A resource's latest review, whatever its state. */
export async function findLatestReview(tx: Tx, resourceId: string) {
  const rv = await tx.execute<ReviewRow & { status: string; path: string }>(sql`
    select id, steps, current_step as "currentStep", status, path::text as path from review
     where resource_id = ${resourceId} order by created_at desc limit 1`);
  return rv.rows[0];
}

export async function insertReview(
  tx: Tx,
  r: { id: string; resourceId: string; chainId: string; steps: StepDef[]; currentStep: number; path: string },
): Promise<void> {
  await tx.execute(sql`insert into review (id, resource_id, chain_id, steps, current_step, path)
      values (${r.id}, ${r.resourceId}, ${r.chainId}, ${JSON.stringify(r.steps)}::jsonb, ${r.currentStep}, ${r.path}::ltree)`);
}

/** Sends a returned review back into its step, its clock restarted. */
export async function reopenReview(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`update review set status = 'in_review', step_started_at = now() where id = ${id}`);
}

export async function advanceReview(tx: Tx, id: string): Promise<void> {
  await tx.execute(
    sql`update review set current_step = current_step + 1, step_started_at = now() where id = ${id}`,
  );
}

/** Ends a review as approved or rejected, or returns it to the author (it stays at its step). */
export async function closeReview(
  tx: Tx,
  id: string,
  status: 'approved' | 'rejected' | 'returned',
): Promise<void> {
  if (status === 'returned') await tx.execute(sql`update review set status = 'returned' where id = ${id}`);
  else await tx.execute(sql`update review set status = ${status}, finished_at = now() where id = ${id}`);
}

export async function insertEvent(
  tx: Tx,
  e: {
    id: string;
    reviewId: string;
    step: number;
    stepName: string;
    action: string;
    actorId: string;
    actorName: string;
    actorRole: TRole;
    comment: string;
    score: number | null;
  },
): Promise<void> {
  await tx.execute(sql`insert into review_event (id, review_id, step, step_name, action, actor_id, actor_name, actor_role, comment, score)
    values (${e.id}, ${e.reviewId}, ${e.step}, ${e.stepName}, ${e.action}, ${e.actorId}, ${e.actorName},
            ${e.actorRole}, ${e.comment}, ${e.score})`);
}

export type EventRow = {
  step: number;
  stepName: string;
  action: string;
  actorName: string;
  actorRole: string;
  comment: string;
  score: number | null;
  at: string;
};

export async function listEvents(tx: Tx, reviewId: string): Promise<EventRow[]> {
  const events = await tx.execute<EventRow>(sql`
    select step, step_name as "stepName", action, actor_name as "actorName", actor_role as "actorRole", comment, score, created_at as at
      from review_event where review_id = ${reviewId} order by created_at, id`);
  return events.rows;
}

export type QueueRow = {
  reviewId: string;
  resourceId: string;
  title: string;
  kind: string;
  authorName: string;
  unitName: string;
  currentStep: number;
  steps: StepDef[];
  path: string;
  stepStartedAt: string;
};

/**
 * Reviews under way inside the unit at `orgPath` whose current step names `role`, longest waiting
 * first: what the queue narrows down with the review rules (review-rules.ts `decides`).
 */
export async function listOpenReviewsUnder(tx: Tx, orgPath: string, role: string): Promise<QueueRow[]> {
  const res = await tx.execute<QueueRow>(sql`
    select rv.id as "reviewId", r.id as "resourceId", r.title, r.kind, p.name as "authorName",
           coalesce(s.name, '') as "unitName", rv.current_step as "currentStep", rv.steps, rv.path::text as path,
           rv.step_started_at as "stepStartedAt"
      from review rv join resource r on r.id = rv.resource_id join person_directory p on p.id = r.author_id
      left join org_unit s on s.id = r.school_id
     where rv.status = 'in_review' and rv.path <@ ${orgPath}::ltree
       and rv.steps -> rv.current_step -> 'roles' ? ${role}
     order by rv.step_started_at limit 500`);
  return res.rows;
}

/**
 * What decides who may read a resource's review record: its author and path, the steps of its
 * latest review (none before the first submission), and whether `personId` acted in any of its
 * reviews. Read under the caller's scope, so a resource they cannot see gives nothing.
 */
export async function findRecordTies(tx: Tx, resourceId: string, personId: string) {
  const res = await tx.execute<{
    authorId: string;
    path: string;
    steps: StepDef[] | null;
    acted: boolean;
  }>(sql`
    select r.author_id as "authorId", r.path::text as path,
           (select rv.steps from review rv where rv.resource_id = r.id order by rv.created_at desc limit 1) as steps,
           exists (select 1 from review rv join review_event re on re.review_id = rv.id
                    where rv.resource_id = r.id and re.actor_id = ${personId}) as acted
      from resource r where r.id = ${resourceId}`);
  return res.rows[0];
}

export type OpenReviewRow = Pick<
  QueueRow,
  'resourceId' | 'title' | 'currentStep' | 'steps' | 'path' | 'stepStartedAt'
>;

/** Every review under way, for the daily digest (the system's scope; a city has hundreds at most). */
export async function listAllOpenReviews(tx: Tx): Promise<OpenReviewRow[]> {
  const res = await tx.execute<OpenReviewRow>(sql`
    select rv.resource_id as "resourceId", r.title, rv.current_step as "currentStep", rv.steps,
           rv.path::text as path, rv.step_started_at as "stepStartedAt"
      from review rv join resource r on r.id = rv.resource_id
     where rv.status = 'in_review' order by rv.step_started_at`);
  return res.rows;
}

/** What a reviewer query (`stepReviewers`: columns `id`, `as_role`) returns. */
export async function listReviewers(tx: Tx, reviewers: SQL): Promise<{ id: string; asRole: string }[]> {
  const res = await tx.execute<{ id: string; asRole: string }>(
    sql`select id, as_role as "asRole" from (${reviewers}) x`,
  );
  return res.rows;
}

/** One digest run at a time across instances; false when another transaction holds the lock. */
export async function tryDigestLock(tx: Tx): Promise<boolean> {
  const lock = await tx.execute<{ ok: boolean }>(
    sql`select pg_try_advisory_xact_lock(hashtext('hanlin.review-digest')) as ok`,
  );
  return lock.rows[0]?.ok === true;
}
