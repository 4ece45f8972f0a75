/** Small hand-made pools for the assembly tests. */
import type { CognitiveLevel, ItemType, PoolItem } from './blueprint.ts';

export const FRACTIONS = 'kp-fraction';
export const DECIMALS = 'kp-decimal';
export const RATIOS = 'kp-ratio';

/** One item; defaults make a 3-point single choice of 分数的意义 at 理解, P 0.7, 60 s. */
export function item(id: string, over: Partial<PoolItem> = {}): PoolItem {
  return {
    id,
    type: 'single_choice',
    score: 3,
    difficulty: 0.7,
    seconds: 60,
    knowledgePointIds: [FRACTIONS],
    cognitiveLevel: 'understand',
    ...over,
  };
}

/**
 * 36 items over three knowledge points × three levels × two types, with difficulties spread from
 * 0.35 to 0.9 and times from 40 to 400 s: enough for small blueprints with a unique structure.
 */
export function smallPool(): PoolItem[] {
  const kps = [FRACTIONS, DECIMALS, RATIOS];
  const levels: CognitiveLevel[] = ['remember', 'understand', 'apply'];
  const types: [ItemType, number, number][] = [
    ['single_choice', 3, 60],
    ['short_answer', 8, 300],
  ];
  const out: PoolItem[] = [];
  let k = 0;
  for (const kp of kps)
    for (const level of levels)
      for (const [type, score, seconds] of types)
        for (let r = 0; r < 2; r++) {
          out.push(
            item(`i${String(k).padStart(2, '0')}`, {
              type,
              score,
              seconds: seconds + ((k * 37) % 100),
              knowledgePointIds: [kp],
              cognitiveLevel: level,
              difficulty: Number((0.35 + ((k * 7) % 12) * 0.05).toFixed(2)),
              exposure: k % 5,
            }),
          );
          k++;
        }
  return out;
}

export const KP_NAMES = { [FRACTIONS]: '分数的意义', [DECIMALS]: '小数的性质', [RATIOS]: '比和比例' };
