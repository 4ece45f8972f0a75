import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Database } from '../../platform/db/client.ts';
import { uploadFile } from '../../testing/multipart.ts';
import type { Client } from '../../testing/test-app.ts';
import { idCheckChar } from '../roster/id-number.ts';

/** Helpers of roster-import.test.ts: uploads, polling, reading and filling workbooks. */

export type Row = Record<string, string | number | null>;
export type Job = {
  id: string;
  status: string;
  total: number;
  processed: number;
  errors: { row: number; column: string; message: string }[];
  summary: { created: number; updated: number; unchanged: number };
};

export const SHEET: Record<string, string> = {
  students: '学生',
  parents: '家长',
  teachers: '教师',
  classes: '班级',
  schools: '学校',
};
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function upload(c: Client, kind: string, file: Buffer, name = 'roster.xlsx') {
  return uploadFile(c, `/api/roster/imports?kind=${kind}`, file, name);
}

export async function waitJob(c: Client, id: string, seen: Job[] = []): Promise<Job> {
  for (let i = 0; i < 3000; i++) {
    const job = (await c.get(`/api/roster/imports/${id}`)).json() as Job;
    seen.push(job);
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

export async function importFile(c: Client, kind: string, file: Buffer): Promise<Job> {
  const res = await upload(c, kind, file);
  expect(res.statusCode, res.body).toBe(202);
  return waitJob(c, res.json().id);
}

export const headerOf = (v: unknown) => String(v ?? '').replace('*', '');

/** Data rows of an exported (or any) workbook, keyed by header without the required mark. */
export async function readRows(buf: Buffer, kind: string): Promise<Row[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(SHEET[kind])!;
  const headers = (ws.getRow(1).values as unknown[]).map(headerOf);
  const rows: Row[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const r: Row = {};
    headers.forEach((h, i) => {
      if (h) r[h] = (row.getCell(i).value as string | number | null) ?? null;
    });
    rows.push(r);
  });
  return rows;
}

export async function exportRows(c: Client, kind: string, query = ''): Promise<{ buf: Buffer; rows: Row[] }> {
  const res = await c.get(`/api/roster/exports/${kind}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const buf = res.rawPayload;
  return { buf, rows: await readRows(buf, kind) };
}

/** The downloaded template with rows filled in by header. */
export async function fill(c: Client, kind: string, rows: Row[]): Promise<Buffer> {
  const res = await c.get(`/api/roster/templates/${kind}`);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(SHEET[kind])!;
  const headers = (ws.getRow(1).values as unknown[]).map(headerOf);
  for (const r of rows) ws.addRow(headers.map((h) => (h ? (r[h] ?? null) : null)));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A valid resident ID for a birth date and sex, in an area code no demo person uses. */
export function residentId(birth: string, male: boolean, n: number): string {
  const seq = (n % 500) * 2 + (male ? 1 : 0);
  const area = String(449000 + Math.floor(n / 500)).padStart(6, '0');
  const first17 = `${area}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** Row counts and last-change times of the roster tables: equal snapshots mean nothing was written. */
export async function snapshot(db: Database) {
  const r = await db.db.execute(sql`select
    (select count(*)::int from person) as persons, (select count(*)::int from account) as accounts,
    (select count(*)::int from student) as students, (select count(*)::int from guardian) as guardians,
    (select count(*)::int from teacher) as teachers, (select count(*)::int from org_unit) as units,
    (select count(*)::int from role_assignment) as roles,
    (select max(updated_at) from person)::text as p_upd, (select max(updated_at) from student)::text as s_upd,
    (select max(updated_at) from org_unit)::text as o_upd, (select max(updated_at) from teacher)::text as t_upd,
    (select count(*)::int from audit_log where action like 'import.%.create' or action like 'import.%.update') as audits`);
  return r.rows[0];
}

const CN_DIGITS = '零一二三四五六七八九';
/** A name without digits (the name rule refuses them): 测试学生 + the number in Chinese numerals. */
export const cnName = (prefix: string, n: number) =>
  prefix + [...String(n)].map((d) => CN_DIGITS[Number(d)]).join('');
