/**
 * The class heatmap as an .xlsx workbook: one sheet 学情热力图 (students down, knowledge points across
 * in curriculum order, each cell the mastery as a percentage, filled by level), a row of class means
 * and weak counts, and a sheet 说明 with the levels. Shared by the roll-up's and the report's
 * workbooks: the level fills.
 */
import ExcelJS from 'exceljs';
import { workbookBuffer } from '../../platform/xlsx/xlsx-file.ts';
import type { XlsxFile } from '../../platform/xlsx/xlsx-reply.ts';
import type { TClassHeatmap } from './heatmap.service.ts';
import { LEVEL_LABELS, levelOf, MASTERED_FROM, type MasteryLevel, WEAK_BELOW } from './mastery-levels.ts';

/** Fill colours of the levels (the web page's legend): red, amber, green. */
export const LEVEL_FILLS: Record<MasteryLevel, string> = {
  weak: 'FFF8B4B4',
  developing: 'FFFFE7A3',
  mastered: 'FFB7E4C7',
};

/** Paints a cell holding a probability by its level. */
export function paintLevel(cell: ExcelJS.Cell, p: number | null) {
  cell.numFmt = '0%';
  if (p === null) return;
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LEVEL_FILLS[levelOf(p)] } };
}

/** The 说明 sheet: what the levels mean. */
export function legendSheet(wb: ExcelJS.Workbook, extra: string[][] = []) {
  const s = wb.addWorksheet('说明');
  s.columns = [{ width: 16 }, { width: 60 }];
  s.addRow(['掌握度', '学生答对该知识点下一道题的估计概率（知识点掌握模型）']);
  const rows: [MasteryLevel, string][] = [
    ['weak', `低于 ${WEAK_BELOW * 100}%`],
    ['developing', `${WEAK_BELOW * 100}%–${MASTERED_FROM * 100}%`],
    ['mastered', `${MASTERED_FROM * 100}% 及以上`],
  ];
  for (const [level, range] of rows) {
    const r = s.addRow([LEVEL_LABELS[level].zh, range]);
    r.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: LEVEL_FILLS[level] } };
  }
  for (const e of extra) s.addRow(e);
}

export const safeName = (s: string) => s.replace(/[\\/:*?"<>|[\]]/g, '_').slice(0, 60);

export async function heatmapWorkbook(h: TClassHeatmap): Promise<XlsxFile> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('学情热力图', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
  const points = [...h.points].sort(
    (a, b) => a.strand.localeCompare(b.strand) || a.code.localeCompare(b.code),
  );
  sheet.columns = [{ width: 10 }, { width: 12 }, ...points.map(() => ({ width: 12 }))];
  sheet.addRow(['', '领域', ...points.map((p) => p.strand)]);
  sheet.addRow(['学号', '姓名', ...points.map((p) => p.name)]);
  sheet.addRow(['', '知识点编码', ...points.map((p) => p.code)]);
  for (const r of [1, 2, 3]) sheet.getRow(r).font = { bold: r === 2 };
  sheet.getRow(2).alignment = { wrapText: true, vertical: 'top' };
  h.students.forEach((s, i) => {
    const row = sheet.addRow([s.studentNo, s.name, ...points.map((p) => p.p[i] ?? null)]);
    points.forEach((_, j) => {
      paintLevel(row.getCell(j + 3), points[j]!.p[i] ?? null);
    });
  });
  const mean = sheet.addRow(['', '班级平均', ...points.map((p) => p.mean)]);
  points.forEach((p, j) => {
    paintLevel(mean.getCell(j + 3), p.mean);
  });
  mean.font = { bold: true };
  sheet.addRow(['', '薄弱人数', ...points.map((p) => p.weak)]).font = { bold: true };
  legendSheet(wb, [[], ['班级', h.class.name], ['学科代码', h.subject ?? '']]);
  return { fileName: `${safeName(h.class.name)}-学情热力图.xlsx`, buffer: await workbookBuffer(wb) };
}
