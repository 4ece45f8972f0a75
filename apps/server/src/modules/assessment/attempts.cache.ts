/**
 * What the save of an answer needs besides the statement that saves it, kept in memory per app
 * instance: an attempt's student and assignment, and the assignment's paper as leaves. All of it is
 * immutable once the attempt exists (an attempt never changes hands or assignment; a finalised
 * paper's document is a snapshot), so no change can make it stale and no notification is needed;
 * the deadline, the status and the answers, which do change, are always read in the transaction.
 */
import type { Tx } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { itemCount, leafKey, leavesOf, type PaperLeaf, studentPaper } from './attempts.paper.ts';
import { type AnswerablePaper, findAnswerablePaper, findAttempt } from './attempts.repository.ts';

export interface PaperForAnswering {
  paperFree: boolean;
  forwardOnly: boolean;
  items: number;
  leaves: ReadonlyMap<string, PaperLeaf>;
  document: AnswerablePaper['document'];
  /** The paper without its key, built once: 3,000 students opening one exam get the same object. */
  student: ReturnType<typeof studentPaper>;
}

interface AttemptOwner {
  studentId: string;
  assignmentId: string;
}

/** Least recently used map of at most `max` entries. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) {
      this.map.delete(k);
      this.map.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): void {
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}

class AnsweringCache {
  readonly papers = new Lru<PaperForAnswering>(500);
  /** Papers being read: a class starting together reads its paper once, not once per student. */
  readonly loading = new Map<string, Promise<PaperForAnswering | undefined>>();
  readonly owners = new Lru<AttemptOwner>(100_000);
}

// Per app instance (tests build several apps in one process, each on its own database).
const byApp = new WeakMap<AppDeps, AnsweringCache>();
const cacheOf = (deps: AppDeps) => {
  let c = byApp.get(deps);
  if (!c) {
    c = new AnsweringCache();
    byApp.set(deps, c);
  }
  return c;
};

/**
 * The assignment's paper ready for answering; undefined when the reader may not see it. Callers have
 * matched the attempt (or the start) to the reader, so the paper of the assignment is theirs to see.
 */
export async function paperFor(deps: AppDeps, tx: Tx, assignmentId: string) {
  const cache = cacheOf(deps);
  const hit = cache.papers.get(assignmentId);
  if (hit) return hit;
  let loading = cache.loading.get(assignmentId);
  if (!loading) {
    loading = loadPaper(tx, assignmentId)
      .then((paper) => {
        if (paper) cache.papers.set(assignmentId, paper);
        return paper;
      })
      .finally(() => cache.loading.delete(assignmentId));
    cache.loading.set(assignmentId, loading);
  }
  return loading;
}

async function loadPaper(tx: Tx, assignmentId: string): Promise<PaperForAnswering | undefined> {
  const row = await findAnswerablePaper(tx, assignmentId);
  if (!row?.document) return undefined;
  const leaves = leavesOf(row.document);
  const paper: PaperForAnswering = {
    paperFree: row.paperFree,
    forwardOnly: row.paperFree && row.document.navigation === 'forward_only',
    items: itemCount(row.document),
    leaves: new Map(leaves.map((l) => [leafKey(l.number, l.part), l])),
    document: row.document,
    student: studentPaper(row.document),
  };
  return paper;
}

/** Who an attempt belongs to and which assignment it answers; undefined for an unknown or unseen id. */
export async function ownerOf(deps: AppDeps, tx: Tx, attemptId: string): Promise<AttemptOwner | undefined> {
  const cache = cacheOf(deps);
  const hit = cache.owners.get(attemptId);
  if (hit) return hit;
  const row = await findAttempt(tx, attemptId);
  if (!row) return undefined;
  const owner = { studentId: row.studentId, assignmentId: row.assignmentId };
  cache.owners.set(attemptId, owner);
  return owner;
}

/** Remembers a new attempt's owner (the start knows it, so the first save needs no look-up). */
export const rememberOwner = (deps: AppDeps, attemptId: string, owner: AttemptOwner) =>
  cacheOf(deps).owners.set(attemptId, owner);
