import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { accounts, persons, sessions, type TRole } from './identity.schema.ts';

export interface AccountRow {
  id: string;
  personId: string;
  username: string;
  name: string;
  passwordHash: string;
  passwordChangedAt: Date;
  mustChangePassword: boolean;
  failedAttempts: number;
  lockedUntil: Date | null;
  totpSecretEnc: Buffer | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  status: string;
}

const accountColumns = {
  id: accounts.id,
  personId: accounts.personId,
  username: accounts.username,
  name: persons.name,
  passwordHash: accounts.passwordHash,
  passwordChangedAt: accounts.passwordChangedAt,
  mustChangePassword: accounts.mustChangePassword,
  failedAttempts: accounts.failedAttempts,
  lockedUntil: accounts.lockedUntil,
  totpSecretEnc: accounts.totpSecretEnc,
  totpEnabled: accounts.totpEnabled,
  totpLastStep: accounts.totpLastStep,
  status: accounts.status,
};

export async function findAccountByUsername(tx: Tx, username: string): Promise<AccountRow | undefined> {
  const rows = await tx
    .select(accountColumns)
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(sql`lower(${accounts.username}) = lower(${username})`)
    .for('update', { of: accounts });
  return rows[0];
}

export async function findAccountById(tx: Tx, id: string): Promise<AccountRow | undefined> {
  const rows = await tx
    .select(accountColumns)
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(eq(accounts.id, id));
  return rows[0];
}

export async function findAccountByPerson(tx: Tx, personId: string): Promise<AccountRow | undefined> {
  const rows = await tx
    .select(accountColumns)
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(eq(accounts.personId, personId));
  return rows[0];
}

export type RoleRow = {
  id: string;
  role: TRole;
  orgUnitId: string;
  orgName: string;
  orgKind: string;
  path: string;
  schoolId: string | null;
  districtId: string | null;
};

export async function listActiveRoles(tx: Tx, personId: string): Promise<RoleRow[]> {
  const res = await tx.execute<RoleRow>(sql`
    select ra.id, ra.role, ra.org_unit_id as "orgUnitId", o.name as "orgName", o.kind as "orgKind",
           ra.path::text as path, ra.school_id as "schoolId", ra.district_id as "districtId"
      from role_assignment ra join org_unit o on o.id = ra.org_unit_id
     where ra.person_id = ${personId} and ra.active
     order by ra.created_at, ra.id`);
  return res.rows;
}

export async function recordLoginFailure(tx: Tx, accountId: string, lockUntil: Date | null): Promise<void> {
  await tx
    .update(accounts)
    .set(
      lockUntil
        ? { failedAttempts: 0, lockedUntil: lockUntil }
        : { failedAttempts: sql`${accounts.failedAttempts} + 1` },
    )
    .where(eq(accounts.id, accountId));
}

export async function recordLoginSuccess(tx: Tx, accountId: string, mustChange: boolean): Promise<void> {
  await tx
    .update(accounts)
    .set({
      failedAttempts: 0,
      lockedUntil: null,
      lastLoginAt: new Date(),
      ...(mustChange ? { mustChangePassword: true } : {}),
    })
    .where(eq(accounts.id, accountId));
}

export async function insertSession(tx: Tx, values: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(values);
}

export async function updateSession(
  tx: Tx,
  sessionId: string,
  values: Partial<Pick<typeof sessions.$inferInsert, 'roleAssignmentId' | 'mfaPassed' | 'revokedAt'>>,
): Promise<void> {
  await tx.update(sessions).set(values).where(eq(sessions.id, sessionId));
}

export async function revokeSessions(tx: Tx, accountId: string, exceptSessionId?: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(sessions.accountId, accountId),
        sql`${sessions.revokedAt} is null`,
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    );
}

export async function updateAccount(
  tx: Tx,
  accountId: string,
  values: Partial<typeof accounts.$inferInsert>,
): Promise<void> {
  await tx
    .update(accounts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(accounts.id, accountId));
}
