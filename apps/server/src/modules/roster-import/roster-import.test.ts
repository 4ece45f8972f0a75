import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import {
  cnName,
  exportRows,
  fill,
  headerOf,
  importFile,
  type Job,
  type Row,
  residentId,
  snapshot,
  upload,
  waitJob,
  XLSX,
} from './roster-import.fixtures.ts';

let t: TestApp;
let admin: Client;
let schoolId: string;
let schoolCode: string;

beforeAll(async () => {
  // Whole schools are exported and re-imported here; the second-approver threshold has its own test (privacy.test.ts).
  t = await createTestApp({ exportApprovalThreshold: 1_000_000 });
  admin = await t.login('school_admin');
  const r = await t.db.db.execute<{ id: string; code: string }>(sql`
    select o.id, o.school_code as code from role_assignment ra join account a on a.person_id = ra.person_id
      join org_unit o on o.id = ra.org_unit_id where a.username = 'school_admin' and ra.role = 'school_admin'`);
  schoolId = r.rows[0]!.id;
  schoolCode = r.rows[0]!.code;
});
afterAll(() => t.close());

/** New students modelled on exported ones: same class and codes, new identity. */
async function newStudents(n: number, offset: number): Promise<Row[]> {
  const { rows } = await exportRows(admin, 'students');
  return Array.from({ length: n }, (_, i) => {
    const base = rows[i % rows.length]!;
    const male = base.性别 === '男性';
    const id = residentId(String(base.出生日期), male, offset + i);
    return {
      ...base,
      姓名: cnName('测试学生', offset + i),
      证件号码: id,
      全国学籍号: `G${id}`,
      学号: `T${offset + i}`,
    };
  });
}

describe('roster import', () => {
  let students: Row[];
  let failedJob: string;

  it('serves a template with Chinese headers, instructions and code tables', async () => {
    const res = await admin.get('/api/roster/templates/students');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['学生', '填写说明']);
    const headers = wb.getWorksheet('学生')!.getRow(1).values as string[];
    expect(headers).toContain('全国学籍号*');
    expect(headers).toContain('随迁子女');
    expect(wb.getWorksheet('学生')!.rowCount).toBe(1);
    const help: string[] = [];
    wb.getWorksheet('填写说明')!.eachRow((r) => help.push(String(r.getCell(2).value)));
    expect(help).toContain('汉族');
    expect(help).toContain('居民身份证');
  });

  it('refuses a file with one bad ID number, writes nothing, and marks the cell red', async () => {
    students = await newStudents(3, 0);
    const bad = structuredClone(students);
    const id = String(bad[1]!.证件号码);
    bad[1]!.证件号码 = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const before = await snapshot(t.db);
    const job = await importFile(admin, 'students', await fill(admin, 'students', bad));
    expect(job.status).toBe('failed');
    failedJob = job.id;
    expect(job.errors).toContainEqual({ row: 3, column: '证件号码', message: '身份证号校验位不正确' });
    expect(await snapshot(t.db)).toEqual(before);

    const res = await admin.get(`/api/roster/imports/${job.id}/errors.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('学生')!;
    const headers = (ws.getRow(1).values as unknown[]).map(headerOf);
    const cell = ws.getRow(3).getCell(headers.indexOf('证件号码'));
    expect(JSON.stringify(cell.note)).toContain('校验位');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(String(ws.getRow(3).getCell(headers.indexOf('错误说明')).value)).toContain('证件号码');
  });

  it('imports the fixed file: students with accounts, then their parents', async () => {
    const job = await importFile(admin, 'students', await fill(admin, 'students', students));
    expect(job.status, JSON.stringify(job.errors)).toBe('done');
    expect(job.summary).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const nos = students.map((s) => t.deps.crypto.lookupHash(String(s.全国学籍号)));
    const acc = await t.db.db.execute<{ username: string; must: boolean; role: string }>(sql`
      select a.username, a.must_change_password as must, ra.role from student s
        join account a on a.person_id = s.person_id join role_assignment ra on ra.person_id = s.person_id
       where s.national_no_hash = any(${sql.param(nos)}::text[])`);
    // s + 学校标识码 + 学号: no username carries the 全国学籍号 (which holds the ID number).
    expect(acc.rows.map((r) => r.username).sort()).toEqual(
      students.map((s) => `s${s.学校标识码}${s.学号}`.toLowerCase()).sort(),
    );
    expect(acc.rows.every((r) => r.must && r.role === 'student')).toBe(true);

    const parents: Row[] = students.map((s, i) => ({
      家长姓名: cnName('测试家长', i),
      手机号: `1990000000${i}`,
      关系: i === 0 ? '母亲' : '父亲',
      学生全国学籍号: s.全国学籍号 ?? null,
    }));
    const pj = await importFile(admin, 'parents', await fill(admin, 'parents', parents));
    expect(pj.status, JSON.stringify(pj.errors)).toBe('done');
    expect(pj.summary.created).toBe(3);
    const g = await t.db.db.execute<{ username: string; relation: string; phone: Buffer }>(sql`
      select a.username, g.relation, p.phone_enc as phone from guardian g join student s on s.person_id = g.student_id
        join person p on p.id = g.parent_id join account a on a.person_id = g.parent_id
       where s.national_no_hash = any(${sql.param(nos)}::text[])`);
    const byPhone = g.rows
      .map((r) => ({ ...r, phone: t.deps.crypto.decrypt(r.phone) }))
      .sort((a, b) => a.phone.localeCompare(b.phone));
    expect(byPhone.map((r) => r.phone)).toEqual(['19900000000', '19900000001', '19900000002']);
    // Parents sign in with their phone; their usernames are handles that do not carry it.
    expect(byPhone.every((r) => /^p[0-9]{10}$/.test(r.username))).toBe(true);
    expect(byPhone[0]!.relation).toBe('52');
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await snapshot(t.db);
    const job = await importFile(admin, 'students', await fill(admin, 'students', students));
    expect(job.summary).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('re-importing an export changes nothing, for every kind', async () => {
    const district = await t.login('district_yuexiu');
    const before = await snapshot(t.db);
    for (const [c, kind] of [
      [admin, 'students'],
      [admin, 'parents'],
      [admin, 'teachers'],
      [admin, 'classes'],
      [district, 'schools'],
    ] as const) {
      const { buf, rows } = await exportRows(c, kind);
      expect(rows.length, kind).toBeGreaterThan(0);
      const job = await importFile(c, kind, buf);
      expect(job.status, `${kind}: ${JSON.stringify(job.errors.slice(0, 5))}`).toBe('done');
      expect(job.summary, kind).toEqual({ created: 0, updated: 0, unchanged: rows.length });
    }
    expect(await snapshot(t.db)).toEqual(before);
    const audit = await t.db.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'roster.export'`,
    );
    expect(audit.rows[0]!.n).toBeGreaterThanOrEqual(5);
  });

  it('refuses rows outside the actor scope and names that are markup', async () => {
    const other = await t.db.db.execute<{ code: string }>(sql`
      select school_code as code from org_unit where kind = 'school' and id <> ${schoolId} limit 1`);
    const [a, b, c] = await newStudents(3, 100);
    const before = await snapshot(t.db);
    const job = await importFile(
      admin,
      'students',
      await fill(admin, 'students', [
        { ...a, 学校标识码: other.rows[0]!.code },
        { ...b, 姓名: '<script>alert(1)</script>' },
        { ...c!, 班级名称: `\u202e${c!.班级名称}` },
      ]),
    );
    expect(job.status).toBe('failed');
    expect(job.errors).toContainEqual({
      row: 2,
      column: '学校标识码',
      message: '学校标识码不存在或不在您的管理范围内',
    });
    expect(job.errors.find((e) => e.row === 3)?.column).toBe('姓名');
    // A direction override is refused in any cell, not only where a pattern happens to exclude it.
    expect(job.errors).toContainEqual({
      row: 4,
      column: '班级名称',
      message: '包含不允许的文字方向控制字符',
    });
    expect(await snapshot(t.db)).toEqual(before);
    expect(schoolCode).toMatch(/^[0-9]{10}$/);
  });

  it('shows a job to its creator and admins above, not to another school or a teacher', async () => {
    const other = await t.db.db.execute<{ username: string }>(sql`
      select a.username from account a join role_assignment ra on ra.person_id = a.person_id
       where ra.role = 'school_admin' and ra.org_unit_id <> ${schoolId} limit 1`);
    const neighbour = await t.login(other.rows[0]!.username);
    expect((await neighbour.get(`/api/roster/imports/${failedJob}`)).statusCode).toBe(404);
    expect((await neighbour.get(`/api/roster/imports/${failedJob}/errors.xlsx`)).statusCode).toBe(404);
    const district = await t.login('district_yuexiu');
    expect((await district.get(`/api/roster/imports/${failedJob}`)).statusCode).toBe(200);
    const teacher = await t.login('teacher_demo');
    expect((await teacher.get(`/api/roster/imports/${failedJob}`)).statusCode).toBe(403);
    expect((await teacher.get('/api/roster/exports/students')).statusCode).toBe(403);
  });

  it('refuses a file that is not a workbook with the error shape', async () => {
    const res = await upload(admin, 'students', Buffer.from('姓名,性别\n张三,男\n'), 'fake.xlsx');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
    expect(res.json().error.message).toContain('.xlsx');
    const big = await upload(admin, 'students', Buffer.alloc(11 * 1024 * 1024, 0x50), 'big.xlsx');
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
  });

  it('imports 10,000 students in one job with progress', async () => {
    const rows = await newStudents(10_000, 1000);
    const file = await fill(admin, 'students', rows);
    const before = (await snapshot(t.db))!.students as number;
    const started = Date.now();
    const first = await upload(admin, 'students', file, 'big.xlsx');
    const again = await upload(admin, 'students', file, 'big.xlsx');
    expect(again.json().id).toBe(first.json().id);
    const polls: Job[] = [];
    const job = await waitJob(admin, first.json().id, polls);
    const seconds = (Date.now() - started) / 1000;
    console.log(`[roster-import] 10,000 students imported in ${seconds.toFixed(1)} s (upload to done)`);
    expect(job.status, JSON.stringify(job.errors.slice(0, 5))).toBe('done');
    expect(job.summary.created).toBe(10_000);
    expect(job.processed).toBe(10_000);
    // Polling saw the job between its start and its end.
    expect(polls.some((p) => p.status !== 'done' && p.processed > 0 && p.processed < 10_000)).toBe(true);
    expect((await snapshot(t.db))!.students).toBe(before + 10_000);
  }, 300_000);
});
