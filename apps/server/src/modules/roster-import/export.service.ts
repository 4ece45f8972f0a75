import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { MAX_ROWS } from '../../platform/xlsx/xlsx-file.ts';
import type { XlsxFile } from '../../platform/xlsx/xlsx-reply.ts';
import { findUnit } from '../org/org.repository.ts';
import { CodeBook } from './code-book.ts';
import { SHEETS } from './columns.ts';
import { countExportRows, type ExportRow, readExportRows } from './export.repository.ts';
import { within } from './import-context.ts';
import type { TImportKind } from './roster-import.schema.ts';
import { buildWorkbook } from './template.ts';

export type { XlsxFile };

/** An empty template of a kind, with the current code tables in its instructions and dropdowns. */
export async function downloadTemplate(ctx: Ctx, kind: TImportKind): Promise<XlsxFile> {
  const book = await CodeBook.load(ctx.db);
  return { fileName: `${SHEETS[kind].title}导入模板.xlsx`, buffer: await buildWorkbook(kind, book) };
}

/** Turns stored values into the cells an import reads back to the same values. */
function toCells(ctx: Ctx, kind: TImportKind, book: CodeBook, row: ExportRow): (string | number | null)[] {
  const { crypto } = ctx.deps;
  const values: Record<string, unknown> = { ...row };
  for (const [key, v] of Object.entries(row)) {
    if (key.endsWith('Enc') && Buffer.isBuffer(v)) values[key.slice(0, -3)] = crypto.decrypt(v);
  }
  if (typeof values.sensitive === 'string') Object.assign(values, JSON.parse(values.sensitive));
  return SHEETS[kind].columns.map((c) => {
    const v = values[c.key];
    if (v === null || v === undefined) return null;
    if (c.type === 'bool') return v ? '是' : '否';
    if (c.type === 'codes') return (v as string[]).join(',');
    if (c.type === 'code') return book.display(c, String(v));
    if (c.type === 'year') return Number(v);
    return String(v);
  });
}

/** Exports that hold personal data, and so count persons against the approval threshold. */
const PERSONAL_KINDS = new Set<TImportKind>(['teachers', 'students', 'parents']);

/** An org unit in the actor's scope (their own unit by default). */
export async function unitInScope(ctx: Ctx, orgUnitId: string | undefined) {
  const unit = await findUnit(ctx.db, orgUnitId ?? ctx.actor.orgUnitId);
  if (!unit || !within(ctx.scope, unit.path)) throw notFound('组织机构');
  return unit;
}

/** How many rows an export of the kind under the unit would hold (persons for personal kinds). */
export async function exportSize(ctx: Ctx, kind: TImportKind, unit: { path: string }) {
  const total = await countExportRows(ctx.db, kind, unit.path);
  if (total > MAX_ROWS) {
    throw new AppError(
      'bad_request',
      `导出数据共 ${total} 行，超过单个文件上限 ${MAX_ROWS} 行，请选择更小的范围（如单个学校）`,
      { total },
    );
  }
  return { total, personal: PERSONAL_KINDS.has(kind) };
}

/**
 * The workbook of the records of a kind under an org unit, in exactly the template format, so that
 * re-importing the file changes nothing. One audit event for the export, listing everyone whose
 * personal data the file holds (ID numbers, and for students sensitive fields): a search for any
 * of them finds it, and the auditor sees their names when opening the event.
 */
export async function buildExport(
  ctx: Ctx,
  kind: TImportKind,
  unit: { id: string; path: string; name: string },
  extra: Record<string, unknown> = {},
): Promise<XlsxFile> {
  const rows = await readExportRows(ctx.db, kind, unit.path);
  const book = await CodeBook.load(ctx.db);
  const buffer = await buildWorkbook(
    kind,
    book,
    rows.map((r) => toCells(ctx, kind, book, r)),
  );
  const subjects = [...new Set(rows.flatMap((r) => (r.subjectId ? [String(r.subjectId)] : [])))];
  await ctx.audit({
    action: 'roster.export',
    targetType: 'org_unit',
    targetId: unit.id,
    orgPath: unit.path,
    subjectIds: subjects,
    details: { kind, rows: rows.length, persons: subjects.length, ...extra },
  });
  const date = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return { fileName: `${unit.name}-${SHEETS[kind].title}-${date}.xlsx`, buffer };
}

/**
 * Exports the records of a kind under an org unit in the actor's scope at once, unless it holds
 * personal data of more persons than the approval threshold: then it needs a second administrator
 * (COMPLIANCE §5.4) and the answer says so (`approval_required`), with the count.
 */
export async function exportRoster(
  ctx: Ctx,
  kind: TImportKind,
  opts: { orgUnitId?: string },
): Promise<XlsxFile> {
  const unit = await unitInScope(ctx, opts.orgUnitId);
  const size = await exportSize(ctx, kind, unit);
  const threshold = ctx.deps.config.exportApprovalThreshold;
  if (size.personal && size.total > threshold) {
    throw new AppError(
      'approval_required',
      `导出包含 ${size.total} 人的个人信息，超过 ${threshold} 人，须经另一位管理员审批后下载`,
      { persons: size.total, threshold },
    );
  }
  return buildExport(ctx, kind, unit);
}
