/**
 * Default mastery parameters: the chosen model (`MASTERY_SPEC`, answers protocol) fitted on the
 * ASSISTments 2009 train split only — derived weights, not the data. Regenerate with
 * `npx tsx -e "import('./tools/bench/analytics-tracing.ts').then(m => m.run(['--write-defaults']))"`.
 * The per-skill entries are ASSISTments skills; our knowledge points are not among them and so use
 * the global weights (the typical point) until `refitSkills` learns their own terms.
 */
import data from './default-params.json' with { type: 'json' };
import type { MasteryParams } from './model.ts';

export const DEFAULT_MASTERY_PARAMS: MasteryParams = data as MasteryParams;
