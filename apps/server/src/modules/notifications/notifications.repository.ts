import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

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

/** One message for everyone `recipients` returns (a query with a column `id`); how many were queued. */
export async function insertNotificationForEach(
  tx: Tx,
  recipients: SQL,
  n: NotificationFields,
): Promise<number> {
  const res = await tx.execute(sql`insert into notification (id, person_id, kind, title, body, link)
    select gen_random_uuid(), r.id, ${n.kind}, ${n.title}, ${n.body}, ${n.link}
      from (${recipients}) r`);
  return res.rowCount ?? 0;
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
