import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { ADMINS } from '../../platform/http/policy.ts';
import { pathUnder } from '../../platform/scope/scope.ts';
import type { XlsxFile } from '../../platform/xlsx/xlsx-reply.ts';
import { findUnit } from '../org/org.repository.ts';
import { buildExport, exportSize, unitInScope } from './export.service.ts';
import * as repo from './export-request.repository.ts';
import type { TImportKind } from './roster-import.schema.ts';

/** Days an approved export waits to be fetched. */
const KEEP_DAYS = 7;

/**
 * Asks for a bulk export of personal data above the threshold (COMPLIANCE §5.4): recorded with the
 * reason, for a second administrator of the same or a higher unit to approve.
 */
export async function requestExport(
  ctx: Ctx,
  opts: { kind: TImportKind; orgUnitId?: string; reason: string },
) {
  const unit = await unitInScope(ctx, opts.orgUnitId);
  const size = await exportSize(ctx, opts.kind, unit);
  if (!size.personal || size.total <= ctx.deps.config.exportApprovalThreshold)
    throw badRequest('该导出无需审批，可直接下载');
  const id = await repo.insertExportRequest(ctx.db, {
    kind: opts.kind,
    orgUnitId: unit.id,
    path: unit.path,
    persons: size.total,
    reason: opts.reason,
    requestedBy: ctx.actor.personId,
    requesterRole: ctx.actor.role,
  });
  await ctx.audit({
    action: 'roster.export.requested',
    targetType: 'export_request',
    targetId: id,
    orgPath: unit.path,
    details: { kind: opts.kind, persons: size.total },
  });
  return (await repo.findExportRequest(ctx.db, id))!;
}

/** The actor's own export requests, and those of others they may approve. */
export async function listExportRequests(ctx: Ctx) {
  return repo.listExportRequests(ctx.db, ctx.actor.personId, ctx.scope);
}

/**
 * Approves or rejects a pending export: by an administrator other than the requester whose scope
 * holds the exported unit. On approval the workbook is made now (and audited per person, as done by
 * the approver on the requester's behalf), kept encrypted for the requester to fetch once.
 */
export async function decideExport(ctx: Ctx, id: string, opts: { approve: boolean; note: string }) {
  const r = await repo.findExportRequest(ctx.db, id);
  const admin = (ADMINS as readonly string[]).includes(ctx.actor.role);
  if (!r || !admin || !(ctx.scope.all || pathUnder(r.path, ctx.scope.paths))) throw notFound('导出申请');
  if (r.requestedBy === ctx.actor.personId) throw forbidden('不能审批自己的导出申请，须由另一位管理员审批');
  if (r.status !== 'pending') throw conflict('该申请已处理');
  let file: XlsxFile | undefined;
  if (opts.approve) {
    const unit = await findUnit(ctx.db, r.orgUnitId);
    if (!unit) throw notFound('组织机构');
    file = await buildExport(ctx, r.kind, unit, { exportRequestId: r.id, requestedBy: r.requestedBy });
  }
  const decided = await repo.decideExportRequest(ctx.db, r.id, {
    approved: opts.approve,
    decidedBy: ctx.actor.personId,
    note: opts.note,
    fileName: file?.fileName,
    fileEnc: file ? ctx.deps.crypto.encrypt(file.buffer.toString('base64')) : undefined,
    keepDays: KEEP_DAYS,
  });
  if (!decided) throw conflict('该申请已处理');
  await ctx.audit({
    action: opts.approve ? 'roster.export.approved' : 'roster.export.rejected',
    targetType: 'export_request',
    targetId: r.id,
    subjectPersonId: r.requestedBy,
    orgPath: r.path,
    details: { kind: r.kind, persons: r.persons },
  });
  return (await repo.findExportRequest(ctx.db, r.id))!;
}

/** The approved workbook, to its requester, once; then only the record that it was fetched remains. */
export async function fetchApprovedExport(ctx: Ctx, id: string): Promise<XlsxFile> {
  const taken = await repo.takeExportFile(ctx.db, id, ctx.actor.personId);
  if (!taken) {
    const r = await repo.findExportRequest(ctx.db, id);
    if (!r || r.requestedBy !== ctx.actor.personId) throw notFound('导出申请');
    throw new AppError(
      'conflict',
      r.status === 'fetched' ? '该文件已下载过，只能下载一次' : '该申请尚未批准或已过期',
    );
  }
  const r = await repo.findExportRequest(ctx.db, id);
  await ctx.audit({
    action: 'roster.export.fetched',
    targetType: 'export_request',
    targetId: id,
    orgPath: r?.path ?? null,
    details: { kind: r?.kind, persons: r?.persons },
  });
  return { fileName: taken.fileName, buffer: Buffer.from(ctx.deps.crypto.decrypt(taken.fileEnc), 'base64') };
}

/** Approved workbooks nobody fetched within the week are dropped (the daily retention job). */
export const expireApprovedExports = repo.expireExportFiles;
