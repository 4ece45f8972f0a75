import { securityPolicyOf } from '../../platform/auth/security-policy.ts';
import { asSystem } from '../../platform/db/scoped.ts';
import { AppError, badRequest, conflict, forbidden } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { pathUnder } from '../../platform/scope/scope.ts';
import { soleCityAdmin } from './account-lifecycle.repository.ts';
import {
  allActiveRoles,
  GRANTABLE,
  GRANTABLE_ROLES,
  isGrantable,
  isStaffRole,
  STAFF_ROLES,
  THREE_ADMINS,
} from './authority.ts';
import { findAccountByPerson } from './identity.repository.ts';
import type { TRole } from './identity.schema.ts';
import {
  deactivateRole,
  findRoleAssignment,
  findUnit,
  listStaff,
  listUnits,
  upsertRole,
} from './role-grants.repository.ts';

const NOT_FOUND = () => new AppError('not_found', '用户不存在或无权访问');

/** 角色授权: staff found by `q`, or without it the holders of the granted roles. */
export async function listStaffRoles(ctx: Ctx, opts: { q?: string }) {
  const rows = await listStaff(ctx.db, {
    staff: STAFF_ROLES,
    granted: GRANTABLE_ROLES,
    q: opts.q,
    limit: 300,
  });
  await ctx.audit({ action: 'security.staff.read', details: { q: opts.q ?? null, accounts: rows.length } });
  return rows;
}

/** Units in which `role` may be granted, within the actor's own unit. */
export async function listGrantUnits(ctx: Ctx, opts: { role: TRole; q?: string }) {
  if (!isGrantable(opts.role)) throw badRequest('该角色不在此授予');
  const kinds = GRANTABLE[opts.role];
  return listUnits(ctx.db, { kinds, root: ctx.actor.orgPath, q: opts.q, limit: 200 });
}

/**
 * The person, if the actor may change their roles: a staff member visible to them, holding none of
 * the 三员's roles (三员分立: no one of the three administers another, nor does any of them also
 * hold a business role through this page) and no learner's role, and not the actor.
 */
async function grantee(ctx: Ctx, personId: string) {
  const account = await findAccountByPerson(ctx.db, personId);
  const roles = account ? await allActiveRoles(ctx, personId) : [];
  if (
    !account ||
    !roles.some((r) => isStaffRole(r.role)) ||
    roles.some((r) => THREE_ADMINS.includes(r.role) || r.role === 'student')
  ) {
    throw NOT_FOUND();
  }
  if (personId === ctx.actor.personId) throw forbidden('不能为自己授予或撤销角色');
  return account;
}

/**
 * Grants a staff role in a unit within the actor's own. Audited; tells whether the person must now
 * enrol a second factor (the policy requires one of the role).
 */
export async function grantRole(ctx: Ctx, opts: { personId: string; role: TRole; orgUnitId: string }) {
  if (!isGrantable(opts.role))
    throw badRequest(
      '该角色不在此授予：教师、班主任由学校在花名册中安排，系统管理员、安全管理员、审计员不能由三员互相授予',
    );
  const kinds = GRANTABLE[opts.role];
  const unit = await findUnit(ctx.db, opts.orgUnitId);
  if (!unit || !pathUnder(unit.path, [ctx.actor.orgPath]))
    throw new AppError('not_found', '单位不存在或无权访问');
  if (!kinds.includes(unit.kind)) throw badRequest('该角色不能在这一级单位担任');
  const account = await grantee(ctx, opts.personId);
  const id = await upsertRole(ctx.db, opts.personId, opts.role, unit);
  if (!id) throw conflict('该人员已在该单位担任此角色');
  await ctx.audit({
    action: 'security.role.grant',
    targetType: 'role_assignment',
    targetId: id,
    subjectPersonId: opts.personId,
    orgPath: unit.path,
    details: { role: opts.role, orgUnitId: unit.id, orgName: unit.name },
  });
  const { mfaRoles } = await securityPolicyOf(ctx.deps);
  return { id, needsSecondFactor: mfaRoles.includes(opts.role) && !account.totpEnabled };
}

/**
 * Withdraws a granted role; the person's sessions in that role end with it. Never the last city
 * administrator's.
 */
export async function revokeRole(ctx: Ctx, opts: { personId: string; roleAssignmentId: string }) {
  const ra = await findRoleAssignment(ctx.db, opts.roleAssignmentId);
  if (!ra || ra.personId !== opts.personId || !pathUnder(ra.path, [ctx.actor.orgPath])) {
    throw new AppError('not_found', '角色不存在或无权访问');
  }
  if (!isGrantable(ra.role)) throw badRequest('教师、班主任由学校在花名册中安排，不在此撤销');
  await grantee(ctx, ra.personId);
  if (ra.role === 'city_admin') {
    const sole = await asSystem(ctx.db, 'account-authorisation', () => soleCityAdmin(ctx.db));
    if (sole === ra.personId) throw conflict('不能撤销唯一的市教育局管理员');
  }
  await deactivateRole(ctx.db, ra.id);
  await ctx.audit({
    action: 'security.role.revoke',
    targetType: 'role_assignment',
    targetId: ra.id,
    subjectPersonId: ra.personId,
    orgPath: ra.path,
    details: { role: ra.role, orgName: ra.orgName },
  });
}
