/**
 * Character folding shared by text normalisation and number parsing: one pass that maps what a
 * phone keyboard, an IME or a pasted Word fragment may produce onto one spelling, without touching
 * case or punctuation policy (that is `normaliseText`'s business).
 *
 * - full-width ASCII (ＡＢＣ１２３，．（）) → ASCII; U+3000, NBSP and the other Unicode spaces → ' ';
 *   zero-width characters vanish;
 * - the many dashes and minus signs → '-'; × → '*' and ÷ → '/'; the middle dots (· ・ • ⋅ ∙) → '·',
 *   which `normaliseText` reads as multiplication between operands and as a name separator elsewhere;
 * - superscripts (x², 10⁻³) → '^2', '^-3', vulgar fractions (½, 1½) → '1/2', '1又1/2';
 * - Chinese typographic variants that carry a meaning in maths: ∶ (ratio) → ':', ⩽ ⩾ → ≤ ≥,
 *   ￥ → ¥, 、 → ',' (an enumeration comma is a comma).
 * Anything in a compatibility block (㎝, ㎡, ℃, Ⅳ, ①) goes through NFKC afterwards.
 */

const SUPERSCRIPT: Record<number, string> = {
  8304: '0',
  185: '1',
  178: '2',
  179: '3',
  8308: '4',
  8309: '5',
  8310: '6',
  8311: '7',
  8312: '8',
  8313: '9',
  8314: '+',
  8315: '-',
};

const VULGAR: Record<number, string> = {
  189: '1/2',
  8531: '1/3',
  8532: '2/3',
  188: '1/4',
  190: '3/4',
  8533: '1/5',
  8534: '2/5',
  8535: '3/5',
  8536: '4/5',
  8537: '1/6',
  8538: '5/6',
  8528: '1/7',
  8539: '1/8',
  8540: '3/8',
  8541: '5/8',
  8542: '7/8',
  8529: '1/9',
  8530: '1/10',
};

/** Single characters mapped to one replacement. */
const SIMPLE: Record<number, string> = {
  215: '*', // ×
  10005: '*', // ✕
  10006: '*',
  247: '/', // ÷
  8725: '/', // ∕ division slash
  8260: '/', // ⁄ fraction slash
  8758: ':', // ∶ ratio, as Chinese textbooks set 3∶4
  12289: ',', // 、
  65380: ',', // ､ half-width ideographic comma
  65377: '。', // ｡
  8216: "'",
  8217: "'",
  8242: "'", // ′
  10877: '≤', // ⩽ as Chinese textbooks set it
  10878: '≥',
  65509: '¥', // ￥
  183: '·', // keep a single middle dot; '・' and '•' fold onto it
  12539: '·',
  8226: '·',
  8901: '·', // ⋅
  8729: '·', // ∙
};

/** Characters that disappear: zero-width spaces and joiners, BOM, soft hyphen. */
function isInvisible(c: number): boolean {
  return c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0x00ad;
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x3000 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x1680 ||
    c === 0x85 ||
    c === 0x2028 ||
    c === 0x2029
  );
}

function isDash(c: number): boolean {
  return (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63 || c === 0xff0d;
}

/**
 * Blocks whose characters NFKC knows how to spell in plain letters (㎝ → cm, ℃ → °C, Ⅳ → IV, ① → 1),
 * and combining marks, which NFKC composes (a + U+0304 → ā: pinyin pasted from Word).
 */
function needsCompatibility(c: number): boolean {
  return (
    (c >= 0x0300 && c <= 0x036f) ||
    (c >= 0x2100 && c <= 0x218f) ||
    (c >= 0x2460 && c <= 0x24ff) ||
    (c >= 0x3200 && c <= 0x33ff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe10 && c <= 0xfe6f) ||
    (c >= 0xff5f && c <= 0xffef) ||
    (c >= 0xfb00 && c <= 0xfb06)
  );
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** True when `s` is printable ASCII with single inner spaces: nothing to fold, nothing to allocate. */
function isPlain(s: string): boolean {
  let previous = 0x20;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 ? previous === 0x20 : c < 0x21 || c > 0x7e) return false;
    previous = c;
  }
  return previous !== 0x20 || s.length === 0;
}

/**
 * Folds `s` (see the file comment). Runs of spaces become one ' '; leading and trailing spaces are
 * dropped. Returns `s` itself when there is nothing to fold.
 */
export function fold(s: string): string {
  if (isPlain(s)) return s;
  const once = foldPass(s);
  // NFKC may spell a compatibility character with characters the pass maps (﹑ → 、), so the result
  // goes through the pass once more; NFKC output is stable, so this does not recurse further.
  return once.compat ? foldPass(once.text.normalize('NFKC')).text : once.text;
}

function foldPass(s: string): { text: string; compat: boolean } {
  let out = '';
  let compat = false;
  let pendingSpace = false;
  let lastOut = -1; // last code unit written, for mixed fractions (1½)
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (isSpace(c)) {
      pendingSpace = true;
      continue;
    }
    if (isInvisible(c)) continue;
    let piece: string | undefined;
    if (c >= 0xff01 && c <= 0xff5e) {
      c -= 0xfee0;
      piece = String.fromCharCode(c);
    } else if (isDash(c)) {
      piece = '-';
    } else if (SUPERSCRIPT[c] !== undefined) {
      // A run of superscripts is one exponent: x¹⁰ → x^10, 10⁻³ → 10^-3.
      const previousWasSuperscript = i > 0 && SUPERSCRIPT[s.charCodeAt(i - 1)] !== undefined;
      piece = previousWasSuperscript ? SUPERSCRIPT[c] : `^${SUPERSCRIPT[c]}`;
    } else if (VULGAR[c] !== undefined) {
      piece = isAsciiDigit(lastOut) && !pendingSpace ? `又${VULGAR[c]}` : VULGAR[c];
    } else if (SIMPLE[c] !== undefined) {
      piece = SIMPLE[c];
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        // An astral character (emoji, rare ideograph) is copied whole, never split.
        if (pendingSpace && out.length > 0) out += ' ';
        pendingSpace = false;
        out += s.slice(i, i + 2);
        lastOut = low;
        i++;
        continue;
      }
      piece = '\ufffd';
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate compares with nothing meaningfully; it becomes U+FFFD.
      piece = '\ufffd';
    } else if (needsCompatibility(c)) {
      compat = true;
    }
    if (pendingSpace && out.length > 0) out += ' ';
    pendingSpace = false;
    if (piece === undefined) {
      out += s[i];
      lastOut = c;
    } else {
      out += piece;
      lastOut = piece.charCodeAt(piece.length - 1);
    }
  }
  return { text: out, compat };
}
