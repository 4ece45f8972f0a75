/**
 * Building blocks of the demo item bank's generators: rich-text pieces and one builder per item type,
 * each returning the item's content with what the demo's students answer when they go wrong (the
 * tempting option, the typical wrong fill-in, a weaker written answer). Pure, no I/O.
 */
import type { Rng } from '../../demo/prng.ts';
import type { CognitiveLevel, ItemContent, LeafItem } from './item-model.ts';

/** How the demo's students answer one leaf (a plain item, or one part of a composite) when they go wrong. */
export interface LeafHint {
  /** Choice items: the tempting wrong options, most tempting first. */
  lures?: string[];
  /** Fill-ins: typical wrong answers, by blank. */
  wrong?: Record<string, string[]>;
  /** Subjective items: a full answer, a partial one and a poor one, as students write them. */
  answers?: { full: string; partial: string; poor: string };
}

/** A generated item before it has tags, an author and an id. */
export interface Draft {
  content: ItemContent;
  /** One per leaf: the item itself, or each part of a composite in order. */
  hints: LeafHint[];
  level: CognitiveLevel;
  /** Expected proportion correct (难度系数). */
  difficulty: number;
  seconds: number;
  score: number;
}

export type Leaf = { content: LeafItem; hint: LeafHint };

const LETTERS = 'ABCDEFGH';

/** Plain text made safe for rich text. */
export const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
/** Paragraphs of rich text (each given already as rich text). */
export const p = (...paras: string[]) => paras.map((x) => `<p>${x}</p>`).join('');
/** A fill-in blank at its place in the stem. */
export const blank = (id: string) => `<span data-blank="${id}"></span>`;
/** 加点字: the character a 字音 question asks about. */
export const dot = (s: string) => `<em>${s}</em>`;

/**
 * A single-choice item: the correct option and the wrong ones (most tempting first), shuffled, or
 * in the given order when `keepOrder` (numbers ascending, as papers print them).
 */
export function single(
  r: Rng,
  stem: string,
  correct: string,
  lures: readonly string[],
  opts: { explanation?: string; keepOrder?: boolean } = {},
): Leaf {
  const bodies = [correct, ...lures];
  if (new Set(bodies).size !== bodies.length)
    throw new Error(`repeated option in «${stem}»: ${bodies.join(' | ')}`);
  const order = opts.keepOrder ? bodies.map((_, i) => i) : r.shuffle(bodies.map((_, i) => i));
  const letterOf = (k: number) => LETTERS[order.indexOf(k)]!;
  return {
    content: {
      type: 'single_choice',
      stem,
      options: order.map((k, i) => ({ id: LETTERS[i]!, body: bodies[k]! })),
      correct: letterOf(0),
      ...(opts.explanation ? { explanation: opts.explanation } : {}),
    },
    hint: { lures: lures.map((_, k) => letterOf(k + 1)) },
  };
}

/** A multiple-choice item (half the score for a correct subset, the 高考 rule). */
export function multiple(
  r: Rng,
  stem: string,
  right: readonly string[],
  wrong: readonly string[],
  explanation?: string,
): Leaf {
  const bodies = [...right, ...wrong];
  if (new Set(bodies).size !== bodies.length) throw new Error(`repeated option in «${stem}»`);
  const order = r.shuffle(bodies.map((_, i) => i));
  const letterOf = (k: number) => LETTERS[order.indexOf(k)]!;
  return {
    content: {
      type: 'multiple_choice',
      stem,
      options: order.map((k, i) => ({ id: LETTERS[i]!, body: bodies[k]! })),
      correct: right.map((_, k) => letterOf(k)).sort(),
      partial: 'half',
      ...(explanation ? { explanation } : {}),
    },
    hint: { lures: wrong.map((_, k) => letterOf(right.length + k)) },
  };
}

export function judge(stem: string, correct: boolean, explanation?: string): Leaf {
  return {
    content: { type: 'true_false', stem, correct, ...(explanation ? { explanation } : {}) },
    hint: {},
  };
}

export interface BlankSpec {
  id: string;
  accepted: string[];
  kind?: 'text' | 'number';
  unit?: string;
  /** Typical wrong answers (the demo's students' mistakes), never one of `accepted`. */
  wrong?: string[];
}

/** A fill-in item; the stem holds `blank(id)` for each blank, in the order of `blanks`. */
export function fill(stem: string, blanks: readonly BlankSpec[], explanation?: string): Leaf {
  const wrong: Record<string, string[]> = {};
  for (const b of blanks) {
    const bad = (b.wrong ?? []).filter((w) => !b.accepted.includes(w));
    if (bad.length) wrong[b.id] = [...new Set(bad)];
  }
  return {
    content: {
      type: 'fill_in',
      stem,
      blanks: blanks.map((b) => ({
        id: b.id,
        accepted: b.accepted,
        kind: b.kind ?? 'text',
        ...(b.unit ? { unit: b.unit } : {}),
        caseSensitive: false,
      })),
      ...(explanation ? { explanation } : {}),
    },
    hint: { wrong },
  };
}

export type Rubric = readonly (readonly [number, string])[];
const rubricOf = (rubric: Rubric) => rubric.map(([points, description]) => ({ points, description }));

/** A short answer (解答题, 简答题) with its reference answer and marking scheme. */
export function short(
  stem: string,
  reference: string,
  rubric: Rubric,
  answers: LeafHint['answers'],
  explanation?: string,
): Leaf {
  return {
    content: {
      type: 'short_answer',
      stem,
      reference,
      rubric: rubricOf(rubric),
      ...(explanation ? { explanation } : {}),
    },
    hint: { answers },
  };
}

export function essay(
  stem: string,
  rubric: Rubric,
  minLength: number,
  answers: LeafHint['answers'],
  reference?: string,
): Leaf {
  return {
    content: {
      type: 'essay',
      stem,
      rubric: rubricOf(rubric),
      minLength,
      ...(reference ? { reference } : {}),
    },
    hint: { answers },
  };
}

/** A draft of one leaf. */
export const draft = (
  leaf: Leaf,
  o: { level: CognitiveLevel; difficulty: number; seconds: number; score: number },
): Draft => ({ content: leaf.content, hints: [leaf.hint], ...o });

/** A composite item: the passage or figure and its parts with their scores. */
export function composite(
  stem: string,
  parts: readonly { leaf: Leaf; score: number }[],
  o: { level: CognitiveLevel; difficulty: number; seconds: number },
  explanation?: string,
): Draft {
  return {
    content: {
      type: 'composite',
      stem,
      parts: parts.map((x) => ({ content: x.leaf.content, score: x.score })),
      ...(explanation ? { explanation } : {}),
    },
    hints: parts.map((x) => x.leaf.hint),
    score: parts.reduce((s, x) => s + x.score, 0),
    ...o,
  };
}

/** Difficulty kept inside the model's range, two decimals. */
export const clampDifficulty = (d: number) => Math.round(Math.min(0.92, Math.max(0.15, d)) * 100) / 100;

/** A number as a paper prints it (no float noise: 0.1 + 0.2 is 0.3). */
export function num(x: number, digits = 6): string {
  const s = Number(x.toFixed(digits)).toString();
  return s === '-0' ? '0' : s;
}

/** Greatest common divisor of two integers. */
export function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/** A draw of `n` distinct items of `pool`. */
export function sample<T>(r: Rng, pool: readonly T[], n: number): T[] {
  return r.shuffle([...pool]).slice(0, n);
}

const unescapeXml = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/**
 * Rich text as plain text for search and duplicate detection: formulas as their TeX, blanks as ＿＿,
 * paragraphs on lines of their own. (The bank's own `toPlainText` does the same on a parsed tree;
 * the demo's rich text is regular enough for patterns.)
 */
export function plainText(rich: string): string {
  return unescapeXml(
    rich
      .replace(/<math\b.*?<annotation encoding="application\/x-tex">(.*?)<\/annotation>.*?<\/math>/gs, ' $1 ')
      .replace(/<span data-blank="[^"]*"><\/span>/g, '＿＿')
      .replace(/<\/p>|<\/li>|<\/tr>|<br\s*\/?>/g, '\n')
      .replace(/<\/td>|<\/th>/g, '\t')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The stem, options and parts of an item as plain text (the bank's `stem_text`). */
export function itemText(c: ItemContent): string {
  const leaf = (x: LeafItem): string[] => [
    plainText(x.stem),
    ...(x.type === 'single_choice' || x.type === 'multiple_choice'
      ? x.options.map((o) => `${o.id}. ${plainText(o.body)}`)
      : []),
  ];
  if (c.type !== 'composite') return leaf(c).join('\n');
  return [plainText(c.stem), ...c.parts.flatMap((x, i) => [`（${i + 1}）`, ...leaf(x.content)])].join('\n');
}

/** Up to `n` wrong options from `candidates`: distinct, none equal to `correct`. */
export function lures(correct: string, candidates: readonly string[], n = 3): string[] {
  return [...new Set(candidates)].filter((c) => c !== correct).slice(0, n);
}
