import type { TRole } from '../../platform/auth/roles.ts';
import { DEFAULT_MFA_ROLES, type TSecurityPolicy } from '../../platform/auth/security-policy.ts';
import { STAFF_ROLES, THREE_ADMINS } from '../identity/identity.service.ts';

/**
 * The weakest security policy a deployment may run (COMPLIANCE §4, GB/T 22239-2019 §8.1.4 level 3).
 * The standard states duties, not numbers ("身份鉴别信息具有复杂度要求并定期更换", "登录失败处理",
 * "登录连接超时自动退出", "两种或两种以上组合的鉴别技术"); the numbers here are the settings
 * assessors commonly accept, and each stricter value is allowed. The ASVS profile (COMPLIANCE §4,
 * ASVS 2.1) replaces complexity and rotation by length and the breached-password check.
 */
export const FLOORS = {
  djbh: { minLength: 8, minClasses: 3, maxAgeDays: 90, historyDepth: 3 },
  asvs: { minLength: 12 },
  /** At most this many failures before a lock, a lock at least this long (minutes). */
  lockout: { maxAttempts: 10, minMinutes: 10 },
  /** Idle logout within 30 minutes; a session ends within a day whatever its use. */
  session: { maxIdleMinutes: 30, maxAbsoluteHours: 24 },
  /** The administrators always pass a second factor: the 三员 and the bureau administrators. */
  mfaRoles: DEFAULT_MFA_ROLES,
} as const;

/** Roles a second factor may be required of: staff. Learners and guardians enrol through no one. */
export const MFA_ELIGIBLE: readonly TRole[] = [...STAFF_ROLES, ...THREE_ADMINS];

const ROLE_NAMES: Partial<Record<TRole, string>> = {
  city_admin: '市教育局管理员',
  district_admin: '区教育局管理员',
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  auditor: '审计员',
};

/**
 * The reasons `p` is weaker than the floor, or not a coherent policy, in Chinese; empty when it may
 * be put in force.
 */
export function belowFloor(p: TSecurityPolicy): string[] {
  const problems: string[] = [];
  const pw = p.password;
  if (pw.profile === 'djbh') {
    const f = FLOORS.djbh;
    if (pw.minLength < f.minLength) problems.push(`等保 2.0 口令最小长度不得低于 ${f.minLength} 位`);
    if (pw.minClasses < f.minClasses)
      problems.push(`等保 2.0 口令复杂度要求至少包含 ${f.minClasses} 类字符（大写、小写、数字、特殊字符）`);
    if (pw.maxAgeDays === null || pw.maxAgeDays > f.maxAgeDays)
      problems.push(`等保 2.0 要求定期更换口令，有效期不得超过 ${f.maxAgeDays} 天`);
    if (pw.historyDepth < f.historyDepth)
      problems.push(
        `等保 2.0 口令不得与最近 ${f.historyDepth} 次使用过的口令相同（历史记录不得少于 ${f.historyDepth} 次）`,
      );
  } else {
    if (pw.minLength < FLOORS.asvs.minLength)
      problems.push(`ASVS 口令策略最小长度不得低于 ${FLOORS.asvs.minLength} 位`);
    if (!pw.checkBreached) problems.push('ASVS 口令策略必须检查常见及已泄露口令');
  }
  if (p.lockout.attempts > FLOORS.lockout.maxAttempts)
    problems.push(`登录失败锁定阈值不得超过 ${FLOORS.lockout.maxAttempts} 次`);
  if (p.lockout.attempts < 3) problems.push('登录失败锁定阈值不得少于 3 次，以免误操作即被锁定');
  if (p.lockout.minutes < FLOORS.lockout.minMinutes)
    problems.push(`登录失败锁定时长不得少于 ${FLOORS.lockout.minMinutes} 分钟`);
  if (p.session.idleMinutes > FLOORS.session.maxIdleMinutes)
    problems.push(`空闲超时不得超过 ${FLOORS.session.maxIdleMinutes} 分钟（等保 2.0 登录连接超时自动退出）`);
  if (p.session.idleMinutes < 5) problems.push('空闲超时不得少于 5 分钟');
  if (p.session.absoluteHours > FLOORS.session.maxAbsoluteHours)
    problems.push(`会话最长有效期不得超过 ${FLOORS.session.maxAbsoluteHours} 小时`);
  if (p.session.absoluteHours * 60 < p.session.idleMinutes) problems.push('会话最长有效期不得短于空闲超时');
  const missing = FLOORS.mfaRoles.filter((r) => !p.mfaRoles.includes(r));
  if (missing.length > 0)
    problems.push(`以下管理员角色必须使用二次验证：${missing.map((r) => ROLE_NAMES[r] ?? r).join('、')}`);
  if (p.mfaRoles.some((r) => !MFA_ELIGIBLE.includes(r))) problems.push('学生和家长账号不设置二次验证');
  return problems;
}
