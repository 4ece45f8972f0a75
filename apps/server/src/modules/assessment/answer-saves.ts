/**
 * Group commit of answer saves. When a class (or a district's 统考) answers at once, every save
 * on its own costs three round trips to the database (open the scoped transaction, the save, the
 * commit) and a flush of the log; on a two-core server the round trips, not the data, were the limit
 * (900 saves/s). Saves that arrive while earlier ones are being written wait and are then written
 * together, in one transaction and one statement: an idle server writes each at once, a busy one
 * in batches as large as the wait made them. No timer: nothing waits longer than one write.
 *
 * A save is acknowledged only after the transaction holding it has committed, so a crash loses no
 * acknowledged answer, as before. The batch runs under a system scope, as one transaction cannot
 * carry each student's row-level-security scope; what that scope would check, the statement checks
 * for each save itself: the attempt must be the one of the student whose request it is (the
 * signed-in actor, never a value of the request). The service has already matched the attempt to
 * the actor (`ownAttempt`).
 */
import type { Database } from '../../platform/db/client.ts';
import { systemScope, withScope } from '../../platform/db/scoped.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { type BatchedSave, saveResponses } from './answer-saves.repository.ts';
import type { SaveOutcome } from './attempts.repository.ts';

const SCOPE = systemScope('answer-saves');

interface Waiting {
  save: BatchedSave;
  resolve: (o: SaveOutcome) => void;
  reject: (err: unknown) => void;
}

export class AnswerSaves {
  private waiting: Waiting[] = [];
  private writing = 0;

  constructor(
    private readonly database: Database,
    /** Batches written at the same time (each holds a pooled connection while it is written). */
    private readonly concurrent = 2,
    /** The most saves in one statement. */
    private readonly most = 500,
  ) {}

  /** Saves one answer; resolves once it is committed (or known to be a repeat or refused). */
  save(save: BatchedSave): Promise<SaveOutcome> {
    return new Promise<SaveOutcome>((resolve, reject) => {
      this.waiting.push({ save, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.writing < this.concurrent && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.most);
      this.writing++;
      void this.write(batch).finally(() => {
        this.writing--;
        this.next();
      });
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    let out: SaveOutcome[];
    try {
      out = await withScope(this.database, SCOPE, (tx) =>
        saveResponses(
          tx,
          batch.map((w) => w.save),
        ),
      );
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      // One save's failure (a lost lock race, say) must not fail the others: each on its own.
      await Promise.all(batch.map((w) => this.write([w])));
      return;
    }
    batch.forEach((w, i) => {
      w.resolve(out[i]!);
    });
  }
}

// Per app instance (tests build several apps in one process, each on its own database).
const byApp = new WeakMap<AppDeps, AnswerSaves>();

/** The app's answer writer. */
export function answerSaves(deps: AppDeps): AnswerSaves {
  let w = byApp.get(deps);
  if (!w) {
    w = new AnswerSaves(deps.database);
    byApp.set(deps, w);
  }
  return w;
}
