/**
 * Swap local search: replace one item of the worst form (for maximin and minimax; of any form for a
 * sum) by the item outside it that improves that form most, or exchange one of its items with one
 * of another form (the only move when every item must be used), while every line, enemy pair,
 * usage and overlap limit still holds. Used to polish a sub-problem's solution before it is compared with
 * the whole pool's bound; it never makes a feasible solution infeasible.
 */
import type { AtaSpec } from './ata.ts';
import { AtaState } from './state.ts';

export function improveBySwaps(spec: AtaSpec, forms: number[][], deadline: number): number[][] {
  const o = spec.objective;
  if (!o) return forms;
  const st = new AtaState(spec);
  forms.forEach((items, f) => {
    for (const i of items) st.place(i, f);
  });
  if (!st.feasible()) return forms;
  const { n, F, K } = st;
  const delta = new Float64Array(K);
  while (performance.now() < deadline) {
    const scores = Array.from({ length: F }, (_, f) => st.formScore(f));
    const worst = Math.min(...scores);
    let improved = false;
    for (let f = 0; f < F; f++) {
      if (o.kind !== 'sum' && scores[f]! > worst + 1e-12) continue;
      let bestGain = 1e-9 * Math.max(1, Math.abs(scores[f]!));
      let bestOut = -1;
      let bestIn = -1;
      for (let out = 0; out < n; out++) {
        if (!st.has(out, f) || st.fixed[out] === 2 || st.usage[out]! - 1 < st.usageMin) continue;
        for (let into = 0; into < n; into++) {
          if (st.has(into, f) || !st.canJoin(into, f, out)) continue;
          for (let k = 0; k < K; k++) delta[k] = st.objValue(into, k) - st.objValue(out, k);
          const gain = st.formScore(f, (k) => delta[k]!) - scores[f]!;
          if (gain <= bestGain || !st.swapKeepsLines(out, into, f)) continue;
          bestGain = gain;
          bestOut = out;
          bestIn = into;
        }
      }
      if (bestOut >= 0) {
        st.remove(bestOut, f);
        st.place(bestIn, f);
        improved = true;
      } else if (o.kind !== 'sum' && exchange(st, f, scores)) improved = true;
      if (performance.now() >= deadline) break;
    }
    if (!improved) break;
  }
  return st.forms();
}

/**
 * Exchange an item of the worst form f with one of another form g (each takes the other's), when
 * the worse of the two forms ends better than f was: balances forms that no single swap can.
 */
function exchange(st: AtaState, f: number, scores: number[]): boolean {
  const { n, F, K } = st;
  const df = new Float64Array(K);
  const floor = scores[f]! + 1e-9 * Math.max(1, Math.abs(scores[f]!));
  const candidates: { worse: number; i: number; j: number; g: number }[] = [];
  const inF: number[] = [];
  for (let i = 0; i < n; i++) if (st.has(i, f) && st.fixed[i] !== 2) inF.push(i);
  for (let g = 0; g < F; g++) {
    if (g === f) continue;
    for (let j = 0; j < n; j++) {
      if (!st.has(j, g) || st.has(j, f) || st.fixed[j] === 2) continue;
      for (const i of inF) {
        if (st.has(i, g)) continue;
        for (let k = 0; k < K; k++) df[k] = st.objValue(j, k) - st.objValue(i, k);
        const worse = Math.min(
          st.formScore(f, (k) => df[k]!),
          st.formScore(g, (k) => -df[k]!),
        );
        if (worse > floor) candidates.push({ worse, i, j, g });
      }
    }
  }
  candidates.sort((a, b) => b.worse - a.worse);
  for (const { i, j, g } of candidates) {
    // Try it for real: enemies, overlap and every line of both forms must still hold.
    st.remove(i, f);
    st.remove(j, g);
    const ok = st.canJoin(j, f) && st.canJoin(i, g);
    if (ok) {
      st.place(j, f);
      st.place(i, g);
      if (linesHold(st, [i, j], [f, g])) return true;
      st.remove(j, f);
      st.remove(i, g);
    }
    st.place(i, f);
    st.place(j, g);
  }
  return false;
}

function linesHold(st: AtaState, items: number[], forms: number[]): boolean {
  for (const i of items)
    for (let k = st.lineStart[i]!; k < st.lineStart[i + 1]!; k++)
      for (const f of forms)
        if (st.applies[st.lineOf[k]! * st.F + f] && st.violation(st.lineOf[k]!, f) > 1e-9) return false;
  return true;
}
