import { v7 } from 'uuid';
import { hash32, hashMany } from './prng.ts';

/** Namespaces of generated UUIDs; each counts its own ordinals. */
export const NS = {
  org: 1,
  person: 2,
  account: 3,
  role: 4,
  guardian: 5,
  assignment: 6,
  calendar: 7,
} as const;

/** Ids are stamped from here on: the city was "set up" just before the 2026-2027 school year. */
export const ID_EPOCH_MS = Date.UTC(2026, 7, 24, 1, 0, 0);

/**
 * Deterministic UUIDv7: the time part is the epoch plus the ordinal (so ids sort in insertion order
 * and primary-key inserts append), the random part a hash of (seed, namespace, ordinal).
 */
export class IdFactory {
  private readonly bytes = new Uint8Array(16);
  private readonly nsKeys = new Map<number, number>();

  constructor(private readonly seed: number) {}

  /** The id as text. */
  id(ns: number, ordinal: number): string {
    return v7({ msecs: ID_EPOCH_MS + ordinal, random: this.random(ns, ordinal) });
  }

  /** The id's 16 bytes, written into `out` at `offset`. */
  write(ns: number, ordinal: number, out: Buffer, offset: number): void {
    v7({ msecs: ID_EPOCH_MS + ordinal, random: this.random(ns, ordinal) }, out, offset);
  }

  private random(ns: number, ordinal: number): Uint8Array {
    let key = this.nsKeys.get(ns);
    if (key === undefined) {
      key = hashMany(this.seed, ns, 0x1d5);
      this.nsKeys.set(ns, key);
    }
    const b = this.bytes;
    let h = hash32(key ^ ordinal) ^ Math.floor(ordinal / 4294967296);
    for (let k = 0; k < 16; k += 4) {
      h = hash32(h + 0x9e3779b9 + k);
      b[k] = h & 0xff;
      b[k + 1] = (h >>> 8) & 0xff;
      b[k + 2] = (h >>> 16) & 0xff;
      b[k + 3] = h >>> 24;
    }
    return b;
  }
}

/** Text form of 16 id bytes at `offset`. */
export function uuidText(bytes: Buffer, offset = 0): string {
  const h = bytes.toString('hex', offset, offset + 16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// GB 11643-1999: 17 digits weighted, ISO 7064 MOD 11-2 check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** 居民身份证号: area (6) + birth date YYYYMMDD (8) + sequence (3, odd for men) + check character. */
export function residentId(area: string, birthCompact: string, seq: number): string {
  const first17 = `${area}${birthCompact}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

const DAY_MS = 86_400_000;
const dayCache = new Map<number, string>();

/** ISO date (YYYY-MM-DD) of a day number (days since 1970-01-01, UTC). */
export function isoDay(day: number): string {
  let s = dayCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dayCache.set(day, s);
  }
  return s;
}

export const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;

export const yearOfDay = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();

/**
 * Hands out the 3-digit sequence of ID numbers so that no two people share one: per (area, birth
 * day, sex) the k-th person gets a distinct odd (men) or even (women) value, scattered over 000–999.
 */
export class IdSequenceAllocator {
  private readonly used = new Map<number, number>();

  constructor(private readonly seed: number) {}

  /** The sequence for the next person, or -1 when that day is full (the caller picks another day). */
  next(areaIdx: number, day: number, male: boolean): number {
    const key = ((areaIdx * 100_000 + (day + 40_000)) * 2 + (male ? 1 : 0)) >>> 0;
    const k = this.used.get(key) ?? 0;
    if (k >= 500) return -1;
    this.used.set(key, k + 1);
    const start = hash32(key ^ this.seed) % 500;
    return 2 * ((start + 37 * k) % 500) + (male ? 1 : 0);
  }
}

/** Mobile prefixes of the three carriers (China Mobile, Unicom, Telecom). */
const PHONE_PREFIXES = [
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '147',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '178',
  '182',
  '183',
  '184',
  '187',
  '188',
  '198',
  '130',
  '131',
  '132',
  '155',
  '156',
  '166',
  '175',
  '176',
  '185',
  '186',
  '133',
  '153',
  '173',
  '177',
  '180',
  '181',
  '189',
  '199',
];
const PHONE_DOMAIN = PHONE_PREFIXES.length * 100_000_000;

/** 4-round Feistel permutation of 32-bit values. */
function feistel(x: number, key: number): number {
  let l = x >>> 16;
  let r = x & 0xffff;
  for (let round = 0; round < 4; round++) {
    const f = hash32(r ^ hash32(key + round)) & 0xffff;
    const nl = r;
    r = l ^ f;
    l = nl;
  }
  return ((l << 16) | r) >>> 0;
}

/**
 * The k-th demo mobile number: a keyed permutation of all numbers under the prefixes (cycle-walking
 * a Feistel network), so distinct k always give distinct numbers and no set of used numbers is kept.
 */
export function phoneNumber(seed: number, k: number): string {
  let x = k >>> 0;
  do x = feistel(x, seed);
  while (x >= PHONE_DOMAIN);
  const prefix = PHONE_PREFIXES[Math.floor(x / 100_000_000)]!;
  return prefix + String(x % 100_000_000).padStart(8, '0');
}
