import type { TImportKind } from './roster-import.schema.ts';

/**
 * How a cell is read and written:
 * - text: literal text; code: one code-table value (cell shows the label unless `show: 'code'`);
 * - codes: several codes separated by commas; date: YYYY-MM-DD; year: four digits;
 * - bool: 是/否; choice: one of `choices`.
 */
export type TCellType = 'text' | 'code' | 'codes' | 'date' | 'year' | 'bool' | 'choice';

export interface ColumnDef {
  key: string;
  /** Chinese header without the required mark; `*` is appended for required columns. */
  header: string;
  required: boolean;
  type: TCellType;
  /** Code-table category for code/codes columns. */
  category?: string;
  /** What a code cell shows: the Chinese label (default, with a dropdown) or the code itself. */
  show?: 'label' | 'code';
  choices?: readonly string[];
  /** Kept as text in Excel (long digit strings would otherwise lose digits). */
  textFormat?: boolean;
  width: number;
  /** The rule, shown in the 填写说明 sheet. */
  rule: string;
}

export interface SheetDef {
  kind: TImportKind;
  /** Name of the data sheet. */
  sheet: string;
  title: string;
  columns: ColumnDef[];
}

const col = (
  key: string,
  header: string,
  type: TCellType,
  rule: string,
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({ key, header, type, rule, required: false, width: 14, ...extra });
const req = { required: true } as const;
const txt = { textFormat: true } as const;

const SCHOOL_CODE = col('schoolCode', '学校标识码', 'text', '10 位数字的学校标识码，须为您管理范围内的学校', {
  ...req,
  ...txt,
  width: 14,
});
const NAME_RULE = '不超过 30 个字；只能包含汉字、字母、空格和间隔号「·」';
const ID_TYPE = col('idType', '证件类型', 'code', '见「证件类型」代码表，一般填「居民身份证」', {
  category: 'id_type',
  width: 18,
});
const ID_NUMBER = col(
  'idNumber',
  '证件号码',
  'text',
  '居民身份证须为 18 位且校验位正确，出生日期、性别须与证件号码一致；请以文本格式填写',
  { ...txt, width: 22 },
);
const PHONE = col('phone', '手机号', 'text', '11 位中国大陆手机号', { ...txt, width: 14 });

export const SHEETS: Record<TImportKind, SheetDef> = {
  schools: {
    kind: 'schools',
    sheet: '学校',
    title: '学校信息',
    columns: [
      col('name', '学校名称', 'text', '不超过 60 个字', { ...req, width: 28 }),
      SCHOOL_CODE,
      col('divisionCode', '所属区县行政区划代码', 'code', '6 位行政区划代码（GB/T 2260），须为您管理的区县', {
        ...req,
        ...txt,
        category: 'division',
        show: 'code',
        width: 20,
      }),
      col('stage', '学段', 'code', '见「学段」代码表', { ...req, category: 'stage' }),
      col('schoolType', '办学类型', 'code', '见「办学类型」代码表', {
        ...req,
        category: 'school_type',
        width: 20,
      }),
      col('address', '地址', 'text', '不超过 200 个字；留空表示不修改', { width: 36 }),
    ],
  },
  classes: {
    kind: 'classes',
    sheet: '班级',
    title: '班级信息',
    columns: [
      SCHOOL_CODE,
      col('gradeCode', '年级代码', 'code', '两位年级代码，见「年级」代码表（如 21 表示初中一年级）', {
        ...req,
        ...txt,
        category: 'grade',
        show: 'code',
      }),
      col('name', '班级名称', 'text', '不超过 30 个字，同一学校内不可重复，如「初一(3)班」', {
        ...req,
        width: 20,
      }),
      col('entryYear', '入学年份', 'year', '四位年份，如 2026', req),
      col('classType', '类型', 'choice', '「行政班」或「教学班」，留空为行政班', {
        choices: ['行政班', '教学班'],
      }),
      col('subjectCode', '学科代码', 'code', '教学班必填，两位课程代码，见「中小学课程」代码表', {
        ...txt,
        category: 'subject',
        show: 'code',
      }),
    ],
  },
  teachers: {
    kind: 'teachers',
    sheet: '教师',
    title: '教师信息',
    columns: [
      col('name', '姓名', 'text', NAME_RULE, req),
      col('gender', '性别', 'code', '男性/女性（也可填 男/女）', { ...req, category: 'gender' }),
      { ...ID_TYPE, required: true },
      { ...ID_NUMBER, required: true },
      col('staffNo', '教职工号', 'text', '字母、数字或「-」，不超过 30 位，全市唯一', { ...req, ...txt }),
      SCHOOL_CODE,
      col('subjects', '任教学科', 'codes', '课程代码，多个用逗号分隔，如「13,14」；留空表示不修改', {
        ...txt,
        category: 'subject',
        show: 'code',
      }),
      col('title', '职称', 'code', '见「中小学教师专业技术职务」代码表；留空表示不修改', {
        category: 'teacher_title',
      }),
      { ...PHONE, rule: `${PHONE.rule}；留空表示不修改` },
    ],
  },
  students: {
    kind: 'students',
    sheet: '学生',
    title: '学生学籍信息',
    columns: [
      col('name', '姓名', 'text', NAME_RULE, req),
      col('gender', '性别', 'code', '男性/女性（也可填 男/女）', { ...req, category: 'gender' }),
      col('birthDate', '出生日期', 'date', '格式 YYYY-MM-DD，如 2014-09-01', { ...req, ...txt }),
      col('ethnicity', '民族', 'code', '见「民族」代码表', { ...req, category: 'ethnicity' }),
      { ...ID_TYPE, required: true },
      { ...ID_NUMBER, required: true },
      col('nationalNo', '全国学籍号', 'text', '字母和数字，10–20 位；导入按全国学籍号更新已有学生', {
        ...req,
        ...txt,
        width: 22,
      }),
      col('studentNo', '学号', 'text', '字母、数字或「-」，不超过 20 位，同校不可重复', { ...req, ...txt }),
      SCHOOL_CODE,
      col('className', '班级名称', 'text', '须为该校已有的行政班', { ...req, width: 18 }),
      col('entryYear', '入学年份', 'year', '四位年份，如 2026', req),
      col('studyMode', '就读方式', 'code', '走读/住校；留空表示不修改', { category: 'study_mode' }),
      col('householdType', '户口性质', 'code', '农业户口/非农业户口；留空表示不修改', {
        category: 'household_type',
      }),
      col('migrant', '随迁子女', 'bool', '是/否；留空表示不修改', {}),
      col('health', '健康状况', 'code', '见「健康状况」代码表；留空表示不修改', { category: 'health' }),
      col('disability', '残疾类型', 'code', '见「残疾类型」代码表；留空表示不修改', {
        category: 'disability',
      }),
      col('leftBehind', '留守儿童', 'code', '见「留守儿童」代码表；留空表示不修改', {
        category: 'left_behind',
        width: 16,
      }),
      col('orphan', '孤儿', 'bool', '是/否；留空表示不修改', {}),
    ],
  },
  parents: {
    kind: 'parents',
    sheet: '家长',
    title: '家长信息',
    columns: [
      col('name', '家长姓名', 'text', NAME_RULE, req),
      { ...PHONE, required: true, rule: `${PHONE.rule}；作为家长的登录账号` },
      col('relation', '关系', 'code', '家长是学生的谁，见「家庭关系」代码表', {
        ...req,
        category: 'guardian_relation',
      }),
      col('studentNationalNo', '学生全国学籍号', 'text', '须为您管理范围内的在读学生', {
        ...req,
        ...txt,
        width: 22,
      }),
      { ...ID_TYPE, rule: '填写证件号码时必填' },
      { ...ID_NUMBER, rule: `选填；${ID_NUMBER.rule}` },
    ],
  },
};

/** Header text as shown in the sheet: required columns carry `*`. */
export const headerText = (c: ColumnDef): string => (c.required ? `${c.header}*` : c.header);

/** Which roles may import or export each kind (scope narrows the rows further). */
export const IMPORTERS: Record<TImportKind, readonly string[]> = {
  schools: ['city_admin', 'district_admin'],
  classes: ['city_admin', 'district_admin', 'school_admin'],
  teachers: ['city_admin', 'district_admin', 'school_admin'],
  students: ['city_admin', 'district_admin', 'school_admin'],
  parents: ['city_admin', 'district_admin', 'school_admin'],
};

/** Categories listed in the instructions sheet for each kind. */
export const categoriesOf = (kind: TImportKind): string[] => [
  ...new Set(SHEETS[kind].columns.flatMap((c) => (c.category ? [c.category] : []))),
];
