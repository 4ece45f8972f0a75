/**
 * The answer section at the end of a paper (参考答案 / 答案与解析): `1．B　2．C …` on one line,
 * `1-5 BCADA` ranges (English papers), a 题号/答案 table, worked answers over several lines
 * (`19．解：…`), and per-question 【答案】【解析】 markers.
 */
import { KEY_MARK, markKind } from './markers.ts';
import { type Block, isBlank, type Line, makeLine, plain, type Seg, subLine } from './segments.ts';

export interface KeyEntry {
  answer: Line[];
  explanation: Line[];
}

const SECTION_PREFIX =
  /^[\s\u3000]*(?:[一二三四五六七八九十]{1,3}[\s\u3000]*[、.．]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,3}[\s\u3000]*[、.．]?|(?:IX|IV|VI{0,3}|I{1,3}|X{1,2})[\s\u3000]*[.．、])[\s\u3000]*/;
const RANGE =
  /(\d{1,3})[\s\u3000]*[-—–~～至]+[\s\u3000]*(\d{1,3})[\s\u3000]*[.．、:：]?[\s\u3000]*([A-H](?:[\s\u3000]?[A-H])*)(?![A-Za-z])/g;
const MARKER = /(^|[\s\u3000；;，,])(\d{1,3})[\s\u3000]*(?:[．、:：]|\.(?!\d))/g;

/** A two-row table of 题号 and 答案 (a common layout of choice keys). */
function tableEntries(rows: Line[][], put: (n: number, answer: Line) => void): boolean {
  let found = false;
  for (let r = 0; r + 1 < rows.length; r++) {
    const head = rows[r]!;
    const body = rows[r + 1]!;
    if (!/题号/.test(plain(head[0]?.segs ?? [])) || !/答案/.test(plain(body[0]?.segs ?? []))) continue;
    head.forEach((cell, c) => {
      const n = Number(plain(cell.segs));
      if (c > 0 && Number.isInteger(n) && n > 0 && body[c] && !isBlank(body[c]!)) put(n, body[c]!);
    });
    found = true;
  }
  return found;
}

export function parseKey(blocks: Block[]): Map<number, KeyEntry> {
  const entries = new Map<number, KeyEntry>();
  let cur: KeyEntry | undefined;
  let kind: 'answer' | 'explanation' = 'answer';
  let last = 0;
  const entry = (n: number) => {
    let e = entries.get(n);
    if (!e) {
      e = { answer: [], explanation: [] };
      entries.set(n, e);
    }
    last = Math.max(last, n);
    return e;
  };
  /** A piece of text for the current entry, split at 【答案】/【解析】 marks. */
  const add = (line: Line) => {
    if (!cur || isBlank(line)) return;
    const marks = [...line.text.matchAll(KEY_MARK)];
    const head = subLine(line, 0, marks[0]?.index);
    if (!isBlank(head)) cur[kind].push(head);
    marks.forEach((m, i) => {
      kind = markKind(m[1] ?? m[2]!);
      const part = subLine(line, m.index + m[0].length, marks[i + 1]?.index);
      if (!isBlank(part)) cur![kind].push(part);
    });
  };

  const handle = (line: Line) => {
    let text = line.text;
    const prefix = SECTION_PREFIX.exec(text);
    if (prefix) {
      // A section heading of the key ends the entry before it; one followed by numbers is a key line.
      if (!/^\d/.test(text.slice(prefix[0].length))) {
        cur = undefined;
        return;
      }
      text = ' '.repeat(prefix[0].length) + text.slice(prefix[0].length);
    }
    for (const m of text.matchAll(RANGE)) {
      const [a, b] = [Number(m[1]), Number(m[2])];
      const letters = m[3]!.replace(/[\s\u3000]/g, '');
      if (b - a + 1 !== letters.length || a <= 0) continue;
      for (let n = a; n <= b; n++) {
        const e = entry(n);
        e.answer.push(makeLine([{ kind: 'text', text: letters[n - a]! }], line.para));
      }
      text = text.slice(0, m.index) + ' '.repeat(m[0].length) + text.slice(m.index + m[0].length);
      cur = undefined;
    }
    const marks: { n: number; at: number; end: number }[] = [];
    let since = 0;
    for (const m of text.matchAll(MARKER)) {
      const n = Number(m[2]);
      const at = m.index + m[1]!.length;
      const atStart = !text.slice(0, at).trim();
      const prev = marks.at(-1)?.n ?? last;
      const short = text.slice(since, at).trim().length < 40;
      if (n > prev && (atStart ? n <= prev + 30 : n <= prev + 5 && short)) {
        marks.push({ n, at, end: m.index + m[0].length });
        since = m.index + m[0].length;
      }
    }
    const masked = makeLine(line.segs, line.para);
    if (!marks.length) {
      if (text.trim()) add(subLine(masked, 0));
      return;
    }
    if (text.slice(0, marks[0]!.at).trim()) add(subLine(masked, 0, marks[0]!.at));
    marks.forEach((m, i) => {
      cur = entry(m.n);
      kind = 'answer';
      add(subLine(masked, m.end, marks[i + 1]?.at));
    });
  };

  for (const b of blocks) {
    if (b.kind === 'line') {
      handle(b);
      continue;
    }
    if (tableEntries(b.rows, (n, answer) => entry(n).answer.push(answer))) continue;
    for (const row of b.rows) {
      const segs: Seg[] = [];
      for (const c of row) {
        if (segs.length) segs.push({ kind: 'tab' });
        segs.push(...c.segs);
      }
      handle(makeLine(segs, row[0]?.para ?? b.para));
    }
  }
  return entries;
}
