/**
 * A student's mastery report as an .xlsx workbook: 学情报告 (one row per knowledge point by strand:
 * mastery in %, filled by level, the counts, 30 days ago, the likely causes of a weakness) and 说明.
 */
import ExcelJS from 'exceljs';
import { workbookBuffer } from '../../platform/xlsx/xlsx-file.ts';
import type { XlsxFile } from '../../platform/xlsx/xlsx-reply.ts';
import { legendSheet, paintLevel, safeName } from './heatmap.workbook.ts';
import { LEVEL_LABELS } from './mastery-levels.ts';
import type { TStudentReport } from './report.service.ts';

export async function reportWorkbook(r: TStudentReport): Promise<XlsxFile> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('学情报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '领域', width: 14 },
    { header: '知识点', width: 22 },
    { header: '掌握度', width: 10 },
    { header: '等级', width: 8 },
    { header: '答对次数', width: 9 },
    { header: '答错次数', width: 9 },
    { header: `${r.progress.days} 天前`, width: 10 },
    { header: '可能的原因', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const s of r.strands) {
    for (const p of s.points) {
      const row = sheet.addRow([
        s.strand,
        p.name,
        p.p,
        LEVEL_LABELS[p.level].zh,
        p.correct,
        p.wrong,
        p.before,
        p.causes.join('；'),
      ]);
      paintLevel(row.getCell(3), p.p);
      row.getCell(7).numFmt = '0%';
    }
  }
  legendSheet(wb, [
    [],
    ['学生', r.student.name],
    ['班级', r.student.className],
    ['学科代码', r.subject ?? ''],
  ]);
  return { fileName: `${safeName(r.student.name)}-学情报告.xlsx`, buffer: await workbookBuffer(wb) };
}
