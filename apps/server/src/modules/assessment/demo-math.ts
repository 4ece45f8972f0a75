/**
 * The demo bank's mathematics: every generator by the knowledge-point code it practises (人教版,
 * grades 3–9). A lesson's items are drawn from the generators of its knowledge points. Pure.
 */
import type { Rng } from '../../demo/prng.ts';
import type { BankLesson, LessonDraft } from './demo-bank-lesson.ts';
import { f } from './demo-formula.ts';
import { type Draft, single } from './demo-item-kit.ts';
import { ALGEBRA_GENS } from './demo-math-algebra.ts';
import { ANGLE_GENS } from './demo-math-angle.ts';
import { DECIMAL_GENS } from './demo-math-decimal.ts';
import { FACT_GENS } from './demo-math-facts.ts';
import { FRACTION_GENS } from './demo-math-fraction.ts';
import { FUNCTION_GENS } from './demo-math-function.ts';
import { MEASURE_GENS } from './demo-math-measure.ts';
import { type Gen, NUMBER_GENS } from './demo-math-number.ts';
import { POLYNOMIAL_GENS } from './demo-math-polynomial.ts';
import { PUZZLE_GENS } from './demo-math-puzzle.ts';
import { SHAPE_GENS } from './demo-math-shape.ts';
import { THEORY_GENS } from './demo-math-theory.ts';
import { WORD_GENS } from './demo-math-word.ts';

const MAPS = [
  NUMBER_GENS,
  WORD_GENS,
  DECIMAL_GENS,
  FRACTION_GENS,
  MEASURE_GENS,
  ANGLE_GENS,
  PUZZLE_GENS,
  THEORY_GENS,
  ALGEBRA_GENS,
  POLYNOMIAL_GENS,
  SHAPE_GENS,
  FUNCTION_GENS,
  FACT_GENS,
];
export const MATH_GENS: Record<string, Gen[]> = {};
for (const map of MAPS)
  for (const [code, gens] of Object.entries(map)) MATH_GENS[code] = [...(MATH_GENS[code] ?? []), ...gens];

/** A number as an option: fractions as formulas. */
const optionOf = (v: string) =>
  /^-?\d+\/\d+$/.test(v) ? f(v.startsWith('-') ? `-{${v.slice(1)}}` : `{${v}}`) : v;

/**
 * About a third of the one-blank fill-ins become choices: the key and the usual slips as options,
 * in ascending order as papers print numbers.
 */
function asChoice(r: Rng, d: Draft): Draft {
  const c = d.content;
  if (c.type !== 'fill_in' || c.blanks.length !== 1 || !r.chance(0.35)) return d;
  const key = c.blanks[0]!.accepted[0]!;
  const wrong = d.hints[0]?.wrong?.[c.blanks[0]!.id] ?? [];
  if (wrong.length < 2 || c.blanks[0]!.kind !== 'number') return d;
  const values = [key, ...wrong.slice(0, 3)];
  const order = [...values].sort((a, b) => toNumber(a) - toNumber(b));
  const stem = c.stem.replace(/<span data-blank="[^"]*"><\/span>/, '（　　）');
  const leaf = single(r, stem, optionOf(key), wrong.slice(0, 3).map(optionOf), {
    keepOrder: false,
    explanation: c.explanation,
  });
  const content = leaf.content.type === 'single_choice' ? leaf.content : undefined;
  if (!content) return d;
  // Ascending order, letters reassigned.
  const sorted = order.map((v) => content.options.find((o) => o.body === optionOf(v))!);
  const correct = 'ABCD'[order.indexOf(key)]!;
  const lures = wrong.slice(0, 3).map((w) => 'ABCD'[order.indexOf(w)]!);
  return {
    ...d,
    content: { ...content, options: sorted.map((o, i) => ({ id: 'ABCD'[i]!, body: o.body })), correct },
    hints: [{ lures }],
    seconds: Math.max(30, d.seconds - 10),
    difficulty: Math.min(0.92, d.difficulty + 0.05),
  };
}
const toNumber = (v: string) => {
  const [a, b] = v.split('/').map(Number);
  return b ? a! / b : Number(v);
};

/** `n` items of a lesson, each tagged with the lesson's knowledge points its generator practises. */
export function mathDrafts(r: Rng, lesson: BankLesson, n: number): LessonDraft[] {
  const codes = lesson.kps.map((k) => k.code);
  const gens = [...new Set(codes.flatMap((c) => MATH_GENS[c] ?? []))];
  if (gens.length === 0) return [];
  return Array.from({ length: n }, () => {
    const gen = r.pick(gens);
    return { draft: asChoice(r, gen(r)), kps: codes.filter((c) => MATH_GENS[c]?.includes(gen)) };
  });
}
