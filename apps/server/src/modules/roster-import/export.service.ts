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
import { insertSubjectAudits } from './write.repository.ts';

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

/**
 * Exports the records of a kind under an org unit in the actor's scope, in exactly the template
 * format, so that re-importing the file changes nothing. Audited with the row count (personal data),
 * and with one row per exported person (`roster.export.subject`) for searches by person.
 */
export async function exportRoster(
  ctx: Ctx,
  kind: TImportKind,
  opts: { orgUnitId?: string },
): Promise<XlsxFile> {
  const unit = await findUnit(ctx.db, opts.orgUnitId ?? ctx.actor.orgUnitId);
  if (!unit || !within(ctx.scope, unit.path)) throw notFound('组织机构');
  const total = await countExportRows(ctx.db, kind, unit.path);
  if (total > MAX_ROWS) {
    throw new AppError(
      'bad_request',
      `导出数据共 ${total} 行，超过单个文件上限 ${MAX_ROWS} 行，请选择更小的范围（如单个学校）`,
      {
        total,
      },
    );
  }
  const rows = await readExportRows(ctx.db, kind, unit.path);
  const book = await CodeBook.load(ctx.db);
  const buffer = await buildWorkbook(
    kind,
    book,
    rows.map((r) => toCells(ctx, kind, book, r)),
  );
  await ctx.audit({
    action: 'roster.export',
    targetType: 'org_unit',
    targetId: unit.id,
    orgPath: unit.path,
    details: { kind, rows: rows.length },
  });
  // One row per exported person too (ID numbers, and for students sensitive fields), by subject.
  const subjects = new Map<string, string | null>();
  for (const r of rows) if (r.subjectId) subjects.set(String(r.subjectId), (r.subjectPath as string) ?? null);
  await insertSubjectAudits(
    ctx.db,
    ctx.origin,
    { action: 'roster.export.subject', targetType: 'org_unit', targetId: unit.id, details: { kind } },
    [...subjects].map(([personId, path]) => ({ personId, path })),
  );
  const date = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return { fileName: `${unit.name}-${SHEETS[kind].title}-${date}.xlsx`, buffer };
}
