import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

export type ThrottleKind = 'password' | 'totp';

/** Failures older than this are forgotten, and so are earlier locks. */
const FORGET = sql`interval '24 hours'`;

/** The end of a running lock for the subject from this source, if any. */
export async function findLock(
  tx: Tx,
  kind: ThrottleKind,
  subject: string,
  source: string,
): Promise<Date | null> {
  const res = await tx.execute<{ until: string }>(sql`
    select locked_until as until from login_throttle
     where kind = ${kind} and subject = ${subject} and source = ${source} and locked_until > now()`);
  const until = res.rows[0]?.until;
  return until ? new Date(until) : null;
}

/**
 * Counts one failure; at `attempts` failures locks the subject for this source, each lock twice as
 * long as the one before (`baseMs`, 2×, 4× … at most `maxMs`). Returns the lock's end when this
 * failure started one. The upsert takes the row lock, so concurrent attempts count one by one.
 */
export async function recordFailure(
  tx: Tx,
  kind: ThrottleKind,
  key: { subject: string; source: string },
  policy: { attempts: number; baseMs: number; maxMs: number },
): Promise<Date | null> {
  const counted = await tx.execute<{ failures: number }>(sql`
    insert into login_throttle as t (kind, subject, source, failures, locks, updated_at)
    values (${kind}, ${key.subject}, ${key.source}, 1, 0, now())
    on conflict (kind, subject, source) do update set
      failures = case when t.updated_at < now() - ${FORGET} then 1 else t.failures + 1 end,
      locks = case when t.updated_at < now() - ${FORGET} then 0 else t.locks end,
      updated_at = now()
    returning failures`);
  if ((counted.rows[0]?.failures ?? 0) < policy.attempts) return null;
  const locked = await tx.execute<{ until: string }>(sql`
    update login_throttle set failures = 0, locks = locks + 1,
           locked_until = now() + least(${policy.baseMs}::float8 * power(2, locks), ${policy.maxMs}::float8)
                                  * interval '1 millisecond'
     where kind = ${kind} and subject = ${key.subject} and source = ${key.source}
    returning locked_until as until`);
  const until = locked.rows[0]?.until;
  return until ? new Date(until) : null;
}

/** A success from this source forgets its failures and locks. */
export async function clearSource(
  tx: Tx,
  kind: ThrottleKind,
  subject: string,
  source: string,
): Promise<void> {
  await tx.execute(
    sql`delete from login_throttle where kind = ${kind} and subject = ${subject} and source = ${source}`,
  );
}

/** An administrator's reset ends every lock of the subject, from every source. */
export async function clearSubject(tx: Tx, subject: string): Promise<void> {
  await tx.execute(sql`delete from login_throttle where subject = ${subject}`);
}

/** How many source addresses the subject is locked out from now. */
export async function countSubjectLocks(tx: Tx, subject: string): Promise<number> {
  const res = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from login_throttle where subject = ${subject} and locked_until > now()`,
  );
  return res.rows[0]?.n ?? 0;
}
