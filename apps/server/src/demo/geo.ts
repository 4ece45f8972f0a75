import { Weighted } from './prng.ts';

/** GB/T 2260 division of the demo city. */
export const CITY = { code: '440100', name: '广州市' } as const;

export interface DistrictSpec {
  code: string;
  name: string;
  /** For stable admin usernames (district_yuexiu). */
  pinyin: string;
  /** Share of the city's students. */
  weight: number;
  /** Share of children of migrant workers (随迁子女). */
  migrantRate: number;
  /** ID-card area codes of adults born here (with pre-2005/2014 district and county-level city codes). */
  adultAreas: string[];
  /** Roads, streets and towns for school names and addresses. */
  places: string[];
}

const p = (s: string) => s.trim().split(/\s+/);

export const DISTRICTS: readonly DistrictSpec[] = [
  {
    code: '440103',
    name: '荔湾区',
    pinyin: 'liwan',
    weight: 6,
    migrantRate: 0.2,
    adultAreas: ['440103', '440107'],
    places: p(`
      多宝路 龙津西路 恩宁路 芳村大道 花地大道 西华路
      中山八路 康王路 黄沙大道 逢源路 宝华路 华林路 环市西路
      东漖北路 桥中路 浣花路 鹤洞路 南漖路 西湾路 彩虹路
      冲口 石围塘 茶滘 海龙 中南 沙面
    `),
  },
  {
    code: '440104',
    name: '越秀区',
    pinyin: 'yuexiu',
    weight: 7,
    migrantRate: 0.12,
    adultAreas: ['440104', '440102'],
    places: p(`
      东风西路 东风东路 中山五路 北京路 解放北路 农林下路
      越华路 执信南路 人民北路 大德路 文德路 盘福路
      寺右新马路 建设六马路 先烈中路 登峰路 环市东路 豪贤路
      法政路 广卫路 德政中路 海珠中路 惠福西路 梅花村 水荫路
      小北路 淘金路 华乐路 流花路 三元里
    `),
  },
  {
    code: '440105',
    name: '海珠区',
    pinyin: 'haizhu',
    weight: 9,
    migrantRate: 0.25,
    adultAreas: ['440105'],
    places: p(`
      江南大道 昌岗路 宝岗大道 工业大道 南洲路 新港西路
      滨江东路 革新路 赤岗路 琶洲 客村 晓港路 南华西路
      同福中路 石溪 瑞宝 沥滘 官洲 龙潭 逸景路 江燕路 素社
      凤阳 华洲 南石头 海幢
    `),
  },
  {
    code: '440106',
    name: '天河区',
    pinyin: 'tianhe',
    weight: 11,
    migrantRate: 0.3,
    adultAreas: ['440106'],
    places: p(`
      天河北路 体育西路 华景路 龙口西路 五山路 石牌东路 员村
      车陂路 棠下 东圃 珠江新城 天河南路 长兴路 岑村 龙洞
      猎德 冼村 沙河 元岗 黄村 奥体 天园 林和西路 中山大道
      前进 凤凰 新塘 兴华
    `),
  },
  {
    code: '440111',
    name: '白云区',
    pinyin: 'baiyun',
    weight: 16,
    migrantRate: 0.45,
    adultAreas: ['440111'],
    places: p(`
      同和 京溪 三元里 机场路 新市 棠景 黄石 嘉禾 永平
      均禾 石井 江高 人和 太和 钟落潭 竹料 金沙洲 松洲
      景泰 云城 鹤龙 石门 龙归 萧岗 同德 大源 良田 神山
      蚌湖 夏茅
    `),
  },
  {
    code: '440112',
    name: '黄埔区',
    pinyin: 'huangpu',
    weight: 8,
    migrantRate: 0.35,
    adultAreas: ['440112'],
    places: p(`
      大沙地 黄埔东路 鱼珠 萝岗 开创大道 科学城 长洲 文冲
      南岗 红山 夏港 联和 永和 九龙 香雪 知识城 荔联 穗东
      云埔 长岭 龙湖 新龙
    `),
  },
  {
    code: '440113',
    name: '番禺区',
    pinyin: 'panyu',
    weight: 15,
    migrantRate: 0.35,
    adultAreas: ['440181', '440113'],
    places: p(`
      市桥 沙湾 石碁 大石 洛浦 钟村 南村 新造 化龙 石楼
      东环 桥南 沙头 小谷围 大龙 石壁 祈福 丽江 华南 南浦
      钟二 傍江 大岗 莲花山 星河湾 番山 德兴路 光明北路
    `),
  },
  {
    code: '440114',
    name: '花都区',
    pinyin: 'huadu',
    weight: 9,
    migrantRate: 0.35,
    adultAreas: ['440182', '440114'],
    places: p(`
      新华 秀全 新雅 花城 狮岭 炭步 赤坭 花东 梯面 花山
      雅瑶 三华 芙蓉 天马河 公益 凤凰北路 龙珠路 云山 宝华
      平步大道
    `),
  },
  {
    code: '440115',
    name: '南沙区',
    pinyin: 'nansha',
    weight: 5,
    migrantRate: 0.3,
    adultAreas: ['440181', '440115'],
    places: p(`
      南沙街 黄阁 横沥 万顷沙 东涌 大岗 榄核 珠江街 龙穴
      蕉门 金洲 港前路 鸡抱沙 进港大道 环市大道 凤凰大道
    `),
  },
  {
    code: '440117',
    name: '从化区',
    pinyin: 'conghua',
    weight: 4,
    migrantRate: 0.15,
    adultAreas: ['440184'],
    places: p(`
      街口 江埔 城郊 太平 温泉 良口 吕田 鳌头 城东
      河滨北路 新城 青云路 流溪 明珠 神岗 棋杆 龙潭 民乐
    `),
  },
  {
    code: '440118',
    name: '增城区',
    pinyin: 'zengcheng',
    weight: 10,
    migrantRate: 0.3,
    adultAreas: ['440183'],
    places: p(`
      荔城 增江 朱村 永宁 新塘 石滩 中新 派潭 正果 仙村
      小楼 荔湖 凤凰城 挂绿 富鹏 沙埔 三江 宁西 福和 瓜岭
      夏埔 东湖
    `),
  },
];

/** Codes used before 2014 for 从化 and 增城 (county-level cities 440184 and 440183). */
export const LEGACY_AREA: Record<string, { code: string; until: number }> = {
  '440117': { code: '440184', until: 2014 },
  '440118': { code: '440183', until: 2014 },
};

/** Home areas of migrant families and of staff from elsewhere, with weights. */
const ORIGINS: readonly (readonly [string, number])[] = [
  ['441581', 5],
  ['445281', 6],
  ['440881', 5],
  ['440882', 4],
  ['441481', 5],
  ['441622', 4],
  ['441781', 4],
  ['441224', 3],
  ['440981', 5],
  ['445381', 3],
  ['430421', 5],
  ['430381', 3],
  ['431021', 4],
  ['430521', 4],
  ['431121', 3],
  ['450881', 5],
  ['450921', 4],
  ['450981', 4],
  ['360731', 4],
  ['360734', 2],
  ['511621', 2],
  ['511381', 2],
  ['421087', 3],
  ['411422', 3],
];

/** Every area code that appears on a demo ID card; people store an index into this list. */
export const AREA_CODES: readonly string[] = [
  ...new Set([
    ...DISTRICTS.map((d) => d.code),
    ...DISTRICTS.flatMap((d) => d.adultAreas),
    '440184',
    '440183',
  ]),
  ...ORIGINS.map((o) => o[0]),
];

const areaIdx = new Map(AREA_CODES.map((c, i) => [c, i]));

export function areaIndex(code: string): number {
  const i = areaIdx.get(code);
  if (i === undefined) throw new Error(`Unknown area code ${code}`);
  return i;
}

/** Weighted draw of a migrant home area, as an index into AREA_CODES. */
export const ORIGIN_AREAS = new Weighted(ORIGINS.map(([code, w]) => [areaIndex(code), w] as const));
