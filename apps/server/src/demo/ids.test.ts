import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { parseResidentId } from '../modules/roster/id-number.ts';
import {
  dayOf,
  IdFactory,
  IdSequenceAllocator,
  idCheckChar,
  isoDay,
  phoneNumber,
  residentId,
  uuidText,
} from './ids.ts';

describe('resident ID numbers (GB 11643)', () => {
  it('computes the ISO 7064 MOD 11-2 check character', () => {
    // The example of the standard, and two numbers whose check characters were computed by hand.
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44010419840101001')).toBe('5');
    expect(idCheckChar('44010320190901000')).toBe('6');
  });

  it('builds numbers that encode area, birth date and sex', () => {
    const id = residentId('440104', '20170518', 647);
    expect(id).toMatch(/^44010420170518647[0-9X]$/);
    expect(parseResidentId(id)).toEqual({ birthDate: '2017-05-18', gender: '1' });
    expect(parseResidentId(residentId('440118', '20100228', 12))).toEqual({
      birthDate: '2010-02-28',
      gender: '2',
    });
  });

  it('never hands out the same sequence twice for a day, odd for men and even for women', () => {
    const alloc = new IdSequenceAllocator(7);
    const day = dayOf(2016, 3, 1);
    const men = Array.from({ length: 500 }, () => alloc.next(0, day, true));
    const women = Array.from({ length: 500 }, () => alloc.next(0, day, false));
    expect(new Set(men).size).toBe(500);
    expect(new Set(women).size).toBe(500);
    expect(men.every((s) => s % 2 === 1 && s < 1000)).toBe(true);
    expect(women.every((s) => s % 2 === 0)).toBe(true);
    expect(alloc.next(0, day, true)).toBe(-1);
    expect(alloc.next(1, day, true)).toBeGreaterThanOrEqual(0);
  });

  it('converts day numbers to ISO dates', () => {
    expect(isoDay(dayOf(2026, 9, 1))).toBe('2026-09-01');
    expect(isoDay(dayOf(1969, 12, 31))).toBe('1969-12-31');
  });
});

describe('ids and phone numbers', () => {
  it('makes the same UUIDv7 for the same seed, namespace and ordinal', () => {
    const a = new IdFactory(1);
    const id = a.id(2, 12_345);
    expect(validate(id) && version(id)).toBe(7);
    expect(new IdFactory(1).id(2, 12_345)).toBe(id);
    expect(new IdFactory(2).id(2, 12_345)).not.toBe(id);
    expect(a.id(3, 12_345)).not.toBe(id);
    const bytes = Buffer.alloc(20);
    a.write(2, 12_345, bytes, 4);
    expect(uuidText(bytes, 4)).toBe(id);
  });

  it('gives distinct, plausible mobile numbers', () => {
    const phones = Array.from({ length: 50_000 }, (_, k) => phoneNumber(99, k));
    expect(new Set(phones).size).toBe(phones.length);
    expect(phones.every((p) => /^1[3-9][0-9]{9}$/.test(p))).toBe(true);
    expect(phoneNumber(99, 17)).toBe(phones[17]);
  });
});
