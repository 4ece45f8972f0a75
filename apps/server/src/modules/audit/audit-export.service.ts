import ExcelJS from 'exceljs';
import { AUDIT_GROUPS, auditActionSpec } from '../../platform/audit/actions.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { workbookBuffer } from '../../platform/xlsx/xlsx-file.ts';
import type { XlsxFile } from '../../platform/xlsx/xlsx-reply.ts';
import * as repo from './audit.repository.ts';
import { unitNamesOf } from './audit.service.ts';
import { ROLE_LABEL } from './audit-labels.ts';

/** Rows of one audit export: a review's worth; narrower filters for more. */
export const MAX_EXPORT_ROWS = 20_000;

const OUTCOME_LABEL: Record<string, string> = { success: '成功', failure: '失败', denied: '拒绝' };

/** Beijing wall-clock time, as the page shows it. */
const beijing = (d: Date) =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * Control characters and a leading `=`, `+`, `-` or `@` would make a cell a formula in Excel
 * (CSV/formula injection): the trail holds text people typed (names, user agents, reasons).
 */
const cellText = (s: string) => {
  const clean = s.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return /^[=+\-@]/.test(clean) ? `'${clean}` : clean;
};

/**
 * The audit view as a workbook, with Chinese headers and labels: the rows the filter finds, newest
 * first, at most MAX_EXPORT_ROWS. The persons of a bulk event are counted, not listed (the
 * platform shows them, audited, to whoever opens the event). Audited as an export.
 */
export async function exportAudit(ctx: Ctx, q: repo.Filter): Promise<XlsxFile> {
  const now = new Date();
  const total = await repo.countAuditLog(ctx.db, q, ctx.actor.personId, now, MAX_EXPORT_ROWS);
  if (total > MAX_EXPORT_ROWS) {
    throw new AppError(
      'bad_request',
      `符合条件的记录超过单次导出上限 ${MAX_EXPORT_ROWS} 条，请缩小时间范围或增加条件`,
      { max: MAX_EXPORT_ROWS },
    );
  }
  const rows = await repo.listAuditLog(ctx.db, q, ctx.actor.personId, now, { limit: total, offset: 0 });
  const units = await unitNamesOf(
    ctx,
    rows.map((r) => r.orgPath),
  );
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('审计记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '时间（北京时间）', key: 'at', width: 20 },
    { header: '操作人', key: 'actor', width: 14 },
    { header: '操作人角色', key: 'role', width: 14 },
    { header: '操作类别', key: 'group', width: 14 },
    { header: '操作', key: 'action', width: 24 },
    { header: '操作代码', key: 'code', width: 26 },
    { header: '结果', key: 'outcome', width: 8 },
    { header: '涉及人员', key: 'subject', width: 18 },
    { header: '对象类型', key: 'targetType', width: 14 },
    { header: '对象编号', key: 'targetId', width: 38 },
    { header: '机构', key: 'org', width: 36 },
    { header: '来源 IP', key: 'ip', width: 16 },
    { header: '详情', key: 'details', width: 60 },
    { header: '记录编号', key: 'id', width: 38 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: 'A1', to: 'N1' };
  for (const r of rows) {
    const spec = auditActionSpec(r.action);
    ws.addRow({
      at: beijing(r.at),
      actor: r.actorRole === 'system' ? '系统' : cellText(r.actorName ?? ''),
      role: r.actorRole ? ((ROLE_LABEL as Record<string, string>)[r.actorRole] ?? r.actorRole) : '',
      group: spec ? AUDIT_GROUPS[spec.group].zh : '',
      action: spec?.zh ?? r.action,
      code: r.action,
      outcome: OUTCOME_LABEL[r.outcome] ?? r.outcome,
      subject:
        r.subjectCount > 0
          ? `共 ${r.subjectCount} 人（名单见平台审计记录）`
          : cellText(r.subjectName ?? r.subjectPersonId ?? ''),
      targetType: r.targetType ?? '',
      targetId: r.targetId ?? '',
      org: r.orgPath ? (units.get(r.orgPath) ?? []).join(' / ') || r.orgPath : '',
      ip: r.ip ?? '',
      details: r.details == null ? '' : cellText(JSON.stringify(r.details)),
      id: r.id,
    });
  }
  const shown = [...new Set(rows.flatMap((r) => (r.subjectName ? [r.subjectPersonId!] : [])))];
  await ctx.audit({
    action: 'audit.export',
    subjectIds: shown,
    details: { query: q, rows: rows.length },
  });
  const date = beijing(now).slice(0, 10);
  return { fileName: `审计记录-${date}.xlsx`, buffer: await workbookBuffer(wb) };
}
