/**
 * School kinds, their grades and timetables, in the codes of the platform's code tables: stage
 * (学段 1 学前 … 5 中职), school type (办学类型 BXLX), grade (年级 NJ: 02–04 kindergarten, 11–16, 21–23,
 * 31–33) and subject (中小学课程 ZXXKC).
 */

/** First day of the current school year (2026-2027学年). */
export const SCHOOL_YEAR = 2026;

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Chinese numeral as used in school and class names: 3 → 三, 16 → 十六, 86 → 八十六, 113 → 一一三. */
export function cnNumber(n: number): string {
  if (n <= 10) return CN[n]!;
  if (n < 20) return `十${CN[n % 10] === '零' ? '' : CN[n % 10]}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CN[n % 10]}`;
  return [...String(n)].map((d) => (d === '0' ? '〇' : CN[Number(d)])).join('');
}

export interface GradeSpec {
  code: string;
  stage: string;
  name: string;
  /** Age reached by 31 August of the entry year. */
  entryAge: number;
  /** Years since entry (0 for the first grade of the stage). */
  year: number;
  className: (no: number, entryYear: number, major: string) => string;
}

const kgGrades: GradeSpec[] = ['小', '中', '大'].map((p, i) => ({
  code: `0${i + 2}`,
  stage: '1',
  name: `${p}班`,
  entryAge: 3,
  year: i,
  className: (no) => `${p}${cnNumber(no)}班`,
}));

const primaryGrades: GradeSpec[] = [1, 2, 3, 4, 5, 6].map((y) => ({
  code: `1${y}`,
  stage: '2',
  name: `${cnNumber(y)}年级`,
  entryAge: 6,
  year: y - 1,
  className: (no) => `${cnNumber(y)}年级(${no})班`,
}));

const secondary = (prefix: '初' | '高', first: number, stage: string, entryAge: number): GradeSpec[] =>
  [1, 2, 3].map((y) => ({
    code: `${first}${y}`,
    stage,
    name: `${prefix}${cnNumber(y)}年级`,
    entryAge,
    year: y - 1,
    className: (no) => `${prefix}${cnNumber(y)}(${no})班`,
  }));

const juniorGrades = secondary('初', 2, '3', 12);
const seniorGrades = secondary('高', 3, '4', 15);

// The grade table has no vocational grades; vocational years reuse 31–33 under stage 5, and classes are
// named by cohort and major as vocational schools do (26级电子商务1班).
const vocationalGrades: GradeSpec[] = [1, 2, 3].map((y) => ({
  code: `3${y}`,
  stage: '5',
  name: `${SCHOOL_YEAR - y + 1}级`,
  entryAge: 15,
  year: y - 1,
  className: (no, entryYear, major) => `${entryYear % 100}级${major}${no}班`,
}));

export type SchoolKind =
  | 'kindergarten'
  | 'primary'
  | 'junior'
  | 'nine_year'
  | 'senior'
  | 'complete'
  | 'vocational';

export interface SchoolKindSpec {
  kind: SchoolKind;
  /** Share of all schools. */
  share: number;
  /** The school's stage: its highest one. */
  stage: string;
  grades: GradeSpec[];
  /** Classes per grade before scaling to the requested number of students. */
  classes: readonly [number, number];
  /** Typical class size. */
  size: number;
}

export const SCHOOL_KINDS: readonly SchoolKindSpec[] = [
  { kind: 'kindergarten', share: 0.55, stage: '1', grades: kgGrades, classes: [2, 4], size: 30 },
  { kind: 'primary', share: 0.27, stage: '2', grades: primaryGrades, classes: [2, 6], size: 44 },
  { kind: 'junior', share: 0.065, stage: '3', grades: juniorGrades, classes: [4, 9], size: 47 },
  {
    kind: 'nine_year',
    share: 0.04,
    stage: '3',
    grades: [...primaryGrades, ...juniorGrades],
    classes: [2, 4],
    size: 45,
  },
  { kind: 'senior', share: 0.03, stage: '4', grades: seniorGrades, classes: [6, 12], size: 48 },
  {
    kind: 'complete',
    share: 0.025,
    stage: '4',
    grades: [...juniorGrades, ...seniorGrades],
    classes: [4, 8],
    size: 47,
  },
  { kind: 'vocational', share: 0.02, stage: '5', grades: vocationalGrades, classes: [5, 10], size: 42 },
];

export const kindSpec = (kind: SchoolKind): SchoolKindSpec => SCHOOL_KINDS.find((k) => k.kind === kind)!;

/** Kindergarten class sizes follow the national limits (小班 25, 中班 30, 大班 35), not the 45 of schools. */
export const KG_SIZE: Record<string, number> = { '02': 26, '03': 30, '04': 33 };

export interface SubjectPlan {
  code: string;
  /** Classes one teacher usually takes. */
  load: number;
  /** Grades that have the subject (all when absent). */
  grades?: readonly string[];
}

const s = (code: string, load: number, grades?: readonly string[]): SubjectPlan => ({ code, load, grades });

/** Subjects of administrative classes per stage, with the classes a teacher takes. */
export const TIMETABLE: Record<string, readonly SubjectPlan[]> = {
  '1': [],
  '2': [
    s('13', 1),
    s('14', 2),
    s('41', 4),
    s('15', 5),
    s('11', 6),
    s('22', 6),
    s('24', 8),
    s('25', 8),
    s('61', 8, ['13', '14', '15', '16']),
  ],
  '3': [
    s('13', 2),
    s('14', 2),
    s('41', 2),
    s('12', 4),
    s('21', 5),
    s('20', 5, ['21', '22']),
    s('18', 5, ['21', '22']),
    s('16', 4, ['22', '23']),
    s('17', 4, ['23']),
    s('22', 6),
    s('24', 8, ['21', '22']),
    s('25', 8, ['21', '22']),
    s('61', 8, ['21', '22']),
  ],
  '4': [
    s('13', 2),
    s('14', 2),
    s('41', 2),
    s('16', 4, ['31']),
    s('17', 4, ['31']),
    s('18', 4, ['31']),
    s('12', 4, ['31']),
    s('21', 4, ['31']),
    s('20', 4, ['31']),
    s('22', 6),
    s('26', 8, ['31', '32']),
    s('27', 8, ['31']),
  ],
  '5': [s('13', 3), s('14', 3), s('41', 3), s('12', 5), s('22', 6), s('61', 4, ['31', '32'])],
};

/** Head teachers (班主任) are drawn from these subjects' teachers of the class, in order. */
export const HEAD_SUBJECTS: Record<string, readonly string[]> = {
  '2': ['14', '13', '41'],
  '3': ['13', '14', '41'],
  '4': ['13', '14', '41'],
  '5': ['13', '14', '41'],
};

/**
 * 选科走班 in grades 高二/高三 (Guangdong's 3+1+2): one of physics/history first, then two of chemistry,
 * biology, politics and geography, taught in teaching classes (教学班).
 */
export const ELECTIVE_GRADES = ['32', '33'];
export const FIRST_CHOICE = [
  ['16', 0.65],
  ['21', 0.35],
] as const;
export const SECOND_CHOICE: Record<string, readonly (readonly [string, number])[]> = {
  '16': [
    ['17', 5],
    ['18', 4],
    ['20', 2],
    ['12', 1],
  ],
  '21': [
    ['12', 4],
    ['20', 4],
    ['18', 2],
    ['17', 1],
  ],
};
export const SUBJECT_NAMES: Record<string, string> = {
  '16': '物理',
  '17': '化学',
  '18': '生物',
  '12': '政治',
  '20': '地理',
  '21': '历史',
};
export const ELECTIVE_LOAD = 3;
export const ELECTIVE_CLASS_SIZE = 45;

/** Majors of vocational schools. */
export const MAJORS = [
  '电子商务',
  '计算机应用',
  '机电技术',
  '汽车运用与维修',
  '会计事务',
  '酒店服务与管理',
  '物流服务与管理',
  '数控技术应用',
  '学前教育',
  '护理',
  '工业机器人',
  '动漫与游戏制作',
  '城市轨道交通',
  '烹饪工艺',
];
