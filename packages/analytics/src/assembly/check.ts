/**
 * Checks assembled forms against a blueprint by recounting from the chosen items, without the MIP:
 * the tests use it to verify solutions independently of the model, and the one-click swap uses it
 * to accept a replacement only when every requirement still holds.
 */
import { type Blueprint, type PoolItem, type Range, rangeOf } from './blueprint.ts';

export interface Violation {
  /** The blueprint field, e.g. `cells[3]`, `types[0]`, `maxOverlap`. */
  path: string;
  /** Form index, or −1 for a requirement across forms. */
  form: number;
  message: string;
}

const EPS = 1e-6;

function outside(value: number, r: Range | undefined): boolean {
  const mm = rangeOf(r);
  return mm !== undefined && (value < mm.min - EPS || value > mm.max + EPS);
}

/** Every requirement of `blueprint` that `forms` (item ids per form) break; empty when all hold. */
export function checkForms(pool: readonly PoolItem[], blueprint: Blueprint, forms: string[][]): Violation[] {
  return formChecker(pool, blueprint)(forms);
}

/** `checkForms` with the pool indexed once, for checking many candidate forms. */
export function formChecker(
  pool: readonly PoolItem[],
  blueprint: Blueprint,
): (forms: string[][]) => Violation[] {
  const byId = new Map(pool.map((it) => [it.id, it]));
  return (forms) => check(byId, blueprint, forms);
}

function check(byId: Map<string, PoolItem>, blueprint: Blueprint, forms: string[][]): Violation[] {
  const b = blueprint;
  const out: Violation[] = [];
  const typeScore = new Map(
    (b.types ?? []).flatMap((t) => (t.score === undefined ? [] : [[t.type, t.score]])),
  );
  const pts = (it: PoolItem) => typeScore.get(it.type) ?? it.score;
  const include = new Set(b.include ?? []);
  const hasKp = (it: PoolItem, kp?: string) => kp === undefined || it.knowledgePointIds.includes(kp);
  const hasLevel = (it: PoolItem, lv?: string) => lv === undefined || it.cognitiveLevel === lv;
  const cells = b.cells ?? [];
  const tableLines = cells.some((c) => c.knowledgePointId) ? cells.filter((c) => c.knowledgePointId) : cells;

  if ((b.forms ?? 1) !== forms.length)
    out.push({ path: 'forms', form: -1, message: `${forms.length} forms instead of ${b.forms ?? 1}` });

  forms.forEach((ids, f) => {
    const bad = (path: string, message: string) => out.push({ path, form: f, message });
    if (new Set(ids).size !== ids.length) bad('form', 'an item appears twice');
    const items: PoolItem[] = [];
    for (const id of ids) {
      const it = byId.get(id);
      if (it) items.push(it);
      else bad('form', `item ${id} is not in the pool`);
    }
    for (const it of items) {
      if (include.has(it.id)) continue;
      if (b.types && !b.types.some((t) => t.type === it.type))
        bad('types', `${it.id} has a type not in the blueprint`);
      if (
        tableLines.length > 0 &&
        !tableLines.some((c) => hasKp(it, c.knowledgePointId) && hasLevel(it, c.cognitiveLevel))
      )
        bad('cells', `${it.id} falls in no line of the table`);
    }
    const sum = (xs: PoolItem[], v: (it: PoolItem) => number) => xs.reduce((s, it) => s + v(it), 0);
    cells.forEach((c, k) => {
      const xs = items.filter((it) => hasKp(it, c.knowledgePointId) && hasLevel(it, c.cognitiveLevel));
      if (outside(xs.length, c.count)) bad(`cells[${k}]`, `${xs.length} items`);
      if (outside(sum(xs, pts), c.score)) bad(`cells[${k}]`, `${sum(xs, pts)} points`);
    });
    (b.types ?? []).forEach((t, k) => {
      const count = items.filter((it) => it.type === t.type).length;
      if (outside(count, t.count)) bad(`types[${k}]`, `${count} items`);
    });
    if (outside(items.length, b.length)) bad('length', `${items.length} items`);
    const total = sum(items, pts);
    if (b.totalScore !== undefined && Math.abs(total - b.totalScore) > EPS)
      bad('totalScore', `${total} points`);
    const d = b.difficulty;
    if (d?.mean !== undefined && d.tolerance !== undefined && items.length > 0) {
      const mean = sum(items, (it) => pts(it) * it.difficulty) / total;
      if (Math.abs(mean - d.mean) > d.tolerance + EPS) bad('difficulty', `mean P ${mean.toFixed(4)}`);
    }
    (d?.bands ?? []).forEach((band, k) => {
      const xs = items.filter(
        (it) =>
          it.difficulty >= band.min && (it.difficulty < band.max || (band.max >= 1 && it.difficulty <= 1)),
      );
      if (outside(xs.length, band.count)) bad(`difficulty.bands[${k}]`, `${xs.length} items`);
      if (outside(sum(xs, pts), band.score)) bad(`difficulty.bands[${k}]`, `${sum(xs, pts)} points`);
    });
    const seconds = sum(items, (it) => it.seconds);
    if (b.timeLimitMinutes !== undefined && seconds > b.timeLimitMinutes * 60 + EPS)
      bad('timeLimitMinutes', `${seconds} s`);
    for (const id of b.include ?? []) if (!ids.includes(id)) bad('include', `${id} is missing`);
    for (const id of b.exclude ?? []) if (ids.includes(id)) bad('exclude', `${id} is on the form`);
    for (const [x, y] of b.enemies ?? [])
      if (ids.includes(x) && ids.includes(y)) bad('enemies', `${x} with ${y}`);
    if (b.maxExposure !== undefined)
      for (const it of items)
        if ((it.exposure ?? 0) > b.maxExposure) bad('maxExposure', `${it.id} over-exposed`);
  });

  const maxOverlap = b.maxOverlap ?? 0;
  for (let f = 0; f < forms.length; f++) {
    const mine = new Set(forms[f]);
    for (let g = f + 1; g < forms.length; g++) {
      const shared = forms[g]!.filter((id) => mine.has(id)).length;
      if (shared > maxOverlap)
        out.push({ path: 'maxOverlap', form: -1, message: `forms ${f} and ${g} share ${shared} items` });
    }
  }
  return out;
}
