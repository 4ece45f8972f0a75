import ExcelJS from 'exceljs';
import { DATA_INVENTORY } from '../../data-inventory.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { asSystem } from '../../platform/db/scoped.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { DATA_CLASS_LABEL, type TableInventory, tableNameOf } from '../../platform/privacy/data-classes.ts';
import { workbookBuffer } from '../../platform/xlsx/xlsx-file.ts';
import type { XlsxFile } from '../../platform/xlsx/xlsx-reply.ts';
import { findDataSubject, isGuardianOf } from '../roster/students.service.ts';
import { REQUEST_DUE_DAYS } from './privacy.policy.ts';
import { insertRequest } from './requests.repository.ts';
import { selectSubjectRows } from './subject-data.repository.ts';

/** Authentication secrets are never copied out, not even to their owner. */
const SECRETS = new Set(['passwordHash', 'tokenHash', 'csrfToken', 'totpSecretEnc', 'totpEnrolHash']);
/** Encrypted files (uploaded or exported workbooks) are named, not copied: they are purged soon anyway. */
const FILES = new Set(['fileEnc']);

function present(
  crypto: FieldCrypto,
  row: Record<string, unknown>,
  subjectId: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    // A list of persons (everyone a bulk export held): the copy names only its own subject.
    if (Array.isArray(value) && value.includes(subjectId)) out[key] = [subjectId];
    else if (SECRETS.has(key)) out[key] = '（鉴别信息，不予提供）';
    else if (FILES.has(key))
      out[key.slice(0, -3)] = value ? '（加密文件，按保存期限清除，不随副本提供）' : null;
    else if (key.endsWith('Hash')) out[key] = value ? '（带密钥散列，不可逆，不含原值）' : null;
    else if (key.endsWith('Enc') && Buffer.isBuffer(value)) {
      const plain = crypto.decrypt(value);
      out[key.slice(0, -3)] = plain.startsWith('{') ? JSON.parse(plain) : plain;
    } else if (value instanceof Date) out[key] = value.toISOString();
    else out[key] = value;
  }
  return out;
}

export interface SubjectCopy {
  subject: { personId: string; name: string };
  generatedAt: string;
  note: string;
  tables: {
    table: string;
    description: string;
    retention: string;
    classes: string[];
    rows: Record<string, unknown>[];
  }[];
}

/**
 * The subject or a guardian of a child may copy what the platform holds about them. Others (staff
 * serving a request) use their own tools.
 */
async function mayCopy(ctx: Ctx, subjectId: string): Promise<'self' | 'guardian'> {
  if (subjectId === ctx.actor.personId) return 'self';
  if (await isGuardianOf(ctx.db, ctx.actor.personId, subjectId)) return 'guardian';
  throw notFound('人员');
}

/**
 * 查阅、复制 (PIPL Art. 45): everything held about a person, table by table as the data inventory
 * declares it, encrypted fields opened, secrets left out. Recorded as a fulfilled access request in
 * the responsible school's register, and audited.
 */
export async function copySubjectData(
  ctx: Ctx,
  subjectId: string,
  format: 'json' | 'xlsx',
): Promise<SubjectCopy> {
  const as = await mayCopy(ctx, subjectId);
  const subject = await findDataSubject(ctx.db, ctx.deps.crypto, subjectId);
  if (!subject) throw notFound('人员');
  const tables: SubjectCopy['tables'] = [];
  // The person's right reaches every table, also rows no scope of the asker covers (their child's
  // account, a rating on another district's resource): read under a system scope, audited below.
  const collected = await asSystem(ctx.db, 'data-subject-access', async () => {
    const out: [TableInventory, Record<string, unknown>[]][] = [];
    for (const t of DATA_INVENTORY)
      if (t.subjects.length > 0) out.push([t, await selectSubjectRows(ctx.db, t, subjectId)]);
    return out;
  });
  for (const [t, rows] of collected) {
    if (rows.length === 0) continue;
    const classes = new Set<string>();
    for (const c of Object.values(t.columns))
      if (c.kind === 'personal') classes.add(DATA_CLASS_LABEL[c.class]);
    tables.push({
      table: tableNameOf(t),
      description: t.description,
      retention: t.retention,
      classes: [...classes],
      rows: rows.map((r) => present(ctx.deps.crypto, r, subjectId)),
    });
  }
  await insertRequest(ctx.db, {
    subjectId,
    requestedBy: ctx.actor.personId,
    requestedAs: as,
    kind: 'access',
    details: `下载个人信息副本（${format === 'json' ? 'JSON' : 'Excel'}）`,
    path: subject.path ?? ctx.actor.orgPath,
    dueDays: REQUEST_DUE_DAYS,
    status: 'done',
    response: '已自助下载个人信息副本',
  });
  await ctx.audit({
    action: 'privacy.access_copy',
    targetType: 'person',
    targetId: subjectId,
    subjectPersonId: subjectId,
    orgPath: subject.path,
    details: { format, as, tables: tables.length },
  });
  return {
    subject: { personId: subject.personId, name: subject.name },
    generatedAt: new Date().toISOString(),
    note: '本副本包含翰林平台保存的与您（或您的孩子）有关的全部个人信息；口令等鉴别信息不予提供。如需更正或删除，请在「隐私与授权」中提出申请。',
    tables,
  };
}

const cell = (v: unknown): string | number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
};

/** The same copy as a workbook: a cover sheet, then one sheet per table. */
export async function copyAsWorkbook(copy: SubjectCopy): Promise<XlsxFile> {
  const wb = new ExcelJS.Workbook();
  const cover = wb.addWorksheet('说明');
  cover.addRows([
    ['个人信息副本', copy.subject.name],
    ['生成时间', copy.generatedAt],
    ['说明', copy.note],
    [],
    ['工作表', '内容', '保存期限', '数据分级'],
    ...copy.tables.map((t, i) => [`${i + 1}`, t.description, t.retention, t.classes.join('、')]),
  ]);
  cover.getColumn(2).width = 60;
  copy.tables.forEach((t, i) => {
    const ws = wb.addWorksheet(`${i + 1}`);
    const keys = [...new Set(t.rows.flatMap((r) => Object.keys(r)))];
    ws.addRow(keys);
    ws.getRow(1).font = { bold: true };
    for (const r of t.rows) ws.addRow(keys.map((k) => cell(r[k])));
  });
  const date = copy.generatedAt.slice(0, 10);
  return { fileName: `个人信息副本-${copy.subject.name}-${date}.xlsx`, buffer: await workbookBuffer(wb) };
}
