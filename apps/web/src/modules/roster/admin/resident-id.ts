/** GB 11643-1999 居民身份证号码: 17 digits and an ISO 7064 MOD 11-2 check character. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export const RESIDENT_ID_TYPE = '1';

export interface ResidentIdInfo {
  /** YYYY-MM-DD */
  birthDate: string;
  /** GB/T 2261.1: 1 male, 2 female (odd / even 17th digit). */
  gender: '1' | '2';
}

/** The i18n key of what is wrong with a resident ID number. */
export type ResidentIdError = 'rosterAdmin.id.format' | 'rosterAdmin.id.check' | 'rosterAdmin.id.date';

export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

/** Mirrors the server's check so mistakes show before submitting; the server checks again. */
export function parseResidentId(raw: string): ResidentIdInfo | { error: ResidentIdError } {
  const id = raw.trim().toUpperCase();
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return { error: 'rosterAdmin.id.format' };
  if (checkChar(id.slice(0, 17)) !== id[17]) return { error: 'rosterAdmin.id.check' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { error: 'rosterAdmin.id.date' };
  }
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? '1' : '2',
  };
}
