/**
 * Grading at submission (A5): the machine's score of each objective answer of an attempt, with the
 * assignment's key changes (the regrade of a blank) applied on top of the paper's key. Pure, no I/O.
 *
 * `gradeObjective` is the one place that calls the item grader: until `grading.ts` (normalised
 * fill-ins: full/half width, equivalent numbers, units) lands, a plain comparison stands in for it.
 */

import { leafKey, type PaperLeaf } from './attempts.paper.ts';
import type { TKeyChange } from './attempts.schema.ts';
import type { AnswerValue, LeafItem } from './item-model.ts';

export interface LeafGrade {
  score: number;
  /** What was found right: per blank for fill-ins, else the whole answer. */
  detail: Record<string, unknown>;
}

/** The leaf with the answers the teacher accepted later added to its blanks. */
export function withKeyChanges(leaf: PaperLeaf, changes: readonly TKeyChange[]): LeafItem {
  const c = leaf.content;
  if (c.type !== 'fill_in') return c;
  const mine = changes.filter((k) => k.number === leaf.number && k.part === leaf.part);
  if (mine.length === 0) return c;
  return {
    ...c,
    blanks: c.blanks.map((b) => {
      const more = mine.filter((k) => k.blankId === b.id).flatMap((k) => k.accepted);
      return more.length === 0 ? b : { ...b, accepted: [...b.accepted, ...more] };
    }),
  };
}

/** Full-width to half-width, spaces out, case folded unless the blank is case-sensitive. */
function plain(s: string, caseSensitive: boolean): string {
  const t = s.normalize('NFKC').replace(/\s+/g, '');
  return caseSensitive ? t : t.toLowerCase();
}

/** A number as typed: decimal or a fraction a/b (the grader to come also reads 二分之一, units …). */
function numberOf(s: string): number {
  const m = /^(-?\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(s);
  return m ? Number(m[1]) / Number(m[2]) : s === '' ? Number.NaN : Number(s);
}

function blankRight(b: Extract<LeafItem, { type: 'fill_in' }>['blanks'][number], given: string | undefined) {
  if (given === undefined || given.trim() === '') return false;
  if (b.kind === 'number') {
    const unit = b.unit ? plain(b.unit, false) : '';
    const strip = (s: string) => {
      const t = plain(s, false);
      return unit && t.endsWith(unit) ? t.slice(0, -unit.length) : t;
    };
    const v = numberOf(strip(given));
    if (!Number.isFinite(v)) return false;
    return b.accepted.some((a) => Math.abs(numberOf(strip(a)) - v) <= (b.tolerance ?? 1e-9));
  }
  const g = plain(given, b.caseSensitive);
  return b.accepted.some((a) => plain(a, b.caseSensitive) === g);
}

/** The machine's grade of one objective answer, out of `maxScore`. */
export function gradeObjective(c: LeafItem, value: AnswerValue, maxScore: number): LeafGrade {
  switch (c.type) {
    case 'single_choice': {
      const right = 'choice' in value && value.choice === c.correct;
      return { score: right ? maxScore : 0, detail: { correct: right } };
    }
    case 'multiple_choice': {
      const given = 'choices' in value ? new Set(value.choices) : new Set<string>();
      const key = new Set(c.correct);
      const wrong = [...given].some((x) => !key.has(x));
      const all = !wrong && given.size === key.size;
      const some = !wrong && given.size > 0;
      const score = all ? maxScore : some && c.partial === 'half' ? maxScore / 2 : 0;
      return { score, detail: { correct: all } };
    }
    case 'true_false': {
      const right = 'judgement' in value && value.judgement === c.correct;
      return { score: right ? maxScore : 0, detail: { correct: right } };
    }
    case 'fill_in': {
      const given = 'blanks' in value ? value.blanks : {};
      const weights = c.blanks.map((b) => b.weight ?? 1 / c.blanks.length);
      const total = weights.reduce((a, w) => a + w, 0);
      const blanks: Record<string, boolean> = {};
      let score = 0;
      c.blanks.forEach((b, i) => {
        blanks[b.id] = blankRight(b, given[b.id]);
        if (blanks[b.id]) score += (maxScore * weights[i]!) / total;
      });
      return { score: Math.round(score * 100) / 100, detail: { blanks } };
    }
    default:
      throw new Error(`${c.type} is marked by a teacher`);
  }
}

export interface GradedResponse {
  id: string;
  autoScore: number | null;
  score: number | null;
  needsMarking: boolean;
  detail: Record<string, unknown> | null;
}

/**
 * Grades the saved responses of one attempt: objective ones by the machine, subjective ones left
 * for marking (a blank answer scores 0 without a marker). Returns each response's new grade and the
 * attempt's objective total; `complete` when nothing waits for a marker.
 */
export function gradeResponses(
  leaves: ReadonlyMap<string, PaperLeaf>,
  changes: readonly TKeyChange[],
  responses: readonly { id: string; number: number; part: number; value: AnswerValue }[],
): { graded: GradedResponse[]; objectiveScore: number; complete: boolean } {
  let objectiveScore = 0;
  let complete = true;
  const graded = responses.map((r): GradedResponse => {
    const leaf = leaves.get(leafKey(r.number, r.part));
    if (!leaf) return { id: r.id, autoScore: 0, score: 0, needsMarking: false, detail: { unknown: true } };
    if (leaf.objective) {
      const g = gradeObjective(withKeyChanges(leaf, changes), r.value, leaf.maxScore);
      objectiveScore += g.score;
      return { id: r.id, autoScore: g.score, score: g.score, needsMarking: false, detail: g.detail };
    }
    const blank = 'text' in r.value && r.value.text.trim() === '';
    if (!blank) complete = false;
    return { id: r.id, autoScore: null, score: blank ? 0 : null, needsMarking: !blank, detail: null };
  });
  return { graded, objectiveScore: Math.round(objectiveScore * 100) / 100, complete };
}
