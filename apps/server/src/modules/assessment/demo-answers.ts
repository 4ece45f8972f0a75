/**
 * How the demo's students answer: each has an ability drawn once (their school's and class's level
 * plus their own), answers an item right with a probability from that ability and the item's
 * difficulty, and when wrong picks the tempting option or writes the usual slip; written answers
 * are full, partial or poor and the teacher's marks follow. Pure.
 */
import type { Rng } from '../../demo/prng.ts';
import type { PaperLeaf } from './demo-paper.ts';
import { rngOf } from './demo-time.ts';
import type { AnswerValue } from './item-model.ts';

/** A normal draw (Box–Muller). */
export function normal(r: Rng): number {
  const u = Math.max(r.next(), 1e-9);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.next());
}

/**
 * A student's ability, drawn once from the seed: their school's level, their class's, and their
 * own (so schools' means differ a little, and a student is as able in one homework as in another,
 * or in the 统考).
 */
export const abilityOf = (seed: number, schoolId: string, classId: string, studentId: string): number =>
  normal(rngOf(seed, `ability:${schoolId}`)) * 0.2 +
  normal(rngOf(seed, `ability:${classId}`)) * 0.1 +
  normal(rngOf(seed, `ability:${studentId}`)) * 0.9;

/**
 * The chance a student of ability `theta` answers right an item whose expected proportion
 * correct is `difficulty` (a Rasch-like curve: at theta 0 the chance is the difficulty itself).
 */
export function chanceRight(theta: number, difficulty: number): number {
  const logit = Math.log(difficulty / (1 - difficulty));
  return 1 / (1 + Math.exp(-(1.1 * theta + logit)));
}

export interface GivenAnswer {
  value: AnswerValue;
  /** Written answers: how good, 0–1, which the marker's score follows. */
  quality?: number;
}

/** A student's answer to one leaf. */
export function answerLeaf(r: Rng, leaf: PaperLeaf, theta: number, difficulty: number): GivenAnswer {
  const c = leaf.content;
  const p = chanceRight(theta, difficulty);
  const right = r.chance(p);
  switch (c.type) {
    case 'single_choice': {
      if (right) return { value: { choice: c.correct } };
      const lures = leaf.hint.lures?.length
        ? leaf.hint.lures
        : c.options.map((o) => o.id).filter((x) => x !== c.correct);
      return { value: { choice: r.chance(0.6) ? lures[0]! : r.pick(lures) } };
    }
    case 'multiple_choice': {
      if (right) return { value: { choices: [...c.correct] } };
      const lures = leaf.hint.lures ?? [];
      // Half the wrong answers miss an option (half marks), the others pick a wrong one too.
      if (c.correct.length > 1 && r.chance(0.5))
        return { value: { choices: c.correct.slice(0, c.correct.length - 1) } };
      return {
        value: {
          choices: [...new Set([...c.correct.slice(0, 1), ...(lures.length ? [r.pick(lures)] : [])])].sort(),
        },
      };
    }
    case 'true_false':
      return { value: { judgement: right ? c.correct : !c.correct } };
    case 'fill_in': {
      const blanks: Record<string, string> = {};
      // Each blank on its own chance, so a two-blank item is often half right.
      const per = c.blanks.length > 1 ? Math.sqrt(p) : p;
      for (const b of c.blanks) {
        const ok = c.blanks.length > 1 ? r.chance(per) : right;
        const wrong = leaf.hint.wrong?.[b.id] ?? [];
        blanks[b.id] = ok
          ? b.accepted.length > 1 && r.chance(0.25)
            ? r.pick(b.accepted)
            : b.accepted[0]!
          : wrong.length
            ? r.pick(wrong)
            : slip(r, b.accepted[0]!, b.kind);
      }
      return { value: { blanks } };
    }
    case 'short_answer':
    case 'essay': {
      const a = leaf.hint.answers ?? { full: '（略）', partial: '（略）', poor: '' };
      const essay = c.type === 'essay';
      const x = r.next();
      if (right || x < 0.15)
        return { value: { text: a.full }, quality: (essay ? 0.78 : 0.85) + r.next() * (essay ? 0.15 : 0.15) };
      if (x < 0.7)
        return {
          value: { text: a.partial },
          quality: (essay ? 0.62 : 0.4) + r.next() * (essay ? 0.16 : 0.3),
        };
      return { value: { text: a.poor }, quality: (essay ? 0.45 : 0.05) + r.next() * (essay ? 0.15 : 0.3) };
    }
  }
}

/** A wrong fill-in when the item names no usual slip: a near number, or a near word. */
function slip(r: Rng, right: string, kind: 'text' | 'number'): string {
  const n = Number(right);
  if (kind === 'number' && Number.isFinite(n)) return String(n + r.pick([-10, -1, 1, 10]));
  return right.length > 1 ? [...right].reverse().join('') : '';
}

/** The marker's score of a written answer: its quality of the maximum, in half points. */
export const markOf = (quality: number, max: number) =>
  Math.min(max, Math.max(0, Math.round(quality * max * 2) / 2));

/** The right answer to a leaf (a practice answered right). */
export function rightAnswer(leaf: Pick<PaperLeaf, 'content'>): AnswerValue {
  const c = leaf.content;
  if (c.type === 'single_choice') return { choice: c.correct };
  if (c.type === 'multiple_choice') return { choices: [...c.correct] };
  if (c.type === 'true_false') return { judgement: c.correct };
  if (c.type === 'fill_in')
    return { blanks: Object.fromEntries(c.blanks.map((b) => [b.id, b.accepted[0]!])) };
  return { text: c.reference ?? '' };
}
