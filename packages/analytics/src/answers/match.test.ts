import { describe, expect, it } from 'vitest';
import { type BlankKeyLike, MAX_ANSWER_CHARS, matchesBlank } from './match.ts';

const number = (accepted: string[], extra: Partial<BlankKeyLike> = {}): BlankKeyLike => ({
  accepted,
  kind: 'number',
  ...extra,
});
const text = (accepted: string[], extra: Partial<BlankKeyLike> = {}): BlankKeyLike => ({
  accepted,
  ...extra,
});
const right = (given: string, key: BlankKeyLike) => matchesBlank(given, key).correct;

describe('matchesBlank — numbers (数学)', () => {
  it('accepts every spelling of three quarters', () => {
    const key = number(['3/4']);
    for (const given of ['3/4', '0.75', '.75', '四分之三', '4分之3', '75%', '百分之七十五', '０．７５', '¾'])
      expect(right(given, key), given).toBe(true);
    for (const given of ['4/3', '0.7', '7.5', '3/5', '0.75.'])
      expect(right(given, key), given).toBe(given === '0.75.');
  });

  it('accepts one half as 0.50, .5, 1/2, 二分之一 and 50%', () => {
    const key = number(['0.5']);
    for (const given of ['0.50', '.5', '1/2', '二分之一', '50%', '一半'])
      expect(right(given, key), given).toBe(true);
  });

  it('keeps 1/2 and 2/1, 12 and 1.2 apart', () => {
    expect(right('2/1', number(['1/2']))).toBe(false);
    expect(right('1/2', number(['2/1']))).toBe(false);
    expect(right('1.2', number(['12']))).toBe(false);
    expect(right('12', number(['1.2']))).toBe(false);
    expect(right('1,2', number(['12']))).toBe(false);
    expect(right('1 2', number(['12']))).toBe(false);
  });

  it('compares negative numbers, mixed numbers and Chinese numerals', () => {
    expect(right('负三分之二', number(['-2/3']))).toBe(true);
    expect(right('−2/3', number(['-2/3']))).toBe(true);
    expect(right('2/3', number(['-2/3']))).toBe(false);
    expect(right('1又1/2', number(['1.5']))).toBe(true);
    expect(right('3/2', number(['1又1/2']))).toBe(true);
    expect(right('一千零五', number(['1005']))).toBe(true);
    expect(right('一千五', number(['1005']))).toBe(false);
    expect(right('两千', number(['2000']))).toBe(true);
    expect(right('1.2万', number(['12000']))).toBe(true);
    expect(right('1.5×10³', number(['1500']))).toBe(true);
    expect(right('1,500', number(['1500']))).toBe(true);
  });

  it('compares exactly unless the key allows a tolerance', () => {
    expect(right('0.333', number(['1/3']))).toBe(false);
    expect(right('3.14', number(['3.1416']))).toBe(false);
    expect(right('3.14', number(['3.1416'], { tolerance: 0.01 }))).toBe(true);
    expect(right('3.13', number(['3.1416'], { tolerance: 0.01 }))).toBe(false);
    expect(right('0.33', number(['1/3'], { tolerance: 0.005 }))).toBe(true);
  });

  it('makes the key’s unit optional in the answer (5cm = 5 厘米 = 5 cm = 5)', () => {
    const key = number(['5'], { unit: '厘米' });
    for (const given of ['5', '5cm', '5 厘米', '5 cm', '5㎝', '5CM', '五厘米', '50mm', '0.5分米', '0.05米'])
      expect(right(given, key), given).toBe(true);
    for (const given of ['5m', '5克', '6厘米', '50']) expect(right(given, key), given).toBe(false);
  });

  it('converts between units only where the conversion is certain', () => {
    const metres = number(['1.5'], { unit: '米' });
    expect(right('1.5 米', metres)).toBe(true);
    expect(right('150厘米', metres)).toBe(true);
    expect(right('1米50厘米', metres)).toBe(true);
    expect(right('15分米', metres)).toBe(true);
    expect(right('150', metres)).toBe(false); // a bare number is in the key's unit
    expect(right('1.5千克', metres)).toBe(false);
    // 元角分: 0.5元 = 5角 = 50分, but not 5分.
    const yuan = number(['0.5元']);
    expect(right('5角', yuan)).toBe(true);
    expect(right('五毛', yuan)).toBe(true);
    expect(right('50分', yuan)).toBe(true);
    expect(right('5分', yuan)).toBe(false);
    expect(right('0.5', yuan)).toBe(true);
    // 个 is not in the table: 5角 cannot be counted in 个.
    expect(right('5角', number(['0.5'], { unit: '个' }))).toBe(false);
    expect(right('5个', number(['5'], { unit: '个' }))).toBe(true);
    expect(right('5只', number(['5'], { unit: '个' }))).toBe(false);
  });

  it('reads 分 as minutes beside hours and as 分钱 beside 元', () => {
    expect(right('30分', number(['0.5'], { unit: '小时' }))).toBe(true);
    expect(right('半小时', number(['30'], { unit: '分钟' }))).toBe(true);
    expect(right('1时30分', number(['90'], { unit: '分' }))).toBe(true);
    expect(right('0.3元', number(['30'], { unit: '分' }))).toBe(true);
  });

  it('converts areas, volumes, masses and 亩/公顷', () => {
    expect(right('20000平方厘米', number(['2'], { unit: '平方米' }))).toBe(true);
    expect(right('2 m²', number(['2'], { unit: '平方米' }))).toBe(true);
    expect(right('2m^2', number(['2'], { unit: '平方米' }))).toBe(true);
    expect(right('200平方分米', number(['2'], { unit: 'm2' }))).toBe(true);
    expect(right('1.5升', number(['1500'], { unit: '毫升' }))).toBe(true);
    expect(right('1.5L', number(['1.5'], { unit: '立方分米' }))).toBe(true);
    expect(right('3斤', number(['1.5'], { unit: '千克' }))).toBe(true);
    expect(right('5两', number(['0.5'], { unit: '斤' }))).toBe(true);
    expect(right('15亩', number(['1'], { unit: '公顷' }))).toBe(true);
    expect(right('2500kg', number(['2.5'], { unit: '吨' }))).toBe(true);
  });

  it('treats % as a unit when the key says so', () => {
    const percent = number(['50'], { unit: '%' });
    expect(right('50', percent)).toBe(true);
    expect(right('50%', percent)).toBe(true);
    expect(right('百分之五十', percent)).toBe(true);
    expect(right('0.5', percent)).toBe(false);
    expect(right('0.5', number(['50%']))).toBe(true);
    expect(right('50', number(['50%']))).toBe(false);
  });

  it('does not accept a unit on an answer to a key without one (the teacher can accept it on regrade)', () => {
    expect(right('5厘米', number(['5']))).toBe(false);
    expect(right('5个', number(['5']))).toBe(false);
    expect(right('5左右', number(['5']))).toBe(false);
    expect(right('5', number(['5']))).toBe(true);
    expect(right('5个', number(['5', '5个']))).toBe(true);
    expect(right('五个', number(['5个']))).toBe(true);
  });

  it('does not read hedges and alternatives as units', () => {
    expect(right('5或6', number(['5'], { unit: '个' }))).toBe(false);
    expect(right('五或六', number(['5'], { unit: '个' }))).toBe(false);
    expect(right('5米左右', number(['5'], { unit: '米' }))).toBe(false);
    expect(right('5-', number(['5'], { unit: '个' }))).toBe(false);
  });

  it('falls back to text for keys that are not numbers (2π)', () => {
    expect(right('2π', number(['2π']))).toBe(true);
    expect(right('2 π', number(['2π']))).toBe(true);
    expect(right('π', number(['2π']))).toBe(false);
  });
});

describe('matchesBlank — text (语文, English)', () => {
  it('ignores case by default and honours caseSensitive', () => {
    expect(right('beijing', text(['Beijing']))).toBe(true);
    expect(right('BEIJING', text(['Beijing']))).toBe(true);
    expect(right('beijing', text(['Beijing'], { caseSensitive: true }))).toBe(false);
    expect(right('Beijing', text(['Beijing'], { caseSensitive: true }))).toBe(true);
  });

  it('ignores width, spaces and punctuation', () => {
    expect(right('ＡＢ', text(['AB']))).toBe(true);
    expect(right(' 举头望明月，低头思故乡。', text(['举头望明月 低头思故乡']))).toBe(true);
    expect(right('《 静夜思 》', text(['静夜思']))).toBe(true);
    expect(right("It's", text(['it’s']))).toBe(true);
    expect(right('went', text(['goes']))).toBe(false);
  });

  it('accepts every alternative the teacher listed and names the one matched', () => {
    const key = text(['李白', '李太白', '青莲居士']);
    expect(matchesBlank('李太白', key)).toEqual({
      correct: true,
      normalisedGiven: '李太白',
      matchedAccepted: '李太白',
    });
    expect(matchesBlank('杜甫', key)).toEqual({ correct: false, normalisedGiven: '杜甫' });
  });

  it('compares simple algebra after spaces and operator spellings', () => {
    const key = text(['x²+2x+1']);
    expect(right('x^2 + 2x + 1', key)).toBe(true);
    expect(right('x²+2x+1', key)).toBe(true);
    expect(right('x^2+2x-1', key)).toBe(false);
    expect(right('3×(a−b)', text(['3*(a-b)']))).toBe(true);
    expect(right('a÷b', text(['a/b']))).toBe(true);
  });

  it('marks an empty or blank answer wrong, whatever the key', () => {
    for (const given of ['', ' ', '\u3000', '。', '\u200b']) {
      expect(right(given, text(['北京']))).toBe(false);
      expect(right(given, number(['0']))).toBe(false);
    }
  });

  it('compares punctuation when the key is punctuation (用标点填空)', () => {
    expect(matchesBlank('?', text(['？']))).toEqual({
      correct: true,
      normalisedGiven: '?',
      matchedAccepted: '？',
    });
    expect(right('。', text(['？']))).toBe(false);
    expect(right('', text(['？']))).toBe(false);
  });

  it('accepts a text answer with or without the key’s unit', () => {
    const key = text(['东北'], { unit: '方向' });
    expect(right('东北', key)).toBe(true);
    expect(right('东北方向', key)).toBe(true);
    expect(right('西北方向', key)).toBe(false);
  });
});

describe('matchesBlank — robustness', () => {
  it('refuses absurdly long answers without reading them', () => {
    const key = text(['a'.repeat(10)]);
    expect(matchesBlank('a'.repeat(MAX_ANSWER_CHARS + 1), key)).toEqual({
      correct: false,
      normalisedGiven: '',
    });
  });

  it('sees an accepted answer added in place (regrading a blank)', () => {
    const key = { accepted: ['1/2'], kind: 'number' as const };
    expect(right('0.6', key)).toBe(false);
    key.accepted.push('0.6');
    expect(right('0.6', key)).toBe(true);
    key.accepted[1] = '0.7';
    expect(right('0.6', key)).toBe(false);
  });

  it('survives keys that do not follow the schema', () => {
    const odd = [null, undefined, {}, { accepted: 'x' }, { accepted: [1, null, '北京'] }, { accepted: [''] }];
    for (const key of odd) expect(() => matchesBlank('北京', key as unknown as BlankKeyLike)).not.toThrow();
    expect(right('北京', { accepted: [1, null, '北京'] } as unknown as BlankKeyLike)).toBe(true);
    expect(right(undefined as unknown as string, text(['a']))).toBe(false);
  });
});
