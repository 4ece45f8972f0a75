/**
 * What the mastery model remembers about one student: counts and recent outcomes per knowledge
 * point and overall. Plain JSON (numbers and string keys) so the server can store it as is; one
 * graded answer changes one entry per knowledge point of the item plus the overall counters.
 */

/** Decay of the short and long exponentially weighted success rates (per answer). */
export const FAST_DECAY = 0.6;
export const SLOW_DECAY = 0.9;
/** Outcomes kept as bits, newest in bit 0. */
export const HISTORY = 3;

/** Counters of one knowledge point (or of all answers, for the overall entry). */
export interface Counters {
  /** Correct / wrong answers so far. */
  s: number;
  f: number;
  /** Last `HISTORY` outcomes as bits (1 = correct), newest in bit 0 (min(s + f, HISTORY) valid). */
  hist: number;
  /** Exponentially weighted sums of outcomes, short and long memory (weights: `decayedWeight`). */
  fast: number;
  slow: number;
}

/** Σ decay^k over the last n answers: the weight behind an exponentially weighted sum. */
export const decayedWeight = (decay: number, n: number): number => (1 - decay ** n) / (1 - decay);

export interface SkillCounters extends Counters {
  /** Consecutive correct (> 0) or wrong (< 0) answers on this point up to now. */
  streak: number;
  /** Index (in the student's answers) of the last answer on this point. */
  at: number;
  /** Answers in a row on this point up to its last answer (a block of practice on it). */
  run: number;
}

export interface MasteryState {
  /** Number of answers seen (an answer on an item with several points counts once). */
  answers: number;
  all: Counters;
  skills: Record<string, SkillCounters>;
}

const emptyCounters = (): Counters => ({ s: 0, f: 0, hist: 0, fast: 0, slow: 0 });

/** The state of a student with no graded answer yet. */
export function emptyState(): MasteryState {
  return { answers: 0, all: emptyCounters(), skills: {} };
}

function bump(c: Counters, ok: boolean): void {
  const y = ok ? 1 : 0;
  c.s += y;
  c.f += 1 - y;
  c.hist = ((c.hist << 1) | y) & ((1 << HISTORY) - 1);
  c.fast = c.fast * FAST_DECAY + y;
  c.slow = c.slow * SLOW_DECAY + y;
}

/**
 * Applies one answer in place: each of its knowledge points gets its own outcome (`correct[i]`),
 * the overall counters get one outcome, correct when all parts are. Used by `update` (on a copy)
 * and by the nightly recompute and the trainer (on a state they own).
 */
export function applyAnswerInPlace(
  state: MasteryState,
  skills: readonly string[],
  correct: readonly boolean[],
): void {
  let all = true;
  for (let i = 0; i < skills.length; i++) {
    const key = skills[i]!;
    const ok = correct[i] ?? correct[0] ?? false;
    all &&= ok;
    let c = state.skills[key];
    if (!c) {
      c = { s: 0, f: 0, hist: 0, fast: 0, slow: 0, streak: 0, at: -1, run: 0 };
      state.skills[key] = c;
    }
    bump(c, ok);
    c.streak = ok ? Math.max(c.streak, 0) + 1 : Math.min(c.streak, 0) - 1;
    c.run = c.at === state.answers - 1 ? c.run + 1 : 1;
    c.at = state.answers;
  }
  bump(state.all, all);
  state.answers++;
}

/** A copy that shares nothing mutable with `state` except the untouched skill entries. */
export function copyForUpdate(state: MasteryState, touched: readonly string[]): MasteryState {
  const skills = { ...state.skills };
  for (const k of touched) {
    const c = skills[k];
    if (c) skills[k] = { ...c };
  }
  return { answers: state.answers, all: { ...state.all }, skills };
}
