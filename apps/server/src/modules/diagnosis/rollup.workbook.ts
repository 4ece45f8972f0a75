/**
 * The roll-up as an .xlsx workbook: 知识点 (points down, the unit and each unit below across: mean
 * mastery in %, filled by level; withheld cells say so), 薄弱占比, 认知层次 (score rates) and 说明.
 */
import ExcelJS from 'exceljs';
import { workbookBuffer } from '../../platform/xlsx/xlsx-file.ts';
import type { XlsxFile } from '../../platform/xlsx/xlsx-reply.ts';
import { legendSheet, paintLevel, safeName } from './heatmap.workbook.ts';
import type { TMasteryRollup } from './rollup.service.ts';

const WITHHELD = '人数不足';

export async function rollupWorkbook(r: TMasteryRollup): Promise<XlsxFile> {
  const wb = new ExcelJS.Workbook();
  const heads = ['领域', '知识点', r.unit.name, ...r.units.map((u) => u.name)];
  const sheet = (name: string, value: (c: TMasteryRollup['points'][number]['overall']) => number | null) => {
    const s = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
    s.columns = heads.map((_, i) => ({ width: i < 2 ? 20 : 14 }));
    s.addRow(heads).font = { bold: true };
    for (const p of r.points) {
      const cells = [p.overall, ...p.cells];
      const row = s.addRow([p.strand, p.name, ...cells.map((c) => (c.withheld ? WITHHELD : value(c)))]);
      cells.forEach((c, j) => {
        const cell = row.getCell(j + 3);
        if (c.withheld) return;
        if (name === '平均掌握度') paintLevel(cell, c.mean);
        else cell.numFmt = '0%';
      });
    }
  };
  sheet('平均掌握度', (c) => c.mean);
  sheet('薄弱占比', (c) => c.weakShare);
  sheet('掌握占比', (c) => c.masteredShare);
  const cog = wb.addWorksheet('认知层次');
  cog.columns = heads.slice(1).map(() => ({ width: 14 }));
  cog.addRow(['认知层次', r.unit.name, ...r.units.map((u) => u.name)]).font = { bold: true };
  for (const l of r.cognitive) {
    const cells = [l.overall, ...l.cells];
    const row = cog.addRow([l.label, ...cells.map((c) => (c.withheld ? WITHHELD : c.rate))]);
    cells.forEach((_, j) => {
      row.getCell(j + 2).numFmt = '0%';
    });
  }
  legendSheet(wb, [
    [],
    ['单位', r.unit.name],
    ['学科代码', r.subject ?? ''],
    [WITHHELD, `不足 ${r.minStudents} 名学生的格子不显示统计值`],
    [
      '数据截至',
      r.asOf
        ? `${new Date(r.asOf).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}（北京时间，按各班每小时汇总）`
        : '尚未汇总',
    ],
  ]);
  return { fileName: `${safeName(r.unit.name)}-学情分析.xlsx`, buffer: await workbookBuffer(wb) };
}
