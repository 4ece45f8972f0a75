/**
 * Item response theory (issue 11 §2): calibration, scoring, fit and linking, as pure functions over
 * typed arrays. The θ scale of a calibration is its population's: N(0, 1) for 2PL / graded fits, the
 * logit scale with an estimated SD for Rasch, the anchors' scale for fixed-item calibration.
 *
 * Data
 * - `Responses { persons, items, scores: Int8Array (persons × items, row-major, −1 = not answered),
 *   maxScore: Uint8Array (1 = dichotomous, k > 1 = graded 0..k) }`; `responsesFromRows(rows,
 *   maxScore?)` builds one. Missing responses drop out of the likelihood (sparse banks work).
 *
 * Calibration (marginal ML, EM over 61 quadrature points on [−6, 6] as mirt, SQUAREM-accelerated)
 * - `calibrate(responses, { model: 'rasch' | '2pl' | 'grm', quadrature?, maxIter?, tol?, fixed?,
 *   accelerate?, standardErrors?, fullInformationLimit? }): Calibration` — synchronous.
 * - `calibrateParallel(responses, { …same, threads? }): Promise<Calibration>` — E-steps on worker
 *   threads, for large data (1,000,000 × 50: 28 E-steps, about 1 CPU-second each; `npm run
 *   bench:analytics -- --only irt`).
 * - `Calibration { model, items: CalibratedItem[], population: { mean, sd }, logLik, iterations,
 *   converged, persons, quadrature }`; `CalibratedItem { a, d: number[], b: number[] (= −d/a), se: { a,
 *   d: number[] }, fixed }`. Standard errors: observed information of the marginal likelihood by
 *   differentiating its analytic score numerically (Oakes), see `standard-errors.ts`.
 * - `'2pl'` and `'grm'` are the same: each item by its maxScore (2PL or Samejima's graded model).
 *
 * Scoring and information
 * - `eap(model: { items, population?, quadrature? }, responses): { theta, se }` — posterior mean and
 *   SD per person; no answers give the population's mean and SD.
 * - `itemInformation(item, θ)`, `testInformation(items, thetas): Float64Array`,
 *   `categoryProbabilities`, `expectedScore`, `bankParameters(item) → { a, b, thresholds }`.
 *
 * Fit
 * - `itemFit(calibration, responses, { minExpected? }): ItemFit[]` — S-X² with df and p (complete
 *   response rows), infit / outfit mean squares (all responses).
 *
 * Linking (θ_base = A·θ_new + B)
 * - `meanSigma(newCommon, baseCommon)`, `stockingLord(newCommon, baseCommon, { thetas?, weights? })`
 *   → { A, B }; `transformItem`, `transformAbilities`, `transformPopulation`; fixed-item linking
 *   through `calibrate(…, { fixed: Map<index, ItemParameters> })`.
 *
 * Simulation (seeded, for tests and benchmarks): `seededRandom`, `simulateItems`,
 * `simulateAbilities`, `simulateResponses`.
 */
export * from './calibrate.ts';
export * from './eap.ts';
export * from './item-fit.ts';
export * from './item-model.ts';
export * from './linking.ts';
export * from './parallel.ts';
export * from './quadrature.ts';
export * from './responses.ts';
export * from './simulate.ts';
