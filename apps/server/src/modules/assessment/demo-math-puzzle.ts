import { blank, clampDifficulty as cd, draft, fill, p, short, single } from './demo-item-kit.ts';
import { type Gen, NAMES, nb } from './demo-math-number.ts';

const times: Gen = (r) => {
  const a = r.range(4, 12);
  const k = r.range(3, 8);
  const x = r.pick(NAMES);
  const y = r.pick(NAMES.filter((n) => n !== x));
  const leaf = fill(
    p(
      `${x}有 ${a} 张卡片，${y}的卡片数是${x}的 ${k} 倍，${y}有 ${blank('b1')} 张，两人一共有 ${blank('b2')} 张。`,
    ),
    [nb('b1', a * k, [a + k]), nb('b2', a * (k + 1), [a * k, a + k])],
  );
  return draft(leaf, { level: 'apply', difficulty: cd(0.74), seconds: 60, score: 2 });
};

const overlap: Gen = (r) => {
  const a = r.range(12, 25);
  const b = r.range(10, 22);
  const both = r.range(3, Math.min(a, b) - 4);
  const [s1, s2] = r.pick([
    ['跳绳', '踢毽子'],
    ['合唱队', '美术组'],
    ['语文竞赛', '数学竞赛'],
  ] as const);
  const leaf = fill(
    p(
      `三年级（2）班参加${s1}的有 ${a} 人，参加${s2}的有 ${b} 人，两项都参加的有 ${both} 人。这个班参加这两项活动的一共有 ${blank('b1')} 人。`,
    ),
    [nb('b1', a + b - both, [a + b, a + b - 2 * both])],
    p('两项都参加的同学被数了两次，要减去一次。'),
  );
  return draft(leaf, { level: 'analyse', difficulty: cd(0.56), seconds: 75, score: 2 });
};

const chickensRabbits: Gen = (r) => {
  const c = r.range(4, 20);
  const rb = r.range(3, 15);
  const heads = c + rb;
  const legs = 2 * c + 4 * rb;
  const stem = p(`笼子里有若干只鸡和兔，从上面数有 ${heads} 个头，从下面数有 ${legs} 只脚。鸡和兔各有几只？`);
  const ref = `假设全是鸡：${heads} × 2 = ${2 * heads}（只）脚，比实际少 ${legs} − ${2 * heads} = ${legs - 2 * heads}（只），每只兔比鸡多 2 只脚，兔有 ${legs - 2 * heads} ÷ 2 = ${rb}（只），鸡有 ${heads} − ${rb} = ${c}（只）。`;
  if (r.chance(0.5))
    return draft(
      fill(
        stem.replace('鸡和兔各有几只？', `鸡有 ${blank('c')} 只，兔有 ${blank('r')} 只。`),
        [nb('c', c, [rb]), nb('r', rb, [c])],
        p(ref),
      ),
      {
        level: 'analyse',
        difficulty: cd(0.5),
        seconds: 150,
        score: 3,
      },
    );
  return draft(
    short(
      stem,
      p(`${ref}答：鸡有 ${c} 只，兔有 ${rb} 只。`),
      [
        [2, '假设法（或列表、方程）思路正确'],
        [2, `兔 ${rb} 只、鸡 ${c} 只`],
        [1, '答句完整'],
      ],
      {
        full: `${ref}答：鸡有 ${c} 只，兔有 ${rb} 只。`,
        partial: `${heads} × 2 = ${2 * heads}  ${legs} − ${2 * heads} = ${legs - 2 * heads}  兔 ${rb} 只`,
        poor: `${legs} ÷ 4 = ${Math.floor(legs / 4)}`,
      },
    ),
    { level: 'analyse', difficulty: cd(0.46), seconds: 300, score: 5 },
  );
};

const treePlanting: Gen = (r) => {
  const gap = r.pick([4, 5, 6, 8, 10]);
  const len = gap * r.range(8, 30);
  const mode = r.int(3);
  const [count, how] =
    mode === 0
      ? [len / gap + 1, '两端都栽']
      : mode === 1
        ? [len / gap - 1, '两端都不栽']
        : [len / gap, '只栽一端'];
  const leaf = fill(
    p(`在一条长 ${len} 米的小路一旁栽树，每隔 ${gap} 米栽一棵（${how}），一共要栽 ${blank('b1')} 棵树。`),
    [nb('b1', count, [len / gap, len / gap + 1, len / gap - 1])],
    p(
      `间隔数是 ${len} ÷ ${gap} = ${len / gap}，${how}时棵数${mode === 0 ? '比间隔数多 1' : mode === 1 ? '比间隔数少 1' : '等于间隔数'}。`,
    ),
  );
  return draft(leaf, { level: 'apply', difficulty: cd(mode === 2 ? 0.62 : 0.56), seconds: 60, score: 2 });
};

const pigeonhole: Gen = (r) => {
  const boxes = r.range(3, 7);
  const items = boxes * r.range(1, 3) + r.range(1, boxes - 1);
  const least = Math.ceil(items / boxes);
  const leaf = fill(
    p(`把 ${items} 本书放进 ${boxes} 个抽屉里，不管怎么放，总有一个抽屉里至少放进了 ${blank('b1')} 本书。`),
    [nb('b1', least, [Math.floor(items / boxes), items - boxes])],
  );
  return draft(leaf, { level: 'analyse', difficulty: cd(0.5), seconds: 60, score: 2 });
};

const findDefect: Gen = (r) => {
  const n = r.pick([3, 5, 8, 9, 12, 20, 27, 30]);
  const times = Math.ceil(Math.log(n) / Math.log(3) - 1e-9);
  const leaf = fill(
    p(
      `有 ${n} 个外观相同的零件，其中有 1 个是次品（次品轻一些）。用天平称，至少称 ${blank('b1')} 次能保证找出次品。`,
    ),
    [
      nb(
        'b1',
        times,
        [times + 1, Math.ceil(Math.log2(n))].filter((x) => x !== times),
      ),
    ],
    p('把零件尽量平均分成 3 份来称，次数最少。'),
  );
  return draft(leaf, { level: 'analyse', difficulty: cd(0.45), seconds: 60, score: 2 });
};

const pancakes: Gen = (r) => {
  const each = r.pick([2, 3, 4]);
  const n = r.range(3, 7);
  const value = n === 1 ? 2 * each : Math.ceil((2 * n) / 2) * each;
  const leaf = fill(
    p(
      `用一口平底锅烙饼，每次最多能烙 2 张，两面都要烙，每面需要 ${each} 分钟。烙 ${n} 张饼至少需要 ${blank('b1')} 分钟。`,
    ),
    [
      nb(
        'b1',
        value,
        [Math.ceil(n / 2) * 2 * each, n * 2 * each].filter((x) => x !== value),
      ),
    ],
    p('每次都让锅里烙 2 个面，不让锅空着，所需时间最少。'),
  );
  return draft(leaf, { level: 'analyse', difficulty: cd(0.48), seconds: 75, score: 2 });
};

const chance: Gen = (r) => {
  const red = r.range(2, 9);
  const yellow = r.range(1, 9);
  if (red === yellow) return chance(r);
  const more = red > yellow ? '红' : '黄';
  const leaf = single(
    r,
    p(`一个袋子里有 ${red} 个红球和 ${yellow} 个黄球，它们除颜色外完全相同。任意摸出一个球，（　　）。`),
    `摸到${more}球的可能性大`,
    [`摸到${more === '红' ? '黄' : '红'}球的可能性大`, '摸到红球和黄球的可能性一样大', '一定摸到红球'],
  );
  return draft(leaf, { level: 'understand', difficulty: cd(0.84), seconds: 30, score: 2 });
};

const negative: Gen = (r) => {
  const t = r.range(2, 12);
  const up = r.range(3, 15);
  const leaf = fill(
    p(
      `哈尔滨某天早上的气温是零下 ${t} ℃，记作 ${blank('b1')} ℃；中午比早上升高了 ${up} ℃，中午的气温是 ${blank('b2')} ℃。`,
    ),
    [nb('b1', -t, [t]), nb('b2', up - t, [up + t, t - up])],
  );
  return draft(leaf, { level: 'understand', difficulty: cd(0.62), seconds: 60, score: 2 });
};

/** Grade 3–6 word-problem, number-theory, equation and statistics generators, by knowledge-point code. */
export const PUZZLE_GENS: Record<string, Gen[]> = {
  'MA-13-007': [times],
  'MA-13-015': [overlap],
  'MA-14-016': [pancakes],
  'MA-14-035': [chickensRabbits],
  'MA-15-008': [chance],
  'MA-15-017': [treePlanting],
  'MA-15-039': [findDefect],
  'MA-16-020': [negative],
  'MA-16-034': [pigeonhole],
};
