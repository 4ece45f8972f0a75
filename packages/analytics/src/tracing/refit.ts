/**
 * Fitting per-knowledge-point terms on our own answers while keeping the global weights: our
 * knowledge points are not ASSISTments skills, so a deployment starts from the default weights
 * (every point "typical") and, once it has graded answers, learns each point's easiness (and the
 * per-point slopes the parameters carry) with the global part frozen as an offset.
 */
import { FEATURE_COUNT, FEATURE_INDEX, type FeatureCode, featureVector } from './features.ts';
import { DesignBuilder } from './logistic.ts';
import type { GradedAnswer, MasteryParams } from './model.ts';
import { fitLogisticNewton } from './newton.ts';
import { applyAnswerInPlace, emptyState } from './state.ts';

/**
 * New parameters whose per-point terms are fitted on `histories` (each student's answers, oldest
 * first); points without answers keep their current terms. `l2Skill` shrinks towards the typical
 * point (0), so a point with few answers stays close to it.
 */
export function refitSkills(
  params: MasteryParams,
  histories: Iterable<readonly GradedAnswer[]>,
  options: { l2Skill?: number } = {},
): MasteryParams {
  const block = 1 + params.perSkill.length;
  const ids = new Map<string, number>();
  const rows: { skill: number; x: Float64Array; offset: number; y: number }[] = [];
  const x = new Float64Array(FEATURE_COUNT);
  const globalCodes = Object.keys(params.weights) as FeatureCode[];
  for (const history of histories) {
    const state = emptyState();
    for (const answer of history) {
      const skills = typeof answer.skill === 'string' ? [answer.skill] : [...answer.skill];
      for (const skill of skills) {
        featureVector(state, skill, skills.length - 1, x);
        let offset = 0;
        for (const c of globalCodes) offset += (params.weights[c] ?? 0) * x[FEATURE_INDEX[c]]!;
        if (!ids.has(skill)) ids.set(skill, ids.size);
        const own = new Float64Array(block);
        own[0] = 1;
        params.perSkill.forEach((c, j) => {
          own[j + 1] = x[FEATURE_INDEX[c]]!;
        });
        rows.push({ skill: ids.get(skill)!, x: own, offset, y: answer.correct ? 1 : 0 });
      }
      applyAnswerInPlace(state, skills, [answer.correct]);
    }
  }
  const b = new DesignBuilder(ids.size * block);
  for (const r of rows) {
    for (let j = 0; j < block; j++) b.add(r.skill * block + j, r.x[j]!);
    b.endRow(r.y);
  }
  const design = b.build();
  const offset = Float64Array.from(rows, (r) => r.offset);
  const fit = fitLogisticNewton(design, { l2: options.l2Skill ?? 10, offset }, { global: 0, block });
  const skills = { ...params.skills };
  for (const [id, k] of ids) skills[id] = Array.from(fit.weights.subarray(k * block, (k + 1) * block));
  return { ...params, skills, meta: { ...params.meta, refittedPoints: ids.size, refitRows: rows.length } };
}
