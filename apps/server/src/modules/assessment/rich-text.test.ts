import { describe, expect, it } from 'vitest';
import {
  blankIdsOf,
  imageSourcesOf,
  RichTextError,
  rewriteImageSources,
  sanitizeRich,
  texToMathML,
  toPlainText,
} from './rich-text.ts';

const refused = (input: string): RichTextError => {
  try {
    sanitizeRich(input);
  } catch (err) {
    if (err instanceof RichTextError) return err;
    throw err;
  }
  throw new Error(`accepted: ${input}`);
};

const IMG = 'hanlin-file:items/2026/12/0193a1b2-c3d4';

describe('sanitizeRich', () => {
  it('keeps the allow-list as it is, in canonical form', () => {
    const input =
      `<p>已知 <strong>a</strong><b>b</b><em>c</em><i>d</i><u>e</u>x<sub>1</sub>x<sup>2</sup><br/>` +
      `<span data-blank="b1"></span></p><ol start="3"><li>一</li></ol><ul><li>二</li></ul>` +
      `<table><thead><tr><th colspan="2">表</th></tr></thead><tbody><tr><td rowspan="1">1</td><td>2</td></tr></tbody></table>` +
      `<img alt="图 1" src="${IMG}" width="120"/>`;
    expect(sanitizeRich(input)).toBe(input);
    expect(sanitizeRich(sanitizeRich(input))).toBe(input);
  });

  it('sorts attributes, closes elements and escapes text the same way every time', () => {
    expect(sanitizeRich(`<img alt='a &amp; "b"' src="${IMG}">`.replace('>', '/>'))).toBe(
      `<img alt="a &amp; &quot;b&quot;" src="${IMG}"/>`,
    );
    expect(sanitizeRich('1 &lt; 2 &gt; 0 &#x4E2D;&#25991;')).toBe('1 &lt; 2 &gt; 0 中文');
    expect(sanitizeRich('<span>a</span><p/>')).toBe('a<p></p>');
  });

  it('drops attributes outside the list and unwraps harmless formatting', () => {
    expect(sanitizeRich('<p class="x" id="y" style="color:red" title="t">a</p>')).toBe('<p>a</p>');
    expect(sanitizeRich('<div>一</div><div><p>二</p></div><h2>三</h2>')).toBe('<p>一</p><p>二</p><p>三</p>');
    expect(sanitizeRich('<a href="https://example.org">链接</a><font color="red">红</font><hr/>')).toBe(
      '链接红',
    );
    expect(sanitizeRich(`<img src="${IMG}" width="100%"/>`)).toBe(`<img src="${IMG}"/>`);
  });

  it('keeps MathML with its TeX and drops other annotations', () => {
    const m =
      '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow>' +
      '<annotation encoding="application/x-tex">x^2</annotation></semantics></math>';
    expect(sanitizeRich(m)).toBe(m);
    const foreign =
      '<m:math><m:semantics><m:mrow><m:mi>e</m:mi></m:mrow><m:annotation encoding="LaTeX">e</m:annotation>' +
      '<m:annotation-xml encoding="MathML-Content"><m:ci>e</m:ci></m:annotation-xml></m:semantics></m:math>';
    expect(sanitizeRich(foreign)).toBe(
      '<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>e</mi></mrow>' +
        '<annotation encoding="application/x-tex">e</annotation></semantics></math>',
    );
    expect(sanitizeRich('<math><mfenced><mi>a</mi><mi>b</mi></mfenced></math>')).toBe(
      '<math xmlns="http://www.w3.org/1998/Math/MathML"><mrow><mo>(</mo><mi>a</mi><mo>,</mo><mi>b</mi><mo>)</mo></mrow></math>',
    );
  });

  describe('refuses what could run script or fetch content, saying where', () => {
    const cases: [string, string, RegExp][] = [
      ['script', 'a<script>alert(1)</script>', /不允许的元素 <script>/],
      ['style element', '<style>p{background:url(javascript:alert(1))}</style>', /<style>/],
      ['svg onload', '<p>\n<svg onload="alert(1)"></svg></p>', /<svg>/],
      [
        'svg in its namespace',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>',
        /外部元素/,
      ],
      ['img onerror', `<img src="${IMG}" onerror="alert(1)"/>`, /事件属性「onerror」/],
      ['javascript: href', '<a href="javascript:alert(1)">x</a>', /不允许的地址/],
      ['obfuscated javascript: href', '<a href="java&#x09;script:alert(1)">x</a>', /不允许的地址/],
      ['data: image', '<img src="data:image/svg+xml;base64,PHN2Zz4="/>', /地址「data:/],
      ['data: href', '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>', /不允许的地址/],
      ['external image', '<img src="https://tracker.example/p.gif"/>', /外部图片/],
      ['iframe', '<iframe src="https://example.org"></iframe>', /<iframe>/],
      [
        'HTML inside MathML',
        '<math><mtext><img src="x" onerror="alert(1)"/></mtext></math>',
        /事件属性|公式中不允许/,
      ],
      ['MathML href', '<math><mi href="javascript:alert(1)">x</mi></math>', /不允许的地址/],
      ['form', '<form action="/x"><input name="a"/></form>', /<form>/],
      ['object', '<object data="x.swf"></object>', /<object>/],
      ['DOCTYPE entity bomb', '<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><p>&a;</p>', /DOCTYPE/],
      ['undefined entity', '<p>&nbsp;</p>', /未定义的字符实体/],
      ['bidi override', 'abc\u202Edef', /方向控制/],
    ];
    for (const [name, input, message] of cases) {
      it(name, () => {
        const err = refused(input);
        expect(err.issues.map((i) => i.message).join(' ')).toMatch(message);
        expect(err.issues[0]!.line).toBeGreaterThanOrEqual(1);
      });
    }
    it('style attributes and elements never survive', () => {
      expect(sanitizeRich('<p style="background:url(javascript:alert(1))">a</p>')).toBe('<p>a</p>');
      expect(sanitizeRich('<math><mi style="x:expression(alert(1))">x</mi></math>')).not.toMatch(/style/);
      expect(refused('<p>a</p><style>*{}</style>').issues[0]!.message).toMatch(/<style>/);
    });
    it('names the line and column', () => {
      const err = refused('<p>一</p>\n<p>二 <script>x</script></p>');
      expect(err.issues[0]).toMatchObject({ line: 2, column: 6 });
      expect(err.message).toMatch(/第 2 行第 6 列/);
    });
    it('lists every problem, not only the first', () => {
      const err = refused('<script>1</script><iframe></iframe><p onclick="x">a</p>');
      expect(err.issues).toHaveLength(3);
    });
  });

  it('refuses malformed markup with its line', () => {
    const err = refused('<p>a\n<b>b</p>');
    expect(err.issues[0]!.line).toBe(2);
    expect(err.issues[0]!.message).toMatch(/XML 格式错误/);
  });

  it('accepts package paths only when importing, through the caller’s resolver', () => {
    const resolveImage = (src: string) => (src === 'images/a.png' ? 'items/images/a.png' : undefined);
    const opts = { images: { mode: 'package' as const, resolveImage } };
    expect(sanitizeRich('<img src="images/a.png"/>', opts)).toBe('<img src="items/images/a.png"/>');
    expect(() => sanitizeRich('<img src="images/b.png"/>', opts)).toThrow(/不在导入包中/);
    expect(() => sanitizeRich(`<img src="${IMG}"/>`, opts)).toThrow(/相对路径/);
    expect(() => sanitizeRich('<img src="images/a.png"/>')).toThrow(/图片地址/);
  });

  it('refuses repeated and malformed blank ids', () => {
    expect(refused('<span data-blank="1"></span><span data-blank="1"></span>').message).toMatch(/重复/);
    expect(refused('<span data-blank="a b"></span>').message).toMatch(/填空编号/);
    expect(sanitizeRich('<span data-blank="x">提示</span>')).toBe('<span data-blank="x"></span>');
  });
});

describe('toPlainText', () => {
  it('reads formulas as TeX, blanks as ＿＿, blocks on lines of their own', () => {
    const rich =
      `<p>若 ${texToMathML('x^2=4')}，则 x = <span data-blank="1"></span>。</p>` +
      `<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table><img src="${IMG}" alt="示意图"/>`;
    expect(toPlainText(rich)).toBe('若 x^2=4，则 x = ＿＿。\na\tb\n示意图');
    expect(toPlainText(rich, { mathDelimiter: '$', blank: '____' })).toMatch(/^若 \$x\^2=4\$，则 x = ____。/);
  });
  it('falls back to the MathML text when a formula carries no TeX', () => {
    expect(toPlainText('<math><mi>x</mi><mo>+</mo><mn>1</mn></math>')).toBe('x+1');
  });
});

describe('texToMathML', () => {
  it('stores KaTeX MathML with the TeX annotation, unchanged by sanitising again', () => {
    for (const tex of [
      'x^2',
      '\\frac{1}{2}',
      '\\sqrt[3]{x}+\\alpha',
      '\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}',
      '\\overrightarrow{AB}',
      '\\text{米}',
      'a<b',
      '\\boxed{x}',
      '\\color{red}{x}',
      '\\underbrace{a+b}_{n}',
      '\\left(\\frac{a}{b}\\right)',
    ]) {
      const m = texToMathML(tex);
      expect(m).toMatch(/^<math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML"><semantics>/);
      expect(sanitizeRich(m)).toBe(m);
      expect(toPlainText(m)).toBe(tex);
    }
    expect(texToMathML('x', { display: true })).toMatch(/display="block"/);
  });
  it('explains TeX errors with the position', () => {
    expect(() => texToMathML('\\frac{')).toThrow(/公式「\\frac\{」有误/);
    expect(() => texToMathML('')).toThrow(/不能为空/);
  });
  it('never emits links', () => {
    expect(texToMathML('\\href{javascript:alert(1)}{x}')).not.toMatch(/ href=/);
  });
});

describe('blanks and pictures', () => {
  it('lists blanks in order and rewrites picture sources', () => {
    expect(blankIdsOf('<p><span data-blank="b"></span> <span data-blank="a"></span></p>')).toEqual([
      'b',
      'a',
    ]);
    const imported = '<p><img src="media/a.png"/></p>';
    expect(imageSourcesOf(imported)).toEqual(['media/a.png']);
    expect(rewriteImageSources(imported, () => IMG)).toBe(`<p><img src="${IMG}"/></p>`);
    expect(() => rewriteImageSources(imported, (s) => s)).toThrow(RichTextError);
  });
});
