/**
 * A teacher's blueprint over a pool, compiled to the general ATA spec. Each blueprint requirement
 * becomes one constraint group, so an infeasibility is explained requirement by requirement.
 *
 * Which items may appear at all: only the blueprint's item types (when it lists types) and, when
 * its 细目表 names knowledge points, only items that fall in one of those lines (every question of
 * the paper has a row in the table). Items failing this are not columns of the model, except items
 * the teacher insists on including, which are kept (fixed to 0) so the conflict is named.
 */
import type { AtaConstraint, AtaObjective, AtaSpec } from './ata.ts';
import {
  type Blueprint,
  type BlueprintCell,
  type CognitiveLevel,
  type DifficultyBand,
  type ItemType,
  type PoolItem,
  rangeOf,
} from './blueprint.ts';

type MinMax = { min: number; max: number };

/** One blueprint requirement, with what the pool offers for it (for explanations). */
export type Requirement = RequirementBody & {
  /** Where it is in the blueprint, e.g. `cells[3]`, `types[0]`, `timeLimitMinutes` (see `relaxBlueprint`). */
  path: string;
};

export type RequirementBody =
  | {
      kind: 'cell';
      knowledgePointId?: string;
      cognitiveLevel?: CognitiveLevel;
      count?: MinMax;
      score?: MinMax;
      /** Items of the pool in this line (before exclusions and the exposure limit). */
      available: number;
    }
  | { kind: 'type'; type: ItemType; count: MinMax; available: number }
  | { kind: 'length'; count: MinMax; available: number }
  | { kind: 'totalScore'; score: number }
  | { kind: 'difficultyMean'; min: number; max: number }
  | { kind: 'difficultyBand'; band: DifficultyBand; count?: MinMax; score?: MinMax; available: number }
  | { kind: 'time'; minutes: number }
  | { kind: 'include'; itemId: string; notInTable: boolean }
  | { kind: 'exclude'; itemIds: string[] }
  | { kind: 'enemy'; itemIds: [string, string] }
  | { kind: 'exposure'; max: number; items: number }
  | { kind: 'overlap'; forms: number; max: number };

export type ObjectiveKind = 'difficulty' | 'information' | 'exposure' | 'none';

export interface Compiled {
  spec: AtaSpec;
  /** Pool index of each spec item. */
  poolIndex: Int32Array;
  /** Score of each spec item on the paper. */
  score: Float64Array;
  requirements: Requirement[];
  objective: ObjectiveKind;
}

/** Group name of requirement k (the model's groups are these names). */
export const groupName = (k: number): string => `req:${k}`;

/** The blueprint's objective with its defaults. */
export function objectiveOf(b: Blueprint): ObjectiveKind {
  if (b.objective) return b.objective;
  if (b.information) return 'information';
  if (b.difficulty?.mean !== undefined) return 'difficulty';
  return 'exposure';
}

/**
 * The blueprint without the requirements at `paths` (as `Requirement.path` names them), keeping
 * what defines which items may appear (the table's lines, the item types): e.g. to show a teacher
 * what relaxing one requirement gives, or to check that a conflict is irreducible.
 */
export function relaxBlueprint(b: Blueprint, paths: readonly string[]): Blueprint {
  const drop = new Set(paths);
  const out: Blueprint = structuredClone(b);
  const free = { min: 0 };
  out.cells = out.cells?.map((c, k) =>
    drop.has(`cells[${k}]`) ? { ...c, count: free, score: undefined } : c,
  );
  out.types = out.types?.map((t, k) => (drop.has(`types[${k}]`) ? { ...t, count: undefined } : t));
  if (drop.has('length')) delete out.length;
  if (drop.has('totalScore')) delete out.totalScore;
  if (out.difficulty) {
    if (drop.has('difficulty.tolerance')) delete out.difficulty.tolerance;
    out.difficulty.bands = out.difficulty.bands?.map((band, k) =>
      drop.has(`difficulty.bands[${k}]`) ? { ...band, count: free, score: undefined } : band,
    );
  }
  if (drop.has('timeLimitMinutes')) delete out.timeLimitMinutes;
  out.include = out.include?.filter((_, k) => !drop.has(`include[${k}]`));
  if (drop.has('exclude')) delete out.exclude;
  out.enemies = out.enemies?.filter((_, k) => !drop.has(`enemies[${k}]`));
  if (drop.has('maxExposure')) delete out.maxExposure;
  if (drop.has('maxOverlap')) out.maxOverlap = Number.MAX_SAFE_INTEGER;
  return out;
}

/** Whether item `it` is in line `c` of the table. */
export function inCell(it: PoolItem, c: BlueprintCell): boolean {
  return (
    (c.knowledgePointId === undefined || it.knowledgePointIds.includes(c.knowledgePointId)) &&
    (c.cognitiveLevel === undefined || it.cognitiveLevel === c.cognitiveLevel)
  );
}

/** Whether an item may appear on the paper at all (see the module comment). */
export function eligibleFor(b: Blueprint): (it: PoolItem) => boolean {
  const types = b.types ? new Set<string>(b.types.map((t) => t.type)) : null;
  const cells = b.cells ?? [];
  const kpCells = cells.filter((c) => c.knowledgePointId !== undefined);
  const lines = kpCells.length > 0 ? kpCells : cells;
  const byKp = new Map<string, BlueprintCell[]>();
  for (const c of kpCells) byKp.set(c.knowledgePointId!, [...(byKp.get(c.knowledgePointId!) ?? []), c]);
  return (it) => {
    if (types && !types.has(it.type)) return false;
    if (lines.length === 0) return true;
    if (kpCells.length === 0) return lines.some((c) => inCell(it, c));
    for (const kp of it.knowledgePointIds) for (const c of byKp.get(kp) ?? []) if (inCell(it, c)) return true;
    return false;
  };
}

/** An item's score on this paper: its type's score in the blueprint, else its own. */
export function scoreFor(b: Blueprint): (it: PoolItem) => number {
  const byType = new Map(b.types?.filter((t) => t.score !== undefined).map((t) => [t.type, t.score!]));
  return (it) => byType.get(it.type) ?? it.score;
}

/** 2PL item information at θ; without calibrated a/b, a Rasch item whose P at θ = 0 is its expected P. */
export function itemInformation(it: PoolItem, theta: number): number {
  const p0 = Math.min(0.99, Math.max(0.01, it.difficulty));
  const a = it.a ?? 1;
  const b = it.b ?? Math.log((1 - p0) / p0) / a;
  const p = 1 / (1 + Math.exp(-a * (theta - b)));
  return a * a * p * (1 - p);
}

export function inBand(p: number, band: DifficultyBand): boolean {
  return p >= band.min && (p < band.max || (band.max >= 1 && p <= 1));
}

export function compileBlueprint(pool: readonly PoolItem[], b: Blueprint): Compiled {
  const forms = b.forms ?? 1;
  const eligible = eligibleFor(b);
  const scoreOf = scoreFor(b);
  const include = new Set(b.include ?? []);
  const members: number[] = [];
  for (let i = 0; i < pool.length; i++) if (eligible(pool[i]!) || include.has(pool[i]!.id)) members.push(i);
  const n = members.length;
  const poolIndex = Int32Array.from(members);
  const items = members.map((i) => pool[i]!);
  const score = Float64Array.from(items, scoreOf);
  const local = new Map(items.map((it, k) => [it.id, k]));

  const requirements: Requirement[] = [];
  const constraints: AtaConstraint[] = [];
  const fixed: NonNullable<AtaSpec['fixed']> = [];
  const enemies: NonNullable<AtaSpec['enemies']> = [];
  const add = (path: string, r: RequirementBody): string => {
    requirements.push({ ...r, path });
    return groupName(requirements.length - 1);
  };
  const isEligible = Uint8Array.from(items, (it) => (eligible(it) ? 1 : 0));
  /** Eligible spec items satisfying `pred` (included-but-ineligible items never count). */
  const where = (pred: (it: PoolItem, k: number) => boolean, among?: number[]): number[] => {
    const out: number[] = [];
    if (among) for (const k of among) isEligible[k] && pred(items[k]!, k) && out.push(k);
    else for (let k = 0; k < n; k++) isEligible[k] && pred(items[k]!, k) && out.push(k);
    return out;
  };
  // Items by knowledge point, so each line of the table looks only at its own items.
  const byKp = new Map<string, number[]>();
  for (let k = 0; k < n; k++)
    for (const kp of new Set(items[k]!.knowledgePointIds)) {
      const list = byKp.get(kp);
      if (list) list.push(k);
      else byKp.set(kp, [k]);
    }
  const counted = (group: string, ks: number[], count?: MinMax, scored?: MinMax) => {
    if (count) constraints.push({ group, items: ks, values: 1, ...count });
    if (scored) constraints.push({ group, items: ks, values: ks.map((k) => score[k]!), ...scored });
  };

  for (const [ci, c] of (b.cells ?? []).entries()) {
    const among = c.knowledgePointId === undefined ? undefined : (byKp.get(c.knowledgePointId) ?? []);
    const ks = where((it) => inCell(it, c), among);
    const count = rangeOf(c.count);
    const scored = rangeOf(c.score);
    const group = add(`cells[${ci}]`, {
      kind: 'cell',
      knowledgePointId: c.knowledgePointId,
      cognitiveLevel: c.cognitiveLevel,
      count,
      score: scored,
      available: ks.length,
    });
    counted(group, ks, count, scored);
  }
  for (const [ti, t] of (b.types ?? []).entries()) {
    const count = rangeOf(t.count);
    if (!count) continue;
    const ks = where((it) => it.type === t.type);
    counted(add(`types[${ti}]`, { kind: 'type', type: t.type, count, available: ks.length }), ks, count);
  }
  const all = where(() => true);
  const length = rangeOf(b.length);
  if (length) counted(add('length', { kind: 'length', count: length, available: all.length }), all, length);
  if (b.totalScore !== undefined) {
    const T = b.totalScore;
    counted(add('totalScore', { kind: 'totalScore', score: T }), all, undefined, { min: T, max: T });
  }
  const d = b.difficulty;
  if (d?.mean !== undefined && d.tolerance !== undefined) {
    const lo = Math.max(0, d.mean - d.tolerance);
    const hi = Math.min(1, d.mean + d.tolerance);
    const group = add('difficulty.tolerance', { kind: 'difficultyMean', min: lo, max: hi });
    // Score-weighted mean P within [lo, hi] ⇔ Σ s(P − lo) ≥ 0 and Σ s(P − hi) ≤ 0: linear in x.
    const p = (k: number) => items[k]!.difficulty;
    constraints.push({
      group,
      items: all,
      values: all.map((k) => score[k]! * (p(k) - lo)),
      min: 0,
      max: Infinity,
    });
    constraints.push({
      group,
      items: all,
      values: all.map((k) => score[k]! * (p(k) - hi)),
      min: -Infinity,
      max: 0,
    });
  }
  for (const [bi, band] of (d?.bands ?? []).entries()) {
    const ks = where((it) => inBand(it.difficulty, band));
    const count = rangeOf(band.count);
    const scored = rangeOf(band.score);
    counted(
      add(`difficulty.bands[${bi}]`, {
        kind: 'difficultyBand',
        band,
        count,
        score: scored,
        available: ks.length,
      }),
      ks,
      count,
      scored,
    );
  }
  if (b.timeLimitMinutes !== undefined) {
    const group = add('timeLimitMinutes', { kind: 'time', minutes: b.timeLimitMinutes });
    const values = all.map((k) => items[k]!.seconds);
    constraints.push({ group, items: all, values, min: 0, max: b.timeLimitMinutes * 60 });
  }
  for (const [ii, id] of (b.include ?? []).entries()) {
    const k = local.get(id)!;
    fixed.push({
      group: add(`include[${ii}]`, { kind: 'include', itemId: id, notInTable: !eligible(items[k]!) }),
      items: [k],
      value: 1,
    });
  }
  const excluded = (b.exclude ?? []).filter((id) => local.has(id));
  if (excluded.length > 0) {
    const ks = excluded.map((id) => local.get(id)!);
    fixed.push({ group: add('exclude', { kind: 'exclude', itemIds: excluded }), items: ks, value: 0 });
  }
  for (const [ei, [x, y]] of (b.enemies ?? []).entries()) {
    const kx = local.get(x);
    const ky = local.get(y);
    if (kx === undefined || ky === undefined) continue;
    enemies.push({ group: add(`enemies[${ei}]`, { kind: 'enemy', itemIds: [x, y] }), pairs: [kx, ky] });
  }
  if (b.maxExposure !== undefined) {
    const max = b.maxExposure;
    const ks = where((it) => (it.exposure ?? 0) > max);
    if (ks.length > 0)
      fixed.push({
        group: add('maxExposure', { kind: 'exposure', max, items: ks.length }),
        items: ks,
        value: 0,
      });
  }
  const overlapMax = b.maxOverlap ?? 0;
  const overlap =
    forms > 1
      ? { group: add('maxOverlap', { kind: 'overlap', forms, max: overlapMax }), max: overlapMax }
      : undefined;

  // Included items outside the table stay columns fixed at 0: the include names the conflict.
  const outside = items.flatMap((_, k) => (isEligible[k] ? [] : [k]));
  if (outside.length > 0) fixed.push({ group: 'structure', items: outside, value: 0 });

  const objective = objectiveOf(b);
  return {
    spec: {
      itemCount: n,
      formCount: forms,
      constraints,
      enemies,
      overlap,
      fixed,
      objective: specObjective(objective, b, items, score),
    },
    poolIndex,
    score,
    requirements,
    objective,
  };
}

function specObjective(
  kind: ObjectiveKind,
  b: Blueprint,
  items: PoolItem[],
  score: Float64Array,
): AtaObjective | undefined {
  if (kind === 'difficulty') {
    const t = b.difficulty!.mean!;
    // Σ s(P − t) is the form's score-weighted mean P minus t, times its total score.
    return { kind: 'minimax', values: items.map((it, k) => score[k]! * (it.difficulty - t)), target: 0 };
  }
  if (kind === 'information') {
    const info = b.information!;
    return {
      kind: 'maximin',
      values: info.thetas.map((theta) => Float64Array.from(items, (it) => itemInformation(it, theta))),
      weights: info.weights,
    };
  }
  if (kind === 'exposure') return { kind: 'sum', values: items.map((it) => it.exposure ?? 0), sense: 'min' };
  return undefined;
}
