/**
 * Group commit of a hot write that many people make at the same moment (a class starting an exam,
 * saving answers). Each such write on its own costs three round trips to the database (open the
 * scoped transaction, the statement, the commit) and a flush of the log; on a two-core server the
 * round trips, not the data, are the limit. Writes that arrive while earlier ones are being written
 * wait, and are then written together in one transaction by one statement over all of them: an
 * idle server writes each at once, a busy one in batches as large as the wait made them. No timer:
 * nothing waits longer than the write before it.
 *
 * Each caller's promise settles only after the transaction holding its write has committed, so a
 * crash loses nothing that was acknowledged. One transaction cannot carry each person's row-level
 * security scope, so the batch runs under a system scope named by its purpose, and the statement
 * must itself check, for every row, what that person's scope would (the module says how beside its
 * statement); callers pass only what the guard established (the actor's id, their scope's paths).
 */
import type { Database, Tx } from './client.ts';
import { systemScope, withScope } from './scoped.ts';

interface Waiting<In, Out> {
  input: In;
  resolve: (o: Out) => void;
  reject: (err: unknown) => void;
}

export class GroupCommit<In, Out> {
  private waiting: Waiting<In, Out>[] = [];
  private writing = 0;
  private readonly scope;

  constructor(
    private readonly database: Database,
    purpose: string,
    /** Writes `inputs` in `tx` and returns one outcome per input, in their order. */
    private readonly writeAll: (tx: Tx, inputs: In[]) => Promise<Out[]>,
    /** Batches written at the same time (each holds a pooled connection while it is written). */
    private readonly concurrent = 2,
    /** The most writes in one statement. */
    private readonly most = 500,
  ) {
    this.scope = systemScope(purpose);
  }

  /** Writes `input` with whatever else is waiting; resolves with its outcome once committed. */
  write(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.writing < this.concurrent && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.most);
      this.writing++;
      void this.run(batch).finally(() => {
        this.writing--;
        this.next();
      });
    }
  }

  private async run(batch: Waiting<In, Out>[]): Promise<void> {
    let out: Out[];
    try {
      out = await withScope(this.database, this.scope, (tx) =>
        this.writeAll(
          tx,
          batch.map((w) => w.input),
        ),
      );
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      // One write's failure (a lost lock race, say) must not fail the others: each on its own.
      await Promise.all(batch.map((w) => this.run([w])));
      return;
    }
    batch.forEach((w, i) => {
      w.resolve(out[i]!);
    });
  }
}

/**
 * A getter of one `GroupCommit` per database pool, made on first use: one per app instance (tests
 * build several apps in one process, each on its own database).
 */
export function perDatabase<In, Out>(
  make: (database: Database) => GroupCommit<In, Out>,
): (database: Database) => GroupCommit<In, Out> {
  const byDatabase = new WeakMap<Database, GroupCommit<In, Out>>();
  return (database) => {
    let g = byDatabase.get(database);
    if (!g) {
      g = make(database);
      byDatabase.set(database, g);
    }
    return g;
  };
}
