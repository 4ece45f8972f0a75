/**
 * One-click 换一题: replace one item of an assembled form by the best other item such that every
 * requirement of the blueprint still holds (checked by recounting, `checkForms`). With one slot to
 * fill the exact answer is a scan of the pool, no solver needed.
 */
import { type AssembledForm, objectiveValue, paperOrder } from './assemble.ts';
import { type Blueprint, type PoolItem, rangeOf, validateInput } from './blueprint.ts';
import { formChecker } from './check.ts';
import { eligibleFor, inBand, inCell, objectiveOf } from './compile.ts';

export interface SwapOptions {
  /** The other forms of a parallel set (A/B 卷), so overlap limits keep holding. */
  otherForms?: string[][];
  /** Items not to offer (e.g. replacements the teacher already turned down). */
  avoid?: string[];
}

export type SwapResult =
  | { ok: true; replacement: string; form: AssembledForm; objective: number | null }
  | { ok: false; message: string };

export function swapItem(
  pool: readonly PoolItem[],
  form: string[],
  itemId: string,
  blueprint: Blueprint,
  options: SwapOptions = {},
): SwapResult {
  validateInput(pool, blueprint);
  const byId = new Map(pool.map((it) => [it.id, it]));
  const removed = byId.get(itemId);
  if (!removed || !form.includes(itemId)) return { ok: false, message: `试卷中没有这道题（${itemId}）` };
  if (blueprint.include?.includes(itemId)) return { ok: false, message: '这是细目表指定的必选题，不能替换' };

  const others = options.otherForms ?? [];
  const key = (v: { path: string; form: number }) => `${v.path}@${v.form}`;
  // A form that already breaks something (edited by hand) may keep that, but nothing new.
  const checkForms = formChecker(pool, blueprint);
  const before = new Set(checkForms([form, ...others]).map(key));
  const signature = exactLines(blueprint);
  const sig = signature(removed);
  const eligible = eligibleFor(blueprint);
  const taken = new Set([...form, ...(options.avoid ?? [])]);
  const exclude = new Set(blueprint.exclude ?? []);
  const rest = form.filter((id) => id !== itemId);
  const kind = objectiveOf(blueprint);

  let best: { it: PoolItem; rank: number[]; form: AssembledForm; objective: number | null } | undefined;
  for (const it of pool) {
    if (taken.has(it.id) || exclude.has(it.id) || !eligible(it)) continue;
    if (blueprint.maxExposure !== undefined && (it.exposure ?? 0) > blueprint.maxExposure) continue;
    if (signature(it) !== sig) continue;
    const next = [...rest, it.id];
    const violations = checkForms([next, ...others]);
    if (violations.some((v) => !before.has(key(v)))) continue;
    const laid = paperOrder(
      next.map((id) => byId.get(id)!),
      blueprint,
    );
    const objective = objectiveValue(kind, [laid], byId, blueprint);
    const rank = [
      // Objective first (rounded, so near-equal papers fall to similarity), larger is better.
      objective === null ? 0 : Math.round((kind === 'information' ? objective : -objective) * 1e4),
      it.type === removed.type ? 1 : 0,
      it.knowledgePointIds.filter((kp) => removed.knowledgePointIds.includes(kp)).length,
      it.cognitiveLevel === removed.cognitiveLevel ? 1 : 0,
      -Math.abs(it.difficulty - removed.difficulty),
      -(it.exposure ?? 0),
    ];
    if (!best || better(rank, best.rank) || (equal(rank, best.rank) && it.id < best.it.id))
      best = { it, rank, form: laid, objective };
  }
  if (!best) return { ok: false, message: '题库中没有能替换这道题、同时满足细目表全部要求的题' };
  return { ok: true, replacement: best.it.id, form: best.form, objective: best.objective };
}

/** Membership of an item in the blueprint's exact-count lines: a replacement must match it. */
function exactLines(b: Blueprint): (it: PoolItem) => string {
  const exact = (r: Parameters<typeof rangeOf>[0]) => {
    const mm = rangeOf(r);
    return mm !== undefined && mm.min === mm.max;
  };
  const tests: ((it: PoolItem) => boolean)[] = [];
  for (const c of b.cells ?? []) if (exact(c.count)) tests.push((it) => inCell(it, c));
  for (const t of b.types ?? []) if (exact(t.count)) tests.push((it) => it.type === t.type);
  for (const band of b.difficulty?.bands ?? [])
    if (exact(band.count)) tests.push((it) => inBand(it.difficulty, band));
  return (it) => tests.map((t) => (t(it) ? '1' : '0')).join('');
}

function better(a: number[], b: number[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! > b[k]!;
  return false;
}

const equal = (a: number[], b: number[]) => a.every((v, k) => v === b[k]);
