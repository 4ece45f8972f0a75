/**
 * What a teacher asks for (a blueprint around a 双向细目表) and what the bank offers (pool items),
 * with validation that names every bad field. The item types and cognitive levels are those of the
 * item bank's content model (`apps/server/src/modules/assessment/item-model.ts`); this package may
 * not import from the apps, so the two lists are repeated here and a test keeps them equal.
 */

export const ITEM_TYPES = [
  'single_choice',
  'multiple_choice',
  'true_false',
  'fill_in',
  'short_answer',
  'essay',
  'composite',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** 识记 / 理解 / 应用 / 分析综合. */
export const COGNITIVE_LEVELS = ['remember', 'understand', 'apply', 'analyse'] as const;
export type CognitiveLevel = (typeof COGNITIVE_LEVELS)[number];

export const LEVEL_LABEL: Record<CognitiveLevel, string> = {
  remember: '识记',
  understand: '理解',
  apply: '应用',
  analyse: '分析综合',
};

export const TYPE_LABEL: Record<ItemType, string> = {
  single_choice: '单选题',
  multiple_choice: '多选题',
  true_false: '判断题',
  fill_in: '填空题',
  short_answer: '简答题',
  essay: '论述题',
  composite: '综合题',
};

export interface PoolItem {
  id: string;
  type: ItemType;
  /** Suggested score; a blueprint's per-type score replaces it on the paper. */
  score: number;
  /** Expected proportion correct (难度系数 P), 0 … 1; lower is harder. */
  difficulty: number;
  /** Expected answering time. */
  seconds: number;
  knowledgePointIds: readonly string[];
  cognitiveLevel: CognitiveLevel;
  /** 2PL discrimination (logistic metric, no 1.7), when calibrated. */
  a?: number;
  /** 2PL difficulty on the ability scale, when calibrated. */
  b?: number;
  /** Times used recently (for the exposure limit and the exposure objective). */
  exposure?: number;
}

/** An exact number, or a range with either end open. */
export type Range = number | { min?: number; max?: number };

/**
 * One line of the 双向细目表: items of a knowledge point at a cognitive level (or, without a level,
 * the knowledge point's row total; without a knowledge point, the level's column total). An item
 * counts towards a line when one of its knowledge points is the line's and its level matches.
 */
export interface BlueprintCell {
  knowledgePointId?: string;
  cognitiveLevel?: CognitiveLevel;
  count?: Range;
  /** Score on the paper of the line's items. */
  score?: Range;
}

export interface BlueprintType {
  type: ItemType;
  count?: Range;
  /** Points per item of this type on the paper (e.g. 选择题每题 3 分); default the item's own. */
  score?: number;
}

/** A band of expected P, e.g. 易 0.7–1: items with min ≤ P < max (≤ max for the top band at 1). */
export interface DifficultyBand {
  min: number;
  max: number;
  count?: Range;
  score?: Range;
  /** e.g. 易 / 中 / 难 */
  label?: string;
}

export interface Blueprint {
  /** Number of parallel forms (A/B 卷); default 1. */
  forms?: number;
  /** Items any two forms may share; default 0. */
  maxOverlap?: number;
  cells?: BlueprintCell[];
  /** The item types of the paper in paper order; only these types are used when given. */
  types?: BlueprintType[];
  /** Number of items per form. */
  length?: Range;
  totalScore?: number;
  difficulty?: {
    /** Target of the paper's expected P (score-weighted mean of its items). */
    mean?: number;
    /** The mean must lie within ± tolerance (when given). */
    tolerance?: number;
    bands?: DifficultyBand[];
  };
  timeLimitMinutes?: number;
  include?: string[];
  exclude?: string[];
  /** Pairs of items that must not appear on the same form. */
  enemies?: [string, string][];
  /** Items used more often than this recently are not chosen. */
  maxExposure?: number;
  /** Test information at these abilities (θ), for the maximin objective. */
  information?: { thetas: number[]; weights?: number[] };
  /**
   * What to optimise: closeness to the difficulty mean, maximin information, least exposure.
   * Default: information when given, else difficulty when a mean is given, else exposure.
   */
  objective?: 'difficulty' | 'information' | 'exposure' | 'none';
}

export interface AssemblyLabels {
  /** Knowledge point names by id, for explanations. */
  knowledgePoints?: Record<string, string>;
  /** Short item labels by id (e.g. the first words of the stem), for explanations. */
  items?: Record<string, string>;
}

export interface InputProblem {
  path: string;
  message: string;
}

/** Bad input: nothing was assembled. `problems` names every bad field. */
export class AssemblyInputError extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(`invalid assembly input: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'AssemblyInputError';
  }
}

export function rangeOf(r: Range | undefined): { min: number; max: number } | undefined {
  if (r === undefined) return undefined;
  if (typeof r === 'number') return { min: r, max: r };
  return { min: r.min ?? 0, max: r.max ?? Number.POSITIVE_INFINITY };
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Throws `AssemblyInputError` listing every problem of the pool and the blueprint. */
export function validateInput(pool: readonly PoolItem[], blueprint: Blueprint): void {
  const problems: InputProblem[] = [];
  const bad = (path: string, message: string) => problems.push({ path, message });
  const types = new Set<string>(ITEM_TYPES);
  const levels = new Set<string>(COGNITIVE_LEVELS);

  if (!Array.isArray(pool)) bad('pool', 'must be a list of items');
  const ids = new Set<string>();
  for (const [k, it] of (Array.isArray(pool) ? pool : []).entries()) {
    const p = `pool[${k}]`;
    if (typeof it?.id !== 'string' || it.id === '') {
      bad(`${p}.id`, 'must be a non-empty string');
      continue;
    }
    if (ids.has(it.id)) bad(`${p}.id`, `duplicate item id ${it.id}`);
    ids.add(it.id);
    if (!types.has(it.type)) bad(`${p}.type`, `unknown item type ${String(it.type)}`);
    if (!isNum(it.score) || it.score <= 0) bad(`${p}.score`, 'must be a positive number');
    if (!isNum(it.difficulty) || it.difficulty < 0 || it.difficulty > 1)
      bad(`${p}.difficulty`, 'must be in 0 … 1');
    if (!isNum(it.seconds) || it.seconds < 0) bad(`${p}.seconds`, 'must be a non-negative number');
    if (!Array.isArray(it.knowledgePointIds)) bad(`${p}.knowledgePointIds`, 'must be a list');
    if (!levels.has(it.cognitiveLevel))
      bad(`${p}.cognitiveLevel`, `unknown level ${String(it.cognitiveLevel)}`);
    if (it.a !== undefined && (!isNum(it.a) || it.a <= 0)) bad(`${p}.a`, 'must be a positive number');
    if (it.b !== undefined && !isNum(it.b)) bad(`${p}.b`, 'must be a number');
    if (it.exposure !== undefined && (!Number.isInteger(it.exposure) || it.exposure < 0))
      bad(`${p}.exposure`, 'must be a whole number ≥ 0');
  }

  const b = blueprint ?? {};
  const count = (path: string, r: Range | undefined, integer: boolean) => {
    if (r === undefined) return;
    const check = (v: unknown, at: string) => {
      if (v === undefined) return;
      if (!isNum(v) || v < 0) bad(at, 'must be a number ≥ 0');
      else if (integer && !Number.isInteger(v)) bad(at, 'must be a whole number');
    };
    if (typeof r === 'number') return check(r, path);
    if (typeof r !== 'object' || r === null) return bad(path, 'must be a number or { min, max }');
    check(r.min, `${path}.min`);
    check(r.max, `${path}.max`);
    if (isNum(r.min) && isNum(r.max) && r.min > r.max) bad(path, 'min is greater than max');
    if (r.min === undefined && r.max === undefined) bad(path, 'needs min or max');
  };
  const forms = b.forms ?? 1;
  if (!Number.isInteger(forms) || forms < 1 || forms > 10) bad('forms', 'must be a whole number 1 … 10');
  if (b.maxOverlap !== undefined && (!Number.isInteger(b.maxOverlap) || b.maxOverlap < 0))
    bad('maxOverlap', 'must be a whole number ≥ 0');

  const cellKeys = new Set<string>();
  (b.cells ?? []).forEach((c, k) => {
    const p = `cells[${k}]`;
    if (c.knowledgePointId === undefined && c.cognitiveLevel === undefined)
      bad(p, 'needs a knowledge point, a cognitive level or both');
    if (
      c.knowledgePointId !== undefined &&
      (typeof c.knowledgePointId !== 'string' || c.knowledgePointId === '')
    )
      bad(`${p}.knowledgePointId`, 'must be a non-empty string');
    if (c.cognitiveLevel !== undefined && !levels.has(c.cognitiveLevel))
      bad(`${p}.cognitiveLevel`, `unknown level ${String(c.cognitiveLevel)}`);
    if (c.count === undefined && c.score === undefined) bad(p, 'needs an item count or a score');
    count(`${p}.count`, c.count, true);
    count(`${p}.score`, c.score, false);
    const key = `${c.knowledgePointId ?? '*'}|${c.cognitiveLevel ?? '*'}`;
    if (cellKeys.has(key)) bad(p, 'the same line appears twice');
    cellKeys.add(key);
  });

  const typeKeys = new Set<string>();
  (b.types ?? []).forEach((t, k) => {
    const p = `types[${k}]`;
    if (!types.has(t.type)) bad(`${p}.type`, `unknown item type ${String(t.type)}`);
    if (typeKeys.has(t.type)) bad(`${p}.type`, `${t.type} appears twice`);
    typeKeys.add(t.type);
    count(`${p}.count`, t.count, true);
    if (t.score !== undefined && (!isNum(t.score) || t.score <= 0))
      bad(`${p}.score`, 'must be a positive number');
  });

  count('length', b.length, true);
  if (b.totalScore !== undefined && (!isNum(b.totalScore) || b.totalScore <= 0))
    bad('totalScore', 'must be a positive number');
  const d = b.difficulty;
  if (d?.mean !== undefined && (!isNum(d.mean) || d.mean <= 0 || d.mean >= 1))
    bad('difficulty.mean', 'must be between 0 and 1');
  if (d?.tolerance !== undefined && (!isNum(d.tolerance) || d.tolerance < 0))
    bad('difficulty.tolerance', 'must be ≥ 0');
  if (d?.tolerance !== undefined && d.mean === undefined) bad('difficulty.tolerance', 'needs a mean');
  (d?.bands ?? []).forEach((band, k) => {
    const p = `difficulty.bands[${k}]`;
    if (!isNum(band.min) || !isNum(band.max) || band.min < 0 || band.max > 1 || band.min >= band.max)
      bad(p, 'needs 0 ≤ min < max ≤ 1');
    if (band.count === undefined && band.score === undefined) bad(p, 'needs an item count or a score');
    count(`${p}.count`, band.count, true);
    count(`${p}.score`, band.score, false);
  });
  if (b.timeLimitMinutes !== undefined && (!isNum(b.timeLimitMinutes) || b.timeLimitMinutes <= 0))
    bad('timeLimitMinutes', 'must be a positive number');
  if (b.maxExposure !== undefined && (!isNum(b.maxExposure) || b.maxExposure < 0))
    bad('maxExposure', 'must be a number ≥ 0');

  const exclude = new Set(b.exclude ?? []);
  (b.include ?? []).forEach((id, k) => {
    if (!ids.has(id)) bad(`include[${k}]`, `item ${id} is not in the pool`);
    if (exclude.has(id)) bad(`include[${k}]`, `item ${id} is both included and excluded`);
  });
  (b.exclude ?? []).forEach((id, k) => {
    if (typeof id !== 'string') bad(`exclude[${k}]`, 'must be an item id');
  });
  (b.enemies ?? []).forEach((pair, k) => {
    if (
      !Array.isArray(pair) ||
      pair.length !== 2 ||
      typeof pair[0] !== 'string' ||
      typeof pair[1] !== 'string'
    )
      bad(`enemies[${k}]`, 'must be a pair of item ids');
    else if (pair[0] === pair[1]) bad(`enemies[${k}]`, 'names the same item twice');
  });

  const info = b.information;
  if (info !== undefined) {
    if (!Array.isArray(info.thetas) || info.thetas.length < 1 || info.thetas.length > 10)
      bad('information.thetas', 'needs 1 … 10 ability points');
    else if (!info.thetas.every((t) => isNum(t) && Math.abs(t) <= 6))
      bad('information.thetas', 'ability points must be numbers within ±6');
    if (info.weights !== undefined) {
      if (!Array.isArray(info.weights) || info.weights.length !== info.thetas?.length)
        bad('information.weights', 'needs one weight per ability point');
      else if (!info.weights.every((w) => isNum(w) && w > 0))
        bad('information.weights', 'weights must be > 0');
    }
  }
  const objectives = ['difficulty', 'information', 'exposure', 'none'];
  if (b.objective !== undefined && !objectives.includes(b.objective))
    bad('objective', `must be one of ${objectives.join(', ')}`);
  if (b.objective === 'information' && !info)
    bad('objective', 'information needs ability points (information)');
  if (b.objective === 'difficulty' && d?.mean === undefined)
    bad('objective', 'difficulty needs a mean (difficulty)');
  if (problems.length > 0) throw new AssemblyInputError(problems);
}
