import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { purgeExpiredFiles } from './import-job.service.ts';
import { FOREIGN_CONFLICT } from './person-guard.ts';
import { exportRows, fill, importFile, type Row, residentId, snapshot } from './roster-import.fixtures.ts';

/**
 * Imports reuse persons found by ID number or phone anywhere in the city. A school admin may link
 * such a person only as stored, never change them or an admin of another school, and never learn
 * from the error messages who holds which number.
 */

type Person = { id: string; name: string; phone: string | null; hash: string | null; upd: string };

let t: TestApp;
let admin: Client;
let schoolPath: string;
let students: Row[];
/** A teacher of another school (no role in ours), with a known ID number and phone. */
let teacher: Person & { idNumber: string; gender: string };
/** The school admin of another school, with a known ID number. */
let otherAdmin: Person & { idNumber: string };

async function person(id: string): Promise<Person> {
  const r = await t.db.db.execute<Omit<Person, 'phone'> & { phoneEnc: Buffer | null }>(sql`select id, name,
    phone_enc as "phoneEnc", id_number_hash as hash, updated_at::text as upd from person where id = ${id}`);
  const { phoneEnc, ...row } = r.rows[0]!;
  return { ...row, phone: phoneEnc ? t.deps.crypto.decrypt(phoneEnc) : null };
}

/** Gives a person a known ID number (the demo data may hold none), and a phone when asked. */
async function setIdentity(id: string, idNumber: string, phone?: string) {
  const { crypto } = t.deps;
  await t.db.db.execute(sql`update person set id_type = '1', id_number_enc = ${crypto.encrypt(idNumber)},
    id_number_hash = ${crypto.lookupHash(idNumber)},
    phone_enc = coalesce(${phone ? crypto.encrypt(phone) : null}::bytea, phone_enc),
    phone_hash = coalesce(${phone ? crypto.lookupHash(phone) : null}, phone_hash) where id = ${id}`);
}

const parentRow = (name: string, phone: string, student: Row, idNumber?: string): Row => ({
  家长姓名: name,
  手机号: phone,
  关系: '父亲',
  学生全国学籍号: student.全国学籍号 ?? null,
  证件类型: idNumber ? '居民身份证' : null,
  证件号码: idNumber ?? null,
});

beforeAll(async () => {
  // Whole schools are exported and re-imported here; the second-approver threshold has its own test (privacy.test.ts).
  t = await createTestApp({ exportApprovalThreshold: 1_000_000 });
  admin = await t.login('school_admin');
  const s = await t.db.db.execute<{ path: string }>(sql`
    select ra.path::text as path from role_assignment ra join account a on a.person_id = ra.person_id
     where a.username = 'school_admin' and ra.role = 'school_admin'`);
  schoolPath = s.rows[0]!.path;
  students = (await exportRows(admin, 'students')).rows;

  const outside = sql`not exists (select 1 from role_assignment r where r.person_id = p.id and r.active
    and r.path <@ ${schoolPath}::ltree)`;
  const tr = await t.db.db.execute<{ id: string; gender: string }>(sql`
    select p.id, p.gender from person p join teacher te on te.person_id = p.id
      join account a on a.person_id = p.id
     where p.gender in ('1','2') and ${outside}
       and not exists (select 1 from role_assignment r where r.person_id = p.id and r.active
         and r.role not in ('teacher','head_teacher'))
     order by p.id limit 1`);
  const tid = residentId('1985-03-04', tr.rows[0]!.gender === '1', 9001);
  await setIdentity(tr.rows[0]!.id, tid, '19911110001');
  teacher = { ...(await person(tr.rows[0]!.id)), idNumber: tid, gender: tr.rows[0]!.gender };

  const ar = await t.db.db.execute<{ id: string }>(sql`
    select p.id from person p join role_assignment ra on ra.person_id = p.id and ra.role = 'school_admin'
     where ${outside} order by p.id limit 1`);
  const aid = residentId('1980-01-02', true, 9002);
  await setIdentity(ar.rows[0]!.id, aid);
  otherAdmin = { ...(await person(ar.rows[0]!.id)), idNumber: aid };
});
afterAll(() => t.close());

describe('roster import and persons outside the actor scope', () => {
  it('links a person of another school whose data matches, without changing them', async () => {
    const rows = [
      parentRow(teacher.name, teacher.phone!, students[0]!, teacher.idNumber),
      parentRow('测试家长甲', '19922220000', students[1]!),
    ];
    const job = await importFile(admin, 'parents', await fill(admin, 'parents', rows));
    expect(job.status, JSON.stringify(job.errors)).toBe('done');
    expect(job.summary.created).toBe(2);
    expect(await person(teacher.id)).toEqual({ ...teacher, idNumber: undefined, gender: undefined });
    const g = await t.db.db.execute(sql`select 1 from guardian where parent_id = ${teacher.id}`);
    expect(g.rowCount).toBe(1);
  });

  it('refuses rows that would change such a person or reuse another school admin, with one message', async () => {
    const before = await snapshot(t.db);
    const rows = [
      // Another phone for the other school's teacher: a patch.
      parentRow(teacher.name, '19933330001', students[0]!, teacher.idNumber),
      // The teacher's phone (now a parent's) under another name.
      parentRow('测试家长乙', teacher.phone!, students[1]!),
      // The other school's admin, even with their own name and phone.
      parentRow(otherAdmin.name, otherAdmin.phone ?? '19933330002', students[2]!, otherAdmin.idNumber),
      // A parent of this school under another name: the detailed message stays.
      parentRow('测试家长丙', '19922220000', students[1]!),
    ];
    const job = await importFile(admin, 'parents', await fill(admin, 'parents', rows));
    expect(job.status).toBe('failed');
    const generic = { column: '手机号', message: FOREIGN_CONFLICT };
    expect(job.errors).toEqual([
      { row: 2, ...generic },
      { row: 3, ...generic },
      { row: 4, ...generic },
      { row: 5, column: '家长姓名', message: '该家长已登记的姓名与本行不一致' },
    ]);
    expect(await snapshot(t.db)).toEqual(before);
    expect(await person(teacher.id)).toEqual({ ...teacher, idNumber: undefined, gender: undefined });
    expect(await person(otherAdmin.id)).toEqual({ ...otherAdmin, idNumber: undefined });
  });

  it('teacher and student imports answer the same for ID numbers held outside the scope', async () => {
    const schoolCode = String(students[0]!.学校标识码);
    const tj = await importFile(
      admin,
      'teachers',
      await fill(admin, 'teachers', [
        {
          姓名: otherAdmin.name,
          性别: '男性',
          证件类型: '居民身份证',
          证件号码: otherAdmin.idNumber,
          教职工号: 'SCOPE-T1',
          学校标识码: schoolCode,
        },
        {
          姓名: '测试教师甲',
          性别: teacher.gender === '1' ? '男性' : '女性',
          证件类型: '居民身份证',
          证件号码: teacher.idNumber,
          教职工号: 'SCOPE-T2',
          学校标识码: schoolCode,
        },
      ]),
    );
    const generic = { column: '证件号码', message: FOREIGN_CONFLICT };
    expect(tj.errors).toEqual([
      { row: 2, ...generic },
      { row: 3, ...generic },
    ]);
    const sj = await importFile(
      admin,
      'students',
      await fill(admin, 'students', [
        {
          ...students[0]!,
          性别: '男性',
          出生日期: '1980-01-02',
          证件号码: otherAdmin.idNumber,
          全国学籍号: 'GSCOPE000001',
          学号: 'SCOPE1',
        },
        { ...students[1]!, 全国学籍号: 'GSCOPE000002', 学号: 'SCOPE2' },
      ]),
    );
    expect(sj.errors.filter((e) => e.column === '证件号码')).toEqual([
      { row: 2, ...generic },
      { row: 3, column: '证件号码', message: '该证件号码已登记在其他全国学籍号下' },
    ]);
  });

  it('audits an export as one event listing every exported person', async () => {
    const events = async (kind: string) =>
      (
        await t.db.db.execute<{ n: number; people: number; listed: number }>(sql`
          select count(*)::int as n, coalesce(max(cardinality(subject_ids)), 0)::int as people,
                 coalesce(max((details->>'persons')::int), 0)::int as listed from audit_log
           where action = 'roster.export' and details->>'kind' = ${kind} and actor_role = 'school_admin'`)
      ).rows[0]!;
    for (const kind of ['students', 'teachers', 'parents'] as const) {
      const before = await events(kind);
      const { rows } = await exportRows(admin, kind);
      const parents = await t.db.db.execute<{ n: number }>(sql`select count(distinct g.parent_id)::int as n
        from guardian g join student s on s.person_id = g.student_id
       where s.status = 'enrolled' and s.path <@ ${schoolPath}::ltree`);
      const expected = kind === 'parents' ? parents.rows[0]!.n : rows.length;
      const after = await events(kind);
      expect(after.n - before.n, kind).toBe(1);
      expect(after.people, kind).toBe(expected);
      expect(after.listed, kind).toBe(expected);
    }
    // No row per person any more: the event is the only record of the export.
    const perPerson = await t.db.db.execute(
      sql`select 1 from audit_log where action = 'roster.export.subject'`,
    );
    expect(perPerson.rowCount).toBe(0);
    const mine = await t.db.db.execute<{ id: string }>(sql`select a.id from audit_log a
      join student s on a.subject_ids @> array[s.person_id]
      where a.action = 'roster.export'
        and s.national_no_hash = ${t.deps.crypto.lookupHash(String(students[0]!.全国学籍号))}`);
    expect(mine.rowCount).toBe(2);
  });

  it('never serves an uploaded workbook past retention, and purges it without a new upload', async () => {
    const r = await t.db.db.execute<{ id: string }>(sql`update import_job
       set created_at = now() - interval '8 days' where id = (select id from import_job
       where file_enc is not null order by created_at limit 1) returning id`);
    const id = r.rows[0]!.id;
    expect((await admin.get(`/api/roster/imports/${id}/errors.xlsx`)).statusCode).toBe(404);
    await purgeExpiredFiles(t.deps, true);
    const left = await t.db.db.execute(
      sql`select 1 from import_job where id = ${id} and file_enc is not null`,
    );
    expect(left.rowCount).toBe(0);
    expect((await admin.get(`/api/roster/imports/${id}`)).statusCode).toBe(200);
  });
});
