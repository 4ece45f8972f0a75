import { describe, expect, it } from 'vitest';
import { convertOmml } from '../word/omml.ts';
import { parseXml } from '../word/xml-tree.ts';
import { m } from './fixtures/sample-paper.ts';
import { mathmlToOmml } from './mathml-omml.ts';

/** TeX → KaTeX's MathML → OMML → (the Word import's reader) → TeX again. */
function roundTrip(tex: string, display = false): { omml: string; back: string; unknown: string[] } {
  const { omml, unknown } = mathmlToOmml(parseXml(m(tex, display), 'mathml'));
  const tree = parseXml(omml, 'omml');
  const oMath =
    tree.name === 'm:oMathPara'
      ? tree.children.find((c) => typeof c !== 'string' && c.name === 'm:oMath')
      : tree;
  return { omml, back: convertOmml(oMath as never, display).tex, unknown };
}

describe('MathML (as KaTeX writes it) → Word equations', () => {
  it.each([
    ['\\frac{1}{3}', '<m:f>', '\\frac{1}{3}'],
    ['a^{m+n}', '<m:sSup>', 'a^{m+n}'],
    ['x_1^2', '<m:sSubSup>', 'x_1^2'],
    ['\\sqrt{16}', '<m:rad><m:radPr><m:degHide m:val="1"/>', '\\sqrt{16}'],
    ['\\sqrt[3]{27}', '<m:deg>', '\\sqrt[3]{27}'],
    ['\\sum_{k=1}^{n}k', '<m:chr m:val="∑"/>', '\\sum_{k=1}^nk'],
    ['\\int_0^1 x\\,dx', '<m:chr m:val="∫"/>', '\\int_0^1xdx'],
    [
      '\\left(\\frac{1}{2}-\\frac{1}{3}\\right)\\times 6',
      '<m:begChr m:val="("/>',
      '\\left(\\frac{1}{2}-\\frac{1}{3}\\right)\\times6',
    ],
    ['(2a)^3', '<m:sSup><m:e><m:d>', '{\\left(2a\\right)}^3'],
    ['\\bar{x}', '<m:chr m:val="\u0305"/>', '\\bar{x}'],
    ['\\vec{AB}', '<m:chr m:val="\u20d7"/>', '\\vec{AB}'],
    ['\\overline{AB}', '<m:pos m:val="top"/>', '\\overline{AB}'],
    [
      '\\left\\{\\begin{array}{l}x+y=3\\\\x-y=1\\end{array}\\right.',
      '<m:eqArr>',
      '\\left\\{\\begin{array}{l}x+y=3 \\\\ x-y=1\\end{array}\\right.',
    ],
    ['\\angle A=50^{\\circ}', '∠', '\\angle A={50}^\\circ'],
  ])('%s', (tex, ommlPart, back) => {
    const out = roundTrip(tex);
    expect(out.unknown).toEqual([]);
    expect(out.omml).toContain(ommlPart);
    expect(out.back).toBe(back);
  });

  it('a display formula becomes an equation paragraph', () => {
    expect(roundTrip('\\frac{x-1}{2}=1', true).omml).toMatch(/^<m:oMathPara [^>]*><m:oMath>/);
  });

  it('the Word import’s own MathML goes back to the same OMML constructs', () => {
    const omml = `<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:nary><m:naryPr><m:chr m:val="∑"/><m:limLoc m:val="undOvr"/></m:naryPr><m:sub><m:r><m:t>k=1</m:t></m:r></m:sub><m:sup><m:r><m:t>n</m:t></m:r></m:sup><m:e><m:r><m:t>k</m:t></m:r></m:e></m:nary><m:d><m:e><m:r><m:t>n+1</m:t></m:r></m:e></m:d></m:oMath>`;
    const first = convertOmml(parseXml(omml, 'omml'));
    const again = mathmlToOmml(parseXml(first.mathml, 'mathml'));
    const second = convertOmml(parseXml(again.omml, 'omml'));
    expect(second.tex).toBe(first.tex);
  });

  it('keeps the text of MathML it does not know', () => {
    const out = mathmlToOmml(
      parseXml(
        '<math xmlns="http://www.w3.org/1998/Math/MathML"><mlongdiv><mn>12</mn></mlongdiv></math>',
        'x',
      ),
    );
    expect(out.unknown).toEqual(['mlongdiv']);
    expect(out.omml).toContain('<m:t xml:space="preserve">12</m:t>');
  });
});
