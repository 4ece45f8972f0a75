import { describe, expect, it } from 'vitest';
import { fold } from './fold.ts';
import { normaliseText } from './text.ts';

describe('fold', () => {
  it('maps full-width letters, digits and punctuation to ASCII', () => {
    expect(fold('ＡＢＣ１２３，．（）')).toBe('ABC123,.()');
  });

  it('turns every kind of space into one ASCII space and trims', () => {
    expect(fold('\u3000北京\u00a0\u00a0市\t ')).toBe('北京 市');
    expect(fold('a\u2009b\u202fc')).toBe('a b c');
  });

  it('drops zero-width characters and the BOM', () => {
    expect(fold('\ufeff北\u200b京')).toBe('北京');
  });

  it('spells superscripts as exponents and vulgar fractions as fractions', () => {
    expect(fold('x²')).toBe('x^2');
    expect(fold('10⁻³')).toBe('10^-3');
    expect(fold('x¹⁰')).toBe('x^10');
    expect(fold('½')).toBe('1/2');
    expect(fold('1½')).toBe('1又1/2');
  });

  it('unifies operators and dashes', () => {
    expect(fold('3×4÷2−1')).toBe('3*4/2-1');
    expect(fold('3∶4')).toBe('3:4');
    expect(fold('a⩽b')).toBe('a≤b');
  });

  it('spells compatibility characters in letters (㎝, ㎡, ℃)', () => {
    expect(fold('5㎝')).toBe('5cm');
    expect(fold('3㎡')).toBe('3m2');
    expect(fold('25℃')).toBe('25°C');
  });

  it('returns plain ASCII untouched and keeps astral characters whole', () => {
    const plain = 'x+y=3';
    expect(fold(plain)).toBe(plain);
    expect(fold('𠮷 野家')).toBe('𠮷 野家');
    expect(fold('a\ud800b')).toBe('a\ufffdb');
  });
});

describe('normaliseText', () => {
  it('ignores case unless asked to keep it', () => {
    expect(normaliseText('Beijing')).toBe(normaliseText('beijing'));
    expect(normaliseText('Beijing', { caseSensitive: true })).not.toBe(
      normaliseText('beijing', { caseSensitive: true }),
    );
  });

  it('treats full-width and half-width the same (全角 ＡＢ)', () => {
    expect(normaliseText('ＡＢ')).toBe(normaliseText('AB'));
    expect(normaliseText('（１）')).toBe('(1)');
  });

  it('drops spaces between Chinese characters but keeps them between words', () => {
    expect(normaliseText('春 眠\u3000不觉晓')).toBe('春眠不觉晓');
    expect(normaliseText('New  York')).toBe('new york');
    expect(normaliseText('New York')).not.toBe(normaliseText('NewYork'));
  });

  it('ignores sentence punctuation in 语文 and English answers', () => {
    expect(normaliseText('春眠不觉晓，处处闻啼鸟。')).toBe(normaliseText('春眠不觉晓 处处闻啼鸟'));
    expect(normaliseText('《静夜思》')).toBe('静夜思');
    expect(normaliseText('“举头望明月”')).toBe('举头望明月');
    expect(normaliseText('列夫·托尔斯泰')).toBe('列夫托尔斯泰');
    expect(normaliseText('Hello, world!')).toBe('hello world');
    expect(normaliseText('苹果、香蕉')).toBe(normaliseText('苹果，香蕉'));
  });

  it('keeps punctuation that carries a meaning between digits', () => {
    expect(normaliseText('3.14')).not.toBe(normaliseText('314'));
    expect(normaliseText('.5')).not.toBe(normaliseText('5'));
    expect(normaliseText('1,2')).not.toBe(normaliseText('12'));
    expect(normaliseText('3∶4')).toBe('3:4');
    expect(normaliseText('3:4')).not.toBe(normaliseText('34'));
    expect(normaliseText('5!')).toBe('5!');
  });

  it('never glues two numbers together by removing a mark or a space', () => {
    expect(normaliseText('1 2')).not.toBe(normaliseText('12'));
    expect(normaliseText("1'2")).not.toBe(normaliseText('12'));
    expect(normaliseText('1;2')).not.toBe(normaliseText('12'));
  });

  it('compares pinyin with tone marks however they were composed', () => {
    expect(normaliseText('ma\u0304 ma')).toBe(normaliseText('mā ma'));
    expect(normaliseText('Lǜ')).toBe('lǜ');
    expect(normaliseText('mā')).not.toBe(normaliseText('ma'));
    expect(normaliseText('x\u0304 y')).toBe('x\u0304 y');
  });

  it('keeps apostrophes inside English words', () => {
    expect(normaliseText('don’t')).toBe("don't");
    expect(normaliseText("don't")).not.toBe(normaliseText('dont'));
  });

  it('compares simple algebra after spaces and operator spellings', () => {
    expect(normaliseText('x² + 2×x − 1')).toBe(normaliseText('x^2+2*x-1'));
    expect(normaliseText('a ÷ b')).toBe(normaliseText('a/b'));
    expect(normaliseText('2·a')).toBe(normaliseText('2*a'));
    expect(normaliseText('x ≤ 3')).toBe(normaliseText('x<=3'));
    expect(normaliseText('x⩾3')).toBe(normaliseText('x >= 3'));
    expect(normaliseText('x≠1')).toBe(normaliseText('x != 1'));
    expect(normaliseText('(a+b)²')).toBe('(a+b)^2');
    expect(normaliseText('x^2')).not.toBe(normaliseText('x^3'));
  });

  it('writes multiplication by juxtaposition before a letter or a bracket, as algebra does', () => {
    expect(normaliseText('2×x')).toBe('2x');
    expect(normaliseText('2 * x')).toBe('2x');
    expect(normaliseText('a·b')).toBe('ab');
    expect(normaliseText('a * b')).toBe('ab');
    expect(normaliseText('3×(a−b)')).toBe('3(a-b)');
    expect(normaliseText('(a+b)×(a−b)')).toBe('(a+b)(a-b)');
    expect(normaliseText('2×3')).toBe('2*3');
    expect(normaliseText('2×3')).not.toBe(normaliseText('23'));
  });

  it('keeps punctuation when asked (a key that is a punctuation mark)', () => {
    expect(normaliseText('？')).toBe('');
    expect(normaliseText('？', { keepPunctuation: true })).toBe('?');
  });
});
