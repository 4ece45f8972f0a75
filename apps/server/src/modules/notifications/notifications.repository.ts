import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { TODAY } from '../../platform/db/types.ts';

/** A message as stored: title and body already cut to their lengths. */
export interface NotificationFields {
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

export async function insertNotification(
  tx: Tx,
  n: NotificationFields & { id: string; personId: string },
): Promise<void> {
  await tx.execute(sql`insert into notification (id, person_id, kind, title, body, link)
    values (${n.id}, ${n.personId}, ${n.kind}, ${n.title}, ${n.body}, ${n.link})`);
}

/**
 * One message for everyone `recipients` returns (a query with a column `id`); how many were queued.
 * With `actingAs`, the query also has a column `as_role` (a role assignment id) that each one's link
 * carries as `?as=…`.
 */
export async function insertNotificationForEach(
  tx: Tx,
  recipients: SQL,
  n: NotificationFields,
  actingAs = false,
): Promise<number> {
  const link = actingAs ? sql`${n.link} || '?as=' || r.as_role` : sql`${n.link}`;
  const res = await tx.execute(sql`insert into notification (id, person_id, kind, title, body, link)
    select gen_random_uuid(), r.id, ${n.kind}, ${n.title}, ${n.body}, ${link}
      from (${recipients}) r`);
  return res.rowCount ?? 0;
}

/**
 * Queues a message unless the person already has one of the same kind since midnight in the
 * bureau's calendar (Asia/Shanghai); whether it did. Not safe against a concurrent insert of the same
 * kind: callers that may run twice at once serialise themselves (the digest job takes a lock).
 */
export async function insertNotificationOncePerDay(
  tx: Tx,
  n: NotificationFields & { id: string; personId: string },
): Promise<boolean> {
  const res = await tx.execute(sql`insert into notification (id, person_id, kind, title, body, link)
    select ${n.id}, ${n.personId}, ${n.kind}, ${n.title}, ${n.body}, ${n.link}
     where not exists (select 1 from notification x where x.person_id = ${n.personId} and x.kind = ${n.kind}
                        and x.created_at >= ${TODAY}::timestamp at time zone 'Asia/Shanghai')`);
  return (res.rowCount ?? 0) > 0;
}

export type NotificationRow = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
};

/** A person's latest 50 messages, newest first. */
export async function listLatest(tx: Tx, personId: string): Promise<NotificationRow[]> {
  const items =
    await tx.execute<NotificationRow>(sql`select id, kind, title, body, link, read_at as "readAt", created_at as "createdAt" from notification
     where person_id = ${personId} order by created_at desc limit 50`);
  return items.rows;
}

export async function countUnread(tx: Tx, personId: string): Promise<number> {
  const unread = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from notification where person_id = ${personId} and read_at is null`,
  );
  return unread.rows[0]!.n;
}

/** Marks a person's own message read (kept at the first read); false when they have no such message. */
export async function markRead(tx: Tx, id: string, personId: string): Promise<boolean> {
  const res = await tx.execute(sql`update notification set read_at = coalesce(read_at, now())
    where id = ${id} and person_id = ${personId}`);
  return (res.rowCount ?? 0) > 0;
}

/** Marks read a person's unread messages of `kind` that open `link` (a notice confirmed where it was shown). */
export async function markReadByLink(tx: Tx, personId: string, kind: string, link: string): Promise<void> {
  await tx.execute(sql`update notification set read_at = now()
    where person_id = ${personId} and kind = ${kind} and link = ${link} and read_at is null`);
}
