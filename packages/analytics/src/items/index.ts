/**
 * Classical item analysis of a paper (issue 11 §1): difficulty P, corrected item–rest
 * point-biserial, upper–lower 27 % discrimination, distractor tables by ability group, Cronbach's α
 * with α if item deleted, odd–even split-half, and flags on items that misbehave. Pure, no I/O;
 * validated against R psych on the shared reference data.
 */

export {
  analyseItems,
  type ItemAnalysis,
  type ItemStats,
  type ScoreBin,
  type ScoreSummary,
  scoreSummary,
} from './analyse.ts';
export {
  type AbilityGroups,
  abilityGroups,
  discrimination,
  type ItemDiscrimination,
  LOWER,
  MIDDLE,
  UPPER,
} from './discrimination.ts';
export {
  type ChoiceResponses,
  choiceMask,
  type DistractorTable,
  distractorTable,
  type OptionRow,
} from './distractors.ts';
export {
  FLAG_SEVERITY,
  FLAG_THRESHOLDS,
  type FlagSeverity,
  ITEM_FLAG_CODES,
  type ItemFlag,
  type ItemFlagCode,
  itemFlags,
} from './flags.ts';
export { cronbachAlpha, type Reliability, reliability } from './reliability.ts';
export {
  checkScoreMatrix,
  itemColumn,
  pearson,
  type ScoreMatrix,
  scoreMatrix,
  totalScores,
  variance,
} from './score-matrix.ts';
