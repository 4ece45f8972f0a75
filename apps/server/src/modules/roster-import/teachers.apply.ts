import { hashOpt, sealOpt } from '../../platform/crypto/field-crypto.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { teachers } from '../roster/roster.schema.ts';
import { insertAccounts, insertPersons, insertRoles } from './bulk.repository.ts';
import { type ImportRun, progressCounter } from './import-context.ts';
import { updateTeacherRows } from './people.repository.ts';
import { sealed64 } from './sealed-fields.ts';
import type { TeacherPlan } from './teachers.import.ts';
import { insertMany, updatePersons } from './write.repository.ts';

/** Writes a validated teacher plan in the caller's transaction. */
export async function applyTeachers(ctx: Ctx, run: ImportRun, plan: TeacherPlan): Promise<void> {
  const { crypto } = ctx.deps;
  const tx = ctx.db;
  const { creates, updates } = plan;
  const step = progressCounter(run);
  const phoneCols = (phone?: string) => ({
    phone_enc: sealed64(crypto, phone),
    phone_hash: hashOpt(crypto, phone),
  });
  const fresh = creates.filter((c) => c.newPerson);
  await insertPersons(
    tx,
    fresh.map(({ personId, p }) => ({
      id: personId,
      name: p.name,
      gender: p.gender,
      birthDateEnc: sealOpt(crypto, p.id.info?.birthDate),
      idType: p.id.idType,
      idNumberEnc: crypto.encrypt(p.id.idNumber),
      idNumberHash: p.idHash,
      phoneEnc: sealOpt(crypto, p.phone),
      phoneHash: hashOpt(crypto, p.phone),
    })),
  );
  const needAccount = creates.filter((c) => c.username !== null);
  if (needAccount.length > 0) {
    const passwordHash = await run.unusablePassword();
    await insertAccounts(
      tx,
      needAccount.map((c) => ({ personId: c.personId, username: c.username! })),
      passwordHash,
    );
  }
  await insertMany(
    tx,
    teachers,
    creates.map(({ personId, p, school }) => ({
      personId,
      staffNo: p.staffNo,
      schoolId: school.id,
      districtId: school.districtId!,
      path: school.path,
      subjects: p.subjects ?? [],
      title: p.title ?? null,
    })),
    { onChunk: step },
  );
  await insertRoles(
    tx,
    creates.map(({ personId, school }) => ({
      personId,
      role: 'teacher' as const,
      orgUnitId: school.id,
      path: school.path,
      districtId: school.districtId,
      schoolId: school.id,
    })),
  );
  await updatePersons(tx, [
    ...creates
      .filter((c) => c.personPatch)
      .map(({ personId, p }) => ({ id: personId, gender: p.gender, ...phoneCols(p.phone) })),
    ...updates
      .filter((u) => u.person)
      .map(({ personId, p }) => ({
        id: personId,
        name: p.name,
        gender: p.gender,
        id_type: p.id.idType,
        ...phoneCols(p.phone),
      })),
  ]);
  await updateTeacherRows(
    tx,
    updates
      .filter((u) => u.teacher)
      .map((u) => ({ id: u.personId, subjects: u.p.subjects ?? null, title: u.p.title ?? null })),
  );
  for (const c of creates) {
    run.audits.push({
      action: 'import.teacher.create',
      targetType: 'teacher',
      targetId: c.personId,
      subjectPersonId: c.personId,
      orgPath: c.school.path,
      details: { jobId: run.jobId, row: c.p.row, newPerson: c.newPerson },
    });
  }
  for (const u of updates) {
    run.audits.push({
      action: 'import.teacher.update',
      targetType: 'teacher',
      targetId: u.personId,
      subjectPersonId: u.personId,
      orgPath: u.path,
      details: { jobId: run.jobId, row: u.p.row, fields: u.fields },
    });
  }
  await step(updates.length);
}
