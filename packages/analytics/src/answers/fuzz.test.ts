/**
 * Whatever a pupil types, grading gives an answer and never an exception: any string, any key.
 * Time is bounded by construction (inputs past `MAX_ANSWER_CHARS` / `MAX_NUMBER_CHARS` are refused
 * before any work, and every pass is linear or bounded by those limits), so the properties below
 * check results, not clocks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChoiceLetters, parseJudgement } from './choices.ts';
import { type BlankKeyLike, MAX_ANSWER_CHARS, matchesBlank } from './match.ts';
import { parseNumber } from './number.ts';
import { normaliseText } from './text.ts';

/** Characters the parsers care about, so the fuzzer reaches their deeper branches. */
const SPECIAL = [
  ...'0123456789.,/%‰-+ 又分之百千万亿零〇一二两三四五六七八九十点负半米厘元角时秒²³½×÷－，。、　ＡＢ e^*()',
];
const answerText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...SPECIAL), maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);
const key: fc.Arbitrary<BlankKeyLike> = fc.record(
  {
    accepted: fc.array(answerText, { minLength: 1, maxLength: 4 }),
    kind: fc.constantFrom('text' as const, 'number' as const),
    unit: fc.constantFrom('米', 'cm', '元', '%', '分', '个', '平方米', ''),
    tolerance: fc.double({ min: 0, max: 10, noNaN: true }),
    caseSensitive: fc.boolean(),
  },
  { requiredKeys: ['accepted'] },
);

describe('fuzzing the answer functions', () => {
  it('normaliseText returns a string for any input, and is idempotent', () => {
    fc.assert(
      fc.property(answerText, fc.boolean(), (s, caseSensitive) => {
        const once = normaliseText(s, { caseSensitive });
        expect(typeof once).toBe('string');
        expect(normaliseText(once, { caseSensitive })).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseNumber returns null or a finite number for any input', () => {
    fc.assert(
      fc.property(answerText, (s) => {
        const parsed = parseNumber(s);
        if (parsed) {
          expect(Number.isFinite(parsed.value.v)).toBe(true);
          if (parsed.value.exact) expect(parsed.value.n / parsed.value.d).toBeCloseTo(parsed.value.v, 9);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('matchesBlank gives a result for any answer and any key', () => {
    fc.assert(
      fc.property(answerText, key, (given, k) => {
        const result = matchesBlank(given, k);
        expect(typeof result.correct).toBe('boolean');
        expect(typeof result.normalisedGiven).toBe('string');
        if (result.correct) expect(k.accepted).toContain(result.matchedAccepted);
      }),
      { numRuns: 3000 },
    );
  });

  it('every accepted answer matches its own key', () => {
    fc.assert(
      fc.property(key, (k) => {
        for (const accepted of k.accepted) {
          if (normaliseText(accepted, { keepPunctuation: true }) === '' || accepted.length > MAX_ANSWER_CHARS)
            continue;
          expect(matchesBlank(accepted, k).correct).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses huge inputs at once', () => {
    const huge = '一'.repeat(1_000_000);
    expect(matchesBlank(huge, { accepted: ['一'], kind: 'number' }).correct).toBe(false);
    expect(parseNumber(huge)).toBeNull();
    expect(parseChoiceLetters(huge)).toBeNull();
    expect(parseJudgement(huge)).toBeNull();
    // Linear, so a long text is still normalised (a teacher may paste a passage into a key).
    expect(normaliseText('春眠不觉晓，'.repeat(10_000)).length).toBe(50_000);
  });

  it('choice and judgement parsers never throw', () => {
    fc.assert(
      fc.property(answerText, (s) => {
        const letters = parseChoiceLetters(s);
        if (letters) for (const l of letters) expect(l).toMatch(/^[A-Z]$/);
        expect([true, false, null]).toContain(parseJudgement(s));
      }),
      { numRuns: 2000 },
    );
  });
});
