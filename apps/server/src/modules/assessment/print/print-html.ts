/**
 * A paper and its answer key as print HTML (A4 one column, or A3 landscape in two columns with the
 * sealing line), the input of the PDF printer and what a browser can print as it is.
 */
import type { LeafItem } from '../item-model.ts';
import type { PaperDocument, PaperItem } from '../paper-model.ts';
import { escapeXml } from '../word/rich-html.ts';
import { katexStyles, paperStyles } from './print-css.ts';
import {
  answerLines,
  buildKey,
  ESSAY_COLUMNS,
  essayRows,
  forPrint,
  geometry,
  metaLine,
  optionColumns,
  type PageGeometry,
  type PrintOptions,
  richTexts,
  SEAL_TEXT,
  STUDENT_FIELDS,
  scoreText,
  sectionNumeral,
  showsScore,
} from './print-layout.ts';
import { RichPrinter } from './rich-print-html.ts';

export interface PrintHtml {
  html: string;
  geometry: PageGeometry;
  /** Problems met while printing (a formula KaTeX could not set), for the caller to show. */
  notes: string[];
}

const fields = () => STUDENT_FIELDS.map((f) => `<span>${f}：<span class="field"></span></span>`).join('');

function page(title: string, g: PageGeometry, body: string, seal: boolean): string {
  const sealHtml = seal
    ? `<div class="seal"><div class="seal-inner"><div class="fields">${fields()}</div><div class="cut"><span>${SEAL_TEXT}</span></div></div></div>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeXml(title)}</title>
<style>${katexStyles()}</style><style>${paperStyles(g)}</style></head>
<body>${sealHtml}<main class="${g.columns === 2 ? 'two-columns' : ''}">${body}</main></body></html>`;
}

class PaperHtml {
  constructor(
    private readonly rich: RichPrinter,
    private readonly g: PageGeometry,
  ) {}

  leafBody(c: LeafItem, score: number): string {
    let out = '';
    if ('options' in c) {
      const cols = optionColumns(c.options, this.g);
      const opts = c.options.map(
        (o) =>
          `<div class="opt"><span class="letter">${o.id}．</span><span>${this.rich.inline(o.body)}</span></div>`,
      );
      out += `<div class="options cols-${cols}">${opts.join('')}</div>`;
    }
    const lines = answerLines(c, score);
    if (lines) out += `<div class="lines space">${'<div></div>'.repeat(lines)}</div>`;
    if (c.type === 'essay') {
      // One block per row, so a grid taller than the column flows on to the next one row by row.
      const rows = Array.from(
        { length: essayRows(c) },
        () => `<div class="row">${'<div></div>'.repeat(ESSAY_COLUMNS)}</div>`,
      ).join('<div class="gap"></div>');
      out += `<div class="grid">${rows}</div>`;
    }
    return out;
  }

  item(item: PaperItem): string {
    const c = item.content;
    const lead = `<span class="no">${item.number}．</span>${showsScore(c) ? scoreText(item.score) : ''}`;
    if (c.type !== 'composite') {
      return `<div class="item leaf${c.type === 'essay' ? ' essay' : ''}"><div class="stem">${this.rich.html(c.stem, lead)}</div>${this.leafBody(c, item.score)}</div>`;
    }
    const parts = c.parts.map((p, i) => {
      const partLead = `（${i + 1}）${showsScore(p.content) ? scoreText(p.score) : ''}`;
      return `<div class="part"><div class="stem">${this.rich.html(p.content.stem, partLead)}</div>${this.leafBody(p.content, p.score)}</div>`;
    });
    return `<div class="item composite"><div class="stem">${this.rich.html(c.stem, lead)}</div>${parts.join('')}</div>`;
  }

  header(p: PaperDocument, seal: boolean): string {
    const numerals = p.sections.map((_, i) => `<th>${sectionNumeral(i)}</th>`).join('');
    return `<h1>${escapeXml(p.title)}</h1>${p.subtitle ? `<p class="subtitle">${escapeXml(p.subtitle)}</p>` : ''}
<p class="meta">${metaLine(p)}</p>${seal ? '' : `<div class="student">${fields()}</div>`}
<table class="scores"><tr><th>题号</th>${numerals}<th>总分</th></tr><tr><th>得分</th>${'<td></td>'.repeat(p.sections.length + 1)}</tr></table>`;
  }
}

/** The paper as print HTML. */
export async function paperHtml(given: PaperDocument, options: PrintOptions): Promise<PrintHtml> {
  const paper = forPrint(given);
  const g = geometry(options.size);
  const rich = new RichPrinter(options.resolveImage);
  await rich.load(richTexts(paper));
  const doc = new PaperHtml(rich, g);
  const seal = g.seal > 0;
  const sections = paper.sections.map(
    (s) =>
      `<section><h2>${escapeXml(s.title)}</h2>${s.instructions ? `<p class="instructions">${escapeXml(s.instructions)}</p>` : ''}${s.items.map((i) => doc.item(i)).join('')}</section>`,
  );
  return {
    html: page(paper.title, g, doc.header(paper, seal) + sections.join(''), seal),
    geometry: g,
    notes: rich.notes,
  };
}

/** The answer key and marking scheme (参考答案及评分标准) as print HTML, always A4. */
export async function keyHtml(
  paper: PaperDocument,
  options: Pick<PrintOptions, 'resolveImage'>,
): Promise<PrintHtml> {
  const g = geometry('A4');
  const rich = new RichPrinter(options.resolveImage);
  await rich.load(richTexts(paper));
  const sections = buildKey(paper).map((s) => {
    const table = s.table.length
      ? `<table class="answers"><tr><td>题号</td>${s.table.map((t) => `<td>${t.label}</td>`).join('')}</tr><tr><td>答案</td>${s.table.map((t) => `<td>${escapeXml(t.answer)}</td>`).join('')}</tr></table>`
      : '';
    const entries = s.entries.map((e) => {
      const head = `<span class="label">${e.label}</span>${scoreText(e.score)}${e.answer ? `<strong>${escapeXml(e.answer)}</strong>` : ''}`;
      const reference = e.reference ? rich.html(e.reference, head) : `<p>${head}</p>`;
      const rubric = e.rubric.length
        ? `<div class="rubric">${e.rubric.map((r) => `<div><span>${escapeXml(r.description)}</span><span class="pts">……${r.points} 分</span></div>`).join('')}</div>`
        : '';
      const explanation = e.explanation
        ? rich.html(e.explanation, '<span class="label">【解析】</span>')
        : '';
      return `<div class="entry">${reference}${rubric}${explanation}</div>`;
    });
    return `<section><h2>${escapeXml(s.title)}</h2>${table}${entries.join('')}</section>`;
  });
  const title = `${paper.title} 参考答案及评分标准`;
  const body = `<div class="key"><h1>${escapeXml(title)}</h1><p class="meta">满分：${paper.totalScore} 分</p>${sections.join('')}</div>`;
  return { html: page(title, g, body, false), geometry: g, notes: rich.notes };
}
