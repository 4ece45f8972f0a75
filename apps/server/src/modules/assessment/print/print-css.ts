/**
 * The style sheet of a printed paper: 宋体-style serif body at 五号 (10.5 pt), 黑体-style headings,
 * options in aligned columns, the A3 two-column layout with its sealing line, and KaTeX's own style
 * sheet with its fonts inlined (the printing page loads nothing from outside).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BODY_PT, columnWidth, type PageGeometry } from './print-layout.ts';

let katexCss: string | undefined;

/** KaTeX's CSS with each font as a woff2 data URL (about 300 KB, built once). */
export function katexStyles(): string {
  if (katexCss) return katexCss;
  const file = createRequire(import.meta.url).resolve('katex/dist/katex.min.css');
  const dir = dirname(file);
  katexCss = readFileSync(file, 'utf8').replace(/src:([^;}]*)/g, (whole, sources: string) => {
    const woff2 = /url\((fonts\/[^)]+\.woff2)\)/.exec(sources)?.[1];
    if (!woff2) return whole;
    const data = readFileSync(join(dir, woff2)).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
  return katexCss;
}

/**
 * Curly quotes and the apostrophe from a Latin serif: CJK fonts draw them full width, which prints
 * "I’m" as "I’ m" in an English item (Word does the same with its Western font).
 */
const QUOTES_FACE = `@font-face { font-family: "Hanlin Quotes"; unicode-range: U+2018-201D;
  src: local("Times New Roman"), local("TimesNewRomanPSMT"), local("Liberation Serif"), local("LiberationSerif"), local("Nimbus Roman"), local("DejaVu Serif"); }`;
const SERIF =
  '"Hanlin Quotes", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "Times New Roman", serif';
const SANS = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", SimHei, sans-serif';

export function paperStyles(g: PageGeometry): string {
  const contentHeight = g.height - g.margin.top - g.margin.bottom;
  const col = columnWidth(g);
  return `${QUOTES_FACE}
@page { size: ${g.width}mm ${g.height}mm; margin: ${g.margin.top}mm ${g.margin.right}mm ${g.margin.bottom}mm ${g.margin.left}mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${SERIF}; font-size: ${BODY_PT}pt; line-height: 1.8; color: #000; }
main { padding-left: ${g.seal}mm; }
main.two-columns { column-count: 2; column-gap: ${g.columnGap}mm; column-fill: auto; }
h1 { font-family: ${SANS}; font-size: 16pt; font-weight: 700; text-align: center; margin: 0 0 1mm; line-height: 1.4; }
.subtitle { text-align: center; font-size: 12pt; margin: 0 0 1mm; }
.meta { text-align: center; margin: 0 0 2mm; }
.student { display: flex; justify-content: space-around; margin: 2mm 0; }
.student span { white-space: nowrap; }
.field { display: inline-block; width: 24mm; border-bottom: 0.6pt solid #000; }
table.scores { border-collapse: collapse; margin: 2mm auto 4mm; break-inside: avoid; }
table.scores td, table.scores th { border: 0.6pt solid #000; min-width: 11mm; height: 7.5mm; text-align: center; font-weight: 400; padding: 0 1.5mm; }
h2 { font-family: ${SANS}; font-size: ${BODY_PT}pt; font-weight: 700; margin: 3mm 0 1mm; break-after: avoid; }
.instructions { margin: 0 0 1mm 2em; }
.item { margin: 0 0 2mm; }
.item.leaf { break-inside: avoid; }
/* An essay's grid is taller than a column: it flows on (row by row), its stem stays with its first rows. */
.item.leaf.essay { break-inside: auto; }
.item.leaf.essay > .stem { break-inside: avoid; break-after: avoid; }
.item p, .part p { margin: 0; text-indent: 0; }
.no { font-weight: 400; }
.stem table, .part table, .key table.rich { border-collapse: collapse; margin: 1mm 0; }
.stem td, .stem th, .part td, .part th, .key table.rich td { border: 0.6pt solid #000; padding: 0.5mm 2mm; text-align: center; }
.stem img, .part img, .options img { max-width: 100%; vertical-align: middle; }
.options { display: grid; column-gap: 2mm; row-gap: 0.5mm; margin: 0.5mm 0 0 2em; break-inside: avoid; }
.options.cols-4 { grid-template-columns: repeat(4, 1fr); }
.options.cols-2 { grid-template-columns: repeat(2, 1fr); }
.options.cols-1 { grid-template-columns: 1fr; }
.opt { display: flex; align-items: baseline; min-width: 0; }
.opt .letter { flex: none; width: 1.7em; }
.blank { display: inline-block; min-width: 5em; border-bottom: 0.6pt solid #000; margin: 0 0.2em; height: 1em; }
.lines { margin: 1mm 0 0 2em; }
.lines div { height: 8.5mm; border-bottom: 0.4pt dashed #888; }
.space { break-inside: avoid; }
.grid { margin: 1mm 0 0; width: ${Math.min(col, 160)}mm; }
.grid .row { display: grid; grid-template-columns: repeat(20, 1fr); border-top: 0.6pt solid #555; border-left: 0.6pt solid #555; break-inside: avoid; }
.grid .row div { aspect-ratio: 1; border-right: 0.6pt solid #555; border-bottom: 0.6pt solid #555; }
.grid .gap { height: 1.6mm; border-left: 0.6pt solid #555; border-right: 0.6pt solid #555; break-after: avoid; }
.part { margin: 1mm 0 1.5mm; break-inside: avoid; }
.item.composite > .stem, .stem table { break-inside: avoid; }
.part .stem-lead { font-weight: 400; }
.missing-image { color: #a00; }
.katex { font-size: 1.05em; }
.katex-display { margin: 1mm 0; }
.seal { position: fixed; left: 0; top: 0; width: ${g.seal - 4}mm; height: ${contentHeight}mm; }
.seal-inner { position: absolute; left: 0; top: ${contentHeight}mm; width: ${contentHeight}mm; height: ${g.seal - 4}mm;
  transform: rotate(-90deg); transform-origin: 0 0; display: flex; flex-direction: column; justify-content: space-between; }
.seal .fields { display: flex; justify-content: space-around; padding-top: 2mm; font-size: 10pt; }
.seal .fields span { white-space: nowrap; }
.seal .fields .field { width: 30mm; }
.seal .cut { position: relative; border-top: 0.8pt dashed #000; margin-bottom: 3mm; text-align: center; height: 0; }
.seal .cut span { position: relative; top: -0.75em; background: #fff; padding: 0 3mm; font-size: 10pt; letter-spacing: 0.3em; }
.key h2 { margin-top: 4mm; }
.key table.answers { border-collapse: collapse; margin: 1mm 0 2mm; }
.key table.answers td { border: 0.6pt solid #000; min-width: 9mm; padding: 0 1.5mm; text-align: center; }
.key .entry { margin: 0 0 2mm; break-inside: avoid; }
.key .rubric { margin: 0.5mm 0 0 2em; }
.key .rubric div { display: flex; justify-content: space-between; gap: 4mm; }
.key .rubric .pts { flex: none; }
.key .label { font-family: ${SANS}; }
@media screen {
  body { width: ${g.width}mm; padding: ${g.margin.top}mm ${g.margin.right}mm ${g.margin.bottom}mm ${g.margin.left}mm; }
  /* The first page as it prints: the columns fill one page height, the rest flows off to the right. */
  main.two-columns { height: ${contentHeight}mm; }
  .seal { left: ${g.margin.left}mm; top: ${g.margin.top}mm; }
}
`;
}
