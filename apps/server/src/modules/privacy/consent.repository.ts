import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';

export type ConsentState = {
  purpose: string;
  granted: boolean;
  decidedAs: string;
  decidedAt: string;
  decidedByName: string | null;
};

/** The decision in force per purpose for a subject (the latest one). */
export async function findConsents(tx: Tx, subjectId: string): Promise<ConsentState[]> {
  const res = await tx.execute<ConsentState>(sql`
    select distinct on (c.purpose) c.purpose, c.granted, c.decided_as as "decidedAs",
           c.decided_at::text as "decidedAt", p.name as "decidedByName"
      from consent_record c left join person_directory p on p.id = c.decided_by
     where c.subject_id = ${subjectId}
     order by c.purpose, c.decided_at desc, c.id desc`);
  return res.rows;
}

export async function insertConsent(
  tx: Tx,
  c: {
    subjectId: string;
    purpose: string;
    granted: boolean;
    decidedBy: string;
    decidedAs: 'self' | 'guardian';
    noticeId: string | null;
    path: string | null;
  },
): Promise<string> {
  const id = newId();
  await tx.execute(sql`insert into consent_record (id, subject_id, purpose, granted, decided_by, decided_as, notice_id, path)
    values (${id}, ${c.subjectId}, ${c.purpose}, ${c.granted}, ${c.decidedBy}, ${c.decidedAs}, ${c.noticeId},
            ${c.path}::ltree)`);
  return id;
}

/**
 * SQL: true when the latest decision of `subject` for `purpose` is a grant. For other modules'
 * queries (a child's space in the showcase only with consent); withdrawal takes effect at once.
 */
export const consentGranted = (subject: SQL, purpose: string): SQL =>
  sql`coalesce((select c.granted from consent_record c where c.subject_id = ${subject} and c.purpose = ${purpose}
                order by c.decided_at desc, c.id desc limit 1), false)`;
