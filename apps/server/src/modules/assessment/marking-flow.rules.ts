/**
 * The rules of marking a subjective answer (流水批阅): which round a new mark is, and which score
 * counts. Pure, no I/O; the service applies them under a lock of the answer.
 *
 * Single marking: every mark is a `first` mark and the latest counts (a teacher who changes a
 * score, or a colleague of the class who corrects it, writes a new one; each is audited).
 *
 * Double marking (统考): two different markers mark each script blind to each other (`first`, then
 * `second`, in the order they come). When their scores differ by more than the gap, the script
 * waits for arbitration by a third person (an assigned arbiter, another entitled marker, or the
 * exam's leader), whose score counts; otherwise the MEAN of the two counts, to two decimals. A
 * marker may change their own mark until the script is arbitrated. The exam's leaders may override
 * any counted score with a `regrade` mark, which then counts.
 */
import type { TMarkRound } from './attempts.schema.ts';

export interface MarkView {
  round: TMarkRound;
  markerId: string;
  score: number;
}

/** The latest mark of each round (marks listed oldest first). */
export function latestByRound(marks: readonly MarkView[]): Partial<Record<TMarkRound, MarkView>> {
  const out: Partial<Record<TMarkRound, MarkView>> = {};
  for (const m of marks) out[m.round] = m;
  return out;
}

/**
 * The gap above which two marks go to arbitration: the assignment's `markGap`, or else a fifth of
 * the item's score (at least one point).
 */
export const gapOf = (markGap: number | null, maxScore: number) => markGap ?? Math.max(1, maxScore * 0.2);

const round2 = (x: number) => Math.round(x * 100) / 100;

export type ScriptState =
  | 'unmarked'
  /** Double marking: one mark given, the second marker's still to come. */
  | 'awaiting_second'
  | 'awaiting_arbitration'
  | 'final';

/** The score that counts (null until there is one) and where the script stands. */
export function finalScore(
  marks: readonly MarkView[],
  double: boolean,
  gap: number,
): { score: number | null; state: ScriptState } {
  const l = latestByRound(marks);
  if (l.regrade) return { score: l.regrade.score, state: 'final' };
  if (l.arbitration) return { score: l.arbitration.score, state: 'final' };
  if (!double) return l.first ? { score: l.first.score, state: 'final' } : { score: null, state: 'unmarked' };
  if (!l.first) return { score: null, state: 'unmarked' };
  if (!l.second) return { score: null, state: 'awaiting_second' };
  return Math.abs(l.first.score - l.second.score) > gap + 1e-9
    ? { score: null, state: 'awaiting_arbitration' }
    : { score: round2((l.first.score + l.second.score) / 2), state: 'final' };
}

export interface MarkerRights {
  /** May give first and second marks on this script. */
  mark: boolean;
  /** May arbitrate this script (when they gave neither of its two marks). */
  arbitrate: boolean;
  /** A leader of the exam: may override a counted score. */
  lead: boolean;
}

export type RoundDecision = { round: TMarkRound; previous: number | null } | { refused: string };

/** Which round the actor's mark on this script is, or why they may not mark it now. */
export function decideRound(
  marks: readonly MarkView[],
  double: boolean,
  gap: number,
  actorId: string,
  rights: MarkerRights,
): RoundDecision {
  const l = latestByRound(marks);
  const mine = (r: TMarkRound) => (l[r]?.markerId === actorId ? l[r] : undefined);
  const state = finalScore(marks, double, gap).state;
  if (!double) {
    if (!rights.mark && !rights.lead) return { refused: '没有批阅这道题的权限' };
    if (l.regrade)
      return rights.lead
        ? { round: 'regrade', previous: l.regrade.score }
        : { refused: '已由考试负责人改分' };
    return { round: 'first', previous: l.first?.score ?? null };
  }
  const own = mine('first') ?? mine('second');
  if (own && !l.arbitration && !l.regrade) return { round: own.round, previous: own.score };
  if (own && !rights.lead) return { refused: '这份答卷已仲裁或改分，不能再改' };
  if (mine('arbitration') && !l.regrade) return { round: 'arbitration', previous: l.arbitration!.score };
  if (state === 'unmarked' && rights.mark) return { round: 'first', previous: null };
  if (state === 'awaiting_second' && rights.mark && !own) return { round: 'second', previous: null };
  if (state === 'awaiting_arbitration' && rights.arbitrate && !own)
    return { round: 'arbitration', previous: null };
  if (rights.lead && (state === 'final' || state === 'awaiting_arbitration'))
    return { round: 'regrade', previous: l.regrade?.score ?? l.arbitration?.score ?? null };
  if (state === 'awaiting_arbitration') return { refused: '两评分差超过阈值，等待仲裁' };
  if (state === 'awaiting_second' && own) return { refused: '这份答卷您已评过，等待第二位阅卷人' };
  return { refused: '这份答卷已有两位阅卷人评分' };
}
