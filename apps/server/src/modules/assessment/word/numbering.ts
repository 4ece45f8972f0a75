/**
 * Word's automatic numbering: a question numbered by a list style has no "1." in its text, only a
 * reference to `word/numbering.xml`. This computes the label Word would show (decimal, Chinese
 * counting 一、二、, letters, Roman, circled numbers), so the paper parser sees what the teacher sees.
 */
import { kid, kids, parseXml, val, type XmlElement } from './xml-tree.ts';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

const CHINESE = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function chinese(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return CHINESE[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CHINESE[tens]}十${CHINESE[n % 10]}`;
}
function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}
const letters = (n: number) =>
  String.fromCharCode(64 + (((n - 1) % 26) + 1)).repeat(Math.floor((n - 1) / 26) + 1);

function format(n: number, fmt: string): string {
  switch (fmt) {
    case 'decimal':
    case 'decimalZero':
      return fmt === 'decimalZero' && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographTraditional':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chinese(n);
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    default:
      return String(n);
  }
}

export class Numbering {
  private readonly nums = new Map<string, Map<number, Level>>();
  private readonly styleNum = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  private readonly counters = new Map<string, number[]>();

  constructor(numberingXml: string | undefined, stylesXml: string | undefined) {
    if (numberingXml) this.readNumbering(parseXml(numberingXml, 'word/numbering.xml'));
    if (stylesXml) this.readStyles(parseXml(stylesXml, 'word/styles.xml'));
  }

  private readNumbering(root: XmlElement): void {
    const abstracts = new Map<string, Map<number, Level>>();
    for (const a of kids(root, 'w:abstractNum')) {
      abstracts.set(a.attrs['w:abstractNumId'] ?? '', this.levels(a));
    }
    for (const n of kids(root, 'w:num')) {
      const base = abstracts.get(val(kid(n, 'w:abstractNumId')) ?? '') ?? new Map<number, Level>();
      const levels = new Map(base);
      for (const o of kids(n, 'w:lvlOverride')) {
        const ilvl = Number(o.attrs['w:ilvl'] ?? 0);
        const override = kid(o, 'w:lvl');
        if (override) levels.set(ilvl, this.levels({ ...o, children: [override] }).get(ilvl)!);
        const start = val(kid(o, 'w:startOverride'));
        if (start !== undefined && levels.has(ilvl))
          levels.set(ilvl, { ...levels.get(ilvl)!, start: Number(start) });
      }
      this.nums.set(n.attrs['w:numId'] ?? '', levels);
    }
  }

  private levels(el: XmlElement): Map<number, Level> {
    const out = new Map<number, Level>();
    for (const l of kids(el, 'w:lvl')) {
      out.set(Number(l.attrs['w:ilvl'] ?? 0), {
        start: Number(val(kid(l, 'w:start')) ?? 1),
        format: val(kid(l, 'w:numFmt')) ?? 'decimal',
        text: val(kid(l, 'w:lvlText')) ?? '',
        suffix: val(kid(l, 'w:suff')) ?? 'tab',
      });
    }
    return out;
  }

  private readStyles(root: XmlElement): void {
    for (const s of kids(root, 'w:style')) {
      const numPr = kid(kid(s, 'w:pPr'), 'w:numPr');
      const ilvl = val(kid(numPr, 'w:ilvl'));
      this.styleNum.set(s.attrs['w:styleId'] ?? '', {
        numId: val(kid(numPr, 'w:numId')),
        ilvl: ilvl === undefined ? undefined : Number(ilvl),
        basedOn: val(kid(s, 'w:basedOn')),
      });
    }
  }

  /** The numbering a paragraph has, from its own properties or its style (and the styles it is based on). */
  private numberingOf(pPr: XmlElement | undefined): { numId: string; ilvl: number } | undefined {
    const own = kid(pPr, 'w:numPr');
    let numId = val(kid(own, 'w:numId'));
    let ilvl = val(kid(own, 'w:ilvl')) === undefined ? undefined : Number(val(kid(own, 'w:ilvl')));
    let style = val(kid(pPr, 'w:pStyle'));
    for (let depth = 0; style && depth < 10 && (numId === undefined || ilvl === undefined); depth++) {
      const s = this.styleNum.get(style);
      numId ??= s?.numId;
      ilvl ??= s?.ilvl;
      style = s?.basedOn;
    }
    if (numId === undefined || numId === '0') return undefined;
    return { numId, ilvl: ilvl ?? 0 };
  }

  /** The label Word shows before this paragraph (e.g. `3.`, `二、`), counting as it goes; '' when none. */
  label(pPr: XmlElement | undefined): { text: string; tab: boolean } {
    const n = this.numberingOf(pPr);
    const levels = n && this.nums.get(n.numId);
    const level = levels?.get(n!.ilvl);
    if (!n || !levels || !level || level.format === 'bullet' || level.format === 'none')
      return { text: '', tab: false };
    const counts = this.counters.get(n.numId) ?? [];
    counts[n.ilvl] = counts[n.ilvl] === undefined ? level.start : counts[n.ilvl]! + 1;
    counts.length = n.ilvl + 1;
    this.counters.set(n.numId, counts);
    const text = level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels.get(i);
      return format(counts[i] ?? l?.start ?? 1, l?.format ?? 'decimal');
    });
    return { text, tab: level.suffix === 'tab' };
  }
}
