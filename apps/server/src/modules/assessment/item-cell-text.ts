/**
 * Rich text as a teacher types it in a spreadsheet cell, and back: formulas between `$` (`$$` for a
 * displayed one) in TeX, line breaks as they are, fill-in blanks as a run of underscores (`___` or
 * `＿＿`), a literal dollar sign as `\$`. What a cell cannot hold (pictures, tables, emphasis) is
 * written as text: the .xlsx template is for items made of text and formulas.
 */
import { AppError } from '../../platform/errors/app-error.ts';
import type { Rich } from './item-model.ts';
import { richNodes, sanitizeRich, texToMathML } from './rich-text.ts';
import { escapeText, NS, type XmlNode } from './xml-tree.ts';

/** How a blank is written back into a cell. */
export const CELL_BLANK = '____';
const BLANK_RUN = /_{3,}|＿{2,}/g;

/** Cell text as stored rich text; blanks become `<span data-blank="1">`, `"2"` … when `blanks` is on. */
export function cellToRich(cell: string, opts: { blanks?: boolean } = {}): { rich: Rich; blanks: number } {
  let out = '';
  let blanks = 0;
  const text = cell.replace(/\r\n?/g, '\n');
  const plain = (s: string) => {
    const escaped = escapeText(s).replace(/\n/g, '<br/>');
    return opts.blanks ? escaped.replace(BLANK_RUN, () => `<span data-blank="${++blanks}"></span>`) : escaped;
  };
  let i = 0;
  let run = '';
  while (i < text.length) {
    if (text.startsWith('\\$', i)) {
      run += '$';
      i += 2;
      continue;
    }
    if (text[i] !== '$') {
      run += text[i];
      i += 1;
      continue;
    }
    const display = text.startsWith('$$', i);
    const open = display ? 2 : 1;
    const close = text.indexOf(display ? '$$' : '$', i + open);
    if (close < 0)
      throw new AppError(
        'validation_failed',
        `公式缺少结尾的「${display ? '$$' : '$'}」（字面的 $ 请写作 \\$）`,
      );
    out += plain(run);
    run = '';
    out += texToMathML(text.slice(i + open, close), { display });
    i = close + open;
  }
  out += plain(run);
  return { rich: sanitizeRich(out), blanks };
}

/** Stored rich text as cell text (the inverse of `cellToRich` for what a cell can hold). */
export function richToCell(rich: Rich): string {
  const walk = (nodes: XmlNode[]): string => {
    let out = '';
    for (const n of nodes) {
      if (n.type === 'text') {
        out += n.text.replace(/\$/g, '\\$');
        continue;
      }
      if (n.ns === NS.mathml || n.local === 'math') {
        const display = n.attrs.some((a) => a.local === 'display' && a.value === 'block');
        const d = display ? '$$' : '$';
        out += `${d}${texOf(n) ?? textOf(n)}${d}`;
      } else if (n.local === 'br') out += '\n';
      else if (n.local === 'img') out += `[图片${n.attrs.find((a) => a.local === 'alt')?.value ?? ''}]`;
      else if (n.local === 'span' && n.attrs.some((a) => a.local === 'data-blank')) out += CELL_BLANK;
      else if (['p', 'li', 'tr'].includes(n.local)) out += `${walk(n.children)}\n`;
      else if (n.local === 'td' || n.local === 'th') out += `${walk(n.children)}\t`;
      else out += walk(n.children);
    }
    return out;
  };
  return walk(richNodes(rich)).replace(/\n+$/, '');
}

const textOf = (n: XmlNode): string => (n.type === 'text' ? n.text : n.children.map(textOf).join(''));

function texOf(n: XmlNode): string | undefined {
  if (n.type === 'text') return undefined;
  if (n.local === 'annotation') return textOf(n);
  for (const c of n.children) {
    const t = texOf(c);
    if (t !== undefined) return t;
  }
  return undefined;
}
