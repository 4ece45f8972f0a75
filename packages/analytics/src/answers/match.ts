/**
 * Whether a fill-in answer matches a blank's key: as text after `normaliseText`, and for a blank
 * keyed as a number, as a number in the key's unit (the unit optional in the answer, converted
 * where the conversion is certain, within the key's tolerance).
 *
 * A key is compiled once (accepted answers normalised and parsed) and cached by object identity,
 * so grading a class against one item normalises each accepted answer once; a cached key is
 * checked against its object on every call, so editing a key in place (a teacher accepting another
 * answer) is never graded with the old list.
 */
import { fold } from './fold.ts';
import { conversion, type ParsedNumber, parseNumber } from './number.ts';
import { mul, type Num, numbersEqual, ratio } from './rational.ts';
import { normaliseText } from './text.ts';

/** The fields of a blank's key this module reads (`blankKey` in the server's item model). */
export interface BlankKeyLike {
  /** Every accepted answer; the first is the one shown in the key. */
  readonly accepted: readonly string[];
  readonly kind?: 'text' | 'number';
  readonly unit?: string;
  /** Absolute tolerance for numbers, in the key's unit. */
  readonly tolerance?: number;
  readonly caseSensitive?: boolean;
}

export interface BlankMatch {
  correct: boolean;
  /** The answer as compared (`normaliseText`): what a teacher sees when grouping answers to regrade. */
  normalisedGiven: string;
  /** The accepted answer it matched, as the teacher wrote it. */
  matchedAccepted?: string;
}

/** Answers longer than this are wrong without being read (a blank's key is at most 500 characters). */
export const MAX_ANSWER_CHARS = 1000;

interface Accepted {
  raw: string;
  text: string;
  /** The accepted answer is punctuation (用标点填空), so punctuation is compared. */
  punctuation: boolean;
  /** Its value in the key's unit, for number blanks. */
  target: { value: Num; unit: string | null } | null;
}

interface Compiled {
  source: {
    accepted: readonly string[];
    copy: string[];
    kind: unknown;
    unit: unknown;
    tolerance: unknown;
    caseSensitive: unknown;
  };
  accepted: Accepted[];
  number: boolean;
  caseSensitive: boolean;
  tolerance: number;
  /** The key's unit as normalised text, for text blanks with a unit. */
  unitText: string | null;
}

const cache = new WeakMap<object, Compiled>();
const PER_CENT = ratio(1, 100)!;
const PER_MILLE = ratio(1, 1000)!;

function isRatioUnit(unit: string): boolean {
  return unit === '%' || unit === '‰';
}

/** `value` (in `from`) expressed in `to`; null when the units do not convert. */
function convert(value: Num, from: string, to: string): Num | null {
  if (from === to) return value;
  const factor = conversion(from, to);
  if (factor) return mul(value, factor);
  return normaliseText(from) === normaliseText(to) ? value : null;
}

/** What the accepted number means in the key's unit (accepted "150厘米" with unit 米 → 1.5). */
function targetOf(parsed: ParsedNumber, keyUnit: string | null): Accepted['target'] {
  if (keyUnit !== null) {
    if (parsed.unit === null) return { value: parsed.value, unit: keyUnit };
    const value = convert(parsed.value, parsed.unit, keyUnit);
    return value && { value, unit: keyUnit };
  }
  if (parsed.unit === null) return { value: parsed.value, unit: null };
  if (isRatioUnit(parsed.unit)) {
    // With no unit on the key, 50% is the number 0.5.
    const pure = mul(parsed.value, parsed.unit === '%' ? PER_CENT : PER_MILLE);
    return pure && { value: pure, unit: null };
  }
  return { value: parsed.value, unit: parsed.unit };
}

/** The answer's number in the target's unit; null when its unit cannot be expressed in it. */
function givenIn(given: ParsedNumber, unit: string | null): Num | null {
  if (given.unit === null) return given.value; // the key's unit is optional in the answer
  if (unit === null) {
    // 50% is a number; any other unit on an answer to a key without one (5个, 5左右, 5厘米) is not
    // accepted: a wrong answer graded right is never seen again, while a right one graded wrong
    // shows up in the teacher's regrade list, where accepting it fixes every attempt.
    return isRatioUnit(given.unit) ? (targetOf(given, null)?.value ?? null) : null;
  }
  return convert(given.value, given.unit, unit);
}

function compile(key: BlankKeyLike): Compiled {
  const list = Array.isArray(key.accepted) ? key.accepted : [];
  const caseSensitive = key.caseSensitive === true;
  const number = key.kind === 'number';
  const tolerance =
    typeof key.tolerance === 'number' && Number.isFinite(key.tolerance) && key.tolerance > 0
      ? key.tolerance
      : 0;
  const unit = typeof key.unit === 'string' ? fold(key.unit).replace(/ /g, '') : '';
  const keyUnit = unit === '' ? null : unit;
  const accepted: Accepted[] = [];
  for (const raw of list) {
    if (typeof raw !== 'string' || raw.length > MAX_ANSWER_CHARS) continue;
    let text = normaliseText(raw, { caseSensitive });
    let punctuation = false;
    if (text === '') {
      text = normaliseText(raw, { caseSensitive, keepPunctuation: true });
      punctuation = true;
      if (text === '') continue;
    }
    const parsed = number ? parseNumber(raw) : null;
    accepted.push({ raw, text, punctuation, target: parsed && targetOf(parsed, keyUnit) });
  }
  return {
    source: {
      accepted: list,
      copy: list.slice(),
      kind: key.kind,
      unit: key.unit,
      tolerance: key.tolerance,
      caseSensitive: key.caseSensitive,
    },
    accepted,
    number,
    caseSensitive,
    tolerance,
    unitText: keyUnit && normaliseText(keyUnit, { caseSensitive }),
  };
}

function isCurrent(compiled: Compiled, key: BlankKeyLike): boolean {
  const s = compiled.source;
  if (
    s.accepted !== key.accepted ||
    s.kind !== key.kind ||
    s.unit !== key.unit ||
    s.tolerance !== key.tolerance ||
    s.caseSensitive !== key.caseSensitive ||
    s.copy.length !== s.accepted.length
  ) {
    return false;
  }
  for (let i = 0; i < s.copy.length; i++) if (s.copy[i] !== s.accepted[i]) return false;
  return true;
}

function compiledKey(key: BlankKeyLike): Compiled {
  if (typeof key !== 'object' || key === null) return compile({ accepted: [] });
  const cached = cache.get(key);
  if (cached && isCurrent(cached, key)) return cached;
  const fresh = compile(key);
  cache.set(key, fresh);
  return fresh;
}

/**
 * Grades one blank. An empty answer is wrong; an answer longer than `MAX_ANSWER_CHARS` is wrong
 * without being read. Never throws, whatever `given` and `key` hold.
 */
export function matchesBlank(given: string, key: BlankKeyLike): BlankMatch {
  if (typeof given !== 'string' || given.length > MAX_ANSWER_CHARS)
    return { correct: false, normalisedGiven: '' };
  const k = compiledKey(key);
  const caseSensitive = k.caseSensitive;
  const text = normaliseText(given, { caseSensitive });
  // An answer of punctuation alone (？) is compared, and shown, with its punctuation.
  const normalisedGiven = text === '' ? normaliseText(given, { caseSensitive, keepPunctuation: true }) : text;
  if (normalisedGiven === '') return { correct: false, normalisedGiven };
  let withPunctuation: string | undefined;
  for (const a of k.accepted) {
    if (a.punctuation) {
      withPunctuation ??=
        text === '' ? normalisedGiven : normaliseText(given, { caseSensitive, keepPunctuation: true });
      if (withPunctuation === a.text) return { correct: true, normalisedGiven, matchedAccepted: a.raw };
      continue;
    }
    if (text === '') continue;
    if (text === a.text) return { correct: true, normalisedGiven, matchedAccepted: a.raw };
    const u = k.unitText;
    if (u && text.length === a.text.length + u.length && text.endsWith(u) && text.startsWith(a.text)) {
      return { correct: true, normalisedGiven, matchedAccepted: a.raw };
    }
  }
  if (k.number && text !== '') {
    const parsed = parseNumber(given);
    if (parsed) {
      for (const a of k.accepted) {
        if (!a.target) continue;
        const value = givenIn(parsed, a.target.unit);
        if (value && numbersEqual(value, a.target.value, k.tolerance)) {
          return { correct: true, normalisedGiven, matchedAccepted: a.raw };
        }
      }
    }
  }
  return { correct: false, normalisedGiven };
}
