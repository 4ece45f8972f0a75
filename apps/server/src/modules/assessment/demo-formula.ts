/**
 * Formulas of the demo item bank as MathML with their TeX in an annotation (what KaTeX writes and
 * what the item model stores), built from a tiny expression syntax so the generators stay readable:
 *
 *   f('3x + 5 = 20')      numbers, one-letter names, + - × ÷ · = ≠ < > ≤ ≥ ± ( ) , : ° π % and spaces
 *   f('{3/4} + {1/6}')    {a/b}: a fraction (numerator and denominator in the same syntax)
 *   f('x^2 + 2^{10}')     ^: a power of the atom before it; {…} groups a longer exponent
 *   f('x_1 + x_2')        _: a subscript, likewise
 *   f('√2 + √{a + b}')    √: a square root of the atom or group after it
 *   f('sin 30°')          sin, cos, tan: function names
 *
 * The MathML is the markup the bank's `texToMathML` (KaTeX, then the sanitiser) stores for the same
 * TeX, element for element (the demo test checks every formula of the bank); building it here takes
 * a fiftieth of KaTeX's time, which a seed of ten thousand formulas notices. Pure, no I/O.
 */

/** A piece of a formula: its MathML (inside an `mrow`) and its TeX. */
export interface Tex {
  ml: string;
  tex: string;
}

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const TEX_OPS: Record<string, string> = {
  '×': '\\times',
  '÷': '\\div',
  '·': '\\cdot',
  '≤': '\\le',
  '≥': '\\ge',
  '≠': '\\ne',
  '±': '\\pm',
  '−': '-',
  '%': '\\%',
  '∠': '\\angle',
  '△': '\\triangle',
  '∥': '\\parallel',
  '⊥': '\\perp',
  '≌': '\\cong',
  '∽': '\\backsim',
  '…': '\\ldots',
  '⊙': '\\odot',
};
const FUNCTIONS = ['sin', 'cos', 'tan'];

const mn = (s: string): Tex => ({ ml: `<mn>${s}</mn>`, tex: s });
const mi = (s: string): Tex =>
  s === 'π' ? { ml: '<mi>π</mi>', tex: '\\pi ' } : { ml: `<mi>${esc(s)}</mi>`, tex: s };
/** Operators KaTeX writes as another character than the one typed: \cdot is the dot operator U+22C5. */
const KATEX_GLYPH: Record<string, string> = { '·': '⋅' };
// KaTeX marks brackets as not stretchy and commas as separators; the same markup keeps the demo's
// formulas what the bank's `texToMathML` stores.
const mo = (s: string): Tex => ({
  ml:
    s === '(' || s === ')'
      ? `<mo stretchy="false">${s}</mo>`
      : s === ','
        ? '<mo separator="true">,</mo>'
        : `<mo>${esc(KATEX_GLYPH[s] ?? s)}</mo>`,
  tex: TEX_OPS[s] ? `${TEX_OPS[s]} ` : s,
});
const group = (t: Tex) => `{${t.tex.trim()}}`;

/** Parts side by side. */
export const row = (...parts: Tex[]): Tex => ({
  ml: parts.length === 1 ? parts[0]!.ml : `<mrow>${parts.map((p) => p.ml).join('')}</mrow>`,
  tex: parts
    .map((p) => p.tex)
    .join('')
    .replace(/ +/g, ' '),
});
export const frac = (a: Tex, b: Tex): Tex => ({
  ml: `<mfrac>${wrap(a)}${wrap(b)}</mfrac>`,
  tex: `\\frac${group(a)}${group(b)}`,
});
export const sup = (b: Tex, e: Tex): Tex => ({
  ml: `<msup>${wrap(b)}${wrap(e)}</msup>`,
  tex: `${b.tex}^${group(e)}`,
});
export const sub = (b: Tex, s: Tex): Tex => ({
  ml: `<msub>${wrap(b)}${wrap(s)}</msub>`,
  tex: `${b.tex}_${group(s)}`,
});
export const sqrt = (x: Tex): Tex => ({ ml: `<msqrt>${x.ml}</msqrt>`, tex: `\\sqrt${group(x)}` });
const degree = (x: Tex): Tex => ({
  ml: `<msup>${wrap(x)}<mo lspace="0em" rspace="0em">∘</mo></msup>`,
  tex: `${x.tex}^{\\circ}`,
});

/** A child of a MathML schema element (mfrac, msup …) must be one element. */
const wrap = (t: Tex) =>
  /^<(m[a-z]+)[ >].*<\/\1>$/s.test(t.ml) && single(t.ml) ? t.ml : `<mrow>${t.ml}</mrow>`;
/** Whether the MathML is one element (not several side by side). */
function single(ml: string): boolean {
  let depth = 0;
  for (const m of ml.matchAll(/<(\/?)m[a-z]+(?: [^>]*)?>/g)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0 && m.index! + m[0].length < ml.length) return false;
  }
  return true;
}

/** Parses the syntax above into MathML and TeX. Throws on what it does not know (a generator's bug). */
export function ex(src: string): Tex {
  let i = 0;
  const atoms: Tex[] = [];
  const readGroup = (): string => {
    // src[i] is '{': up to the matching '}'.
    let depth = 0;
    const start = i + 1;
    for (; i < src.length; i++) {
      if (src[i] === '{') depth++;
      else if (src[i] === '}' && --depth === 0) return src.slice(start, i++);
    }
    throw new Error(`unclosed group in formula: ${src}`);
  };
  const readAtom = (): Tex => {
    while (src[i] === ' ') i++;
    const c = src[i];
    if (c === undefined) throw new Error(`formula ends early: ${src}`);
    if (c === '{') {
      const inner = readGroup();
      const slash = topLevelSlash(inner);
      return slash < 0 ? ex(inner) : frac(ex(inner.slice(0, slash)), ex(inner.slice(slash + 1)));
    }
    if (c === '√') {
      i++;
      return sqrt(readAtom());
    }
    const num = /^\d+(?:\.\d+)?/.exec(src.slice(i));
    if (num) {
      i += num[0].length;
      return mn(num[0]);
    }
    const fn = FUNCTIONS.find((f) => src.startsWith(f, i));
    if (fn) {
      i += fn.length;
      // U+2061 (function application) after the name, as KaTeX writes it.
      return { ml: `<mi>${fn}</mi><mo>\u2061</mo>`, tex: `\\${fn} ` };
    }
    if (/[A-Za-zπα-ω]/.test(c)) {
      i++;
      return mi(c);
    }
    if (c === '-') {
      i++;
      return mo('−');
    }
    // KaTeX writes these symbols as ordinary identifiers.
    if ('∠△'.includes(c)) {
      i++;
      return { ml: `<mi mathvariant="normal">${c}</mi>`, tex: `${TEX_OPS[c]} ` };
    }
    if ('+−×÷·=≠<>≤≥±(),:%∥⊥≌∽…|⊙'.includes(c)) {
      i++;
      return mo(c);
    }
    throw new Error(`unknown character «${c}» in formula: ${src}`);
  };
  while (i < src.length) {
    while (src[i] === ' ') i++;
    if (i >= src.length) break;
    const c = src[i];
    if (c === '^' || c === '_') {
      i++;
      const base = atoms.pop();
      if (!base) throw new Error(`${c} without a base in formula: ${src}`);
      atoms.push(c === '^' ? sup(base, readAtom()) : sub(base, readAtom()));
    } else if (c === '°') {
      i++;
      const base = atoms.pop();
      if (!base) throw new Error(`° without a number in formula: ${src}`);
      atoms.push(degree(base));
    } else atoms.push(readAtom());
  }
  return row(...atoms);
}

function topLevelSlash(s: string): number {
  let depth = 0;
  for (let k = 0; k < s.length; k++) {
    if (s[k] === '{') depth++;
    else if (s[k] === '}') depth--;
    else if (s[k] === '/' && depth === 0) return k;
  }
  return -1;
}

/** A `<math>` element of the item model: the MathML and its TeX annotation. */
export function math(t: Tex): string {
  // KaTeX always puts one mrow under the semantics, even around a single token.
  const body = /^<mrow>.*<\/mrow>$/s.test(t.ml) && single(t.ml) ? t.ml : `<mrow>${t.ml}</mrow>`;
  return `<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics>${body}<annotation encoding="application/x-tex">${esc(t.tex.trim())}</annotation></semantics></math>`;
}

/** A formula in rich text, from the syntax above. */
export const f = (src: string): string => math(ex(src));
