import { codeLabel, currentCodes } from '../../platform/codes/codes.repository.ts';
import type { Tx } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { XlsxFile } from '../../platform/xlsx/xlsx-reply.ts';
import { applyBackbone, type BackboneData, type BackboneSummary } from './backbone.ts';
import { assertEditor } from './curriculum.service.ts';
import { exportBackboneWorkbook, parseBackboneWorkbook } from './curriculum.workbook.ts';

const ZERO: BackboneSummary = {
  volumes: 0,
  units: 0,
  lessons: 0,
  knowledgePoints: 0,
  prerequisites: 0,
  links: 0,
};

/** Applies several backbones in the caller's transaction; counts what was added. */
export async function applyBackbones(tx: Tx, backbones: BackboneData[]): Promise<BackboneSummary> {
  const total = { ...ZERO };
  for (const b of backbones) {
    const s = await applyBackbone(tx, b);
    for (const k of Object.keys(total) as (keyof BackboneSummary)[]) total[k] += s[k];
  }
  return total;
}

/**
 * Imports a backbone workbook: every row is checked first; with any error nothing is written and
 * the errors come back by sheet, row and column. Re-importing an export changes nothing.
 */
export async function importBackbone(ctx: Ctx, file: Buffer): Promise<BackboneSummary> {
  assertEditor(ctx);
  const known = {
    grades: await currentCodes(ctx.db, 'grade'),
    subjects: await currentCodes(ctx.db, 'subject'),
  };
  const { backbones, errors } = await parseBackboneWorkbook(ctx.db, file, known);
  if (errors.length > 0) {
    throw badRequest(`导入文件有 ${errors.length} 处错误，未写入任何数据`, { errors: errors.slice(0, 500) });
  }
  if (backbones.length === 0) throw badRequest('文件中没有数据行');
  const summary = await applyBackbones(ctx.db, backbones);
  await ctx.audit({ action: 'curriculum.import', targetType: 'curriculum', details: { ...summary } });
  return summary;
}

export async function exportBackbone(ctx: Ctx, subjectCode: string): Promise<XlsxFile> {
  const buffer = await exportBackboneWorkbook(ctx.db, subjectCode);
  const subject = await codeLabel(ctx.db, 'subject', subjectCode);
  return { fileName: `课程体系-${subject ?? subjectCode}.xlsx`, buffer };
}
