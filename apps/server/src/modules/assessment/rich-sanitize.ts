/**
 * The rich-text sanitiser: walks parsed XML nodes and writes the canonical XHTML of the allow-list
 * (sorted attributes, `<br/>`/`<img/>` self-closed, every other element closed explicitly, MathML
 * under one `math` with its namespace). The same walk serves a field typed in the editor and the
 * body of an imported QTI item, so both keep their source positions in errors.
 */
import { unsafeTextReason } from '../../platform/http/schemas.ts';
import { KEY_PATTERN } from '../../platform/storage/storage.ts';
import {
  ACTIVE_URL,
  BLANK_ID,
  HTML_ALLOWED,
  HTML_BLOCKS,
  HTML_DROP,
  HTML_REFUSED,
  HTML_UNWRAP,
  MATH_ALLOWED,
  MATH_ATTR_VALUE,
  MATH_ATTRS,
  MATH_DROP,
  MATH_TOKENS,
  TEX_ENCODING,
  TEX_ENCODINGS,
  URL_ATTRS,
  VOID,
} from './rich-allow-list.ts';
import { escapeAttr, escapeText, NS, type XmlElement, type XmlNode } from './xml-tree.ts';

export interface RichIssue {
  message: string;
  line: number;
  column: number;
}

export interface SanitizeOptions {
  /**
   * Pictures: `stored` accepts only `hanlin-file:<key>`; `package` (QTI import) accepts paths
   * inside the package, which `resolveImage` turns into the package path stored for now (the
   * caller stores the file and rewrites the source), and refuses stored keys.
   */
  images?: { mode: 'stored' } | { mode: 'package'; resolveImage: (src: string) => string | undefined };
  /** Collapse runs of white space as a browser shows them (content from other tools). */
  collapseWhitespace?: boolean;
}

export const HANLIN_FILE = 'hanlin-file:';

interface Ctx extends SanitizeOptions {
  issues: RichIssue[];
  blanks: Set<string>;
}

const isHtmlNs = (ns: string | null) => ns === null || ns === NS.xhtml || ns === NS.qti;
const fail = (ctx: Ctx, el: { line: number; column: number }, message: string) =>
  ctx.issues.push({ message, line: el.line, column: el.column });

/** Sanitises `nodes` (the children of a field) into canonical rich text, collecting issues. */
export function sanitizeNodes(nodes: XmlNode[], opts: SanitizeOptions, issues: RichIssue[]): string {
  const ctx: Ctx = { ...opts, issues, blanks: new Set() };
  const out = html(nodes, ctx, { line: 1, column: 1 });
  return opts.collapseWhitespace ? tidy(out) : out;
}

const BLOCK = '(?:p|ol|ul|li|table|thead|tbody|tr|td|th)';
const BETWEEN_BLOCKS = new RegExp(`(<\\/?${BLOCK}(?: [^>]*)?>)\\s+(?=<\\/?${BLOCK}[ >])`, 'g');
const AFTER_OPEN = new RegExp(`(<${BLOCK}(?: [^>]*)?>) `, 'g');
const BEFORE_CLOSE = new RegExp(` (<\\/${BLOCK}>)`, 'g');

/**
 * White space as a browser shows it, for content from other tools: one space for a run, none
 * between blocks or at their edges (pretty-printed XML indents everywhere).
 */
function tidy(html: string): string {
  return html
    .replace(/>([^<]*)</g, (_m, t: string) => `>${t.replace(/ {2,}/g, ' ')}<`)
    .replace(/^[^<]*/, (t) => t.replace(/ {2,}/g, ' '))
    .replace(/[^>]*$/, (t) => t.replace(/ {2,}/g, ' '))
    .replace(BETWEEN_BLOCKS, '$1')
    .replace(AFTER_OPEN, '$1')
    .replace(BEFORE_CLOSE, '$1')
    .trim();
}

function text(s: string, ctx: Ctx, at: { line: number; column: number }): string {
  const reason = unsafeTextReason(s, false);
  if (reason) fail(ctx, at, `文字${reason}`);
  const t = ctx.collapseWhitespace ? s.replace(/[ \t\n]+/g, ' ') : s;
  return escapeText(t);
}

/** Refuses attributes that would run script or fetch content, wherever they appear. */
function refuseActive(el: XmlElement, ctx: Ctx): boolean {
  let bad = false;
  for (const a of el.attrs) {
    const name = a.name.toLowerCase();
    if (name.startsWith('on')) {
      fail(ctx, el, `<${el.local}> 的事件属性「${a.name}」不允许`);
      bad = true;
    } else if (
      (URL_ATTRS.has(name) || URL_ATTRS.has(a.local)) &&
      ACTIVE_URL.test(a.value.replace(/[\s\x00-\x1f]/g, ''))
    ) {
      fail(ctx, el, `<${el.local}> 的「${a.name}」含有不允许的地址「${a.value.slice(0, 40)}」`);
      bad = true;
    }
  }
  return bad;
}

function html(nodes: XmlNode[], ctx: Ctx, parent: { line: number; column: number }): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += text(n.text, ctx, parent);
    else out += htmlElement(n, ctx);
  }
  return out;
}

const onlyInline = (el: XmlElement): boolean =>
  el.children.every(
    (c) =>
      c.type === 'text' ||
      !isHtmlNs(c.ns) ||
      !(HTML_BLOCKS.has(c.local) || ['p', 'ol', 'ul', 'table', 'li', 'dl'].includes(c.local)),
  );

function htmlElement(el: XmlElement, ctx: Ctx): string {
  if (el.ns === NS.mathml || (isHtmlNs(el.ns) && el.local === 'math')) return mathRoot(el, ctx);
  if (!isHtmlNs(el.ns)) {
    fail(ctx, el, `不支持的外部元素 <${el.name}>（命名空间 ${el.ns}）`);
    return '';
  }
  const name = el.local;
  if (HTML_REFUSED.has(name)) {
    fail(ctx, el, `不允许的元素 <${name}>`);
    return '';
  }
  if (refuseActive(el, ctx)) return '';
  if (HTML_DROP.has(name)) return '';
  if (HTML_UNWRAP.has(name)) return html(el.children, ctx, el);
  if (HTML_BLOCKS.has(name)) {
    const inner = html(el.children, ctx, el);
    return onlyInline(el) && inner.trim() !== '' ? `<p>${inner}</p>` : inner;
  }
  const allowed = HTML_ALLOWED[name];
  if (!allowed) {
    fail(ctx, el, `不支持的元素 <${el.name}>`);
    return '';
  }
  const attrs: [string, string][] = [];
  for (const a of el.attrs) {
    if (a.ns !== null || !allowed.includes(a.local)) continue;
    const v = attrValue(el, a.local, a.value, ctx);
    if (v !== undefined) attrs.push([a.local, v]);
  }
  if (name === 'img') {
    if (!el.attrs.some((a) => a.local === 'src')) fail(ctx, el, '图片缺少 src');
    return `<img${serializeAttrs(attrs)}/>`;
  }
  if (name === 'span') {
    // A blank holds nothing: the student's answer goes there. Other spans mean nothing here.
    if (attrs.some(([k]) => k === 'data-blank')) return `<span${serializeAttrs(attrs)}></span>`;
    return html(el.children, ctx, el);
  }
  if (VOID.has(name)) return `<${name}/>`;
  return `<${name}${serializeAttrs(attrs)}>${html(el.children, ctx, el)}</${name}>`;
}

const POSITIVE = /^[1-9][0-9]{0,3}$/;

function attrValue(el: XmlElement, name: string, value: string, ctx: Ctx): string | undefined {
  switch (name) {
    case 'src':
      return imageSource(el, value.trim(), ctx);
    case 'alt':
      return value.replace(/[\x00-\x1f]/g, ' ').slice(0, 500);
    case 'width':
    case 'height':
    case 'colspan':
    case 'rowspan':
    case 'start':
      // Anything but a plain count (e.g. `100%`, `auto`) is presentation we do not keep.
      return POSITIVE.test(value.trim()) ? value.trim() : undefined;
    case 'data-blank': {
      const id = value.trim();
      if (!BLANK_ID.test(id))
        return void fail(ctx, el, `填空编号「${id}」只能由 1–32 个字母、数字、_ 或 - 组成`);
      if (ctx.blanks.has(id)) return void fail(ctx, el, `填空编号「${id}」重复`);
      ctx.blanks.add(id);
      return id;
    }
    default:
      return undefined;
  }
}

function imageSource(el: XmlElement, src: string, ctx: Ctx): string | undefined {
  if (/^data:/i.test(src)) return void fail(ctx, el, '图片不能以 data: 地址内嵌，请作为图片文件上传');
  if (ctx.images?.mode === 'package') {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('\\'))
      return void fail(ctx, el, `图片「${src.slice(0, 80)}」须是包内的相对路径`);
    const path = ctx.images.resolveImage(src);
    if (path === undefined)
      return void fail(
        ctx,
        el,
        `图片「${src.slice(0, 80)}」不在导入包中或不是支持的图片格式（PNG、JPEG、GIF、WebP、BMP）`,
      );
    return path;
  }
  if (src.startsWith(HANLIN_FILE) && KEY_PATTERN.test(src.slice(HANLIN_FILE.length))) return src;
  if (/^https?:/i.test(src))
    return void fail(ctx, el, `不支持外部图片地址「${src.slice(0, 80)}」，请上传图片文件`);
  return void fail(ctx, el, `图片地址「${src.slice(0, 80)}」无效，须为上传后的图片文件`);
}

export const serializeAttrs = (attrs: [string, string][]) =>
  attrs
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('');

function mathRoot(el: XmlElement, ctx: Ctx): string {
  if (el.local !== 'math') {
    // A MathML fragment without its `math` (some editors): wrap it so it renders as a formula.
    return `<math xmlns="${NS.mathml}">${math(el, ctx)}</math>`;
  }
  refuseActive(el, ctx);
  const display = el.attrs.find((a) => a.local === 'display' && a.ns === null)?.value;
  const attrs: [string, string][] = display === 'block' ? [['display', 'block']] : [];
  return `<math xmlns="${NS.mathml}"${serializeAttrs(attrs)}>${mathChildren(el, ctx)}</math>`;
}

function mathChildren(el: XmlElement, ctx: Ctx): string {
  const token = MATH_TOKENS.has(el.local);
  let out = '';
  for (const c of el.children) {
    if (c.type === 'text') {
      // White space between elements means nothing in MathML; inside tokens it is content.
      if (token) out += text(c.text, ctx, el);
      else if (c.text.trim() !== '') out += `<mtext>${text(c.text.trim(), ctx, el)}</mtext>`;
    } else out += math(c, ctx);
  }
  return out;
}

function math(el: XmlElement, ctx: Ctx): string {
  if (refuseActive(el, ctx)) return '';
  const inMath = el.ns === NS.mathml || isHtmlNs(el.ns);
  if (!inMath) {
    fail(ctx, el, `公式中不允许的元素 <${el.name}>`);
    return '';
  }
  const name = el.local;
  if (MATH_DROP.has(name)) return '';
  if (name === 'semantics') return semantics(el, ctx);
  if (name === 'annotation') return '';
  if (name === 'math') return mathChildren(el, ctx);
  if (name === 'ms') return `<mtext>${mathChildren(el, ctx)}</mtext>`;
  if (name === 'mfenced') return mfenced(el, ctx);
  if (name === 'maction') {
    const first = el.children.find((c): c is XmlElement => c.type === 'element');
    return first ? math(first, ctx) : '';
  }
  if (!MATH_ALLOWED.has(name)) {
    // Other MathML (merror, mmultiscripts …) keeps its content; anything else inside a formula is
    // HTML smuggled into MathML, the classic way around sanitisers.
    if (!name.startsWith('m')) {
      fail(ctx, el, `公式中不允许的元素 <${el.name}>`);
      return '';
    }
    return mathChildren(el, ctx);
  }
  const attrs: [string, string][] = [];
  for (const a of el.attrs) {
    if (a.ns === null && MATH_ATTRS.has(a.local) && MATH_ATTR_VALUE.test(a.value))
      attrs.push([a.local, a.value]);
  }
  return `<${name}${serializeAttrs(attrs)}>${mathChildren(el, ctx)}</${name}>`;
}

/** Presentation first, then at most the TeX annotation; other annotations are dropped. */
function semantics(el: XmlElement, ctx: Ctx): string {
  const kids = el.children.filter((c): c is XmlElement => c.type === 'element');
  const [first, ...rest] = kids;
  if (!first) return '';
  const shown = first.local === 'annotation' || first.local === 'annotation-xml' ? '' : math(first, ctx);
  const tex = [first, ...rest].find(
    (k) =>
      k.local === 'annotation' &&
      TEX_ENCODINGS.has((k.attrs.find((a) => a.local === 'encoding')?.value ?? '').trim().toLowerCase()),
  );
  if (!tex) return shown;
  const source = tex.children.map((c) => (c.type === 'text' ? c.text : '')).join('');
  const annotation = `<annotation encoding="${TEX_ENCODING}">${text(source, { ...ctx, collapseWhitespace: false }, tex)}</annotation>`;
  return `<semantics>${shown || '<mrow></mrow>'}${annotation}</semantics>`;
}

/** `mfenced` (deprecated, absent from browsers): the row it stands for, with its fences as operators. */
function mfenced(el: XmlElement, ctx: Ctx): string {
  const get = (k: string, d: string) => el.attrs.find((a) => a.local === k && a.ns === null)?.value ?? d;
  const separators = get('separators', ',').replace(/\s/g, '');
  const kids = el.children.filter((c): c is XmlElement => c.type === 'element');
  const mo = (s: string) => (s ? `<mo>${escapeText(s)}</mo>` : '');
  let inner = '';
  kids.forEach((k, i) => {
    if (i > 0) inner += mo(separators[Math.min(i - 1, separators.length - 1)] ?? '');
    inner += math(k, ctx);
  });
  return `<mrow>${mo(get('open', '('))}${inner}${mo(get('close', ')'))}</mrow>`;
}
