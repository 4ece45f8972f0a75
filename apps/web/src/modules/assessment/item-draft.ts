import type { ItemContent, ItemType } from './bank-api';
import { blankIds, fromXhtml, toXhtml } from './rich-input';

export type LeafType = Exclude<ItemType, 'composite'>;
type Leaf = Exclude<ItemContent, { type: 'composite' }>;

/** One item (or part) as the editor holds it: rich text as the editor's plain text. */
export interface LeafState {
  type: LeafType;
  stem: string;
  explanation: string;
  options: string[];
  /** Letters of the right options. */
  correct: string[];
  judgement: boolean;
  partial: 'half' | 'none';
  /** Accepted answers of each blank, one per line, by blank id. */
  blanks: Record<string, { accepted: string; kind: 'text' | 'number'; unit: string }>;
  reference: string;
  rubric: { points: number; description: string }[];
  minLength?: number;
  /** A part's score in a composite. */
  score: number;
}

export interface DraftState {
  type: ItemType;
  /** The item itself, or a composite's material (its stem and explanation). */
  main: LeafState;
  parts: LeafState[];
}

export const LETTERS = 'ABCDEFGHIJ'.split('');

export const emptyLeaf = (type: LeafType = 'single_choice'): LeafState => ({
  type,
  stem: '',
  explanation: '',
  options: ['', '', '', ''],
  correct: [],
  judgement: true,
  partial: 'half',
  blanks: {},
  reference: '',
  rubric: [],
  score: 2,
});

const lines = (s: string) =>
  s
    .split(/\r?\n|[,，;；]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The content of one leaf, as the server's model has it. */
export function leafContent(s: LeafState): Leaf {
  const base = {
    stem: toXhtml(s.stem),
    ...(s.explanation.trim() ? { explanation: toXhtml(s.explanation) } : {}),
  };
  const options = s.options.map((o, i) => ({ id: LETTERS[i]!, body: toXhtml(o) }));
  switch (s.type) {
    case 'single_choice':
      return { type: s.type, ...base, options, correct: s.correct[0] ?? '' };
    case 'multiple_choice':
      return { type: s.type, ...base, options, correct: [...s.correct].sort(), partial: s.partial };
    case 'true_false':
      return { type: s.type, ...base, correct: s.judgement };
    case 'fill_in':
      return {
        type: s.type,
        ...base,
        blanks: blankIds(s.stem).map((id) => {
          const b = s.blanks[id] ?? { accepted: '', kind: 'text', unit: '' };
          return {
            id,
            accepted: lines(b.accepted),
            kind: b.kind,
            caseSensitive: false,
            ...(b.unit.trim() ? { unit: b.unit.trim() } : {}),
          };
        }),
      };
    case 'short_answer':
      return {
        type: s.type,
        ...base,
        ...(s.reference.trim() ? { reference: toXhtml(s.reference) } : {}),
        rubric: s.rubric,
      };
    default:
      return {
        type: 'essay',
        ...base,
        ...(s.reference.trim() ? { reference: toXhtml(s.reference) } : {}),
        rubric: s.rubric,
        ...(s.minLength ? { minLength: s.minLength } : {}),
      };
  }
}

export function draftContent(d: DraftState): ItemContent {
  if (d.type !== 'composite') return leafContent({ ...d.main, type: d.type });
  return {
    type: 'composite',
    stem: toXhtml(d.main.stem),
    ...(d.main.explanation.trim() ? { explanation: toXhtml(d.main.explanation) } : {}),
    parts: d.parts.map((p) => ({ content: leafContent(p), score: p.score })),
  };
}

function leafState(c: Leaf, score = 2): LeafState {
  const s = emptyLeaf(c.type);
  s.stem = fromXhtml(c.stem);
  s.explanation = fromXhtml(c.explanation);
  s.score = score;
  if (c.type === 'single_choice' || c.type === 'multiple_choice') {
    s.options = c.options.map((o) => fromXhtml(o.body));
    s.correct = c.type === 'single_choice' ? [c.correct] : c.correct;
    if (c.type === 'multiple_choice') s.partial = c.partial ?? 'half';
  }
  if (c.type === 'true_false') s.judgement = c.correct;
  if (c.type === 'fill_in')
    s.blanks = Object.fromEntries(
      c.blanks.map((b) => [
        b.id,
        { accepted: b.accepted.join('\n'), kind: b.kind ?? 'text', unit: b.unit ?? '' },
      ]),
    );
  if (c.type === 'short_answer' || c.type === 'essay') {
    s.reference = fromXhtml(c.reference);
    s.rubric = c.rubric ?? [];
    if (c.type === 'essay') s.minLength = c.minLength;
  }
  return s;
}

export function draftState(c: ItemContent): DraftState {
  if (c.type !== 'composite') return { type: c.type, main: leafState(c), parts: [] };
  const main = emptyLeaf();
  main.stem = fromXhtml(c.stem);
  main.explanation = fromXhtml(c.explanation);
  return { type: 'composite', main, parts: c.parts.map((p) => leafState(p.content as Leaf, p.score)) };
}
