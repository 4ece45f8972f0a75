import type { AuditEntry } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { type Scope, scopeCovers } from '../../platform/scope/scope.ts';
import type { CodeBook } from './code-book.ts';
import type { TImportSummary, TRowError } from './roster-import.schema.ts';
import type { RawRow } from './sheet-io.ts';

/** What one import run shares between its validation and its write. */
export interface ImportRun {
  jobId: string;
  book: CodeBook;
  /** Rows processed so far; persisted on its own connection (throttled), so polling sees it. */
  progress: (processed: number) => Promise<void>;
  /** argon2id hash of a random secret nobody knows, computed once per job, for new accounts. */
  unusablePassword: () => Promise<string>;
  /** Audit entries of the write, flushed in multi-row inserts inside the same transaction. */
  audits: AuditEntry[];
}

export interface Validation<P> {
  errors: TRowError[];
  plan: P;
  summary: TImportSummary;
}

/**
 * One kind of roster import: `validate` reads everything it needs in batches and decides, row by
 * row, create / update / unchanged / error, writing nothing; `apply` writes a plan in the caller's
 * transaction with multi-row statements.
 */
export interface Importer<P> {
  validate(ctx: Ctx, run: ImportRun, rows: RawRow[]): Promise<Validation<P>>;
  apply(ctx: Ctx, run: ImportRun, plan: P): Promise<void>;
}

/** True when `path` lies inside the actor's scope (the same rule as `inScope` in SQL). */
export const within = (scope: Scope, path: string): boolean => scopeCovers(scope, path);

/** Reports progress every `every` rows during a loop. */
export async function tick(run: ImportRun, i: number, every = 500): Promise<void> {
  if (i > 0 && i % every === 0) await run.progress(i);
}

/** A cumulative progress reporter for the write phase: call it with the rows of each chunk written. */
export function progressCounter(run: ImportRun): (n: number) => Promise<void> {
  let done = 0;
  return (n) => {
    done += n;
    return run.progress(done);
  };
}

/** Names of the fields whose new value differs from the stored one. */
export function changedFields<A extends object>(before: A, after: Partial<A>): string[] {
  return Object.keys(after).filter((k) => {
    const a = (before as Record<string, unknown>)[k];
    const b = (after as Record<string, unknown>)[k];
    if (Array.isArray(a) && Array.isArray(b)) return a.join(',') !== b.join(',');
    return (a ?? null) !== (b ?? null);
  });
}

/** The values that are there: the keys of rows whose cells could be read, for a batch lookup. */
export const defined = <T>(values: (T | undefined)[]): T[] => values.filter((v): v is T => v !== undefined);

export const emptySummary = (): TImportSummary => ({ created: 0, updated: 0, unchanged: 0 });
