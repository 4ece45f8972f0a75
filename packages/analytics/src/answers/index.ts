/**
 * Answer normalisation and equivalence for automatic grading (A5): fill-in blanks compared as text
 * and as numbers with units, and choice answers given as text. Pure, no I/O, never throws on any
 * input string.
 */

export { parseChoiceLetters, parseJudgement } from './choices.ts';
export { fold } from './fold.ts';
export { type BlankKeyLike, type BlankMatch, MAX_ANSWER_CHARS, matchesBlank } from './match.ts';
export { MAX_NUMBER_CHARS, type ParsedNumber, parseNumber } from './number.ts';
export { type Num, numbersEqual } from './rational.ts';
export { type NormaliseOptions, normaliseText } from './text.ts';
export { type Dimension, lookupUnit, type UnitDef } from './units.ts';
