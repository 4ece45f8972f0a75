import type { PgColumn } from 'drizzle-orm/pg-core';
import ExcelJS from 'exceljs';
import { DATA_INVENTORY } from '../../data-inventory.ts';
import type { Ctx } from '../../platform/http/context.ts';
import {
  columnsOf,
  DATA_CLASS_LABEL,
  holdsPersonalData,
  LEGAL_BASIS_LABEL,
  tableNameOf,
} from '../../platform/privacy/data-classes.ts';
import { workbookBuffer } from '../../platform/xlsx/xlsx-file.ts';
import type { XlsxFile } from '../../platform/xlsx/xlsx-reply.ts';
import { findGuardedTables } from './inventory.repository.ts';

/** How a personal column is protected at rest, in Chinese. */
function protection(key: string, column: PgColumn): string {
  if (/Hash$/.test(key)) return '带密钥散列（不可逆）';
  if (column.getSQLType() === 'bytea') return 'AES-256-GCM 加密';
  return '行级安全 + 访问审计';
}

/**
 * 个人信息清单 (ASVS V8, COMPLIANCE §3): every table holding personal data with each personal
 * column's class, legal basis, purpose and protection, and whether row-level security guards the
 * table — read from the database, not assumed.
 */
export async function inventoryRows(ctx: Ctx) {
  const guarded = await findGuardedTables(ctx.db);
  await ctx.audit({ action: 'privacy.inventory.read' });
  return DATA_INVENTORY.filter(holdsPersonalData).map((t) => {
    const name = tableNameOf(t);
    const columns = columnsOf(t);
    return {
      table: name,
      description: t.description,
      retention: t.retention,
      rowLevelSecurity: guarded.has(name),
      columns: Object.entries(t.columns).flatMap(([key, c]) =>
        c.kind === 'personal'
          ? [
              {
                column: columns[key]!.name,
                class: DATA_CLASS_LABEL[c.class],
                basis: LEGAL_BASIS_LABEL[c.basis],
                purpose: c.plaintextBecause ? `${c.purpose}（明文：${c.plaintextBecause}）` : c.purpose,
                protection: protection(key, columns[key]!),
              },
            ]
          : [],
      ),
    };
  });
}

/** The inventory as a workbook: one row per personal column. */
export async function inventoryWorkbook(ctx: Ctx): Promise<XlsxFile> {
  const rows = await inventoryRows(ctx);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('个人信息清单');
  ws.columns = [
    { header: '数据表', key: 'table', width: 22 },
    { header: '内容', key: 'description', width: 40 },
    { header: '字段', key: 'column', width: 22 },
    { header: '分级', key: 'class', width: 14 },
    { header: '处理依据', key: 'basis', width: 44 },
    { header: '处理目的', key: 'purpose', width: 50 },
    { header: '存储保护', key: 'protection', width: 20 },
    { header: '行级安全', key: 'rls', width: 10 },
    { header: '保存期限', key: 'retention', width: 40 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const t of rows)
    for (const c of t.columns)
      ws.addRow({
        ...c,
        table: t.table,
        description: t.description,
        rls: t.rowLevelSecurity ? '是' : '否',
        retention: t.retention,
      });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const date = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return { fileName: `个人信息清单-${date}.xlsx`, buffer: await workbookBuffer(wb) };
}
