/**
 * Time and ids of the demo assessment data: moments in the bureau's calendar (Beijing time), and
 * UUIDv7 ids derived from a key and a moment, so the same seed on the same day gives the same rows.
 */
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { hashMany, Rng } from '../../demo/prng.ts';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
const BEIJING = 8 * HOUR;

/** Midnight (Beijing) of the day holding instant `t`, as an instant. */
export const beijingMidnight = (t: number) => Math.floor((t + BEIJING) / DAY) * DAY - BEIJING;
/** Day of the week (0 Sunday … 6 Saturday) of a Beijing midnight. */
export const weekday = (midnight: number) => new Date(midnight + BEIJING).getUTCDay();
/** A school day: Monday to Friday. */
export const schoolDay = (midnight: number) => weekday(midnight) >= 1 && weekday(midnight) <= 5;
/** The instant `hours` (fractional) after a Beijing midnight. */
export const at = (midnight: number, hours: number) => midnight + Math.round(hours * HOUR);
/** The hour of the day (Beijing) of an instant, fractional. */
export const beijingHour = (t: number) => ((t + BEIJING) % DAY) / HOUR;
export const iso = (t: number) => new Date(t).toISOString();

/** A stable 32-bit number from a text. */
export function hashText(text: string): number {
  let h = hashMany(text.length);
  for (let i = 0; i < text.length; i += 2)
    h = hashMany(h, text.charCodeAt(i) * 65_536 + (text.charCodeAt(i + 1) || 0));
  return h;
}

/** A generator seeded from the demo's seed and a key (a place, a person, an assignment). */
export const rngOf = (seed: number, key: string) => new Rng(hashMany(seed, hashText(key)));

const idBytes = new Uint8Array(16);
const idView = new DataView(idBytes.buffer);

/** A UUIDv7 whose time is `t` and whose random bits come from `r` (cheap: for rows by the hundred thousand). */
export function idFrom(r: Rng, t: number): string {
  for (let k = 0; k < 4; k++) idView.setUint32(4 * k, r.u32());
  return uuidv7({ msecs: Math.max(0, Math.floor(t)), random: idBytes });
}

/** A UUIDv7 whose time is `t` and whose random bits come from `key`: stable for a stable key. */
export function stableId(key: string, t: number): string {
  const random = createHash('sha256').update(key).digest().subarray(0, 16);
  return uuidv7({ msecs: Math.max(0, Math.floor(t)), random });
}
