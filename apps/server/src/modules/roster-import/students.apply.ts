import type { Ctx } from '../../platform/http/context.ts';
import {
  insertAccounts,
  insertPersons,
  insertRoles,
  insertStudents,
  upsertSensitive,
} from './bulk.repository.ts';
import { type ImportRun, progressCounter } from './import-context.ts';
import { sealed64 } from './sealed-fields.ts';
import type { StudentPlan } from './students.import.ts';
import type { Sensitive } from './students.parse.ts';
import { moveStudentDependents, updateStudentRows } from './students.repository.ts';
import { updatePersons } from './write.repository.ts';

/** Writes a validated student plan in the caller's transaction: multi-row statements only. */
export async function applyStudents(ctx: Ctx, run: ImportRun, plan: StudentPlan): Promise<void> {
  const { crypto } = ctx.deps;
  const tx = ctx.db;
  const { creates, updates } = plan;
  const seal = (s: Sensitive) => crypto.encrypt(JSON.stringify(s));
  const step = progressCounter(run);

  if (creates.length > 0) {
    const passwordHash = await run.unusablePassword();
    await insertPersons(
      tx,
      creates.map(({ personId, p }) => ({
        id: personId,
        name: p.name,
        gender: p.gender,
        birthDateEnc: crypto.encrypt(p.birthDate),
        ethnicity: p.ethnicity,
        idType: p.id.idType,
        idNumberEnc: crypto.encrypt(p.id.idNumber),
        idNumberHash: p.idHash,
      })),
    );
    await insertAccounts(
      tx,
      creates.map((c) => ({ personId: c.personId, username: c.username })),
      passwordHash,
    );
    await insertStudents(
      tx,
      creates.map(({ personId, p, place }) => ({
        personId,
        nationalNoEnc: crypto.encrypt(p.nationalNo),
        nationalNoHash: p.nationalNoHash,
        studentNo: p.studentNo,
        districtId: place.districtId,
        schoolId: place.schoolId,
        classId: place.classId,
        path: place.path,
        entryYear: p.entryYear,
        studyMode: p.studyMode,
        householdType: p.householdType,
        migrant: p.migrant ?? false,
      })),
      step,
    );
    await upsertSensitive(
      tx,
      creates.map((c) => ({ personId: c.personId, path: c.place.path, dataEnc: seal(c.sensitive) })),
    );
    await insertRoles(
      tx,
      creates.map(({ personId, place }) => ({
        personId,
        role: 'student' as const,
        orgUnitId: place.classId,
        path: place.path,
        districtId: place.districtId,
        schoolId: place.schoolId,
      })),
    );
    for (const c of creates) {
      run.audits.push({
        action: 'import.student.create',
        targetType: 'student',
        targetId: c.personId,
        subjectPersonId: c.personId,
        orgPath: c.place.path,
        details: { jobId: run.jobId, row: c.p.check.row },
      });
    }
  }

  await updatePersons(
    tx,
    updates
      .filter((u) => u.person)
      .map(({ personId, p }) => ({
        id: personId,
        name: p.name,
        gender: p.gender,
        birth_date_enc: sealed64(crypto, p.birthDate),
        ethnicity: p.ethnicity,
        id_type: p.id.idType,
      })),
  );
  await updateStudentRows(
    tx,
    updates
      .filter((u) => u.student)
      .map(({ personId, p, place }) => ({
        id: personId,
        student_no: p.studentNo,
        entry_year: p.entryYear,
        study_mode: p.studyMode ?? null,
        household_type: p.householdType ?? null,
        migrant: p.migrant ?? null,
        class_id: place.classId,
        school_id: place.schoolId,
        district_id: place.districtId,
        path: place.path,
      })),
  );
  const moved = updates.filter((u) => u.moved);
  await moveStudentDependents(
    tx,
    moved.map((u) => ({
      id: u.personId,
      class_id: u.place.classId,
      school_id: u.place.schoolId,
      district_id: u.place.districtId,
      path: u.place.path,
    })),
    moved.filter((u) => u.schoolChanged).map((u) => u.personId),
  );
  await upsertSensitive(
    tx,
    updates.flatMap((u) =>
      u.sensitive ? [{ personId: u.personId, path: u.place.path, dataEnc: seal(u.sensitive) }] : [],
    ),
  );
  for (const u of updates) {
    run.audits.push({
      action: 'import.student.update',
      targetType: 'student',
      targetId: u.personId,
      subjectPersonId: u.personId,
      orgPath: u.place.path,
      // Field names only: the audit trail must not copy personal data.
      details: { jobId: run.jobId, row: u.p.check.row, fields: u.fields },
    });
  }
  await step(updates.length);
}
