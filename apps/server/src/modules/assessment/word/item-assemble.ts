/**
 * Units of a parsed paper → item contents with scores: a plain question is a leaf item; a question
 * with sub-questions, or a passage with the questions that share it, is a composite whose parts are
 * leaves. Scores come from the stem (`（8 分）`), then the section heading (每小题 3 分 / 每空 2 分 /
 * 共 30 分), then a default by type that the teacher is told about.
 */
import type { ItemContent, ItemType, LeafItem } from '../item-model.ts';
import type { KeyEntry } from './answer-key.ts';
import { buildLeaf, type LeafResult, type Problem, stepPoints, takeStemScore } from './item-build.ts';
import type { SectionInfo } from './markers.ts';
import type { QNode, Unit } from './paper-parse.ts';
import { blockHtml } from './rich-html.ts';
import { type Line, subLine } from './segments.ts';

export interface AssembledItem {
  number: string;
  section?: string;
  content: ItemContent;
  score: number;
  problems: Problem[];
  missingAnswer: boolean;
  paragraphs: { from: number; to: number };
}

const DEFAULT_SCORE: Record<Exclude<ItemType, 'composite'>, number> = {
  single_choice: 3,
  multiple_choice: 3,
  true_false: 2,
  fill_in: 3,
  short_answer: 10,
  essay: 30,
};

const half = (x: number) => Math.round(x * 2) / 2;

/** Splits a key entry's answer at （1）（2）… into the sub-questions' answers. */
function splitBySub(lines: Line[], count: number): Line[][] {
  const out: Line[][] = Array.from({ length: count }, () => []);
  let cur = -1;
  for (const line of lines) {
    const marks: RegExpMatchArray[] = [];
    let expect = cur + 2;
    for (const m of line.text.matchAll(/[（(][\s\u3000]*(\d{1,2})[\s\u3000]*[)）]/g)) {
      if (Number(m[1]) === expect && expect <= count) {
        marks.push(m);
        expect++;
      }
    }
    if (!marks.length) {
      if (cur >= 0) out[cur]!.push(line);
      continue;
    }
    const head = subLine(line, 0, marks[0]!.index);
    if (cur >= 0 && head.text.trim()) out[cur]!.push(head);
    marks.forEach((m, i) => {
      cur = Number(m[1]) - 1;
      const part = subLine(line, m.index! + m[0].length, marks[i + 1]?.index);
      if (part.text.trim()) out[cur]!.push(part);
    });
  }
  return out;
}

/** A marking scheme whose running total goes on across the parts (……6 分 in (1), ……12 分 in (2)). */
function runningTotals(parts: { content: LeafItem; score: number }[]): void {
  const lines = parts.flatMap((p, part) =>
    p.content.type === 'short_answer' || p.content.type === 'essay'
      ? (p.content.rubric ?? []).map((line, i) => ({ ...line, part, i }))
      : [],
  );
  const total = parts.reduce((s, p) => s + p.score, 0);
  const steps = stepPoints(lines, total);
  if (steps === lines) return;
  for (const s of steps) {
    const c = parts[s.part]!.content as Extract<LeafItem, { type: 'short_answer' }>;
    c.rubric![s.i] = { points: s.points, description: s.description };
  }
}

export class Assembler {
  readonly used = new Set<number>();

  constructor(
    private readonly key: Map<number, KeyEntry>,
    /** Questions per section title, for a section total shared evenly. */
    private readonly counts: Map<SectionInfo, number>,
  ) {}

  private keyOf(n: number): KeyEntry | undefined {
    const e = this.key.get(n);
    if (e) this.used.add(n);
    return e;
  }

  private sectionScore(section: SectionInfo, blanks: number): number | undefined {
    if (section.perItem) return section.perItem;
    if (section.perBlank && blanks) return section.perBlank * blanks;
    const count = this.counts.get(section) ?? 0;
    if (section.total && count && half(section.total / count) === section.total / count)
      return section.total / count;
    return undefined;
  }

  private score(leaf: LeafResult, section: SectionInfo, label: string): number {
    const s = leaf.score ?? this.sectionScore(section, leaf.blanks);
    if (s !== undefined) return s;
    const fallback = DEFAULT_SCORE[leaf.content.type];
    leaf.problems.push({ message: `未找到第 ${label} 题的分值，已按 ${fallback} 分计`, weight: 0.1 });
    return fallback;
  }

  private hint(section: SectionInfo): ItemType | undefined {
    return section.hint === 'composite' ? undefined : section.hint;
  }

  /** A question on its own: a leaf, or a composite of its sub-questions. */
  private question(q: QNode, section: SectionInfo): AssembledItem {
    const entry = this.keyOf(q.n);
    const label = String(q.n);
    const base = {
      number: label,
      section: section.title || undefined,
      paragraphs: { from: q.paras[0], to: q.paras[1] },
    };
    if (!q.subs.length) {
      const leaf = buildLeaf({
        node: q,
        label,
        hint: this.hint(section),
        answer: q.answer.length ? q.answer : (entry?.answer ?? []),
        explanation: q.explanation.length ? q.explanation : (entry?.explanation ?? []),
      });
      const score = this.score(leaf, section, label);
      return {
        ...base,
        content: leaf.content,
        score,
        problems: leaf.problems,
        missingAnswer: leaf.missingAnswer,
      };
    }
    const { stem, score: stated } = takeStemScore(q.stem);
    const fromKey = splitBySub(entry?.answer ?? [], q.subs.length);
    const leaves = q.subs.map((sub, i) =>
      buildLeaf({
        node: sub,
        label: `${q.n}（${sub.n}）`,
        hint: this.hint(section),
        answer: sub.answer.length ? sub.answer : fromKey[i]!,
        explanation: sub.explanation,
        quiet: true,
      }),
    );
    const total = stated ?? this.sectionScore(section, 0);
    return {
      ...base,
      ...this.composite(stem.length ? blockHtml(stem) : '', leaves, total, label, [
        ...q.explanation,
        ...(entry?.explanation ?? []),
      ]),
    };
  }

  /** Parts with their scores; unscored parts share what the stated total leaves, or get defaults. */
  private composite(
    stem: string,
    leaves: LeafResult[],
    total: number | undefined,
    label: string,
    explanation: Line[],
  ): Omit<AssembledItem, 'number' | 'section' | 'paragraphs'> {
    const problems = leaves.flatMap((l) => l.problems);
    const known = leaves.reduce((s, l) => s + (l.score ?? 0), 0);
    const unscored = leaves.filter((l) => l.score === undefined);
    const share =
      total !== undefined && unscored.length && total > known
        ? half((total - known) / unscored.length)
        : undefined;
    if (unscored.length && share) {
      problems.push({
        message: `第 ${label} 题各小题未注明分值，已平均分配（每小题 ${share} 分）`,
        weight: 0.05,
      });
    }
    const parts = leaves.map((l) => {
      let score = l.score ?? share;
      if (!score) {
        score = DEFAULT_SCORE[l.content.type];
        problems.push({ message: `未找到第 ${label} 题小题的分值，已按 ${score} 分计`, weight: 0.1 });
      }
      return { content: l.content as LeafItem, score };
    });
    if (!stem) problems.push({ message: `第 ${label} 题没有材料或题干`, weight: 0.1 });
    runningTotals(parts);
    const content: ItemContent = {
      type: 'composite',
      stem,
      parts,
      ...(explanation.length ? { explanation: blockHtml(explanation) } : {}),
    };
    return {
      content,
      score: parts.reduce((s, p) => s + p.score, 0),
      problems,
      missingAnswer: leaves.some((l) => l.missingAnswer),
    };
  }

  /** A passage and the questions sharing it (完形填空, 阅读理解). */
  private passage(unit: Unit): AssembledItem {
    const { section, questions } = unit;
    const label = `${questions[0]!.n}–${questions.at(-1)!.n}`;
    const leaves = questions.map((q) => {
      const entry = this.keyOf(q.n);
      const node = q.subs.length
        ? { ...q, stem: [...q.stem, ...q.subs.flatMap((s) => s.stem)], subs: [] }
        : q;
      const leaf = buildLeaf({
        node,
        label: String(q.n),
        hint: this.hint(section),
        answer: q.answer.length ? q.answer : (entry?.answer ?? []),
        explanation: q.explanation.length ? q.explanation : (entry?.explanation ?? []),
        quiet: true,
      });
      leaf.score ??= this.sectionScore(section, leaf.blanks);
      return leaf;
    });
    const paras = [
      unit.lead[0]?.para ?? questions[0]!.paras[0],
      Math.max(...questions.map((q) => q.paras[1])),
    ];
    return {
      number: label,
      section: section.title || undefined,
      paragraphs: { from: paras[0]!, to: paras[1]! },
      ...this.composite(blockHtml(unit.lead), leaves, undefined, label, []),
    };
  }

  unit(unit: Unit): AssembledItem[] {
    if (unit.lead.length) return [this.passage(unit)];
    return unit.questions.map((q) => this.question(q, unit.section));
  }
}
