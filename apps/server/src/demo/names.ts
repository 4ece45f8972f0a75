import { type Rng, Weighted } from './prng.ts';

/**
 * Chinese personal names with Guangzhou frequencies: surnames weighted roughly as in Guangdong
 * household-registration statistics (陈 first, then 李, 黄, 张, 梁 …, with Cantonese surnames such as
 * 麦, 区, 冼, 岑 and the compound 欧阳, 司徒), given names from characters typical of the person's
 * generation and sex. Names are kept as small indices and spelled out only when a row is written.
 */
const SURNAME_WEIGHTS: readonly (readonly [string, number])[] = [
  ['陈', 130],
  ['李', 72],
  ['黄', 70],
  ['张', 46],
  ['梁', 45],
  ['林', 40],
  ['刘', 38],
  ['吴', 35],
  ['罗', 30],
  ['何', 30],
  ['郑', 28],
  ['王', 27],
  ['杨', 25],
  ['周', 20],
  ['谢', 20],
  ['钟', 20],
  ['叶', 18],
  ['邓', 18],
  ['冯', 17],
  ['曾', 17],
  ['蔡', 15],
  ['许', 15],
  ['潘', 14],
  ['赖', 12],
  ['朱', 12],
  ['苏', 12],
  ['卢', 12],
  ['郭', 12],
  ['彭', 10],
  ['胡', 10],
  ['徐', 10],
  ['谭', 10],
  ['袁', 8],
  ['邱', 8],
  ['麦', 8],
  ['区', 6],
  ['关', 6],
  ['莫', 6],
  ['江', 6],
  ['温', 6],
  ['余', 7],
  ['方', 6],
  ['孙', 6],
  ['马', 5],
  ['古', 4],
  ['严', 4],
  ['肖', 6],
  ['廖', 7],
  ['唐', 6],
  ['汤', 4],
  ['伍', 5],
  ['邝', 4],
  ['甘', 3],
  ['骆', 3],
  ['简', 3],
  ['冼', 3],
  ['岑', 3],
  ['容', 2],
  ['霍', 3],
  ['龚', 3],
  ['杜', 3],
  ['韦', 4],
  ['欧阳', 4],
  ['司徒', 2],
  ['黎', 6],
  ['戴', 3],
  ['丘', 2],
  ['魏', 3],
];

// Given-name characters: children born 2007–2023, and adults born 1955–2003.
const BOY = [...'子浩宇轩梓俊睿泽铭博文锦嘉晨昊航煜皓楷朗霖诚一奕逸宸烨恒景乐健杰彦峻柏然希哲鑫熙瀚钧卓宏'];
const GIRL = [...'梓欣思雨诗嘉婷怡悦涵琪佳晴妍彤萱雅馨可语芷若紫依晓静慧颖乐心子一诺菲琳瑶蕊桐曦沁安'];
const MAN = [...'伟强军斌志明建华国文俊杰海锋勇辉永光家荣健振耀冠雄锦汉超德成新兆浩坚'];
const WOMAN = [...'丽敏燕芳红霞玲静婷慧艳秀美丹莉洁嘉颖琳凤翠欣碧咏淑月华娟玉冰珊雪清莹萍'];

export const SURNAMES = new Weighted(SURNAME_WEIGHTS);
const POOLS = { boy: BOY, girl: GIRL, man: MAN, woman: WOMAN } as const;
export type NamePool = keyof typeof POOLS;

/** Marks a single-character given name in the second slot. */
export const NONE = 0xffff;

export interface GivenName {
  a: number;
  b: number;
}

/** Draws a given name: two characters (about one in ten single), never the same character twice. */
export function drawGiven(rng: Rng, pool: NamePool): GivenName {
  const chars = POOLS[pool];
  const a = rng.int(chars.length);
  if (rng.chance(0.1)) return { a, b: NONE };
  let b = rng.int(chars.length);
  // Reduplicated names (婷婷, 乐乐) occur, mostly for girls; otherwise redraw.
  if (b === a && !(pool === 'girl' && rng.chance(0.5)))
    b = (b + 1 + rng.int(chars.length - 1)) % chars.length;
  return { a, b };
}

export function poolFor(gender: number, adult: boolean): NamePool {
  if (adult) return gender === 1 ? 'man' : 'woman';
  return gender === 1 ? 'boy' : 'girl';
}

/** Spells out a name from its indices. */
export function fullName(
  surname: number,
  pool: NamePool,
  given: GivenName | { a: number; b: number },
): string {
  const chars = POOLS[pool];
  return SURNAMES.items[surname]! + chars[given.a]! + (given.b === NONE ? '' : chars[given.b]!);
}

/** The index of a surname (for fixed names such as the demo persons). */
export function surnameIndex(name: string): number {
  const i = SURNAMES.items.indexOf(name);
  if (i < 0) throw new Error(`Unknown surname ${name}`);
  return i;
}
