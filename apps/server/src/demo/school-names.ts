import type { DistrictSpec } from './geo.ts';
import type { Rng } from './prng.ts';
import { cnNumber, type SchoolKind } from './stages.ts';

const KG_BRANDS = [
  '智慧树',
  '小天使',
  '金色童年',
  '阳光',
  '蓝天',
  '启智',
  '育才',
  '贝贝',
  '童心',
  '新世纪',
  '博雅',
  '英豪',
  '华美',
  '碧桂园',
  '星河湾',
  '雅居乐',
  '保利',
  '万科',
  '爱心',
  '春蕾',
  '小太阳',
  '七彩',
  '明珠',
  '嘉禾',
];
const VOC_THEMES = [
  '工商',
  '轻工',
  '旅游商务',
  '信息技术',
  '交通运输',
  '医药',
  '财经商贸',
  '建筑工程',
  '电子信息',
  '纺织服装',
  '机电',
  '商贸',
  '艺术',
  '农业',
  '外语艺术',
  '工贸',
  '城市建设',
  '烹饪',
];
const ROAD_SUFFIX = ['大道', '路', '一路', '二路', '中路', '大街'];

const isRoad = (place: string) => /(路|道|街)$/.test(place);

/**
 * Names schools the way Guangzhou names them (越秀区东风西路小学, 广州市第六中学, 番禺区实验幼儿园,
 * 广州市白云工商技师学院) and keeps every name unique in the city.
 */
export class SchoolNamer {
  private readonly used = new Set<string>();
  private readonly districtNo = new Map<string, number>();
  private readonly cityNumbers: number[];
  /** The road or area the last name was built from, so the address can be on it. */
  private lastPlace: string | null = null;

  constructor(private readonly rng: Rng) {
    this.cityNumbers = rng.shuffle(Array.from({ length: 150 }, (_, i) => i + 1));
  }

  reserve(name: string): void {
    this.used.add(name);
  }

  /** A school name and its 办学类型 code. */
  name(kind: SchoolKind, d: DistrictSpec): { name: string; type: string } {
    const draw = (make: () => string | null): string => {
      for (let attempt = 0; attempt < 40; attempt++) {
        this.lastPlace = null;
        const n = make();
        if (n && !this.used.has(n)) return this.take(n);
      }
      this.lastPlace = null;
      return this.take(this.numbered(d, kind));
    };
    const D = d.name;
    const place = () => {
      this.lastPlace = this.rng.pick(d.places);
      return this.lastPlace;
    };
    switch (kind) {
      case 'kindergarten':
        return {
          type: '111',
          name: draw(() => {
            const r = this.rng.next();
            if (!this.used.has(`${D}实验幼儿园`)) return `${D}实验幼儿园`;
            if (r < 0.45) return `${D}${place()}幼儿园`;
            if (r < 0.8) return `${D}${this.rng.pick(KG_BRANDS)}幼儿园`;
            return `广州市${D}${place()}${this.rng.pick(KG_BRANDS)}幼儿园`;
          }),
        };
      case 'primary':
        return {
          type: '211',
          name: draw(() => {
            const r = this.rng.next();
            const pl = place();
            if (r < 0.7) return `${D}${pl}小学`;
            if (r < 0.82) return isRoad(pl) ? `${D}${pl}第二小学` : `${D}${pl}中心小学`;
            if (r < 0.92) return `${D}${pl}实验小学`;
            this.lastPlace = null;
            return `${D}实验小学`;
          }),
        };
      case 'junior':
        return {
          type: '311',
          name: draw(() => {
            const r = this.rng.next();
            if (r < 0.4) return `${D}第${cnNumber(this.nextDistrictNo(D))}中学`;
            if (r < 0.75) return `${D}${place()}中学`;
            return `${D}${place()}实验中学`;
          }),
        };
      case 'nine_year':
        return { type: '312', name: draw(() => `${D}${place()}${this.rng.chance(0.6) ? '实验' : ''}学校`) };
      case 'senior':
      case 'complete':
        return {
          type: kind === 'senior' ? '342' : '341',
          name: draw(() => {
            const n = this.cityNumbers.pop();
            if (n !== undefined && this.rng.chance(0.7)) return `广州市第${cnNumber(n)}中学`;
            return `${D}${kind === 'senior' ? `${place()}高级中学` : `第${cnNumber(this.nextDistrictNo(D))}中学`}`;
          }),
        };
      case 'vocational': {
        const r = this.rng.next();
        const theme = () => this.rng.pick(VOC_THEMES);
        const short = D.replace(/区$/, '');
        if (r < 0.5) return { type: '365', name: draw(() => `广州市${D}${theme()}职业技术学校`) };
        if (r < 0.75) return { type: '366', name: draw(() => `广州市${short}${theme()}技师学院`) };
        return { type: '361', name: draw(() => `广州市${theme()}中等专业学校`) };
      }
    }
  }

  /** A street address in the district, on the road or in the area of the last name when it has one. */
  address(d: DistrictSpec): string {
    const pl = this.lastPlace ?? this.rng.pick(d.places);
    const road = isRoad(pl) ? pl : `${pl}${this.rng.pick(ROAD_SUFFIX)}`;
    return `广州市${d.name}${road}${this.rng.range(1, 388)}号`;
  }

  private take(name: string): string {
    this.used.add(name);
    return name;
  }

  private nextDistrictNo(district: string): number {
    const n = (this.districtNo.get(district) ?? 0) + 1;
    this.districtNo.set(district, n);
    return n;
  }

  /** Fallback when the pretty forms are used up: 天河区第十二小学. */
  private numbered(d: DistrictSpec, kind: SchoolKind): string {
    const noun =
      { kindergarten: '幼儿园', primary: '小学', vocational: '职业学校' }[kind as string] ?? '中学';
    for (;;) {
      const n = `${d.name}第${cnNumber(this.nextDistrictNo(`${d.name}${noun}`))}${noun}`;
      if (!this.used.has(n)) return n;
    }
  }
}
