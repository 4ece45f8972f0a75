import { notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import * as repo from './notices.repository.ts';
import { audienceOf } from './privacy.policy.ts';
import type { TNoticeAudience } from './privacy.schema.ts';

/** The notice the actor has yet to read: the current version for their role's audience, if unread. */
export async function pendingNotice(ctx: Ctx) {
  return (await repo.findPendingNotice(ctx.db, audienceOf(ctx.actor.role), ctx.actor.personId)) ?? null;
}

/** The current notice of the actor's audience, for the privacy page. */
export async function currentNotice(ctx: Ctx) {
  return (await repo.findCurrentNotice(ctx.db, audienceOf(ctx.actor.role))) ?? null;
}

/** Records that the actor has read a notice (告知): audited with its version. */
export async function acknowledgeNotice(ctx: Ctx, noticeId: string) {
  const notice = await repo.findNotice(ctx.db, noticeId);
  if (!notice) throw notFound('告知书');
  if (await repo.insertAck(ctx.db, ctx.actor.personId, notice.id)) {
    await ctx.audit({
      action: 'privacy.notice_acknowledged',
      targetType: 'privacy_notice',
      targetId: notice.id,
      details: { audience: notice.audience, version: notice.version },
    });
  }
  return { ok: true as const };
}

/** Every version of every notice, with how many people acknowledged it (for the bureau). */
export const listNotices = (ctx: Ctx) => repo.listNotices(ctx.db);

/**
 * Publishes a new version of an audience's notice: everyone of that audience is shown it at their
 * next sign-in. The bureau (市教育局) publishes; audited.
 */
export async function publishNotice(ctx: Ctx, n: { audience: TNoticeAudience; title: string; body: string }) {
  const notice = await repo.insertNotice(ctx.db, { ...n, publishedBy: ctx.actor.personId });
  await ctx.audit({
    action: 'privacy.notice_published',
    targetType: 'privacy_notice',
    targetId: notice.id,
    details: { audience: notice.audience, version: notice.version },
  });
  return notice;
}
