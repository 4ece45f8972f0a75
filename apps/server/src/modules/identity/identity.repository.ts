import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { accounts, passwordHistory, persons, sessions, type TRole } from './identity.schema.ts';

export interface AccountRow {
  id: string;
  personId: string;
  username: string;
  name: string;
  passwordHash: string;
  passwordChangedAt: Date;
  mustChangePassword: boolean;
  totpSecretEnc: Buffer | null;
  totpEnabled: boolean;
  totpLastStep: number | null;
  totpEnrolHash: string | null;
  totpEnrolExpiresAt: Date | null;
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
  totpSecretEnc: accounts.totpSecretEnc,
  totpEnabled: accounts.totpEnabled,
  totpLastStep: accounts.totpLastStep,
  totpEnrolHash: accounts.totpEnrolHash,
  totpEnrolExpiresAt: accounts.totpEnrolExpiresAt,
  status: accounts.status,
};

/**
 * The account a sign-in names: by username, or else by the keyed hash of a mobile number when
 * exactly one person holds it (parents sign in with their phone). One query whatever matches, so
 * the time taken does not tell which.
 */
export async function findAccountForLogin(
  tx: Tx,
  login: string,
  phoneHash: string | null,
): Promise<AccountRow | undefined> {
  // Two index lookups: by username, and by mobile number. Each compares a column with a value
  // (leakproof equality), so the index finds the row before row-level security looks at it.
  const byName = await tx
    .select(accountColumns)
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(eq(accounts.usernameKey, login.toLowerCase()));
  if (byName[0]) return byName[0];
  if (!phoneHash) return undefined;
  const byPhone = await tx
    .select(accountColumns)
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(eq(persons.phoneHash, phoneHash))
    .limit(2);
  return byPhone.length === 1 ? byPhone[0] : undefined;
}

export async function findAccountByUsername(tx: Tx, username: string): Promise<AccountRow | undefined> {
  const rows = await tx
    .select(accountColumns)
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(eq(accounts.usernameKey, username.toLowerCase()));
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

export async function recordLoginSuccess(tx: Tx, accountId: string, mustChange: boolean): Promise<void> {
  await tx
    .update(accounts)
    .set({
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

/** The account's last `n` password hashes before the current one, newest first. */
export async function listPasswordHistory(tx: Tx, accountId: string, n: number): Promise<string[]> {
  const rows = await tx
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.accountId, accountId))
    .orderBy(desc(passwordHistory.createdAt), desc(passwordHistory.id))
    .limit(n);
  return rows.map((r) => r.hash);
}

/** Keeps a replaced password's hash, and only the newest `keep` of them. */
export async function pushPasswordHistory(
  tx: Tx,
  accountId: string,
  hash: string,
  keep: number,
): Promise<void> {
  await tx.insert(passwordHistory).values({ accountId, passwordHash: hash });
  await tx.execute(sql`delete from password_history where account_id = ${accountId} and id not in (
      select id from password_history where account_id = ${accountId} order by created_at desc, id desc limit ${keep})`);
}

export type SecondFactorRow = {
  personId: string;
  name: string;
  username: string;
  roles: string[];
  orgName: string;
  totpEnabled: boolean;
  enrolmentPendingUntil: string | null;
  lastLoginAt: string | null;
};

/**
 * Accounts holding one of `roles` (active) in one of the subtrees `paths` (all when null), with the
 * state of their second factor, for the security overview.
 */
export async function listSecondFactors(
  tx: Tx,
  opts: { roles: readonly string[]; paths: string[] | null; exceptPersonId: string },
): Promise<SecondFactorRow[]> {
  const inPaths =
    opts.paths === null ? sql`true` : sql`ra.path <@ any(${sql.param(opts.paths)}::text[]::ltree[])`;
  const res = await tx.execute<SecondFactorRow>(sql`
    select p.id as "personId", p.name, a.username, array_agg(distinct ra.role) as roles,
           min(o.name) as "orgName", a.totp_enabled as "totpEnabled",
           case when a.totp_enrol_expires_at > now() then a.totp_enrol_expires_at::text end as "enrolmentPendingUntil",
           a.last_login_at::text as "lastLoginAt"
      from role_assignment ra join account a on a.person_id = ra.person_id
      join person p on p.id = ra.person_id join org_unit o on o.id = ra.org_unit_id
     where ra.active and ra.role = any(${sql.param([...opts.roles])}::text[]) and ${inPaths}
       and ra.person_id <> ${opts.exceptPersonId}
       and not exists (select 1 from role_assignment x where x.person_id = ra.person_id and x.active
                         and x.role in ('auditor', 'system_admin', 'security_admin'))
     group by p.id, p.name, a.username, a.totp_enabled, a.totp_enrol_expires_at, a.last_login_at
     order by a.totp_enabled, min(ra.path::text), a.username
     limit 2000`);
  return res.rows;
}
