/**
 * Starts are group-committed (platform/db/group-commit.ts): when a class or a district's 统考 starts
 * at the same minute, the starts that arrive while others are being written are written together,
 * with their audit rows, in one transaction (attempt-starts.repository.ts). The student's page
 * needs nothing else from the database: the paper comes from memory (attempts.cache.ts).
 *
 * What each student's row-level-security scope would check, the statement checks for each start:
 * the attempt is the signed-in student's own, for one of the classes their scope says they belong
 * to (the guard's scope, never a value of the request).
 */
import { type AuditRow, writeAuditRows } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/client.ts';
import { GroupCommit, perDatabase } from '../../platform/db/group-commit.ts';
import { type StartInput, startAttempts } from './attempt-starts.repository.ts';
import type { AttemptForView } from './attempts.repository.ts';

export interface Start extends StartInput {
  /** The audit row of this start, written only if it started. */
  audit: AuditRow;
}

async function startAll(tx: Tx, inputs: Start[]): Promise<(AttemptForView | undefined)[]> {
  const started = await startAttempts(tx, inputs);
  const audit = inputs.filter((_, i) => started[i]).map((s) => s.audit);
  if (audit.length > 0) await writeAuditRows(tx, audit);
  return started;
}

/** The app's writer of attempt starts. */
export const attemptStarts = perDatabase(
  (database) => new GroupCommit<Start, AttemptForView | undefined>(database, 'attempt-starts', startAll),
);
