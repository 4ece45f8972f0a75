import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { craftZipBomb } from '../../testing/zip-bomb.ts';
import {
  byCell,
  cellsOf,
  expectedErrors,
  expectedRed,
  FIXTURE_SCHOOL_CODE,
  redCells,
  WRITER_FIXTURES,
} from './fixtures/students.expected.ts';
import { exportRows, fill, importFile, snapshot, upload, waitJob } from './roster-import.fixtures.ts';

/**
 * Issue 9 item 3, through the API: a workbook from any writer is accepted, all its errors come in
 * one round, and the downloaded error workbook marks exactly the erroneous cells.
 */

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  // A whole school's export is read below; the second-approver threshold has its own test.
  t = await createTestApp({ exportApprovalThreshold: 1_000_000 });
  admin = await t.login('school_admin');
  const r = await t.db.db.execute<{ code: string }>(sql`
    select o.school_code as code from role_assignment ra join account a on a.person_id = ra.person_id
      join org_unit o on o.id = ra.org_unit_id where a.username = 'school_admin' and ra.role = 'school_admin'`);
  // The fixtures name the demo school and its class 四年级(1)班 (see fixtures/students.rows.json).
  expect(r.rows[0]!.code).toBe(FIXTURE_SCHOOL_CODE);
});
afterAll(() => t.close());

describe('a students workbook from every writer', () => {
  for (const { writer, file } of WRITER_FIXTURES) {
    it(`${writer}: accepted, every error in one round, exactly those cells red`, async () => {
      const before = await snapshot(t.db);
      const res = await upload(admin, 'students', file, `students.${writer}.xlsx`);
      expect(res.statusCode, res.body).toBe(202);
      const job = await waitJob(admin, res.json().id);
      expect(job.status).toBe('failed');
      expect(byCell(job.errors)).toEqual(byCell(expectedErrors()));
      expect(await snapshot(t.db)).toEqual(before);

      const download = await admin.get(`/api/roster/imports/${job.id}/errors.xlsx`);
      expect(download.statusCode).toBe(200);
      const red = await redCells(download.rawPayload);
      expect(cellsOf(red)).toEqual(expectedRed(expectedErrors()));
    });
  }
});

describe('one round for every kind: checks against stored data run on rows with cell errors too', () => {
  const roundOf = async (c: Client, kind: string, row: Record<string, string | number>) => {
    const job = await importFile(c, kind, await fill(c, kind, [row]));
    expect(job.status).toBe('failed');
    return byCell(job.errors).map((e) => `${e.column}: ${e.message}`);
  };

  it('students: a row whose 全国学籍号 cannot be read is not taken for someone else', async () => {
    const { rows } = await exportRows(admin, 'students');
    const existing = rows[0]!;
    // Who the row is stays unknown: its (valid, existing) 学号 and ID number are no conflict.
    const errors = await roundOf(admin, 'students', { ...existing, 全国学籍号: 'X1' } as Record<
      string,
      string
    >);
    expect(errors).toEqual(['全国学籍号: 全国学籍号应为 10–20 位字母或数字']);
  });

  it('teachers: a bad ID number and an unknown school', async () => {
    const errors = await roundOf(admin, 'teachers', {
      姓名: '测试教师',
      性别: '男',
      证件类型: '居民身份证',
      证件号码: '449901198503120010',
      教职工号: 'T-ROUND-1',
      学校标识码: '3440104999',
    });
    expect(errors).toEqual([
      '学校标识码: 学校标识码不存在或不在您的管理范围内',
      '证件号码: 身份证号校验位不正确',
    ]);
  });

  it('classes: a wrong entry year and a class that exists with another type', async () => {
    const errors = await roundOf(admin, 'classes', {
      学校标识码: FIXTURE_SCHOOL_CODE,
      年级代码: '14',
      班级名称: '四年级(1)班',
      入学年份: 1900,
      类型: '教学班',
      学科代码: '13',
    });
    expect(errors).toEqual([
      `入学年份: 应为 1990–${new Date().getUTCFullYear() + 1} 之间的四位年份`,
      '类型: 该班级已存在且类型不同',
    ]);
  });

  it('parents: a bad phone and an unknown student', async () => {
    const errors = await roundOf(admin, 'parents', {
      家长姓名: '测试家长',
      手机号: '123',
      关系: '父亲',
      学生全国学籍号: 'G000000000000000001',
    });
    expect(errors).toEqual([
      '学生全国学籍号: 学生全国学籍号不存在或不在您的管理范围内',
      '手机号: 手机号应为 11 位中国大陆手机号',
    ]);
  });

  it('schools: a wrong stage and a district outside the scope', async () => {
    const district = await t.login('district_yuexiu');
    const errors = await roundOf(district, 'schools', {
      学校名称: '测试学校',
      学校标识码: '3440199001',
      所属区县行政区划代码: '440106',
      学段: '大学以上',
      办学类型: '小学',
    });
    expect(errors).toEqual([
      '学段: 「大学以上」不在「学段」代码表中',
      '所属区县行政区划代码: 所属区县不存在或不在您的管理范围内',
    ]);
  });
});

describe('bad files are still refused, each with the one error shape', () => {
  const refused = async (file: Buffer, name: string) => {
    const res = await upload(admin, 'students', file, name);
    const body = res.json() as { error: { code: string; message: string; details?: unknown } };
    expect(Object.keys(body)).toEqual(['error']);
    return { status: res.statusCode, ...body.error };
  };

  it('not a zip, an old .xls, a zip bomb, another kind of template', async () => {
    const before = await snapshot(t.db);
    const csv = await refused(Buffer.from('姓名,性别\n张三,男\n'), 'fake.xlsx');
    expect([csv.status, csv.code]).toEqual([415, 'unsupported_media_type']);
    const xls = await refused(
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]),
      'old.xls',
    );
    expect([xls.status, xls.code]).toEqual([415, 'unsupported_media_type']);
    expect(xls.message).toContain('.xls');
    const openpyxl = WRITER_FIXTURES.find((f) => f.writer === 'openpyxl')!.file;
    const bomb = await refused(
      await craftZipBomb(openpyxl, 'xl/worksheets/sheet1.xml', 64 * 1024 * 1024),
      'bomb.xlsx',
    );
    expect([bomb.status, bomb.code]).toEqual([413, 'payload_too_large']);
    const teachers = (await admin.get('/api/roster/templates/teachers')).rawPayload;
    const wrong = await refused(teachers, 'teachers.xlsx');
    expect(wrong.code).toBe('validation_failed');
    expect(wrong.message).toContain('缺少必填列');
    expect(await snapshot(t.db)).toEqual(before);
  });
});
