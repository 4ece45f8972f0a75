/**
 * Validation on ASSISTments 2009 (updated, DKVMN split). Fits once on the whole train split with the
 * penalty the validation split chose (`tools/bench/analytics-tracing.ts` reruns the whole protocol:
 * penalty tuning on 80/20 of train, both protocols, timings) — about 10 s on a quiet machine.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MASTERY_PARAMS } from './default-params.ts';
import { fitMastery, scoreSequences } from './fit.ts';
import { evaluate, tuneAndFit } from './protocol.ts';
import { readAssist2009 } from './reference-data.ts';
import { answerStarts, expansionPairs } from './sequences.ts';
import { MASTERY_SPEC, PFA_SPEC, PLAIN_SPEC } from './specs.ts';

const train = readAssist2009('train');
const test = readAssist2009('test');
const pairs = expansionPairs(train).pairs;

describe('knowledge tracing on ASSISTments 2009', () => {
  it('reaches test AUC ≥ 0.78 with the chosen model (rows protocol, as published figures)', () => {
    const params = fitMastery(train, { spec: MASTERY_SPEC, pairs: null, l2Skill: 3 });
    const auc = evaluate(params, test, null);
    console.log(`mastery model, rows protocol: test AUC ${auc.toFixed(4)}`);
    expect(auc).toBeGreaterThanOrEqual(0.78);
  });

  it('measures the baselines near the stated figures (PFA 0.699, plain logistic 0.759)', () => {
    const pfa = evaluate(fitMastery(train, { spec: PFA_SPEC, pairs: null, l2Skill: 10 }), test, null);
    const plain = evaluate(fitMastery(train, { spec: PLAIN_SPEC, pairs: null, l2Skill: 3 }), test, null);
    console.log(`PFA ${pfa.toFixed(4)}, plain logistic ${plain.toFixed(4)}`);
    expect(Math.abs(pfa - 0.699)).toBeLessThan(0.01);
    expect(Math.abs(plain - 0.759)).toBeLessThan(0.015);
  });

  it('keeps the shipped defaults honest: answers protocol, multi-skill rows predicted from earlier answers only', () => {
    const auc = evaluate(DEFAULT_MASTERY_PARAMS, test, pairs);
    console.log(`default parameters, answers protocol: test AUC ${auc.toFixed(4)}`);
    expect(auc).toBeGreaterThan(0.75);
  });

  it('fits nothing on the test split: fitting takes train only, a prediction sees only earlier answers', () => {
    // The fitting entry points take one data set; the test split is never an argument.
    expect(fitMastery.length).toBe(2);
    expect(tuneAndFit.length).toBe(2);
    // Flipping an outcome changes no prediction of that answer or of an earlier one.
    const seqs = test.slice(0, 40);
    const before = scoreSequences(DEFAULT_MASTERY_PARAMS, seqs, pairs).scores;
    let offset = 0;
    for (const seq of seqs) {
      const starts = answerStarts(seq.skills, pairs);
      const i = Math.floor(seq.skills.length / 2);
      let end = seq.skills.length;
      for (const s of starts) if (s > i) end = Math.min(end, s);
      const flipped = { skills: seq.skills, correct: seq.correct.slice() };
      flipped.correct[i] = 1 - flipped.correct[i]!;
      const after = scoreSequences(DEFAULT_MASTERY_PARAMS, [flipped], pairs).scores;
      for (let j = 0; j < end; j++) expect(after[j]).toBe(before[offset + j]);
      if (end < seq.skills.length) expect(after[end]).not.toBe(before[offset + end]);
      offset += seq.skills.length;
    }
  });
});
