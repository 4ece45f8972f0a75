export type WaitKey = 'waitDaysHours' | 'waitHoursMinutes' | 'waitMinutes' | 'waitJustNow';

/**
 * A wait as its two largest units, with the `resources.*` message that shows them: 3 天 5 小时,
 * 5 小时 20 分钟, 20 分钟 (never 0 天 …).
 */
export function waitParts(minutes: number): { key: WaitKey; d: number; h: number; m: number } {
  const total = Math.max(0, Math.floor(minutes));
  const d = Math.floor(total / 1440);
  const h = Math.floor((total % 1440) / 60);
  const m = total % 60;
  const key = d > 0 ? 'waitDaysHours' : h > 0 ? 'waitHoursMinutes' : m > 0 ? 'waitMinutes' : 'waitJustNow';
  return { key, d, h, m };
}
