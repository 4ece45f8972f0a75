import { sealOpt } from '../../platform/crypto/field-crypto.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { insertAccounts, insertGuardians, insertPersons, insertRoles } from './bulk.repository.ts';
import { type ImportRun, progressCounter } from './import-context.ts';
import type { ParentPlan } from './parents.import.ts';
import { updateGuardianRelations } from './people.repository.ts';
import { sealed64 } from './sealed-fields.ts';
import { updatePersons } from './write.repository.ts';

/** Writes a validated parent plan: new parents with accounts, guardian links, parent roles. */
export async function applyParents(ctx: Ctx, run: ImportRun, plan: ParentPlan): Promise<void> {
  const { crypto } = ctx.deps;
  const tx = ctx.db;
  const step = progressCounter(run);
  const fresh = plan.people.filter((p) => p.isNew);
  await insertPersons(
    tx,
    fresh.map((p) => ({
      id: p.personId,
      name: p.name,
      phoneEnc: crypto.encrypt(p.phone),
      phoneHash: crypto.lookupHash(p.phone),
      gender: p.id?.info?.gender ?? '0',
      birthDateEnc: sealOpt(crypto, p.id?.info?.birthDate),
      idType: p.id?.idType ?? null,
      idNumberEnc: p.id ? crypto.encrypt(p.id.idNumber) : null,
      idNumberHash: p.idHash ?? null,
    })),
  );
  await updatePersons(
    tx,
    plan.people
      .filter((p) => p.patch)
      .map((p) => ({
        id: p.personId,
        phone_enc: sealed64(crypto, p.phone),
        phone_hash: crypto.lookupHash(p.phone),
        id_type: p.id?.idType ?? null,
        id_enc: p.id ? crypto.encrypt(p.id.idNumber).toString('base64') : null,
        id_hash: p.idHash ?? null,
      })),
  );
  const needAccount = plan.people.filter((p) => p.username !== null);
  if (needAccount.length > 0) {
    const passwordHash = await run.unusablePassword();
    await insertAccounts(
      tx,
      needAccount.map((p) => ({ personId: p.personId, username: p.username! })),
      passwordHash,
    );
  }
  await insertGuardians(
    tx,
    plan.newLinks.map((l) => ({
      parentId: l.parentId,
      studentId: l.student.personId,
      relation: l.relation,
      primary: l.primary,
      path: l.student.path,
    })),
    step,
  );
  // A parent holds one role per child's class (二孩 in one class share it).
  const roles = new Map(
    plan.newLinks.map((l) => [
      `${l.parentId}/${l.student.classId}`,
      {
        personId: l.parentId,
        role: 'parent' as const,
        orgUnitId: l.student.classId,
        path: l.student.path,
        districtId: l.student.districtId,
        schoolId: l.student.schoolId,
      },
    ]),
  );
  await insertRoles(tx, [...roles.values()]);
  await updateGuardianRelations(
    tx,
    plan.changedLinks.map((l) => ({
      parent_id: l.parentId,
      student_id: l.student.personId,
      relation: l.relation,
    })),
  );
  for (const p of plan.people.filter((x) => x.isNew || x.patch)) {
    run.audits.push({
      action: p.isNew ? 'import.parent.create' : 'import.parent.update',
      targetType: 'person',
      targetId: p.personId,
      subjectPersonId: p.personId,
      details: { jobId: run.jobId, row: p.row },
    });
  }
  for (const [links, action] of [
    [plan.newLinks, 'import.guardian.create'],
    [plan.changedLinks, 'import.guardian.update'],
  ] as const) {
    for (const l of links) {
      run.audits.push({
        action,
        targetType: 'student',
        targetId: l.student.personId,
        subjectPersonId: l.student.personId,
        orgPath: l.student.path,
        details: { jobId: run.jobId, row: l.row, parentId: l.parentId },
      });
    }
  }
  await step(plan.changedLinks.length);
}
