import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Scope } from '../../platform/scope/scope.ts';
import { within } from './import-context.ts';

/**
 * The one message for a row that conflicts with a person outside the actor's scope. It never says
 * which of name, phone or ID number differs, nor whether the person is a parent, teacher or student,
 * so an import cannot be used to learn who holds a phone number or an ID number citywide.
 */
export const FOREIGN_CONFLICT = '该证件号码或手机号与已登记人员信息不一致，请核对或联系上级管理员';

/** Roles whose holders an import may reuse only when the actor's scope contains all their roles. */
const PRIVILEGED = new Set([
  'city_admin',
  'district_admin',
  'school_admin',
  'auditor',
  'system_admin',
  'security_admin',
  'researcher',
  'expert',
]);

type RoleRow = { personId: string; role: string; path: string };

/**
 * What an import may do with existing persons it found by ID number or phone, decided from their
 * active role assignments: a school admin may add a role or link to anyone whose data matches the row,
 * but may change the record (name, phone, ID number, account) only of persons wholly in their scope.
 */
export class PersonGuard {
  private constructor(
    private readonly scope: Scope,
    private readonly roles: Map<string, RoleRow[]>,
  ) {}

  static async load(tx: Tx, scope: Scope, personIds: Iterable<string>): Promise<PersonGuard> {
    const ids = [...new Set(personIds)];
    const roles = new Map<string, RoleRow[]>();
    if (ids.length > 0 && !scope.all) {
      const res = await tx.execute<RoleRow>(sql`
        select person_id as "personId", role, path::text as path from role_assignment
         where active and person_id = any(${sql.param(ids)}::uuid[])`);
      for (const r of res.rows) roles.set(r.personId, [...(roles.get(r.personId) ?? []), r]);
    }
    return new PersonGuard(scope, roles);
  }

  private contained(personId: string): boolean {
    if (this.scope.all) return true;
    return (this.roles.get(personId) ?? []).every((r) => within(this.scope, r.path));
  }

  /**
   * True when the person holds at least one active role and all of them lie in the actor's scope
   * (a city admin: everyone). Only such persons may be changed, and only they get detailed messages.
   */
  inside(personId: string): boolean {
    if (this.scope.all) return true;
    return (this.roles.get(personId)?.length ?? 0) > 0 && this.contained(personId);
  }

  /** True when the person holds an active role outside the actor's scope: their record is not the actor's. */
  foreign(personId: string): boolean {
    return !this.contained(personId);
  }

  /** False for a holder of an administrator role some of whose roles lie outside the actor's scope. */
  mayLink(personId: string): boolean {
    if (this.scope.all) return true;
    const roles = this.roles.get(personId) ?? [];
    return !roles.some((r) => PRIVILEGED.has(r.role)) || this.contained(personId);
  }

  /**
   * A row conflicting with existing persons: the specific reason on its own column when all of them
   * are in scope, else the generic message on a fixed column (the column must not tell the case either).
   */
  conflict(personIds: string[], key: string, specific: string, genericKey: string): [string, string] {
    return personIds.every((id) => this.inside(id)) ? [key, specific] : [genericKey, FOREIGN_CONFLICT];
  }
}
