import { describe, expect, it } from 'vitest';
import { seededRandom } from '../assembly/synthetic.ts';
import { DEFAULT_MASTERY_PARAMS } from './default-params.ts';
import { FEATURE_CODES, FEATURE_GROUP, FEATURE_LABELS } from './features.ts';
import {
  type GradedAnswer,
  MOMENT_FEATURES,
  mastery,
  masteryLogit,
  recompute,
  steadyMastery,
  update,
} from './model.ts';
import { refitSkills } from './refit.ts';
import { MASTERY_SPEC } from './specs.ts';
import { emptyState, type MasteryState } from './state.ts';

const params = DEFAULT_MASTERY_PARAMS;
const points = ['kp-分数', 'kp-方程', 'kp-函数', 'kp-几何'];

function randomAnswers(n: number, seed: number): GradedAnswer[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const skill = r() < 0.15 ? [points[0]!, points[1 + Math.floor(r() * 3)]!] : points[Math.floor(r() * 4)]!;
    return { skill, correct: r() < 0.6 };
  });
}

describe('mastery model', () => {
  it('ships default parameters of the chosen model, fitted on the train split (answers protocol)', () => {
    expect(Object.keys(params.weights).sort()).toEqual([...MASTERY_SPEC.features].sort());
    expect(params.perSkill).toEqual(MASTERY_SPEC.perSkill);
    expect(Object.keys(params.skills)).toHaveLength(110);
    expect(params.meta).toMatchObject({ protocol: 'answers', data: expect.stringContaining('train split') });
    expect(JSON.parse(JSON.stringify(params))).toEqual(params);
    // The per-point terms average to 0 (the penalty sees to it), so a point of ours that is not an
    // ASSISTments skill starts as the average point.
    const terms = Object.values(params.skills);
    for (let j = 0; j < terms[0]!.length; j++) {
      expect(Math.abs(terms.reduce((s, t) => s + t[j]!, 0) / terms.length)).toBeLessThan(0.01);
    }
  });

  it('recompute gives the same states as successive updates, and update leaves its input alone', () => {
    const students = [0, 1, 2].map((s) => ({ student: `s${s}`, answers: randomAnswers(60 + 20 * s, s) }));
    const nightly = recompute(params, students);
    for (const { student, answers } of students) {
      let state = emptyState();
      for (const a of answers) {
        const before = JSON.stringify(state);
        const next = update(params, state, a);
        expect(JSON.stringify(state)).toBe(before);
        state = next;
      }
      expect(nightly.get(student)).toEqual(state);
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    }
  });

  it('explains itself: contributions sum to the logit, themes to the same, p = σ(logit)', () => {
    let state: MasteryState = emptyState();
    for (const a of randomAnswers(40, 9)) state = update(params, state, a);
    for (const skill of [...points, 'kp-never-seen', '25']) {
      const m = mastery(params, state, skill);
      const sum = m.contributions.reduce((s, c) => s + c.effect, 0);
      expect(sum).toBeCloseTo(m.logit, 10);
      expect(m.groups.reduce((s, g) => s + g.effect, 0)).toBeCloseTo(m.logit, 10);
      expect(masteryLogit(params, state, skill)).toBeCloseTo(m.logit, 10);
      expect(m.p).toBeCloseTo(1 / (1 + Math.exp(-m.logit)), 12);
      for (const c of m.contributions) {
        expect(c.effect).toBeCloseTo(c.value * c.weight, 12);
        expect(FEATURE_LABELS[c.feature].zh).toBeTruthy();
      }
    }
    // An unseen point is the typical point: easiness 0.
    expect(mastery(params, state, 'kp-never-seen').contributions.at(-1)).toMatchObject({
      feature: 'skill.easiness',
      effect: 0,
    });
    for (const code of FEATURE_CODES) expect(FEATURE_GROUP[code]).toBeDefined();
  });

  it('reports the facts behind the sentence a teacher reads (答对 5 次、答错 2 次，最近两次都对)', () => {
    let state = emptyState();
    for (const correct of [true, false, true, true, false, true, true])
      state = update(params, state, { skill: 'kp-分数', correct });
    state = update(params, state, { skill: 'kp-方程', correct: false });
    const m = mastery(params, state, 'kp-分数');
    expect(m.facts).toEqual({ successes: 5, failures: 2, recent: [true, true, false], answersSince: 2 });
    // A right answer leaves a higher estimate than a wrong one, from any state.
    for (const s of [emptyState(), state]) {
      for (const skill of ['kp-分数', '25']) {
        const right = mastery(params, update(params, s, { skill, correct: true }), skill).p;
        const wrong = mastery(params, update(params, s, { skill, correct: false }), skill).p;
        expect(right).toBeGreaterThan(wrong + 0.05);
      }
    }
  });

  it('refits per-point terms on our own answers with the global weights kept', () => {
    const r = seededRandom(5);
    // 'kp-easy' is answered right 90% of the time, 'kp-hard' 30%, by 300 students of 12 answers.
    const histories = Array.from({ length: 300 }, () =>
      Array.from({ length: 12 }, () => {
        const easy = r() < 0.5;
        return { skill: easy ? 'kp-easy' : 'kp-hard', correct: r() < (easy ? 0.9 : 0.3) };
      }),
    );
    const refit = refitSkills(params, histories, { l2Skill: 10 });
    expect(refit.weights).toEqual(params.weights);
    expect(refit.skills['25']).toEqual(params.skills['25']);
    const p = (q: typeof params, skill: string) => mastery(q, emptyState(), skill).p;
    expect(p(refit, 'kp-easy')).toBeGreaterThan(p(params, 'kp-easy') + 0.1);
    expect(p(refit, 'kp-hard')).toBeLessThan(p(params, 'kp-hard') - 0.1);
  });
});

describe('steady mastery (what the views show)', () => {
  const P = DEFAULT_MASTERY_PARAMS;
  const fold = (seq: [string, boolean][]) =>
    seq.reduce((s, [skill, correct]) => update(P, s, { skill, correct }), emptyState());

  it('is the explanation without the features of the moment', () => {
    const s = fold([
      ['a', true],
      ['b', false],
      ['a', true],
      ['c', true],
      ['b', false],
    ]);
    for (const k of ['a', 'b', 'c', 'd']) {
      const z = mastery(P, s, k)
        .contributions.filter((c) => !MOMENT_FEATURES.has(c.feature as never))
        .reduce((sum, c) => sum + c.effect, 0);
      expect(steadyMastery(P, s, k)).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
    }
  });

  it('ranks a point answered right above one answered wrong just after it', () => {
    const s = fold([
      ['a', true],
      ['a', true],
      ['b', false],
    ]);
    expect(steadyMastery(P, s, 'a')).toBeGreaterThan(steadyMastery(P, s, 'b'));
    const t = fold([
      ['a', true],
      ['a', true],
      ['a', true],
      ['b', false],
      ['b', false],
      ['b', false],
    ]);
    expect(steadyMastery(P, t, 'a')).toBeGreaterThan(steadyMastery(P, t, 'c'));
    expect(steadyMastery(P, t, 'c')).toBeGreaterThan(steadyMastery(P, t, 'b'));
  });
});
