/**
 * The allow-list of rich text (see `item-model.ts`): which elements and attributes stay, which
 * harmless formatting is unwrapped to its content, and which content is refused outright.
 */

/** XHTML elements kept, with the attributes each may carry. */
export const HTML_ALLOWED: Record<string, readonly string[]> = {
  p: [],
  br: [],
  span: ['data-blank'],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  sub: [],
  sup: [],
  ol: ['start'],
  ul: [],
  li: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  img: ['src', 'alt', 'width', 'height'],
};

export const VOID = new Set(['br', 'img']);

/**
 * Block containers of other editors and QTI bodies (headings, quotes, divisions): a paragraph when
 * they hold only inline content, else unwrapped, so the text and its order survive.
 */
export const HTML_BLOCKS = new Set([
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'address',
  'figure',
  'figcaption',
  'caption',
  'dt',
  'dd',
  'center',
  'details',
  'summary',
  'hgroup',
]);

/** Inline formatting without a place in the model: its content stays, the element goes. */
export const HTML_UNWRAP = new Set([
  'a',
  'abbr',
  'acronym',
  'cite',
  'q',
  's',
  'strike',
  'del',
  'ins',
  'mark',
  'small',
  'big',
  'font',
  'label',
  'code',
  'kbd',
  'samp',
  'var',
  'time',
  'bdi',
  'dfn',
  'nobr',
  'tt',
  'ruby',
  'rb',
  'rt',
  'rtc',
  'data',
  'dl',
  'tfoot',
]);

/** Dropped with whatever they hold: no content of their own that a reader needs. */
export const HTML_DROP = new Set(['hr', 'wbr', 'col', 'colgroup', 'rp', 'title']);

/** Refused with an error: active content, forms, embedded documents and media, style sheets. */
export const HTML_REFUSED = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'textarea',
  'link',
  'meta',
  'base',
  'svg',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'portal',
  'template',
  'noscript',
  'dialog',
  'marquee',
  'param',
  'map',
  'area',
  'html',
  'head',
  'body',
  'xml',
]);

/** MathML presentation elements kept (what KaTeX writes and QTI bodies hold). */
export const MATH_ALLOWED = new Set([
  'math',
  'semantics',
  'annotation',
  'mrow',
  'mi',
  'mn',
  'mo',
  'mfrac',
  'msqrt',
  'mroot',
  'msup',
  'msub',
  'msubsup',
  'mtext',
  'mspace',
  'mtable',
  'mtr',
  'mtd',
  'mover',
  'munder',
  'munderover',
  'mstyle',
  'mpadded',
  'menclose',
  'mphantom',
]);

/** MathML with nothing to show, or able to carry other markup (`annotation-xml`): dropped. */
export const MATH_DROP = new Set([
  'annotation-xml',
  'mglyph',
  'malignmark',
  'maligngroup',
  'none',
  'mprescripts',
]);

/** Token elements: their text is the formula's content, never collapsed away. */
export const MATH_TOKENS = new Set(['mi', 'mn', 'mo', 'mtext', 'annotation']);

/** Presentation attributes of MathML, values limited to lengths, names, numbers and colours. */
export const MATH_ATTRS = new Set([
  'display',
  'mathvariant',
  'mathsize',
  'mathcolor',
  'mathbackground',
  'stretchy',
  'fence',
  'separator',
  'lspace',
  'rspace',
  'width',
  'height',
  'depth',
  'voffset',
  'linethickness',
  'accent',
  'accentunder',
  'notation',
  'columnalign',
  'rowalign',
  'columnspacing',
  'rowspacing',
  'columnlines',
  'rowlines',
  'scriptlevel',
  'displaystyle',
  'minsize',
  'maxsize',
  'movablelimits',
  'symmetric',
  'largeop',
  'form',
  'linebreak',
  'frame',
  'framespacing',
  'equalrows',
  'equalcolumns',
  'bevelled',
  'numalign',
  'denomalign',
]);
export const MATH_ATTR_VALUE = /^[A-Za-z0-9 .%#+-]{0,100}$/;

/** The encodings of a TeX annotation that other tools write; stored as `application/x-tex`. */
export const TEX_ENCODINGS = new Set([
  'application/x-tex',
  'application/x-latex',
  'text/x-tex',
  'text/x-latex',
  'tex',
  'latex',
]);
export const TEX_ENCODING = 'application/x-tex';

/** Attributes that hold a URL anywhere in HTML, SVG or MathML. */
export const URL_ATTRS = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'background',
  'poster',
  'lowsrc',
  'dynsrc',
  'longdesc',
  'usemap',
  'codebase',
  'data',
  'srcset',
  'xlink:href',
]);
/** URL schemes that run code or smuggle content in: refused wherever they appear. */
export const ACTIVE_URL = /^\s*(javascript|vbscript|data|livescript|mocha)\s*:/i;

export const BLANK_ID = /^[A-Za-z0-9_-]{1,32}$/;
