import { asSystem } from '../../platform/db/scoped.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { roleHolders } from '../identity/role-holders.repository.ts';
import { notify, notifyEach } from '../notifications/notifications.service.ts';
import { levelUnit, SHARE_REVIEWERS } from './assessment.policy.ts';
import type { TShareLevel } from './bank.schema.ts';

export type SharedLevel = Exclude<TShareLevel, 'private'>;

export const LEVEL_NAMES: Record<SharedLevel, string> = { school: '全校', district: '全区', city: '全市' };

/** A stem as a message names it: its first words, in 「」. */
const named = (stem: string) => `「${stem.length > 24 ? `${stem.slice(0, 24)}…` : stem}」`;

/**
 * Tells everyone who decides shares at `level` for the item's unit that one waits (the queue shows
 * them the same items). Finding them reads other people's roles, hence the system scope.
 */
export async function notifyShareReviewers(
  ctx: Ctx,
  item: { id: string; path: string; stemText: string },
  level: SharedLevel,
): Promise<number> {
  const unit = levelUnit(item.path, level);
  if (!unit) return 0;
  return asSystem(ctx.db, 'item-share-notice', () =>
    notifyEach(
      ctx.db,
      roleHolders(SHARE_REVIEWERS[level], [unit]),
      {
        kind: 'bank.share.arrival',
        title: `试题共享到${LEVEL_NAMES[level]}待您审核`,
        body: `${ctx.actor.name}：${named(item.stemText)}`,
        link: '/bank/reviews',
      },
      { actingAs: true },
    ),
  );
}

/** Tells the author what the reviewer decided, with the reason of a return. */
export async function notifyShareDecision(
  ctx: Ctx,
  item: { id: string; authorId: string; stemText: string },
  level: SharedLevel,
  decision: 'approve' | 'return',
  reason: string,
): Promise<void> {
  await notify(ctx.db, {
    personId: item.authorId,
    kind: decision === 'approve' ? 'bank.share.approve' : 'bank.share.return',
    title:
      decision === 'approve'
        ? `试题已共享到${LEVEL_NAMES[level]}`
        : `试题共享到${LEVEL_NAMES[level]}的申请被退回`,
    body: `${named(item.stemText)}${reason ? `：${reason}` : ''}`,
    link: `/bank/items/${item.id}`,
  });
}
