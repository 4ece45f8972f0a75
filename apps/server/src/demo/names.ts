import { type Rng, Weighted } from './prng.ts';

/**
 * Chinese personal names with Guangzhou frequencies: surnames weighted roughly as in Guangdong
 * household-registration statistics (陈 first, then 李, 黄, 张, 梁 …, with Cantonese surnames such as
 * 麦, 区, 冼, 岑 and the compound 欧阳, 司徒), given names from characters typical of the person's
 * generation and sex. Names are kept as small indices and spelled out only when a row is written.
 */
const SURNAME_WEIGHTS: readonly (readonly [string, number])[] = `
  陈130 李72 黄70 张46 梁45 林40 刘38 吴35 罗30 何30 郑28 王27 杨25 周20 谢20 钟20 叶18 邓18 冯17 曾17
  蔡15 许15 潘14 赖12 朱12 苏12 卢12 郭12 彭10 胡10 徐10 谭10 袁8 邱8 麦8 区6 关6 莫6 江6 温6 余7 方6
  孙6 马5 古4 严4 肖6 廖7 唐6 汤4 伍5 邝4 甘3 骆3 简3 冼3 岑3 容2 霍3 龚3 杜3 韦4 欧阳4 司徒2 黎6 戴3
  丘2 魏3`
  .trim()
  .split(/\s+/)
  .map((e) => [e.replace(/[0-9]+$/, ''), Number(e.match(/[0-9]+$/)![0])] as const);

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
