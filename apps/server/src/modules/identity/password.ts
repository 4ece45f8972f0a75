import { hash, verify } from '@node-rs/argon2';
import type { TPasswordRules } from '../../platform/auth/security-policy.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

/** argon2id with OWASP-recommended parameters (19 MiB, 2 iterations). */
const ARGON = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 as const };

export const hashPassword = (plain: string): Promise<string> => hash(plain, ARGON);

export const verifyPassword = async (stored: string, plain: string): Promise<boolean> => {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
};

/** A hash of a random value, verified against when the username is unknown so timing does not tell. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  return dummy;
};

/**
 * Returns the reasons a new password is refused under the security policy's password rules, in
 * Chinese; empty when it is acceptable.
 */
export function checkPassword(policy: TPasswordRules, password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < policy.minLength) problems.push(`密码长度至少为 ${policy.minLength} 位`);
  if (password.length > 128) problems.push('密码长度不能超过 128 位');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < policy.minClasses) {
    problems.push(`密码须包含大写字母、小写字母、数字、特殊字符中的至少 ${policy.minClasses} 类`);
  }
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    problems.push('密码不能包含用户名');
  if (policy.checkBreached && COMMON_PASSWORDS.has(password.toLowerCase())) {
    problems.push('该密码过于常见或已在泄露密码库中出现');
  }
  return problems;
}
