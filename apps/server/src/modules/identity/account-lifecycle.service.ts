import { asSystem } from '../../platform/db/scoped.ts';
import { AppError, conflict, forbidden } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { listStaffAccounts, soleCityAdmin, type TAccountFilter } from './account-lifecycle.repository.ts';
import { allActiveRoles, isStaffRole, STAFF_ROLES, THREE_ADMINS } from './authority.ts';
import {
  type AccountRow,
  findAccountByPerson,
  revokeSessions,
  updateAccount,
} from './identity.repository.ts';
import { clearSubject, countSubjectLocks } from './throttle.repository.ts';

/** No sign-in for this many days makes an account dormant (等保: 及时删除或停用多余的、过期的账户). */
export const DORMANT_DAYS = 90;

/**
 * 账号管理: staff accounts with their locks and dormancy, for the system administrator (who runs
 * the accounts' lifecycle) and the security administrator (who answers lockouts and suspected
 * compromise). The 三员's own accounts are not listed: none of them acts on another's.
 */
export async function listAccounts(
  ctx: Ctx,
  opts: { filter: TAccountFilter; q?: string; limit: number; offset: number },
) {
  const out = await listStaffAccounts(ctx.db, { ...opts, staff: STAFF_ROLES, dormantDays: DORMANT_DAYS });
  await ctx.audit({
    action: 'account.lifecycle.read',
    details: { filter: opts.filter, q: opts.q ?? null, accounts: out.rows.length },
  });
  return { total: out.total, accounts: out.rows, dormantDays: DORMANT_DAYS };
}

/**
 * The account of a staff member the actor may administer: visible to them, holding a staff role,
 * no learner role and none of the 三员's (三员分立), and not the actor's own.
 */
async function administeredAccount(ctx: Ctx, personId: string): Promise<AccountRow> {
  const account = await findAccountByPerson(ctx.db, personId);
  const roles = account ? await allActiveRoles(ctx, personId) : [];
  const staff = roles.some((r) => isStaffRole(r.role));
  const excluded = roles.some((r) => THREE_ADMINS.includes(r.role) || r.role === 'student');
  if (!account || !staff || excluded) throw new AppError('not_found', '用户不存在或无权访问');
  if (account.personId === ctx.actor.personId) throw forbidden('不能对自己的账号执行此操作');
  return account;
}

/**
 * Disables an account: it can no longer sign in and its sessions end at once. Never the last
 * enabled city administrator, which would leave the city without one.
 */
export async function disableAccount(ctx: Ctx, opts: { personId: string; reason: string }): Promise<void> {
  const account = await administeredAccount(ctx, opts.personId);
  if (account.status === 'disabled') throw conflict('账号已停用');
  const sole = await asSystem(ctx.db, 'account-authorisation', () => soleCityAdmin(ctx.db));
  if (sole === account.personId) throw conflict('不能停用唯一的市教育局管理员账号');
  await updateAccount(ctx.db, account.id, { status: 'disabled' });
  await revokeSessions(ctx.db, account.id);
  await ctx.audit({
    action: 'account.disable',
    targetType: 'account',
    targetId: account.id,
    subjectPersonId: account.personId,
    details: { reason: opts.reason },
  });
}

/** Enables a disabled account again (the system administrator's step; the password is unchanged). */
export async function enableAccount(ctx: Ctx, opts: { personId: string }): Promise<void> {
  const account = await administeredAccount(ctx, opts.personId);
  if (account.status === 'active') throw conflict('账号未停用');
  await updateAccount(ctx.db, account.id, { status: 'active' });
  await ctx.audit({
    action: 'account.enable',
    targetType: 'account',
    targetId: account.id,
    subjectPersonId: account.personId,
  });
}

/** Ends every lock of the account (password and second factor, from every source address). */
export async function unlockAccount(ctx: Ctx, opts: { personId: string }): Promise<{ cleared: number }> {
  const account = await administeredAccount(ctx, opts.personId);
  const subject = `a:${account.id}`;
  const cleared = await countSubjectLocks(ctx.db, subject);
  if (cleared === 0) throw conflict('账号当前未被锁定');
  await clearSubject(ctx.db, subject);
  await ctx.audit({
    action: 'account.unlock',
    targetType: 'account',
    targetId: account.id,
    subjectPersonId: account.personId,
    details: { locks: cleared },
  });
  return { cleared };
}
