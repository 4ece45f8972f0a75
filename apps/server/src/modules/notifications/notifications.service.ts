import type { SQL } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import * as repo from './notifications.repository.ts';

export interface NewNotification {
  personId: string;
  kind: string;
  title: string;
  body?: string;
  link?: string;
}

/**
 * A work's title in 书名号 for a message: 《…》 around it, unless it is exactly one already. A title
 * that holds 《…》 itself (《分数的初步认识》微课) gets its inner marks as 〈…〉, the way GB/T 15834-2011
 * nests 书名号, never 《《…》…》.
 */
export function bookTitle(title: string): string {
  const t = title.trim();
  if (/^《[^《》]*》$/.test(t)) return t;
  return `《${t.replaceAll('《', '〈').replaceAll('》', '〉')}》`;
}

const fields = (n: Omit<NewNotification, 'personId'>): repo.NotificationFields => ({
  kind: n.kind,
  title: n.title.slice(0, 200),
  body: (n.body ?? '').slice(0, 500),
  link: n.link ?? null,
});

/** Queues a message for a person, in the caller's transaction (it exists only if the event does). */
export async function notify(tx: Tx, n: NewNotification): Promise<void> {
  await repo.insertNotification(tx, { ...fields(n), id: newId(), personId: n.personId });
}

/**
 * Queues a message unless the person already had one of the same kind today (Asia/Shanghai
 * calendar): a daily digest sent twice in a day arrives once. Whether it was queued.
 */
export async function notifyOncePerDay(tx: Tx, n: NewNotification): Promise<boolean> {
  return repo.insertNotificationOncePerDay(tx, { ...fields(n), id: newId(), personId: n.personId });
}

/**
 * Queues the same message for everyone a query returns (a column `id` of person ids), in one
 * statement: a class notice reaches forty students and their parents at once. With `actingAs` the
 * query also names, in a column `as_role`, the role assignment in which each recipient acts on the
 * message, and each one's link carries it (`?as=…`), so the bell switches to that role before it
 * opens the link: a teacher who also sits on the school's expert group sees what awaits the expert.
 */
export async function notifyEach(
  tx: Tx,
  recipients: SQL,
  n: Omit<NewNotification, 'personId'>,
  opts: { actingAs?: boolean } = {},
): Promise<number> {
  return repo.insertNotificationForEach(tx, recipients, fields(n), opts.actingAs);
}

/** A link that opens `path` in the role assignment `roleAssignmentId` (see `notifyEach`). */
export const linkActingAs = (path: string, roleAssignmentId: string) => `${path}?as=${roleAssignmentId}`;

/** The signed-in person's latest messages and how many are unread. */
export async function listMine(ctx: Ctx) {
  const items = await repo.listLatest(ctx.db, ctx.actor.personId);
  const unread = await repo.countUnread(ctx.db, ctx.actor.personId);
  return { unread, items };
}

/** Marks one of the person's own messages read; someone else's is "not found". */
export async function markRead(ctx: Ctx, id: string) {
  if (!(await repo.markRead(ctx.db, id, ctx.actor.personId))) throw notFound('消息');
  return { ok: true as const };
}

/**
 * Marks read the person's messages of `kind` that open `link`: the thing they announced was dealt
 * with elsewhere (a class notice confirmed on the home page), so the bell stops counting it.
 */
export async function markReadByLink(tx: Tx, personId: string, kind: string, link: string): Promise<void> {
  await repo.markReadByLink(tx, personId, kind, link);
}
