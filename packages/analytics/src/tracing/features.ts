/**
 * The features a mastery estimate is built from, each with a stable code the UI labels (zh / en).
 * Every value is computed from the state before the answer it predicts, so a feature can never see
 * the outcome it explains. Counts enter as log(1 + n) (the Best-LR / "PFA with log counts" form):
 * the fifth correct answer says less than the first.
 */
import {
  type Counters,
  decayedWeight,
  FAST_DECAY,
  HISTORY,
  type MasteryState,
  type SkillCounters,
  SLOW_DECAY,
} from './state.ts';

export const FEATURE_CODES = [
  'bias',
  'skill.successes',
  'skill.failures',
  'skill.successCount',
  'skill.failureCount',
  'all.successes',
  'all.failures',
  'skill.first',
  'skill.last1',
  'skill.last2',
  'skill.last3',
  'all.last1',
  'all.last2',
  'all.last3',
  'skill.recentRate',
  'skill.longRate',
  'all.recentRate',
  'all.longRate',
  'skill.streak',
  'skill.wrongStreak',
  'skill.justPractised',
  'skill.sinceLast',
  'skill.runLength',
  'answer.otherSkills',
] as const;
export type FeatureCode = (typeof FEATURE_CODES)[number];
/** The per-knowledge-point intercept (how easy the point is), reported beside the features. */
export type ContributionCode = FeatureCode | 'skill.easiness';

export const FEATURE_LABELS: Record<ContributionCode, { zh: string; en: string }> = {
  bias: { zh: '基准', en: 'baseline' },
  'skill.easiness': { zh: '知识点难易', en: 'how easy the point is' },
  'skill.successes': { zh: '本知识点答对次数（对数）', en: 'correct answers on this point (log)' },
  'skill.failures': { zh: '本知识点答错次数（对数）', en: 'wrong answers on this point (log)' },
  'skill.successCount': { zh: '本知识点答对次数', en: 'correct answers on this point' },
  'skill.failureCount': { zh: '本知识点答错次数', en: 'wrong answers on this point' },
  'all.successes': { zh: '全部答对次数（对数）', en: 'correct answers overall (log)' },
  'all.failures': { zh: '全部答错次数（对数）', en: 'wrong answers overall (log)' },
  'skill.first': { zh: '首次练习本知识点', en: 'first attempt on this point' },
  'skill.last1': {
    zh: '本知识点最近一次（对 +1 / 错 −1）',
    en: 'last answer on this point (+1 right / −1 wrong)',
  },
  'skill.last2': { zh: '本知识点倒数第二次', en: 'second-last answer on this point' },
  'skill.last3': { zh: '本知识点倒数第三次', en: 'third-last answer on this point' },
  'all.last1': { zh: '最近一次作答（任意知识点）', en: 'last answer overall' },
  'all.last2': { zh: '倒数第二次作答', en: 'second-last answer overall' },
  'all.last3': { zh: '倒数第三次作答', en: 'third-last answer overall' },
  'skill.recentRate': {
    zh: '本知识点近期正确率（偏离 50%）',
    en: 'recent success rate on this point (vs 50%)',
  },
  'skill.longRate': {
    zh: '本知识点长期正确率（偏离 50%）',
    en: 'long-run success rate on this point (vs 50%)',
  },
  'all.recentRate': { zh: '近期总体正确率（偏离 50%）', en: 'recent success rate overall (vs 50%)' },
  'all.longRate': { zh: '长期总体正确率（偏离 50%）', en: 'long-run success rate overall (vs 50%)' },
  'skill.streak': { zh: '本知识点连续答对次数', en: 'correct in a row on this point' },
  'skill.wrongStreak': { zh: '本知识点连续答错次数', en: 'wrong in a row on this point' },
  'skill.justPractised': { zh: '上一题刚练过本知识点', en: 'practised this point in the previous answer' },
  'skill.sinceLast': {
    zh: '距上次练习本知识点的作答数（对数）',
    en: 'answers since this point was last practised (log)',
  },
  'skill.runLength': {
    zh: '正在连续练习本知识点的题数（对数）',
    en: 'answers in the current block on this point (log)',
  },
  'answer.otherSkills': { zh: '本题同时考查的其他知识点数', en: 'other points the item tests' },
};

/**
 * What a feature is about, for an explanation by theme: several features of a theme move together
 * (the last outcome and the recent rate), so their summed effect is what a teacher should read.
 */
export const FEATURE_GROUPS = [
  'baseline',
  'point',
  'pointHistory',
  'pointRecent',
  'overall',
  'practice',
  'item',
] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

export const GROUP_LABELS: Record<FeatureGroup, { zh: string; en: string }> = {
  baseline: { zh: '基准', en: 'baseline' },
  point: { zh: '知识点难易', en: 'how easy the point is' },
  pointHistory: { zh: '本知识点答题累计', en: 'answers on this point so far' },
  pointRecent: { zh: '本知识点近期表现', en: 'recent answers on this point' },
  overall: { zh: '总体表现', en: 'all answers' },
  practice: { zh: '练习间隔', en: 'when the point was practised' },
  item: { zh: '题目结构', en: 'the item' },
};

export const FEATURE_GROUP: Record<ContributionCode, FeatureGroup> = {
  bias: 'baseline',
  'skill.easiness': 'point',
  'skill.successes': 'pointHistory',
  'skill.failures': 'pointHistory',
  'skill.successCount': 'pointHistory',
  'skill.failureCount': 'pointHistory',
  'skill.first': 'pointHistory',
  'all.successes': 'overall',
  'all.failures': 'overall',
  'skill.last1': 'pointRecent',
  'skill.last2': 'pointRecent',
  'skill.last3': 'pointRecent',
  'all.last1': 'overall',
  'all.last2': 'overall',
  'all.last3': 'overall',
  'skill.recentRate': 'pointRecent',
  'skill.longRate': 'pointRecent',
  'all.recentRate': 'overall',
  'all.longRate': 'overall',
  'skill.streak': 'pointRecent',
  'skill.wrongStreak': 'pointRecent',
  'skill.justPractised': 'practice',
  'skill.sinceLast': 'practice',
  'skill.runLength': 'practice',
  'answer.otherSkills': 'item',
};

export const FEATURE_COUNT = FEATURE_CODES.length;
export const FEATURE_INDEX: Record<FeatureCode, number> = Object.fromEntries(
  FEATURE_CODES.map((c, i) => [c, i]),
) as Record<FeatureCode, number>;

const STREAK_CAP = 5;

/** The k-th last outcome (1-based) as +1 / −1, 0 when there is none. */
const lastOutcome = (c: Counters | undefined, k: number): number =>
  c && Math.min(HISTORY, c.s + c.f) >= k ? (((c.hist >> (k - 1)) & 1) === 1 ? 1 : -1) : 0;
/** Weighted success rate shrunk towards 50% by one pseudo-answer, centred (−0.5 … 0.5). */
const rate = (sum: number, weight: number): number => (sum + 0.5) / (weight + 1) - 0.5;

/**
 * All feature values for predicting an answer on `skill` from `state` (before the answer), into
 * `out` (length `FEATURE_COUNT`, in `FEATURE_CODES` order). `otherSkills`: how many further points
 * the item is tagged with (known before the student answers).
 */
export function featureVector(
  state: MasteryState,
  skill: string,
  otherSkills: number,
  out: Float64Array,
): Float64Array {
  const c: SkillCounters | undefined = state.skills[skill];
  const a = state.all;
  const s = c?.s ?? 0;
  const f = c?.f ?? 0;
  const gap = c ? state.answers - c.at : 0;
  const streak = c?.streak ?? 0;
  out[0] = 1;
  out[1] = Math.log1p(s);
  out[2] = Math.log1p(f);
  out[3] = s;
  out[4] = f;
  out[5] = Math.log1p(a.s);
  out[6] = Math.log1p(a.f);
  out[7] = c ? 0 : 1;
  out[8] = lastOutcome(c, 1);
  out[9] = lastOutcome(c, 2);
  out[10] = lastOutcome(c, 3);
  out[11] = lastOutcome(a, 1);
  out[12] = lastOutcome(a, 2);
  out[13] = lastOutcome(a, 3);
  const n = s + f;
  const na = a.s + a.f;
  out[14] = c ? rate(c.fast, decayedWeight(FAST_DECAY, n)) : 0;
  out[15] = c ? rate(c.slow, decayedWeight(SLOW_DECAY, n)) : 0;
  out[16] = rate(a.fast, decayedWeight(FAST_DECAY, na));
  out[17] = rate(a.slow, decayedWeight(SLOW_DECAY, na));
  out[18] = Math.min(STREAK_CAP, Math.max(0, streak));
  out[19] = Math.min(STREAK_CAP, Math.max(0, -streak));
  out[20] = gap === 1 ? 1 : 0;
  out[21] = gap > 1 ? Math.log1p(gap) : 0;
  out[22] = gap === 1 ? Math.log1p(c!.run) : 0;
  out[23] = otherSkills;
  return out;
}
