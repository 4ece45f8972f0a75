import type { FieldCrypto } from '../platform/crypto/field-crypto.ts';
import { type DemoCity, idNumberOf, staffNo, studentNo } from './city.ts';
import type { TableSource } from './copy.ts';
import { NS, phoneNumber } from './ids.ts';
import { fullName, poolFor } from './names.ts';
import type { PersonColumns } from './types.ts';

const ETHNICITY = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

/** Every person once, in person-ordinal order, with the column set and index that describe them. */
function* everyone(
  city: DemoCity,
): Generator<[ordinal: number, cols: PersonColumns, i: number, adult: boolean]> {
  const { students, teachers, parents, staff, base } = city;
  for (let i = 0; i < students.count; i++) yield [i, students, i, false];
  for (let t = 0; t < teachers.count; t++) yield [base.teachers + t, teachers, t, true];
  for (let p = 0; p < parents.count; p++) {
    // Parents who are also teachers already have their person.
    if (parents.person[p]! >= base.parents) yield [parents.person[p]!, parents, p, true];
  }
  for (let s = 0; s < staff.cols.count; s++) yield [base.staff + s, staff.cols, s, true];
}

/** Mobile numbers: teachers, then parents, then staff, each from a distinct slot of the number space. */
function phoneOf(city: DemoCity, cols: PersonColumns, i: number): string | null {
  if (cols === city.students) return null;
  const { teachers, parents } = city;
  const k =
    cols === teachers ? i : cols === parents ? teachers.count + i : teachers.count + parents.count + i;
  return phoneNumber(city.seed, k);
}

/** A day number (days since 1970-01-01) as YYYY-MM-DD. */
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * person: ID numbers, birth dates and mobile numbers are encrypted (AES-GCM) per row, ID and mobile
 * numbers also keyed-hashed for lookups; students have no phone.
 */
export const personSource = (city: DemoCity, crypto: FieldCrypto): TableSource => ({
  table: 'person',
  columns:
    'id name gender birth_date_enc ethnicity nationality id_type id_number_enc id_number_hash phone_enc phone_hash'.split(
      ' ',
    ),
  *rows(w) {
    for (const [ordinal, cols, i, adult] of everyone(city)) {
      const gender = cols.gender[i]!;
      const idNumber = idNumberOf(cols, i);
      const phone = phoneOf(city, cols, i);
      w.row(11);
      w.uuid(city.personKeys, 16 * ordinal);
      w.text(fullName(cols.surname[i]!, poolFor(gender, adult), { a: cols.given1[i]!, b: cols.given2[i]! }));
      w.ascii(gender === 1 ? '1' : '2');
      w.bytea(crypto.encrypt(isoDay(cols.birth[i]!)));
      w.ascii(ETHNICITY[cols.ethnicity[i]!]!);
      w.ascii('CHN');
      w.ascii('1');
      w.bytea(crypto.encrypt(idNumber));
      w.ascii(crypto.lookupHash(idNumber));
      if (phone) {
        w.bytea(crypto.encrypt(phone));
        w.ascii(crypto.lookupHash(phone));
      } else {
        w.null();
        w.null();
      }
      yield;
    }
  },
});

/**
 * The login of a person: s+school serial+学号, t+教职工号, p+a serial for parents (who usually sign in
 * with their mobile number instead), or a fixed name. No username carries a phone or ID number.
 */
function usernameOf(city: DemoCity, ordinal: number, cols: PersonColumns, i: number): string {
  const fixed = city.usernames.get(ordinal);
  if (fixed) return fixed;
  if (cols === city.students) {
    const school = city.tree.classes[city.students.cls[i]!]!.school;
    return `s${school.serial}${studentNo(city, i)}`;
  }
  if (cols === city.teachers) return `t${staffNo(city, i)}`;
  if (cols === city.staff.cols) return city.staff.usernames[i]!;
  return `p${String(i + 1).padStart(8, '0')}`;
}

/** account: one per person, all with the same (demo) password hash. */
export const accountSource = (city: DemoCity, passwordHash: string): TableSource => ({
  table: 'account',
  columns: ['id', 'person_id', 'username', 'password_hash'],
  *rows(w) {
    const key = Buffer.allocUnsafe(16);
    for (const [ordinal, cols, i] of everyone(city)) {
      city.ids.write(NS.account, ordinal, key, 0);
      w.row(4);
      w.uuid(key);
      w.uuid(city.personKeys, 16 * ordinal);
      w.ascii(usernameOf(city, ordinal, cols, i));
      w.text(passwordHash);
      yield;
    }
  },
});
