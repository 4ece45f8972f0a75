/**
 * Units a fill-in answer may carry, by the spellings children use (厘米, cm, 公分, ㎝), with the
 * conversions that are certain by definition: SI prefixes, 元角分, 时分秒, 公顷 and 亩, 斤 and 两
 * (the 1959 市制: 1 斤 = 500 g, 1 两 = 50 g). Units whose size is not fixed (月 in days) or is
 * historical (尺, 里) are left out, so they only match when spelt the same.
 */
import { type Num, ratio } from './rational.ts';

export type Dimension =
  | 'length'
  | 'mass'
  | 'time'
  | 'calendar'
  | 'area'
  | 'volume'
  | 'money'
  | 'ratio'
  | 'speed'
  | 'angle'
  | 'celsius'
  | 'energy';

export interface UnitDef {
  /** Canonical spelling, e.g. `cm`. */
  id: string;
  dimension: Dimension;
  /** Size in the dimension's base unit (m, g, s, 月, m², m³, 元, 1, m/s …). */
  factor: Num;
}

// [id, dimension, factor numerator, factor denominator, other spellings]
const TABLE: readonly [string, Dimension, number, number, readonly string[]][] = [
  ['km', 'length', 1000, 1, ['千米', '公里', 'kilometre', 'kilometres', 'kilometer', 'kilometers']],
  ['m', 'length', 1, 1, ['米', 'metre', 'metres', 'meter', 'meters']],
  ['dm', 'length', 1, 10, ['分米']],
  ['cm', 'length', 1, 100, ['厘米', '公分', 'centimetre', 'centimetres', 'centimeter', 'centimeters']],
  ['mm', 'length', 1, 1000, ['毫米', 'millimetre', 'millimetres', 'millimeter', 'millimeters']],
  ['μm', 'length', 1, 1e6, ['微米', 'um', 'µm']],
  ['nm', 'length', 1, 1e9, ['纳米']],
  ['in', 'length', 254, 10_000, ['inch', 'inches', '英寸']],
  ['ft', 'length', 3048, 10_000, ['foot', 'feet', '英尺']],
  ['mile', 'length', 1_609_344, 1000, ['miles', '英里']],
  ['t', 'mass', 1e6, 1, ['吨', 'ton', 'tons', 'tonne', 'tonnes']],
  ['kg', 'mass', 1000, 1, ['千克', '公斤', 'kilogram', 'kilograms']],
  ['斤', 'mass', 500, 1, ['市斤']],
  ['两', 'mass', 50, 1, []],
  ['g', 'mass', 1, 1, ['克', 'gram', 'grams']],
  ['mg', 'mass', 1, 1000, ['毫克', 'milligram', 'milligrams']],
  ['h', 'time', 3600, 1, ['时', '小时', '钟头', 'hr', 'hrs', 'hour', 'hours']],
  ['min', 'time', 60, 1, ['分钟', 'minute', 'minutes', 'mins']],
  ['s', 'time', 1, 1, ['秒', '秒钟', 'sec', 'secs', 'second', 'seconds']],
  ['ms', 'time', 1, 1000, ['毫秒']],
  ['day', 'time', 86_400, 1, ['天', '日', 'days']],
  ['week', 'time', 604_800, 1, ['周', '星期', '个星期', 'weeks']],
  ['月', 'calendar', 1, 1, ['个月', 'month', 'months']],
  ['季度', 'calendar', 3, 1, ['个季度']],
  ['年', 'calendar', 12, 1, ['year', 'years']],
  ['世纪', 'calendar', 1200, 1, ['个世纪', 'century', 'centuries']],
  ['km²', 'area', 1e6, 1, ['平方千米', '平方公里', 'km^2', 'km2']],
  ['公顷', 'area', 10_000, 1, ['ha', 'hm²', 'hm^2', 'hm2', '平方百米']],
  ['亩', 'area', 2000, 3, []],
  ['m²', 'area', 1, 1, ['平方米', 'm^2', 'm2']],
  ['dm²', 'area', 1, 100, ['平方分米', 'dm^2', 'dm2']],
  ['cm²', 'area', 1, 10_000, ['平方厘米', 'cm^2', 'cm2']],
  ['mm²', 'area', 1, 1e6, ['平方毫米', 'mm^2', 'mm2']],
  ['m³', 'volume', 1, 1, ['立方米', 'm^3', 'm3']],
  ['dm³', 'volume', 1, 1000, ['立方分米', 'dm^3', 'dm3']],
  ['L', 'volume', 1, 1000, ['升', '公升', 'l', 'litre', 'litres', 'liter', 'liters']],
  ['cm³', 'volume', 1, 1e6, ['立方厘米', 'cm^3', 'cm3', 'cc']],
  ['mL', 'volume', 1, 1e6, ['毫升', 'ml', 'millilitre', 'millilitres', 'milliliter', 'milliliters']],
  ['mm³', 'volume', 1, 1e9, ['立方毫米', 'mm^3', 'mm3']],
  ['元', 'money', 1, 1, ['块', '块钱', '元钱', 'yuan', 'rmb', 'RMB', '¥']],
  ['角', 'money', 1, 10, ['毛', '毛钱', 'jiao']],
  ['分', 'money', 1, 100, ['分钱', 'fen']],
  ['%', 'ratio', 1, 100, ['percent']],
  ['‰', 'ratio', 1, 1000, []],
  ['m/s', 'speed', 1, 1, ['米/秒', '米每秒', 'm/sec']],
  ['m/min', 'speed', 1, 60, ['米/分', '米/分钟', '米每分', '米每分钟']],
  ['km/h', 'speed', 5, 18, ['千米/时', '千米/小时', '千米每时', '千米每小时', '公里/时', '公里/小时', 'kph']],
  ['km/min', 'speed', 50, 3, ['千米/分', '千米/分钟']],
  ['°', 'angle', 1, 1, ['度', 'degree', 'degrees']],
  ['°C', 'celsius', 1, 1, ['摄氏度', '度', '℃']],
  ['kWh', 'energy', 1, 1, ['千瓦时', '度', 'kW·h', 'kw·h', 'kW*h', 'kwh']],
];

/** 分 is money (分钱) and time (分钟); the key's unit decides which is meant. */
const MINUTE_TOO = '分';

const BY_SPELLING = new Map<string, UnitDef[]>();
for (const [id, dimension, n, d, spellings] of TABLE) {
  const def: UnitDef = { id, dimension, factor: ratio(n, d)! };
  for (const spelling of [id, ...spellings]) {
    const list = BY_SPELLING.get(spelling);
    if (list) list.push(def);
    else BY_SPELLING.set(spelling, [def]);
  }
}
BY_SPELLING.get(MINUTE_TOO)!.push(BY_SPELLING.get('min')![0]!);

/** The longest spelling in the table, in UTF-16 code units. */
export const LONGEST_UNIT = Math.max(...[...BY_SPELLING.keys()].map((k) => k.length));

/**
 * The units a spelling may mean (several for 分 and 度), or undefined. Upper-case Latin spellings
 * fall back to lower case (KG, Cm), as phone keyboards capitalise the first letter.
 */
export function lookupUnit(spelling: string): readonly UnitDef[] | undefined {
  return BY_SPELLING.get(spelling) ?? BY_SPELLING.get(spelling.toLowerCase());
}

/**
 * How many of the key's unit one of the answer's unit is (5 角 in 元: 1/2 → factor 1/10), when both
 * are known and of one dimension; null otherwise. Ambiguous spellings take the reading the other
 * side makes possible (分 beside 元 is 分钱, beside 小时 is minutes).
 */
export function conversion(from: string, to: string): Num | null {
  const a = lookupUnit(from);
  const b = lookupUnit(to);
  if (!a || !b) return null;
  for (const x of a) {
    for (const y of b) {
      if (x.dimension === y.dimension) {
        return ratio(x.factor.n * y.factor.d, x.factor.d * y.factor.n);
      }
    }
  }
  return null;
}
