/**
 * Segments → the item model's rich text (an XHTML fragment): `<p>` per paragraph, inline emphasis,
 * sub/superscripts, `<br/>`, tables, `<img src="hanlin-file:<key>">`, MathML with its TeX, and
 * `<span data-blank="<id>"></span>` for a fill-in blank. Option bodies are inline (as QTI's
 * `simpleChoice`); stems, references and explanations are blocks.
 */
import type { Block, Seg } from './segments.ts';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);

function textHtml(s: Extract<Seg, { kind: 'text' }>): string {
  // Underlined spaces are a writing line; keep them visible as non-breaking spaces.
  let html = s.u && !/\S/.test(s.text) ? '\u00a0'.repeat(s.text.length) : escapeXml(s.text);
  if (s.va) html = `<${s.va}>${html}</${s.va}>`;
  if (s.i) html = `<em>${html}</em>`;
  if (s.b) html = `<strong>${html}</strong>`;
  if (s.u) html = `<u>${html}</u>`;
  return html;
}

/** Inline XHTML of segments. */
export function inlineHtml(segs: Seg[]): string {
  return segs
    .map((s) => {
      switch (s.kind) {
        case 'text':
          return textHtml(s);
        case 'math':
          return s.math.mathml;
        case 'image': {
          const size = `${s.width ? ` width="${s.width}"` : ''}${s.height ? ` height="${s.height}"` : ''}`;
          return `<img src="hanlin-file:${s.key}" alt="图片"${size}/>`;
        }
        case 'blank':
          return `<span data-blank="${s.id}"></span>`;
        case 'tab':
          return '\u2003';
        default:
          return '<br/>';
      }
    })
    .join('')
    .trim();
}

/** Block XHTML: a `<p>` per line (empty lines dropped), a `<table>` per table. */
export function blockHtml(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'line') {
      const html = inlineHtml(b.segs);
      if (html) out.push(`<p>${html}</p>`);
    } else {
      const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td>${inlineHtml(c.segs)}</td>`).join('')}</tr>`);
      out.push(`<table><tbody>${rows.join('')}</tbody></table>`);
    }
  }
  return out.join('');
}
