import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { TODAY } from '../../platform/db/types.ts';

/**
 * Counts one use of learning spaces by a person today (a visit, a post, a comment, a like, a
 * collection). One row per person and day, so the S3 measure (used on at least 4 of the last 30
 * days) is a count of rows.
 */
export async function recordUse(db: Tx, personId: string): Promise<void> {
  await db.execute(sql`insert into space_use_day (person_id, day) values (${personId}, ${TODAY})
    on conflict (person_id, day) do update set uses = space_use_day.uses + 1`);
}
