/** What a student's mastery report reads (issue 11 §5), inside the caller's transaction. */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

export type ReportRow = {
  kp: string;
  code: string;
  name: string;
  strand: string;
  subjectCode: string;
  p: number;
  correct: number;
  wrong: number;
  lastAt: string;
};

/** Every estimate of the student with its point (all subjects: prerequisites may cross a strand). */
export async function studentPoints(tx: Tx, studentId: string): Promise<ReportRow[]> {
  const r = await tx.execute<ReportRow>(sql`
    select km.knowledge_point_id::text as kp, k.code, k.name, k.strand, k.subject_code as "subjectCode",
           km.p, km.correct, km.wrong, km.last_at::text as "lastAt"
      from knowledge_mastery km join knowledge_point k on k.id = km.knowledge_point_id
     where km.student_id = ${studentId}
     order by k.subject_code, k.code`);
  return r.rows;
}
