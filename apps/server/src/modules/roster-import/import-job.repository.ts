import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { importJobs } from './roster-import.schema.ts';

export type ImportJobRow = typeof importJobs.$inferSelect;

/** Inserts a job unless one with the same key is still running; returns undefined in that case. */
export async function insertJobUnlessRunning(
  tx: Tx,
  values: typeof importJobs.$inferInsert,
): Promise<ImportJobRow | undefined> {
  const rows = await tx
    .insert(importJobs)
    .values(values)
    .onConflictDoNothing({
      target: importJobs.idempotencyKey,
      where: sql`${importJobs.status} in ('validating','importing')`,
    })
    .returning();
  return rows[0];
}

export async function findRunningJob(tx: Tx, key: string): Promise<ImportJobRow | undefined> {
  const rows = await tx
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.idempotencyKey, key), inArray(importJobs.status, ['validating', 'importing'])));
  return rows[0];
}

export async function findJob(tx: Tx, id: string): Promise<ImportJobRow | undefined> {
  const rows = await tx.select().from(importJobs).where(eq(importJobs.id, id));
  return rows[0];
}

export async function updateJob(
  tx: Tx,
  id: string,
  patch: Partial<
    Pick<ImportJobRow, 'status' | 'processed' | 'errors' | 'errorCount' | 'summary' | 'finishedAt'>
  >,
): Promise<void> {
  await tx
    .update(importJobs)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(importJobs.id, id));
}

/** Drops uploaded workbooks (they hold ID numbers) after the retention period; the job record stays. */
export async function purgeOldFiles(tx: Tx, days: number): Promise<void> {
  await tx
    .update(importJobs)
    .set({ fileEnc: null })
    .where(
      and(
        isNotNull(importJobs.fileEnc),
        lt(importJobs.createdAt, sql`now() - make_interval(days => ${days})`),
      ),
    );
}
