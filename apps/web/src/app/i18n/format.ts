import type { Lang } from './i18n';

const TZ = 'Asia/Shanghai';

/** Formats a UTC timestamp in Beijing time (DESIGN: stored in UTC, shown in Asia/Shanghai). */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(d);
}

/** The calendar day of a UTC timestamp in Beijing time (a resource published at 00:20 on the 5th
 * Beijing time is UTC 16:20 on the 4th: cutting the ISO string would show the 4th). */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

/** Formats an integer with the locale's grouping. */
export const formatCount = (n: number, lang: Lang) => n.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN');
