/**
 * The item analysis as an .xlsx workbook: 概览 (the paper: N, score summary, α, split-half), 试题
 * (one row per item: P, D, r, α if deleted, flags in words) and 选项 (each choice item's options by
 * ability group). Figures are rounded as the page shows them; empty cells stand for "not defined".
 */
import ExcelJS from 'exceljs';
import { workbookBuffer } from '../../platform/xlsx/xlsx-file.ts';
import type { XlsxFile } from '../../platform/xlsx/xlsx-reply.ts';
import type { TItemAnalysis } from './item-analysis.service.ts';

/** What each flag code means, in the words of the workbook. */
export const FLAG_WORDS: Record<string, string> = {
  'negative-discrimination': '区分度为负：高分学生反而答得差，请检查答案或题意',
  'low-discrimination': '区分度低：高分与低分学生得分相近',
  'distractor-attracts-upper': '干扰项对高分组更有吸引力',
  'distractor-beats-key': '选干扰项的人比选正确答案的多',
  'raises-alpha-if-deleted': '删去此题信度反而提高',
  'very-easy': '过易',
  'very-hard': '过难',
};

const TYPE_WORDS: Record<string, string> = {
  single_choice: '单选',
  multiple_choice: '多选',
  true_false: '判断',
  fill_in: '填空',
  short_answer: '解答',
  essay: '作文',
};

const r3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
const optionWord = (o: string | null) => (o === null ? '未作答' : o === 'T' ? '对' : o === 'F' ? '错' : o);

export async function analysisWorkbook(a: TItemAnalysis): Promise<XlsxFile> {
  const wb = new ExcelJS.Workbook();
  const overview = wb.addWorksheet('概览');
  overview.columns = [{ width: 22 }, { width: 40 }];
  const className = a.classId ? a.classes.find((c) => c.id === a.classId)?.name : '全部班级';
  overview.addRows([
    ['作业/考试', a.assignment.title],
    ['范围', className ?? ''],
    ['参加人数 N', a.persons],
    ['待阅卷人数', a.pending],
    ['满分', a.scores?.maxTotal ?? a.assignment.totalScore],
    ['平均分', r3(a.scores?.mean ?? null)],
    ['标准差', r3(a.scores?.sd ?? null)],
    ['最低分 / 中位数 / 最高分', a.scores ? `${a.scores.min} / ${a.scores.median} / ${a.scores.max}` : ''],
    ["Cronbach's α", r3(a.reliability?.alpha ?? null)],
    ['分半信度（奇偶，Spearman–Brown）', r3(a.reliability?.splitHalf ?? null)],
    ['测量标准误 SEM', r3(a.reliability?.sem ?? null)],
    ['高/低分组人数（27%）', a.groupSize],
  ]);
  overview.addRow([]);
  overview.addRow(['分数段', '人数']);
  for (const b of a.scores?.bins ?? []) overview.addRow([`${r3(b.from)}–${r3(b.to)}`, b.count]);

  const items = wb.addWorksheet('试题');
  items.columns = [
    { header: '题号', width: 8 },
    { header: '题型', width: 8 },
    { header: '知识点', width: 30 },
    { header: '满分', width: 7 },
    { header: '平均分', width: 9 },
    { header: '难度 P', width: 9 },
    { header: '区分度 D（27%）', width: 14 },
    { header: '点二列相关 r（校正）', width: 18 },
    { header: '高分组得分率', width: 12 },
    { header: '低分组得分率', width: 12 },
    { header: '删题后 α', width: 10 },
    { header: '提示', width: 60 },
  ];
  for (const i of a.items) {
    items.addRow([
      i.label,
      TYPE_WORDS[i.type] ?? i.type,
      i.knowledgePoints.map((k) => k.name).join('、'),
      i.maxScore,
      r3(i.mean),
      r3(i.p),
      r3(i.d),
      r3(i.rpb),
      r3(i.upperP),
      r3(i.lowerP),
      r3(i.alphaIfDeleted),
      i.flags
        .map((f) => (f.option ? `${FLAG_WORDS[f.code]}（${optionWord(f.option)}）` : FLAG_WORDS[f.code]))
        .join('；'),
    ]);
  }
  items.getRow(1).font = { bold: true };
  items.views = [{ state: 'frozen', ySplit: 1 }];

  const options = wb.addWorksheet('选项');
  options.columns = [
    { header: '题号', width: 8 },
    { header: '选项', width: 8 },
    { header: '正确答案', width: 9 },
    { header: '人数', width: 8 },
    { header: '选择率', width: 9 },
    { header: '高分组', width: 9 },
    { header: '中间组', width: 9 },
    { header: '低分组', width: 9 },
    { header: '点二列相关 r', width: 12 },
  ];
  for (const i of a.items) {
    for (const d of i.distractors ?? []) {
      options.addRow([
        i.label,
        optionWord(d.option),
        d.isKey ? '✓' : '',
        d.count,
        r3(d.share),
        r3(d.upper),
        r3(d.middle),
        r3(d.lower),
        r3(d.rpb),
      ]);
    }
  }
  options.getRow(1).font = { bold: true };
  const safe = a.assignment.title.replace(/[\\/:*?"<>|]/g, '_').slice(0, 60);
  return { fileName: `${safe}-试题分析.xlsx`, buffer: await workbookBuffer(wb) };
}
