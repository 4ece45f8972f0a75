/**
 * fast-check generators of stored items of every type, for the round-trip property tests: rich
 * text from the whole allow-list (formulas, pictures, lists, tables, awkward characters), valid
 * keys and consistent blanks, tags over their full ranges.
 */
import fc from 'fast-check';
import { COGNITIVE_LEVELS, type ItemDraft, type ItemTags, itemDraft, type LeafItem } from '../item-model.ts';
import { sanitizeRich, texToMathML } from '../rich-text.ts';
import { escapeText } from '../xml-tree.ts';

export const PICTURE_KEYS = ['items/2026/12/0193f0a1-0001', 'items/2026/12/0193f0a1-0002'];
const TEX = [
  'x^2',
  '\\frac{1}{2}',
  '\\sqrt{2}',
  'a<b',
  '\\alpha+\\beta',
  '\\text{米}',
  '\\overrightarrow{AB}',
  'x_{1}+x_{2}',
];
const MATH = TEX.map((t) => texToMathML(t));

const CHARS = [
  'a',
  'Z',
  '0',
  '7',
  ' ',
  '  ',
  '\n',
  '\t',
  '&',
  '<',
  '>',
  '"',
  "'",
  '中',
  '文',
  '，',
  '。',
  '＿',
  '=',
  '😀',
  'é',
];
/** Plain strings as teachers type them, markup characters and white space included. */
export const plain = (min = 0, max = 8) =>
  fc.array(fc.constantFrom(...CHARS, '\r'), { minLength: min, maxLength: max }).map((a) => a.join(''));
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 6 }).map((a) => escapeText(a.join('')));

const leafInline = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 1, arbitrary: fc.constantFrom(...MATH) },
  { weight: 1, arbitrary: fc.constant('<br/>') },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...PICTURE_KEYS)
      .map((k) => `<img alt="图" src="hanlin-file:${k}" width="120"/>`),
  },
);
const inline = (depth: number): fc.Arbitrary<string> =>
  depth === 0
    ? leafInline
    : fc.oneof(
        { weight: 3, arbitrary: leafInline },
        {
          weight: 1,
          arbitrary: fc
            .tuple(
              fc.constantFrom('strong', 'b', 'em', 'i', 'u', 'sub', 'sup'),
              fc.array(inline(depth - 1), { maxLength: 3 }),
            )
            .map(([t, c]) => `<${t}>${c.join('')}</${t}>`),
        },
      );
const inlines = fc.array(inline(2), { maxLength: 4 }).map((a) => a.join(''));
const block = fc.oneof(
  { weight: 3, arbitrary: inlines },
  { weight: 2, arbitrary: inlines.map((c) => `<p>${c}</p>`) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('ol', 'ul'), fc.array(inlines, { minLength: 1, maxLength: 3 }))
      .map(([t, items]) => `<${t}>${items.map((i) => `<li>${i}</li>`).join('')}</${t}>`),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.array(inlines, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
      .map(
        (rows) =>
          `<table><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`,
      ),
  },
);
/** Stored rich text: generated markup, sanitised to its canonical form. */
export const rich = fc.array(block, { maxLength: 3 }).map((a) => sanitizeRich(a.join('')));

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const score = fc.double({ min: 0.5, max: 200, noNaN: true });
const LETTERS = 'ABCDEFGHIJ';

const withExplanation = <T extends object>(a: fc.Arbitrary<T>) =>
  fc.tuple(a, opt(rich)).map(([c, e]) => (e === undefined ? c : { ...c, explanation: e }));

const choice = fc
  .integer({ min: 2, max: 10 })
  .chain((n) =>
    fc.tuple(
      rich,
      fc.array(rich, { minLength: n, maxLength: n }),
      fc.shuffledSubarray([...LETTERS.slice(0, n)], { minLength: 1 }),
      fc.boolean(),
      fc.constantFrom('half' as const, 'none' as const),
    ),
  );
const singleChoice = withExplanation(
  choice.map(([stem, bodies, keys]) => ({
    type: 'single_choice' as const,
    stem,
    options: bodies.map((body, i) => ({ id: LETTERS[i]!, body })),
    correct: keys[0]!,
  })),
);
const multipleChoice = withExplanation(
  choice.map(([stem, bodies, keys, , partial]) => ({
    type: 'multiple_choice' as const,
    stem,
    options: bodies.map((body, i) => ({ id: LETTERS[i]!, body })),
    correct: keys,
    partial,
  })),
);
const trueFalse = withExplanation(
  fc.tuple(rich, fc.boolean()).map(([stem, correct]) => ({ type: 'true_false' as const, stem, correct })),
);

const blankKey = (id: string) =>
  fc
    .record({
      accepted: fc.uniqueArray(plain(1, 6), { minLength: 1, maxLength: 4 }),
      kind: fc.constantFrom('text' as const, 'number' as const),
      unit: opt(plain(0, 4)),
      tolerance: opt(fc.double({ min: 0, max: 10, noNaN: true })),
      caseSensitive: fc.boolean(),
      weight: opt(fc.double({ min: 0.01, max: 1, noNaN: true })),
    })
    .map((b) => ({ id, ...b }));
const fillIn = withExplanation(
  fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/), { minLength: 1, maxLength: 4 }).chain((ids) =>
    fc
      .tuple(
        fc.array(inlines, { minLength: ids.length + 1, maxLength: ids.length + 1 }),
        fc.tuple(...ids.map(blankKey)),
      )
      .map(([pieces, blanks]) => ({
        type: 'fill_in' as const,
        stem: sanitizeRich(
          pieces.map((p, i) => (i < ids.length ? `${p}<span data-blank="${ids[i]}"></span>` : p)).join(''),
        ),
        blanks,
      })),
  ),
);
const rubric = fc.array(
  fc.record({ points: fc.double({ min: 0, max: 200, noNaN: true }), description: plain(1, 10) }),
  {
    maxLength: 4,
  },
);
const shortAnswer = withExplanation(
  fc.tuple(rich, opt(rich), rubric).map(([stem, reference, r]) => ({
    type: 'short_answer' as const,
    stem,
    ...(reference === undefined ? {} : { reference }),
    rubric: r,
  })),
);
const essay = withExplanation(
  fc
    .tuple(rich, opt(rich), rubric, opt(fc.integer({ min: 0, max: 100_000 })))
    .map(([stem, reference, r, minLength]) => ({
      type: 'essay' as const,
      stem,
      ...(reference === undefined ? {} : { reference }),
      rubric: r,
      ...(minLength === undefined ? {} : { minLength }),
    })),
);
export const leaf: fc.Arbitrary<LeafItem> = fc.oneof(
  singleChoice,
  multipleChoice,
  trueFalse,
  fillIn,
  shortAnswer,
  essay,
);
const composite = withExplanation(
  fc
    .tuple(rich, fc.array(fc.record({ content: leaf, score }), { minLength: 1, maxLength: 4 }))
    .map(([stem, parts]) => ({
      type: 'composite' as const,
      stem,
      parts,
    })),
);

const tags: fc.Arbitrary<ItemTags> = fc
  .record({
    subjectCode: fc.stringMatching(/^[0-9A-Z]{1,4}$/),
    gradeCode: fc.stringMatching(/^[0-9]{1,2}$/),
    knowledgePointIds: fc.uniqueArray(fc.uuid({ version: 7 }), { maxLength: 3 }),
    cognitiveLevel: fc.constantFrom(...COGNITIVE_LEVELS),
    difficulty: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
    score,
    seconds: fc.integer({ min: 5, max: 7200 }),
    source: opt(plain(0, 10)),
    year: opt(fc.integer({ min: 1990, max: 2100 })),
  })
  .map(({ source, year, ...t }) => ({
    ...t,
    ...(source === undefined ? {} : { source }),
    ...(year === undefined ? {} : { year }),
  }));

/** Drafts of every type, valid by the model's schema. */
export const draft: fc.Arbitrary<ItemDraft> = fc
  .tuple(fc.oneof(leaf, composite), tags)
  .map(([content, t]) => itemDraft.parse({ content, tags: t }));
