/**
 * The structure of a paper from its blocks: title and preamble, sections, numbered questions with
 * their options, sub-questions and inline keys, passages shared by several questions (a cloze or a
 * reading text), and where the answer section begins. No item types are decided here.
 */
import {
  findOption,
  isKeyHeading,
  isPassageHeading,
  KEY_MARK,
  markKind,
  nextLetter,
  questionNumber,
  type SectionInfo,
  sectionHeading,
  subNumber,
} from './markers.ts';
import {
  type Block,
  isBlank,
  type Line,
  makeLine,
  plain,
  type Seg,
  subLine,
  type TableBlock,
} from './segments.ts';

export interface QNode {
  n: number;
  paras: [number, number];
  stem: Block[];
  options: { letter: string; line: Line }[];
  /** Lines that came after the options (a figure for them, a note): shown after the stem. */
  after: Block[];
  answer: Line[];
  explanation: Line[];
  subs: QNode[];
  /** Where the next plain line of an inline key goes. */
  keyKind?: 'answer' | 'explanation';
}

/** One question, or a passage with the questions that share it. */
export interface Unit {
  section: SectionInfo;
  lead: Block[];
  questions: QNode[];
}

export interface ParsedPaper {
  title?: string;
  units: Unit[];
  /** The blocks of the answer section, if the paper has one. */
  key: Block[];
  notes: string[];
}

const newNode = (n: number, para: number): QNode => ({
  n,
  paras: [para, para],
  stem: [],
  options: [],
  after: [],
  answer: [],
  explanation: [],
  subs: [],
});

/** A lead is a passage (the stimulus of a composite) rather than a section's instructions. */
function isPassage(lead: Block[], section: SectionInfo): boolean {
  if (!lead.length) return false;
  if (section.hint === 'composite') return true;
  const text = lead.map((b) => (b.kind === 'line' ? plain(b.segs) : '表')).join('');
  return (
    text.length > 60 ||
    lead.some((b) => b.kind === 'table' || /\uE001/.test(b.kind === 'line' ? b.text : '')) ||
    /阅读|材料|短文|完成\s*\d+\s*[-—~～至]\s*\d+\s*题/.test(text)
  );
}

/** A table whose rows are options (`6. | A. at | B. in …` or `A. … | B. …`) becomes lines. */
function optionRows(t: TableBlock): Line[] | undefined {
  const lines = t.rows.map((r) => {
    const segs: Seg[] = [];
    for (const c of r) {
      if (segs.length) segs.push({ kind: 'tab' });
      segs.push(...c.segs);
    }
    return makeLine(segs, r[0]?.para ?? t.para);
  });
  const isOptions = (l: Line) => {
    const q = questionNumber(l.text);
    const rest = q ? l.text.slice(q.end).replace(/^[\s\u3000]+/, '') : l.text.trim();
    return [...'ABCDEFGH'].some((letter) => findOption(rest, letter, 0)?.at === 0);
  };
  return lines.length && lines.every(isOptions) ? lines : undefined;
}

export function parsePaper(blocks: Block[]): ParsedPaper {
  const hasHeadings = blocks.some((b) => b.kind === 'line' && sectionHeading(b.text));
  const notes: string[] = [];
  const units: Unit[] = [];
  const preamble: Line[] = [];
  const key: Block[] = [];
  let section: SectionInfo = { title: '' };
  let started = false;
  let inKey = false;
  let lastTop = 0;
  let unit: Unit | undefined;
  let lead: Block[] = [];
  let q: QNode | undefined;
  let target: QNode | undefined;

  const touch = (para: number) => {
    for (const n of [q, target]) if (n && para > n.paras[1]) n.paras[1] = para;
  };

  /** Options starting at `from` in a line, in letter order; false when the line has none there. */
  const takeOptions = (node: QNode, line: Line, from: number, minimum: number): boolean => {
    let letter = node.options.length ? nextLetter(node.options.at(-1)!.letter) : 'A';
    const marks: { letter: string; at: number; end: number }[] = [];
    for (let at = from, m = findOption(line.text, letter, at); m; m = findOption(line.text, letter, at)) {
      if (!marks.length && line.text.slice(from, m.at).trim()) break;
      marks.push({ letter, ...m });
      at = m.end;
      letter = nextLetter(letter);
    }
    if (marks.length < minimum) return false;
    for (const [i, m] of marks.entries()) {
      node.options.push({ letter: m.letter, line: subLine(line, m.end, marks[i + 1]?.at) });
    }
    node.keyKind = undefined;
    return true;
  };

  /** The rest of a question or sub-question line: options, or stem (with options later in the line). */
  const startBody = (node: QNode, line: Line, from: number) => {
    if (takeOptions(node, line, from, 1)) return;
    const first = findOption(line.text, 'A', from);
    const second = first && findOption(line.text, 'B', first.end);
    if (first && second) {
      node.stem.push(subLine(line, from, first.at));
      takeOptions(node, line, first.at, 2);
    } else {
      const rest = subLine(line, from);
      if (!isBlank(rest)) node.stem.push(rest);
    }
  };

  const inlineKey = (node: QNode, line: Line): boolean => {
    const marks = [...line.text.matchAll(KEY_MARK)];
    if (!marks.length || line.text.slice(0, marks[0]!.index).trim()) return false;
    marks.forEach((m, i) => {
      const kind = markKind(m[1] ?? m[2]!);
      const part = subLine(line, m.index + m[0].length, marks[i + 1]?.index);
      if (!isBlank(part)) node[kind].push(part);
      node.keyKind = kind;
    });
    return true;
  };

  const handle = (line: Line) => {
    const t = line.text;
    if (isBlank(line)) return;
    if (lastTop > 0 && isKeyHeading(t)) {
      inKey = true;
      return;
    }
    const heading = sectionHeading(t);
    if (heading) {
      section = heading;
      started = true;
      unit = undefined;
      lead = [];
      q = target = undefined;
      return;
    }
    // Without section headings the questions begin at "1."; before that is the title and notes.
    if (!started && !hasHeadings && questionNumber(t)?.n === 1) started = true;
    if (!started) {
      preamble.push(line);
      return;
    }
    const qn = questionNumber(t);
    if (qn && qn.n > lastTop && qn.n <= lastTop + 5) {
      if (qn.n > lastTop + 1) notes.push(`题号不连续：第 ${lastTop} 题之后是第 ${qn.n} 题`);
      lastTop = qn.n;
      if (lead.length && isPassage(lead, section)) {
        unit = { section, lead, questions: [] };
        units.push(unit);
      } else if (!unit?.lead.length || lead.length) {
        unit = { section, lead: [], questions: [] };
        units.push(unit);
      }
      lead = [];
      q = target = newNode(qn.n, line.para);
      unit.questions.push(q);
      startBody(q, line, qn.end);
      return;
    }
    const sn = q && subNumber(t);
    if (q && sn && sn.n === q.subs.length + 1) {
      target = newNode(sn.n, line.para);
      q.subs.push(target);
      touch(line.para);
      startBody(target, line, sn.end);
      return;
    }
    if (target && inlineKey(target, line)) {
      touch(line.para);
      return;
    }
    if (target && takeOptions(target, line, 0, 1)) {
      touch(line.para);
      return;
    }
    if (target?.keyKind) {
      target[target.keyKind].push(line);
      touch(line.para);
      return;
    }
    if (
      target &&
      (target.options.length || q!.subs.length) &&
      (isPassageHeading(t) || plain(line.segs).length > 80)
    ) {
      // A new passage after complete questions: the next questions share it.
      q = target = undefined;
      unit = undefined;
      lead = [line];
      return;
    }
    if (target) {
      (target.options.length ? target.after : target.stem).push(line);
      touch(line.para);
      return;
    }
    lead.push(line);
  };

  for (const block of blocks) {
    if (inKey) {
      key.push(block);
      continue;
    }
    if (block.kind === 'line') {
      handle(block);
      continue;
    }
    const rows = started ? optionRows(block) : undefined;
    if (rows) for (const r of rows) handle(r);
    else if (target) {
      (target.options.length ? target.after : target.stem).push(block);
      touch(block.para);
    } else if (started) lead.push(block);
  }
  const titleLine = preamble.find((l) => l.center) ?? preamble[0];
  return { title: titleLine ? plain(titleLine.segs) : undefined, units, key, notes };
}
