import { describe, expect, it } from 'vitest';
import { type ParsedNumber, parseNumber } from './number.ts';

/** `n/d unit` of a parse, or null: exact values print as fractions, so 0.5 and 1/2 read alike. */
function read(answer: string): string | null {
  const p: ParsedNumber | null = parseNumber(answer);
  if (!p) return null;
  const value = p.value.exact ? `${p.value.n}/${p.value.d}` : `~${p.value.v}`;
  return p.unit === null ? value : `${value} ${p.unit}`;
}

describe('parseNumber', () => {
  it.each([
    ['0.50', '1/2'],
    ['.5', '1/2'],
    ['1/2', '1/2'],
    ['1 / 2', '1/2'],
    ['½', '1/2'],
    ['二分之一', '1/2'],
    ['2分之1', '1/2'],
    ['一半', '1/2'],
    ['0.75', '3/4'],
    ['四分之三', '3/4'],
  ])('reads %s exactly as %s', (answer, expected) => {
    expect(read(answer)).toBe(expected);
  });

  it('reads signs, including 负 and the Unicode minus', () => {
    expect(read('-3')).toBe('-3/1');
    expect(read('−3')).toBe('-3/1');
    expect(read('－3')).toBe('-3/1');
    expect(read('负三分之二')).toBe('-2/3');
    expect(read('-2/3')).toBe('-2/3');
    expect(read('+5')).toBe('5/1');
    expect(read('(−3)')).toBe('-3/1');
  });

  it('reads mixed numbers in every spelling', () => {
    for (const answer of ['1又1/2', '1 1/2', '1½', '一又二分之一', '1又2分之1'])
      expect(read(answer)).toBe('3/2');
    expect(read('-1又1/2')).toBe('-3/2');
    // The fraction of a mixed number is proper: 1又3/2 is not how anyone writes 2½.
    expect(read('1又3/2')).toBeNull();
  });

  it('reads Chinese numerals as pupils write them', () => {
    expect(read('一千零五')).toBe('1005/1');
    expect(read('一千五')).toBe('1500/1'); // the spoken abbreviation, not 1005
    expect(read('两')).toBe('2/1');
    expect(read('两千')).toBe('2000/1');
    expect(read('两万三')).toBe('23000/1');
    expect(read('十五')).toBe('15/1');
    expect(read('二十')).toBe('20/1');
    expect(read('一百零五')).toBe('105/1');
    expect(read('三万五千')).toBe('35000/1');
    expect(read('一亿三千万')).toBe('130000000/1');
    expect(read('三点一四')).toBe('157/50');
    expect(read('零点五')).toBe('1/2');
    expect(read('二〇二六')).toBe('2026/1');
    expect(read('壹佰')).toBe('100/1');
    expect(read('1.5万')).toBe('15000/1');
    expect(read('3万5千')).toBe('35000/1');
  });

  it('refuses malformed Chinese numerals instead of guessing', () => {
    for (const answer of ['十十', '五五十', '一百十', '一千零', '三十十', '亿亿', '三点'])
      expect(read(answer)).toBeNull();
  });

  it('reads scientific notation', () => {
    expect(read('1.5e3')).toBe('1500/1');
    expect(read('1.5E-3')).toBe('3/2000');
    expect(read('1.5×10³')).toBe('1500/1');
    expect(read('1.5 × 10^3')).toBe('1500/1');
    expect(read('2.5x10^-2')).toBe('1/40');
    expect(read('10⁶')).toBe('1000000/1');
  });

  it('reads thousands separators only in groups of three', () => {
    expect(read('1,000')).toBe('1000/1');
    expect(read('12,345.5')).toBe('24691/2');
    expect(read('12 345')).toBe('12345/1');
    expect(read('1，000')).toBe('1000/1');
    expect(read('1,2')).toBeNull();
    expect(read('1,0000')).toBeNull();
  });

  it('keeps different numbers different', () => {
    expect(read('1/2')).not.toBe(read('2/1'));
    expect(read('12')).not.toBe(read('1.2'));
    expect(read('1/3')).not.toBe(read('0.333'));
  });

  it('reads percentages as numbers with the unit %', () => {
    expect(read('50%')).toBe('50/1 %');
    expect(read('50％')).toBe('50/1 %');
    expect(read('百分之五十')).toBe('50/1 %');
    expect(read('百分之12.5')).toBe('25/2 %');
    expect(read('千分之五')).toBe('5/1 ‰');
  });

  it('separates the unit from the number', () => {
    expect(read('5cm')).toBe('5/1 cm');
    expect(read('5 厘米')).toBe('5/1 厘米');
    expect(read('5㎝')).toBe('5/1 cm');
    expect(read('1.5 米')).toBe('3/2 米');
    expect(read('二分之一米')).toBe('1/2 米');
    expect(read('3 m²')).toBe('3/1 m^2');
    expect(read('半小时')).toBe('1/2 小时');
    expect(read('三两')).toBe('3/1 两');
    expect(read('¥5.5')).toBe('11/2 元');
    expect(read('5cm。')).toBe('5/1 cm');
    expect(read('5个')).toBe('5/1 个');
    expect(read('3 apples')).toBe('3/1 apples');
  });

  it('adds up compound quantities in their last unit', () => {
    expect(read('1米20厘米')).toBe('120/1 厘米');
    expect(read('1元5角')).toBe('15/1 角');
    expect(read('1时30分')).toBe('90/1 分');
    expect(read('2小时15分钟')).toBe('135/1 分钟');
    // Units must fall: 20厘米1米 is not a way to write 1.2 米.
    expect(read('20厘米1米')).toBeNull();
  });

  it('is not fooled by text', () => {
    for (const answer of [
      '',
      ' ',
      'abc',
      '北京',
      '1/0',
      '1/',
      '/2',
      '-',
      '1..2',
      '1.2.3',
      'e3',
      '1e1234',
      '1.5×10',
    ])
      expect(read(answer), answer).toBeNull();
  });

  it('refuses inputs too long to be a number', () => {
    expect(parseNumber('1'.repeat(101))).toBeNull();
  });
});
