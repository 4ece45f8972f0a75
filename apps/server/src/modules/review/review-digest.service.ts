import type { Tx } from '../../platform/db/client.ts';
import { bookTitle, linkActingAs, notifyOncePerDay } from '../notifications/notifications.service.ts';
import * as repo from './review.repository.ts';
import { stepReviewers } from './review-notices.ts';
import { byUrgency, stepUnits, waitAt } from './review-rules.ts';

/** The hour of the day (Asia/Shanghai) from which the day's digest goes out: before the working day. */
export const DIGEST_HOUR = 8;

/** How many items a digest names; the rest are counted, and the queue lists them all. */
const NAMED = 5;

const days = (ms: number) => Math.floor(ms / 86_400_000);

/**
 * The daily digest (R3): each reviewer who decides at least one overdue item gets one message
 * listing them, the most overdue first, linking to their queue. Once per calendar day per reviewer
 * (Asia/Shanghai): a second run the same day sends nothing, and of two instances running at once
 * one does the work (the other returns null). Run by the scheduler under a system scope.
 */
export async function sendOverdueDigests(tx: Tx, now = new Date()): Promise<{ sent: number } | null> {
  if (!(await repo.tryDigestLock(tx))) return null;
  const overdue = (await repo.listAllOpenReviews(tx))
    .map((r) => ({ ...r, step: r.steps[r.currentStep]! }))
    .filter((r) => stepUnits(r.step, r.path).length > 0)
    .map((r) => ({ ...r, ...waitAt(r.step, r.stepStartedAt, now) }))
    .filter((r) => r.overdue)
    .sort(byUrgency);
  // Items whose step is decided by the same roles at the same units share their reviewers.
  const byReviewers = new Map<string, typeof overdue>();
  for (const r of overdue) {
    const key = JSON.stringify([r.step.roles, stepUnits(r.step, r.path)]);
    byReviewers.set(key, [...(byReviewers.get(key) ?? []), r]);
  }
  // A reviewer's items, and a role they decide some of them in (where the digest's link opens).
  const perPerson = new Map<string, { asRole: string; items: typeof overdue }>();
  for (const items of byReviewers.values()) {
    for (const { id, asRole } of await repo.listReviewers(
      tx,
      stepReviewers(items[0]!.step, items[0]!.path),
    )) {
      const mine = perPerson.get(id) ?? { asRole, items: [] };
      perPerson.set(id, { asRole: mine.asRole, items: [...mine.items, ...items] });
    }
  }
  let sent = 0;
  for (const [personId, { asRole, items }] of perPerson) {
    items.sort(byUrgency);
    const named = items
      .slice(0, NAMED)
      .map((r) => `${bookTitle(r.title)}（${r.step.name}，已等待 ${days(r.waitedMs)} 天）`);
    const more = items.length > NAMED ? `等 ${items.length} 项` : '';
    const queued = await notifyOncePerDay(tx, {
      personId,
      kind: 'review.digest',
      title: `审核提醒：${items.length} 项资源已超过审核期限`,
      body: `${named.join('；')}${more}。`,
      link: linkActingAs('/reviews', asRole),
    });
    if (queued) sent++;
  }
  return { sent };
}
