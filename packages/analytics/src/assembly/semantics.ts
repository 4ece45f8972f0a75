/**
 * What a blueprint means for one item: whether it may appear at all, which lines of the table it
 * counts towards, its score on the paper, its information, and the objective a blueprint names.
 * Shared by the compiler, the layout of a paper and the swap.
 */
import type { Blueprint, BlueprintCell, DifficultyBand, PoolItem } from './blueprint.ts';

export type ObjectiveKind = 'difficulty' | 'information' | 'exposure' | 'none';

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

/**
 * Whether an item may appear on the paper at all: only the blueprint's item types (when it lists
 * types) and, when its 细目表 names knowledge points, only items that fall in one of those lines
 * (every question of the paper has a row in the table); without knowledge points, in one of its
 * level-only lines.
 */
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
