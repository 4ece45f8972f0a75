import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillEncryptedFields } from '../../platform/crypto/field-backfill.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let head: Client;
/** The demo head teacher's class and a class they only teach. */
let headClass: { id: string };
let taughtClass: { id: string };

const q = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(query)).rows;

const firstStudentOf = async (c: Client, classId: string) =>
  (await c.get(`/api/classes/${classId}/roster`)).json().students[0].personId as string;

/** A student of the class with at least one guardian who has a phone. */
async function studentWithGuardianPhone(classId: string) {
  const [row] = await q<{ id: string; phone: Buffer; idEnc: Buffer; noEnc: Buffer }>(sql`
    select s.person_id as id, gp.phone_enc as phone, p.id_number_enc as "idEnc", s.national_no_enc as "noEnc"
      from student s join guardian g on g.student_id = s.person_id join person gp on gp.id = g.parent_id
      join person p on p.id = s.person_id
     where s.class_id = ${classId} and gp.phone_enc is not null limit 1`);
  const { crypto } = t.deps;
  return {
    id: row!.id,
    phone: crypto.decrypt(row!.phone),
    idNumber: crypto.decrypt(row!.idEnc),
    nationalNo: crypto.decrypt(row!.noEnc),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  head = await t.login('teacher_demo');
  const home = (await head.get('/api/portal/home')).json();
  headClass = home.headClass;
  taughtClass = home.classes.find((c: { id: string }) => c.id !== headClass.id);
  expect(taughtClass).toBeDefined();
});
afterAll(() => t.close());

describe('学籍 records: identifiers and contact details', () => {
  it('never shows the full 全国学籍号 or ID number in a record; reveals them only by an audited action', async () => {
    const s = await studentWithGuardianPhone(headClass.id);
    const res = await head.get(`/api/students/${s.id}`);
    expect(res.statusCode).toBe(200);
    // The 全国学籍号 is "G" + the ID number: neither may appear, nor the ID's 14 distinctive middle characters.
    expect(res.body).not.toContain(s.nationalNo);
    expect(res.body).not.toContain(s.idNumber.slice(2, 16));
    expect(res.json().nationalNoMasked).toBe(`${s.nationalNo.slice(0, 6)}*********${s.nationalNo.slice(-4)}`);
    expect(res.json()).not.toHaveProperty('nationalNo');

    // A teacher may not reveal it; the refusal is recorded.
    const refused = await head.post(`/api/students/${s.id}/reveal`, { field: 'nationalNo' });
    expect(refused.statusCode).toBe(403);
    const admin = await t.login('school_admin');
    const shown = await admin.post(`/api/students/${s.id}/reveal`, { field: 'nationalNo' });
    expect(shown.statusCode).toBe(200);
    expect(shown.json().value).toBe(s.nationalNo);
    const audits = await q<{ action: string; outcome: string }>(sql`select action, outcome from audit_log
      where (action = 'student.reveal' and subject_person_id = ${s.id})
         or (action = 'access.denied' and details->>'route' = '/api/students/:id/reveal') order by at`);
    expect(audits).toEqual([
      { action: 'access.denied', outcome: 'denied' },
      { action: 'student.reveal', outcome: 'success' },
    ]);
  });

  it('keeps ID numbers, 全国学籍号, phones, birth dates and places encrypted at rest', async () => {
    const s = await studentWithGuardianPhone(headClass.id);
    const [birth] = await q<{ b: Buffer }>(sql`select birth_date_enc as b from person where id = ${s.id}`);
    const birthDate = t.deps.crypto.decrypt(birth!.b);
    expect(birthDate).toMatch(/^20[0-9]{2}-[0-9]{2}-[0-9]{2}$/);
    // Whole rows as text, every column: none of the plaintext values is there.
    const rows = await q<{ row: string }>(sql`
      select row_to_json(p)::text as row from person p where p.id = ${s.id}
        or p.id in (select parent_id from guardian where student_id = ${s.id})
      union all select row_to_json(st)::text from student st where st.person_id = ${s.id}
      union all select row_to_json(a)::text from account a where a.person_id = ${s.id}
        or a.person_id in (select parent_id from guardian where student_id = ${s.id})`);
    const all = rows.map((r) => r.row).join('\n');
    for (const secret of [s.nationalNo, s.idNumber, s.phone, birthDate]) expect(all).not.toContain(secret);
  });

  it('encrypts plaintext left by an earlier version at start, hash included', async () => {
    const s = await studentWithGuardianPhone(headClass.id);
    const [g] = await q<{ id: string }>(
      sql`select parent_id as id from guardian where student_id = ${s.id} limit 1`,
    );
    await t.db.db.execute(sql`update person set phone_enc = null, phone_hash = null where id = ${g!.id}`);
    await t.db.db.execute(sql`insert into field_backfill (tbl, pk_col, pk, enc_col, hash_col, value)
      values ('person', 'id', ${g!.id}, 'phone_enc', 'phone_hash', '13912345678')`);
    expect(await backfillEncryptedFields(t.db.db, t.deps.crypto)).toBe(1);
    const [p] = await q<{ enc: Buffer; hash: string }>(
      sql`select phone_enc as enc, phone_hash as hash from person where id = ${g!.id}`,
    );
    expect(t.deps.crypto.decrypt(p!.enc)).toBe('13912345678');
    expect(p!.hash).toBe(t.deps.crypto.lookupHash('13912345678'));
    expect(await q(sql`select 1 from field_backfill`)).toHaveLength(0);
  });
});

describe('guardians’ phone numbers follow the relation to the student', () => {
  it('are shown to the head teacher of that class, in either role, and not to a teacher of another class', async () => {
    const own = await studentWithGuardianPhone(headClass.id);
    const ownRecord = (await head.get(`/api/students/${own.id}`)).json();
    expect(ownRecord.guardians.map((g: { phone: string | null }) => g.phone)).toContain(own.phone);

    // Acting as head teacher, but of another class: this class is only taught.
    const taught = await studentWithGuardianPhone(taughtClass.id);
    const taughtRecord = await head.get(`/api/students/${taught.id}`);
    expect(taughtRecord.statusCode).toBe(200);
    expect(taughtRecord.json().guardians.length).toBeGreaterThan(0);
    expect(taughtRecord.json().guardians.every((g: { phone: string | null }) => g.phone === null)).toBe(true);
    expect(taughtRecord.body).not.toContain(taught.phone);

    // Switched to the subject-teacher role, still the head teacher of their own class.
    const me = (await head.get('/api/auth/me')).json();
    const teacherRole = me.roles.find((r: { role: string }) => r.role === 'teacher');
    expect((await head.post('/api/auth/switch-role', { roleAssignmentId: teacherRole.id })).statusCode).toBe(
      200,
    );
    const again = (await head.get(`/api/students/${own.id}`)).json();
    expect(again.guardians.map((g: { phone: string | null }) => g.phone)).toContain(own.phone);
    const taughtAgain = (await head.get(`/api/students/${taught.id}`)).json();
    expect(taughtAgain.guardians.every((g: { phone: string | null }) => g.phone === null)).toBe(true);

    // The record is cached now, shown without phones; the school's administrator still sees them,
    // and the teacher still does not.
    const admin = await t.login('school_admin');
    const adminView = (await admin.get(`/api/students/${taught.id}`)).json();
    expect(adminView.guardians.map((g: { phone: string | null }) => g.phone)).toContain(taught.phone);
    expect((await head.get(`/api/students/${taught.id}`)).body).not.toContain(taught.phone);
  });

  it('are shown to the child’s parent', async () => {
    const parent = await t.login('parent_demo');
    const home = (await parent.get('/api/portal/home')).json();
    const child = home.children[0].personId as string;
    const record = (await parent.get(`/api/students/${child}`)).json();
    expect(record.guardians.some((g: { phone: string | null }) => g.phone !== null)).toBe(true);
  });
});

describe('staff lists', () => {
  it('audits an administrator reading a school’s teachers', async () => {
    const admin = await t.login('school_admin');
    const me = (await admin.get('/api/auth/me')).json();
    const res = await admin.get(`/api/schools/${me.orgUnitId}/teachers`);
    expect(res.statusCode).toBe(200);
    const rows = await q<{ n: number; teachers: number }>(sql`select count(*)::int as n,
        max((details->>'teachers')::int) as teachers from audit_log
       where action = 'school.teachers.read' and target_id = ${me.orgUnitId}`);
    expect(rows[0]!.n).toBe(1);
    expect(rows[0]!.teachers).toBe(res.json().length);
  });

  it('lists a class roster with birth dates opened for staff', async () => {
    const id = await firstStudentOf(head, headClass.id);
    const roster = (await head.get(`/api/classes/${headClass.id}/roster`)).json();
    const first = roster.students.find((s: { personId: string }) => s.personId === id);
    expect(first.birthDate).toMatch(/^20[0-9]{2}-[0-9]{2}-[0-9]{2}$/);
  });
});
