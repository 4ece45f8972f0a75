/** GB 11643-1999 居民身份证号码: 17 digits + ISO 7064 MOD 11-2 check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export interface IdNumberInfo {
  birthDate: string;
  gender: '1' | '2';
}

/** Validates a resident ID number; returns the birth date and sex it encodes, or a reason. */
export function parseResidentId(raw: string): IdNumberInfo | { error: string } {
  const id = raw.trim().toUpperCase();
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return { error: '身份证号应为18位（末位可为X）' };
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return { error: '身份证号校验位不正确' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) {
    return { error: '身份证号中的出生日期无效' };
  }
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? '1' : '2',
  };
}

/** Shows the region and the last four characters only. */
export const maskIdNumber = (id: string): string =>
  id.length <= 10 ? '*'.repeat(id.length) : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;

/** Age in whole years on `on` (default today, Asia/Shanghai calendar date). */
export function ageOn(birthDate: string, on: Date = new Date()): number {
  const today = new Date(on.getTime() + 8 * 3_600_000);
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return age;
}
