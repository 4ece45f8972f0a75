/**
 * The demo bank's mathematics: every generator by the knowledge-point code it practises (人教版,
 * grades 3–9). A lesson's items are drawn from the generators of its knowledge points.
 */
import { ALGEBRA_GENS } from './demo-math-algebra.ts';
import { FACT_GENS } from './demo-math-facts.ts';
import { FRACTION_GENS } from './demo-math-fraction.ts';
import { MEASURE_GENS } from './demo-math-measure.ts';
import { type Gen, NUMBER_GENS } from './demo-math-number.ts';
import { PUZZLE_GENS } from './demo-math-puzzle.ts';
import { SHAPE_GENS } from './demo-math-shape.ts';

export const MATH_GENS: Record<string, Gen[]> = {};
for (const map of [
  NUMBER_GENS,
  FRACTION_GENS,
  MEASURE_GENS,
  PUZZLE_GENS,
  ALGEBRA_GENS,
  SHAPE_GENS,
  FACT_GENS,
])
  for (const [code, gens] of Object.entries(map)) MATH_GENS[code] = [...(MATH_GENS[code] ?? []), ...gens];
