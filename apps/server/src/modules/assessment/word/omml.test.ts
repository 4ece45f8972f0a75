import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { convertOmml } from './omml.ts';
import { parseXml } from './xml-tree.ts';

const M = 'http://schemas.openxmlformats.org/officeDocument/2006/math';
const r = (t: string, plain = false) =>
  `<m:r>${plain ? '<m:rPr><m:sty m:val="p"/></m:rPr>' : ''}<m:t>${t}</m:t></m:r>`;
const convert = (inner: string) =>
  convertOmml(parseXml(`<m:oMath xmlns:m="${M}">${inner}</m:oMath>`, 'test'));

describe('OMML → TeX and MathML', () => {
  it.each([
    ['fraction', `<m:f><m:num>${r('a+b')}</m:num><m:den>${r('2')}</m:den></m:f>`, '\\frac{a+b}{2}'],
    [
      'linear fraction',
      `<m:f><m:fPr><m:type m:val="lin"/></m:fPr><m:num>${r('1')}</m:num><m:den>${r('2')}</m:den></m:f>`,
      '1/2',
    ],
    [
      'sub and superscript',
      `<m:sSubSup><m:e>${r('x')}</m:e><m:sub>${r('1')}</m:sub><m:sup>${r('2')}</m:sup></m:sSubSup>`,
      'x_1^2',
    ],
    ['cube root', `<m:rad><m:deg>${r('3')}</m:deg><m:e>${r('27')}</m:e></m:rad>`, '\\sqrt[3]{27}'],
    [
      'integral by default',
      `<m:nary><m:sub>${r('0')}</m:sub><m:sup>${r('1')}</m:sup><m:e>${r('x')}</m:e></m:nary>`,
      '\\int_0^1x',
    ],
    [
      'product without limits',
      `<m:nary><m:naryPr><m:chr m:val="∏"/><m:subHide m:val="1"/><m:supHide m:val="1"/></m:naryPr><m:sub/><m:sup/><m:e>${r('a')}</m:e></m:nary>`,
      '\\prod a',
    ],
    [
      'brackets with a separator',
      `<m:d><m:dPr><m:begChr m:val="["/><m:endChr m:val="]"/><m:sepChr m:val=","/></m:dPr><m:e>${r('a')}</m:e><m:e>${r('b')}</m:e></m:d>`,
      '\\left[a,b\\right]',
    ],
    [
      'a system of equations',
      `<m:d><m:dPr><m:begChr m:val="{"/><m:endChr m:val=""/></m:dPr><m:e><m:eqArr><m:e>${r('x+y=3')}</m:e><m:e>${r('x−y=1')}</m:e></m:eqArr></m:e></m:d>`,
      '\\left\\{\\begin{array}{l}x+y=3 \\\\ x-y=1\\end{array}\\right.',
    ],
    [
      'vector accent',
      `<m:acc><m:accPr><m:chr m:val="\u20d7"/></m:accPr><m:e>${r('AB')}</m:e></m:acc>`,
      '\\vec{AB}',
    ],
    [
      'segment bar',
      `<m:bar><m:barPr><m:pos m:val="top"/></m:barPr><m:e>${r('AB')}</m:e></m:bar>`,
      '\\overline{AB}',
    ],
    [
      'limit',
      `<m:func><m:fName><m:limLow><m:e>${r('lim', true)}</m:e><m:lim>${r('x→0')}</m:lim></m:limLow></m:fName><m:e>${r('f(x)')}</m:e></m:func>`,
      '\\lim_{x\\rightarrow0}{f(x)}',
    ],
    ['sine', `<m:func><m:fName>${r('sin', true)}</m:fName><m:e>${r('α')}</m:e></m:func>`, '\\sin\\alpha'],
    [
      'matrix',
      `<m:d><m:e><m:m><m:mr><m:e>${r('1')}</m:e><m:e>${r('0')}</m:e></m:mr><m:mr><m:e>${r('0')}</m:e><m:e>${r('1')}</m:e></m:mr></m:m></m:e></m:d>`,
      '\\left(\\begin{matrix}1 & 0 \\\\ 0 & 1\\end{matrix}\\right)',
    ],
    ['degrees and angles', r('∠A=50°'), '\\angle A=50^{\\circ}'],
    ['Chinese text inside', r('速度=路程÷时间'), '\\text{速度}=\\text{路程}\\div\\text{时间}'],
    ['underbrace', `<m:groupChr><m:e>${r('a+a')}</m:e></m:groupChr>`, '\\underbrace{a+a}'],
    ['boxed', `<m:borderBox><m:e>${r('x')}</m:e></m:borderBox>`, '\\boxed{x}'],
  ])('%s', (_, omml, tex) => {
    const out = convert(omml);
    expect(out.tex).toBe(tex);
    expect(out.unknown).toEqual([]);
    expect(() => katex.renderToString(out.tex, { throwOnError: true })).not.toThrow();
    // The MathML is well-formed XML carrying the TeX.
    const math = parseXml(out.mathml, 'mathml');
    expect(math.name).toBe('mml:math');
    expect(out.mathml).toContain('<annotation encoding="application/x-tex">');
  });

  it('keeps the text of a construct it does not know, and names it', () => {
    const out = convert(`${r('x=')}<m:wobble><m:e>${r('42')}</m:e></m:wobble>`);
    expect(out.unknown).toEqual(['m:wobble']);
    expect(out.text).toBe('x=42');
    expect(out.tex).toBe('x=\\text{42}');
  });

  it('writes linear text for answers: fractions, powers, roots', () => {
    expect(convert(`${r('−')}<m:f><m:num>${r('3')}</m:num><m:den>${r('4')}</m:den></m:f>`).text).toBe('−3/4');
    expect(convert(`<m:sSup><m:e>${r('a')}</m:e><m:sup>${r('m+n')}</m:sup></m:sSup>`).text).toBe('a^(m+n)');
    expect(
      convert(`<m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/><m:e>${r('2')}</m:e></m:rad>`).text,
    ).toBe('√2');
  });
});
