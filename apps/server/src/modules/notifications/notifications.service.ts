import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';

export interface NewNotification {
  personId: string;
  kind: string;
  title: string;
  body?: string;
  link?: string;
}

/** Queues a message for a person, in the caller's transaction (it exists only if the event does). */
export async function notify(tx: Tx, n: NewNotification): Promise<void> {
  await tx.execute(sql`insert into notification (id, person_id, kind, title, body, link)
    values (${newId()}, ${n.personId}, ${n.kind}, ${n.title.slice(0, 200)}, ${(n.body ?? '').slice(0, 500)}, ${n.link ?? null})`);
}

/**
 * Queues the same message for everyone a query returns (a column `id` of person ids), in one
 * statement: a class notice reaches forty students and their parents at once.
 */
export async function notifyEach(
  tx: Tx,
  recipients: SQL,
  n: Omit<NewNotification, 'personId'>,
): Promise<number> {
  const res = await tx.execute(sql`insert into notification (id, person_id, kind, title, body, link)
    select gen_random_uuid(), r.id, ${n.kind}, ${n.title.slice(0, 200)}, ${(n.body ?? '').slice(0, 500)}, ${n.link ?? null}
      from (${recipients}) r`);
  return res.rowCount ?? 0;
}

/** The signed-in person's latest messages and how many are unread. */
export async function listMine(ctx: Ctx) {
  const items = await ctx.db.execute<{
    id: string;
    kind: string;
    title: string;
    body: string;
    link: string | null;
    readAt: string | null;
    createdAt: string;
  }>(sql`select id, kind, title, body, link, read_at as "readAt", created_at as "createdAt" from notification
     where person_id = ${ctx.actor.personId} order by created_at desc limit 50`);
  const unread = await ctx.db.execute<{ n: number }>(
    sql`select count(*)::int as n from notification where person_id = ${ctx.actor.personId} and read_at is null`,
  );
  return { unread: unread.rows[0]!.n, items: items.rows };
}

/** Marks one of the person's own messages read; someone else's is "not found". */
export async function markRead(ctx: Ctx, id: string) {
  const res = await ctx.db.execute(sql`update notification set read_at = coalesce(read_at, now())
    where id = ${id} and person_id = ${ctx.actor.personId}`);
  if ((res.rowCount ?? 0) === 0) throw notFound('消息');
  return { ok: true as const };
}
