import type { Readable } from 'node:stream';
import { notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { CodeBook } from '../roster-import/code-book.ts';
import * as bankRepo from './bank.repository.ts';
import { mapRich } from './bank-text.ts';
import type { ItemDraft } from './item-model.ts';
import { buildItemWorkbook } from './item-workbook.ts';
import { getPaper } from './papers.service.ts';
import { exportQtiPackage, pictureKeysOf, type StoredPicture } from './qti/index.ts';
import { checkRich } from './rich-text.ts';

export type ExportFormat = 'qti' | 'xlsx';

/** A file to download. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  buffer: Buffer;
}

/** Items per export: a unit's worth or a paper; a whole bank goes by another way (a request). */
export const MAX_EXPORT = 500;

const ZIP = 'application/zip';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

/**
 * The drafts of `ids` in that order, each as the bank stores it (rich text made canonical again,
 * for items written before the bank sanitised every field); the score of a paper's slot where given.
 */
async function draftsOf(ctx: Ctx, ids: string[], scores?: ReadonlyMap<string, number>) {
  const rows = new Map((await bankRepo.findVisibleItems(ctx.db, ctx, ids)).map((r) => [r.id, r]));
  if (ids.some((id) => !rows.has(id))) throw notFound('试题');
  const points = await bankRepo.listItemPoints(ctx.db, ids);
  const codeOf = new Map([...points.values()].flat().map((p) => [p.id, p.code]));
  const drafts: ItemDraft[] = ids.map((id) => {
    const r = rows.get(id)!;
    return {
      content: mapRich(r.content, (x) => checkRich(x, { images: { mode: 'stored' } }).rich),
      tags: {
        subjectCode: r.subjectCode,
        gradeCode: r.gradeCode,
        knowledgePointIds: (points.get(id) ?? []).map((p) => p.id),
        cognitiveLevel: r.cognitiveLevel,
        difficulty: r.difficulty,
        score: r.content.type === 'composite' ? r.score : (scores?.get(id) ?? r.score),
        seconds: r.seconds,
        ...(r.source ? { source: r.source } : {}),
        ...(r.year ? { year: r.year } : {}),
      },
    };
  });
  return { drafts, codeOf };
}

async function packageOf(ctx: Ctx, drafts: ItemDraft[], codeOf: Map<string, string>): Promise<Buffer> {
  const keys = pictureKeysOf(drafts);
  const pictures = new Map<string, StoredPicture>();
  for (const f of await bankRepo.findPictures(ctx.db, keys))
    pictures.set(f.storageKey, {
      bytes: await bytesOf(await ctx.deps.storage.read(f.storageKey)),
      mediaType: f.mime,
    });
  return exportQtiPackage(drafts, { pictures, knowledgePointCode: (id) => codeOf.get(id) });
}

async function fileOf(
  ctx: Ctx,
  format: ExportFormat,
  name: string,
  { drafts, codeOf }: Awaited<ReturnType<typeof draftsOf>>,
): Promise<ExportFile> {
  if (format === 'qti')
    return { fileName: `${name}.zip`, contentType: ZIP, buffer: await packageOf(ctx, drafts, codeOf) };
  const codes = await CodeBook.load(ctx.db);
  const buffer = await buildItemWorkbook({ codes, drafts, knowledgePointCode: (id) => codeOf.get(id) });
  return { fileName: `${name}.xlsx`, contentType: XLSX, buffer };
}

const stamp = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

/** Items the teacher sees, in the order given, as a QTI 3.0 package or the .xlsx template. */
export async function exportItems(ctx: Ctx, ids: string[], format: ExportFormat): Promise<ExportFile> {
  const unique = [...new Set(ids)];
  const file = await fileOf(ctx, format, `试题导出-${stamp()}`, await draftsOf(ctx, unique));
  await ctx.audit({ action: 'item.export', targetType: 'item', details: { format, items: unique.length } });
  return file;
}

/** A paper's items (those the teacher sees in the bank), in the paper's order with its scores. */
export async function exportPaper(ctx: Ctx, paperId: string, format: ExportFormat): Promise<ExportFile> {
  const paper = await getPaper(ctx, paperId);
  const slots = paper.sections.flatMap((s) => s.items).filter((i) => i.item !== null);
  if (slots.length === 0) throw notFound('试卷中可导出的试题');
  const scores = new Map(slots.map((s) => [s.itemId, s.score]));
  const name = paper.title.replace(/[\\/:*?"<>|]/g, '_').slice(0, 80) || '试卷';
  const file = await fileOf(ctx, format, name, await draftsOf(ctx, [...scores.keys()], scores));
  await ctx.audit({
    action: 'item.export',
    targetType: 'paper',
    targetId: paperId,
    details: { format, items: scores.size },
  });
  return file;
}

/** The blank .xlsx template with its instructions, examples and code lists. */
export async function downloadTemplate(ctx: Ctx): Promise<ExportFile> {
  const codes = await CodeBook.load(ctx.db);
  return { fileName: '试题导入模板.xlsx', contentType: XLSX, buffer: await buildItemWorkbook({ codes }) };
}
