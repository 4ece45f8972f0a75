import { describe, expect, it } from 'vitest';
import { readAssist2009 } from './reference-data.ts';
import { answerStarts, describeSequences, expansionPairs, pairKey, parseDkvmn } from './sequences.ts';

describe('DKVMN sequences', () => {
  it('parses three lines per student, tolerating trailing commas, and rejects a wrong count', () => {
    const seqs = parseDkvmn('3\n4,8,4,\n1,1,0,\n\n1\n7\n0\n');
    expect(seqs).toHaveLength(2);
    expect([...seqs[0]!.skills]).toEqual([4, 8, 4]);
    expect([...seqs[0]!.correct]).toEqual([1, 1, 0]);
    expect(() => parseDkvmn('2\n4\n1\n')).toThrow(/declares 2 rows/);
  });

  it('groups rows of one multi-skill answer by skill pairs only, never by correctness', () => {
    const pairs = new Set([pairKey(4, 8), pairKey(8, 9)]);
    // 4,8 | 4,8,9 | 8 | 4 (8→4 is not a pair; 4 already in the answer cannot rejoin)
    const skills = Int32Array.from([4, 8, 4, 8, 9, 8, 4]);
    expect([...answerStarts(skills, pairs)]).toEqual([0, 2, 5, 6]);
    expect([...answerStarts(skills, null)]).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('finds the expanded multi-skill answers of ASSISTments 2009 on the train split', () => {
    const train = readAssist2009('train');
    const test = readAssist2009('test');
    expect(describeSequences(train)).toEqual({ students: 2921, rows: 224218, maxSkill: 110 });
    expect(describeSequences(test)).toEqual({ students: 1230, rows: 101419, maxSkill: 110 });
    const ex = expansionPairs(train);
    // Adjacent rows on different skills agree far more often than a change of item would (~65%).
    expect(ex.equalCorrectnessRate).toBeGreaterThan(0.77);
    expect(ex.pairs.size).toBe(91);
    expect(ex.pairs.has(pairKey(25, 42))).toBe(true); // 3,721 times, always equal
    expect(ex.pairs.has(pairKey(42, 25))).toBe(false); // the next item: 74% equal
  });
});
