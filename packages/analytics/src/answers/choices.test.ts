import { describe, expect, it } from 'vitest';
import { parseChoiceLetters, parseJudgement } from './choices.ts';

describe('parseChoiceLetters', () => {
  it('reads letters in any order, case, width and separator', () => {
    for (const text of ['A,C', 'CA', 'c a', 'ａ、ｃ', 'A和C', 'A;C;A', 'A，C。']) {
      expect(parseChoiceLetters(text), text).toEqual(['A', 'C']);
    }
  });

  it('gives [] for nothing and null for anything but letters', () => {
    expect(parseChoiceLetters('')).toEqual([]);
    expect(parseChoiceLetters('A1')).toBeNull();
    expect(parseChoiceLetters('选A')).toBeNull();
    expect(parseChoiceLetters('A😀')).toBeNull();
  });
});

describe('parseJudgement', () => {
  it('reads the ways a true/false answer is written', () => {
    for (const t of ['√', '✓', '对', '正确', 'T', 'true', 'Yes']) expect(parseJudgement(t), t).toBe(true);
    for (const f of ['×', '✕', '✗', '错', '错误', 'F', 'false', 'no', 'Ｆ'])
      expect(parseJudgement(f), f).toBe(false);
    for (const x of ['', '对错', '也许', 'A']) expect(parseJudgement(x), x).toBeNull();
  });
});
