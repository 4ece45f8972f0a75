import { describe, expect, it } from 'vitest';
import {
  defaultSecurityPolicy,
  PASSWORD_PROFILES,
  type TSecurityPolicy,
} from '../../platform/auth/security-policy.ts';
import { loadConfig } from '../../platform/config/config.ts';
import { belowFloor } from './policy-floors.ts';

const base = (): TSecurityPolicy => defaultSecurityPolicy(loadConfig({}));
const change = (patch: (p: TSecurityPolicy) => void) => {
  const p = structuredClone(base());
  patch(p);
  return belowFloor(p);
};

describe('the 等保 2.0 floor of the security policy', () => {
  it('accepts today’s defaults and stricter values', () => {
    expect(belowFloor(base())).toEqual([]);
    expect(
      change((p) => {
        p.password.minLength = 14;
        p.password.minClasses = 4;
        p.password.maxAgeDays = 60;
        p.lockout.attempts = 3;
        p.lockout.minutes = 30;
        p.session.idleMinutes = 10;
        p.mfaRoles.push('school_admin', 'researcher');
      }),
    ).toEqual([]);
  });

  it('refuses each weakening with its reason in Chinese', () => {
    expect(change((p) => (p.password.minLength = 6))).toEqual(['等保 2.0 口令最小长度不得低于 8 位']);
    expect(change((p) => (p.password.minClasses = 2))[0]).toMatch(/至少包含 3 类字符/);
    expect(change((p) => (p.password.maxAgeDays = null))[0]).toMatch(/定期更换口令/);
    expect(change((p) => (p.password.maxAgeDays = 180))[0]).toMatch(/不得超过 90 天/);
    expect(change((p) => (p.password.historyDepth = 1))[0]).toMatch(/最近 3 次/);
    expect(change((p) => (p.lockout.attempts = 20))[0]).toMatch(/不得超过 10 次/);
    expect(change((p) => (p.lockout.minutes = 1))[0]).toMatch(/不得少于 10 分钟/);
    expect(change((p) => (p.session.idleMinutes = 120))[0]).toMatch(/空闲超时不得超过 30 分钟/);
    expect(change((p) => (p.session.absoluteHours = 48))[0]).toMatch(/不得超过 24 小时/);
    expect(change((p) => (p.mfaRoles = p.mfaRoles.filter((r) => r !== 'auditor')))).toEqual([
      '以下管理员角色必须使用二次验证：审计员',
    ]);
    expect(change((p) => p.mfaRoles.push('student'))).toEqual(['学生和家长账号不设置二次验证']);
  });

  it('reports every weakness at once', () => {
    const problems = change((p) => {
      p.password.minLength = 4;
      p.lockout.attempts = 50;
      p.mfaRoles = [];
    });
    expect(problems).toHaveLength(3);
  });

  it('holds the ASVS profile to length and the breached-password check, not to rotation', () => {
    const asvs = (patch: (p: TSecurityPolicy) => void = () => {}) =>
      change((p) => {
        p.password = { ...PASSWORD_PROFILES.asvs };
        patch(p);
      });
    expect(asvs()).toEqual([]);
    expect(asvs((p) => (p.password.minLength = 10))[0]).toMatch(/不得低于 12 位/);
    expect(asvs((p) => (p.password.checkBreached = false))[0]).toMatch(/已泄露口令/);
  });
});
