import { clampDifficulty as cd, draft, num, p, short } from './demo-item-kit.ts';
import { ADULTS, type Gen } from './demo-math-number.ts';

/** A word problem answered in writing (解决问题): the working, the result, the answer sentence. */
function written(
  stem: string,
  steps: string,
  result: string,
  slips: { partial: string; poor: string },
  level: 'apply' | 'analyse' = 'apply',
) {
  const ref = `${steps}答：${result}。`;
  return draft(
    short(
      p(stem),
      p(ref),
      [
        [3, '列式正确'],
        [2, '计算正确'],
        [1, '单位名称和答句完整'],
      ],
      { full: ref, partial: slips.partial, poor: slips.poor },
    ),
    { level, difficulty: cd(level === 'analyse' ? 0.55 : 0.66), seconds: 180, score: 6 },
  );
}

const wordMultiply: Gen = (r) => {
  const kind = r.int(3);
  if (kind === 0) {
    const n = r.range(12, 45);
    const price = r.range(105, 380);
    return written(
      `学校为新教室添置了 ${n} 套课桌椅，每套 ${price} 元。一共需要多少元？`,
      `${price} × ${n} = ${price * n}（元）。`,
      `一共需要 ${price * n} 元`,
      {
        partial: `${price} × ${n} = ${price * n - 10 * n}（元）`,
        poor: `${price} + ${n} = ${price + n}`,
      },
    );
  }
  if (kind === 1) {
    const v = r.range(65, 96);
    const h = r.range(12, 26);
    return written(
      `一辆旅游大巴从广州开往桂林，平均每小时行驶 ${v} 千米，连续行驶了 ${h} 小时，一共行驶了多少千米？`,
      `${v} × ${h} = ${v * h}（千米）。`,
      `一共行驶了 ${v * h} 千米`,
      {
        partial: `${v} × ${h} = ${v * h + v}（千米）`,
        poor: `${v} + ${h} = ${v + h}（千米）`,
      },
    );
  }
  const boxes = r.range(14, 36);
  const each = r.range(12, 25);
  const price = r.range(15, 48);
  return written(
    `${r.pick(ADULTS)}从化买了 ${boxes} 箱荔枝，每箱 ${each} 千克，每千克 ${price} 元。一共要付多少元？`,
    `${boxes} × ${each} = ${boxes * each}（千克），${boxes * each} × ${price} = ${boxes * each * price}（元）。`,
    `一共要付 ${boxes * each * price} 元`,
    {
      partial: `${boxes} × ${each} = ${boxes * each}（千克）`,
      poor: `${boxes} × ${price} = ${boxes * price}（元）`,
    },
    'analyse',
  );
};

const wordDivide: Gen = (r) => {
  const k = r.pick([35, 40, 45, 48, 52]);
  const buses = r.range(4, 9);
  const n = k * (buses - 1) + r.range(1, k - 1);
  if (r.chance(0.5))
    return written(
      `学校组织 ${n} 名同学去长隆海洋王国研学，每辆大巴车最多坐 ${k} 人，至少需要租几辆大巴车？`,
      `${n} ÷ ${k} = ${buses - 1}（辆）……${n - k * (buses - 1)}（人），${buses - 1} + 1 = ${buses}（辆）。`,
      `至少需要租 ${buses} 辆大巴车`,
      {
        partial: `${n} ÷ ${k} = ${buses - 1}（辆）……${n - k * (buses - 1)}（人）答：需要 ${buses - 1} 辆。`,
        poor: `${n} ÷ ${k} = ${Math.round(n / k)}`,
      },
      'analyse',
    );
  const total = r.range(12, 38) * 24;
  const per = 24;
  return written(
    `图书室新到 ${total} 本故事书，每个书架放 ${per} 本，需要几个书架？`,
    `${total} ÷ ${per} = ${total / per}（个）。`,
    `需要 ${total / per} 个书架`,
    {
      partial: `${total} ÷ ${per} = ${total / per + 1}（个）`,
      poor: `${total} − ${per} = ${total - per}`,
    },
  );
};

const wordArea: Gen = (r) => {
  const l = r.range(3, 9) * 100;
  const w = r.range(2, 8) * 50;
  const ha = (l * w) / 10_000;
  return written(
    `一块长方形稻田，长 ${l} 米，宽 ${w} 米。这块稻田的面积是多少公顷？`,
    `${l} × ${w} = ${l * w}（平方米），${l * w} 平方米 = ${num(ha)} 公顷。`,
    `这块稻田的面积是 ${num(ha)} 公顷`,
    {
      partial: `${l} × ${w} = ${l * w}（平方米）`,
      poor: `(${l} + ${w}) × 2 = ${2 * (l + w)}（米）`,
    },
  );
};

export const WORD_GENS: Record<string, Gen[]> = {
  'MA-13-009': [wordMultiply],
  'MA-13-018': [wordDivide],
  'MA-13-020': [wordMultiply],
  'MA-14-005': [wordArea],
  'MA-14-008': [wordMultiply],
  'MA-14-010': [wordMultiply],
  'MA-14-013': [wordDivide],
};
