/**
 * How the demo's written answers are marked: the class's teacher in one sitting (流水批阅), or in
 * the 统考 two markers each without seeing the other's mark and a third arbitrating when they differ by
 * more than the gap. Pure.
 */
import type { Rng } from '../../demo/prng.ts';
import { markOf, normal } from './demo-answers.ts';
import type { SimulateOptions } from './demo-attempts.ts';
import type { PaperLeaf } from './demo-paper.ts';
import { idFrom, iso } from './demo-time.ts';

const COMMENTS_SHORT = ['步骤完整，很好', '单位漏写了', '列式正确，计算出错', '注意写答句', '思路清晰'];
const COMMENTS_ESSAY = ['内容具体，语言通顺', '结尾再点题会更好', '注意分段', '书写认真', '选材新颖'];

/** The teacher marks the class's written answers in one sitting, each in under a minute. */
export function teacherMark(
  r: Rng,
  o: SimulateOptions,
  leaf: PaperLeaf,
  responseId: string,
  quality: number,
  clock: { t: number },
) {
  clock.t += (15 + r.next() * 40) * 1000;
  const score = markOf(quality, leaf.maxScore);
  const comments = leaf.content.type === 'essay' ? COMMENTS_ESSAY : COMMENTS_SHORT;
  const comment = r.chance(0.15)
    ? comments[Math.min(comments.length - 1, Math.floor((1 - quality) * comments.length))]!
    : null;
  o.rows.mark.push([
    idFrom(r, clock.t),
    responseId,
    'first',
    o.assignment.createdBy,
    score,
    comment,
    null,
    iso(clock.t),
  ]);
  return { score, at: clock.t };
}

/**
 * Two markers score each written answer without seeing the other's mark; when they differ by more
 * than the gap a third arbitrates, else the answer gets their mean (in half points).
 */
/** The two markers and the arbiter of a written answer of the 统考 (阅卷分工): by its place on the paper. */
export function markersOf(
  markers: readonly string[],
  leaf: Pick<PaperLeaf, 'number' | 'part'>,
): [string, string, string] {
  const k = leaf.number + leaf.part;
  return [
    markers[k % markers.length]!,
    markers[(k + 1) % markers.length]!,
    markers[(k + 2) % markers.length]!,
  ];
}

export function doubleMark(
  r: Rng,
  o: SimulateOptions,
  leaf: PaperLeaf,
  responseId: string,
  quality: number,
  clock: { t: number; second: number; arbitration: number },
) {
  const [m1, m2, m3] = markersOf(o.markers ?? [o.assignment.createdBy], leaf);
  const noisy = () => markOf(Math.min(1, Math.max(0, quality + normal(r) * 0.11)), leaf.maxScore);
  clock.t += (12 + r.next() * 25) * 1000;
  clock.second += (12 + r.next() * 25) * 1000;
  const [s1, s2] = [noisy(), noisy()];
  o.rows.mark.push([idFrom(r, clock.t), responseId, 'first', m1, s1, null, null, iso(clock.t)]);
  o.rows.mark.push([idFrom(r, clock.second), responseId, 'second', m2, s2, null, null, iso(clock.second)]);
  if (Math.abs(s1 - s2) > (o.assignment.markGap ?? 2)) {
    clock.arbitration += (60 + r.next() * 120) * 1000;
    const final = markOf(quality, leaf.maxScore);
    o.rows.mark.push([
      idFrom(r, clock.arbitration),
      responseId,
      'arbitration',
      m3,
      final,
      '两评分差超过阈值，仲裁',
      null,
      iso(clock.arbitration),
    ]);
    return { score: final, at: clock.arbitration };
  }
  return { score: Math.round(s1 + s2) / 2, at: Math.max(clock.t, clock.second) };
}
