/**
 * Diagnosis (issue 11): what the mastery estimates mean for teaching.
 * - `traceBlindSpots(point, mastery, prerequisitesOf, options?)`: the likelier causes of a weak point
 *   among its prerequisites (知识盲点归因), weak ones first, then the untested.
 */
export {
  type BlindSpotOptions,
  type Cause,
  type CauseKind,
  type PointMastery,
  traceBlindSpots,
} from './blind-spots.ts';
