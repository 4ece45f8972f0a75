import { type FieldCrypto, openOpt } from '../../platform/crypto/field-crypto.ts';
import type { SealedPersonRow, StudentRow, TeacherRow } from './lookup.repository.ts';

/**
 * Imports compare incoming cells with stored values, so the encrypted fields of the persons they
 * found are opened here, in memory, for the length of one validation.
 */
export type PersonRow = Omit<SealedPersonRow, 'birthDateEnc' | 'phoneEnc'> & {
  birthDate: string | null;
  phone: string | null;
};

export const openPerson = (
  crypto: FieldCrypto,
  { birthDateEnc, phoneEnc, ...r }: SealedPersonRow,
): PersonRow => ({
  ...r,
  birthDate: openOpt(crypto, birthDateEnc),
  phone: openOpt(crypto, phoneEnc),
});

export type OpenStudentRow = Omit<StudentRow, 'birthDateEnc'> & { birthDate: string | null };

export const openStudent = (crypto: FieldCrypto, { birthDateEnc, ...r }: StudentRow): OpenStudentRow => ({
  ...r,
  birthDate: openOpt(crypto, birthDateEnc),
});

export type OpenTeacherRow = Omit<TeacherRow, 'phoneEnc'> & { phone: string | null };

export const openTeacher = (crypto: FieldCrypto, { phoneEnc, ...r }: TeacherRow): OpenTeacherRow => ({
  ...r,
  phone: openOpt(crypto, phoneEnc),
});

/** Base64 of a sealed value, for the JSON that bulk updates carry; null stays null. */
export const sealed64 = (crypto: FieldCrypto, plain: string | null | undefined): string | null =>
  plain == null || plain === '' ? null : crypto.encrypt(plain).toString('base64');
