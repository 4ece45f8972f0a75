import type { Lang } from '../../app/i18n/i18n';

/**
 * When something happened, short enough for a phone: the time for today, month and day for this
 * year, the full date before, in Beijing time.
 */
export function formatWhen(iso: string, lang: Lang, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
  const day = (x: Date, opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', ...opts }).format(x);
  const ymd = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
  if (day(d, ymd) === day(now, ymd)) return day(d, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  if (day(d, { year: 'numeric' }) === day(now, { year: 'numeric' }))
    return day(d, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return day(d, ymd);
}
