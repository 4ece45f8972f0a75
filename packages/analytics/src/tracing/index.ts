/**
 * Knowledge mastery (A7, issue 11 §3): a logistic model over readable features (Best-LR family) that
 * updates with every graded answer and explains itself to a teacher.
 *
 * Online (server):
 * - `emptyState()` → `MasteryState` (plain JSON, store it per student);
 * - `update(params, state, { skill, correct })` → new state; `skill` may be a list for an item
 *   tagged with several knowledge points (one answer, one update). O(1) per point; the state does
 *   not depend on the parameters, so refitted parameters need no recompute.
 * - `mastery(params, state, skill)` → `{ p, logit, contributions: [{ feature, value, weight,
 *   effect }], groups, facts }`; the effects sum to the logit; `feature` is a stable code labelled
 *   by `FEATURE_LABELS[code].zh / .en`; `groups` sums effects by theme (`GROUP_LABELS`); `facts`
 *   (correct / wrong counts, last outcomes, answers since last practice) are for the sentence
 *   "答对 5 次、答错 2 次，最近两次都对".
 * - `answerLogit(params, state, skills)`: P(correct) on an item with several points, as logit.
 * - `recompute(params, [{ student, answers }])` → Map of states (nightly job, same as folding
 *   `update`); `DEFAULT_MASTERY_PARAMS` (fitted on ASSISTments 2009, every knowledge point of ours
 *   "typical" until `refitSkills(params, histories)` learns per-point terms on our own answers).
 *
 * Offline (validation, benchmark `tools/bench/analytics-tracing.ts`): `parseDkvmn`,
 * `expansionPairs` / `answerStarts` (rows of one multi-skill answer grouped back into an answer),
 * `fitMastery`, `tuneAndFit` (penalties chosen on a validation split of train), `evaluate`, `auc`,
 * the specs `MASTERY_SPEC`, `PFA_SPEC`, `PLAIN_SPEC`, and the trainers `fitLogistic` (L-BFGS) and
 * `fitLogisticNewton`.
 */
export * from './auc.ts';
export * from './default-params.ts';
export * from './features.ts';
export * from './fit.ts';
export * from './logistic.ts';
export * from './model.ts';
export * from './newton.ts';
export * from './protocol.ts';
export * from './refit.ts';
export * from './sequences.ts';
export * from './specs.ts';
export * from './state.ts';
