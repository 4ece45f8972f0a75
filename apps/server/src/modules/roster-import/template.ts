import ExcelJS from 'exceljs';
import { workbookBuffer } from '../../platform/xlsx/xlsx-file.ts';
import { idCheckChar } from '../roster/id-number.ts';
import type { CodeBook } from './code-book.ts';
import { categoriesOf, headerText, SHEETS } from './columns.ts';
import type { TImportKind } from './roster-import.schema.ts';
import { addDropdowns, INSTRUCTIONS_SHEET, type ListRanges, writeDataSheet } from './sheet-io.ts';

const exampleId = (first17: string) => first17 + idCheckChar(first17);

/** One fictitious example row per kind, shown in the instructions (the data sheet stays clean). */
const EXAMPLES: Record<TImportKind, Record<string, string>> = {
  schools: {
    name: '广州市示例中学',
    schoolCode: '3144000001',
    divisionCode: '440104',
    stage: '初中',
    schoolType: '初级中学',
    address: '广州市越秀区示例路 1 号',
  },
  classes: {
    schoolCode: '3144000001',
    gradeCode: '21',
    name: '初一(1)班',
    entryYear: '2026',
    classType: '行政班',
    subjectCode: '',
  },
  teachers: {
    name: '李明',
    gender: '男性',
    idType: '居民身份证',
    idNumber: exampleId('44010419850312001'),
    staffNo: 'T2026001',
    schoolCode: '3144000001',
    subjects: '13,14',
    title: '一级教师',
    phone: '13800000000',
  },
  students: {
    name: '王小明',
    gender: '男性',
    birthDate: '2014-09-01',
    ethnicity: '汉族',
    idType: '居民身份证',
    idNumber: exampleId('44010420140901001'),
    nationalNo: `G${exampleId('44010420140901001')}`,
    studentNo: '20260101',
    schoolCode: '3144000001',
    className: '初一(1)班',
    entryYear: '2026',
    studyMode: '走读',
    householdType: '非农业户口',
    migrant: '否',
    health: '健康或良好',
    disability: '无残疾',
    leftBehind: '非留守儿童',
    orphan: '否',
  },
  parents: {
    name: '王大明',
    phone: '13900000000',
    relation: '父亲',
    studentNationalNo: `G${exampleId('44010420140901001')}`,
    idType: '居民身份证',
    idNumber: exampleId('44010419800101001'),
  },
};

const GENERAL_RULES = [
  '第 1 行是表头，请勿修改列名；带 * 的列必须填写。列的顺序可以调整，多余的列会被忽略。',
  '从第 2 行开始，每行填写一条记录；请勿合并单元格。证件号码、全国学籍号、手机号等请以文本格式填写。',
  '上传后系统先校验全部行：只要有一行有错，就不会导入任何数据，并给出按行、列列出的错误清单，可下载标注了错误的工作簿，改正后重新上传。',
  '全部行校验通过后一次性导入（全部成功或全部不导入）。已存在的记录按唯一标识更新，重复导入同一文件不会改变数据。',
  '选填列留空表示不修改已有数据；新建记录时留空的选填项不填写。',
  '代码类的列可以填写代码表中的名称（下拉选择）或代码；代码表见本页下方。',
  '新建的学生、教师、家长会自动开通账号（学生 s+全国学籍号，教师 t+教职工号，家长为手机号），初始密码不可用，需由管理员重置后告知本人。',
];

const KEY_RULES: Record<TImportKind, string> = {
  schools: '按「学校标识码」识别已有学校。',
  classes: '按「学校标识码 + 班级名称」识别已有班级；新年级会自动创建。',
  teachers: '按「教职工号」识别已有教师，按「证件号码」识别已有人员。',
  students: '按「全国学籍号」识别已有学生，按「证件号码」识别已有人员；同一学校内学号不能重复。',
  parents:
    '按「证件号码」或「手机号」识别已有家长；每行是一位家长与一名学生的关系，一位家长有多个孩子时填多行。',
};

const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const BOLD: Partial<ExcelJS.Font> = { bold: true };

/** Instructions: rules, one example row, and the code tables the dropdowns point at. */
function writeInstructions(wb: ExcelJS.Workbook, kind: TImportKind, book: CodeBook): ListRanges {
  const def = SHEETS[kind];
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET);
  ws.columns = [{ width: 22 }, { width: 30 }, { width: 70 }];
  const add = (values: (string | number)[], font?: Partial<ExcelJS.Font>, fill?: ExcelJS.Fill) => {
    const row = ws.addRow(values);
    if (font) row.font = font;
    if (fill) row.eachCell((c) => (c.fill = fill));
    return row;
  };
  add([`${def.title}导入模板 · 填写说明`], { bold: true, size: 14 });
  for (const [i, r] of GENERAL_RULES.entries()) add([`${i + 1}.`, r]);
  add([`${GENERAL_RULES.length + 1}.`, KEY_RULES[kind]]);
  add([]);
  add(['列名', '是否必填', '填写要求'], BOLD);
  for (const c of def.columns) add([headerText(c), c.required ? '必填' : '选填', c.rule]);
  add([]);
  add(['示例（仅供参考，请勿复制到数据表）'], BOLD);
  const example = ws.addRow([]);
  const exampleValues = ws.addRow([]);
  def.columns.forEach((c, i) => {
    example.getCell(i + 1).value = headerText(c);
    example.getCell(i + 1).font = BOLD;
    exampleValues.getCell(i + 1).value = EXAMPLES[kind][c.key] ?? '';
    exampleValues.getCell(i + 1).fill = GREY;
    exampleValues.getCell(i + 1).font = { italic: true, color: { argb: 'FF7F7F7F' } };
  });
  const lists: ListRanges = new Map();
  for (const category of categoriesOf(kind)) {
    const table = book.table(category);
    if (!table) continue;
    add([]);
    add([`代码表：${table.title}（${table.standard}）`], BOLD);
    add(['代码', '名称'], BOLD);
    const first = ws.rowCount + 1;
    for (const e of table.entries) ws.addRow([e.code, e.zh]).getCell(1).numFmt = '@';
    lists.set(category, `'${INSTRUCTIONS_SHEET}'!$B$${first}:$B$${ws.rowCount}`);
  }
  return lists;
}

/** The template of a kind, or an export when rows are given: the same sheets, header and formats. */
export async function buildWorkbook(
  kind: TImportKind,
  book: CodeBook,
  rows: (string | number | null)[][] = [],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hanlin 翰林';
  wb.created = new Date();
  const data = writeDataSheet(wb, kind, rows);
  const lists = writeInstructions(wb, kind, book);
  addDropdowns(data, kind, lists);
  return workbookBuffer(wb);
}
