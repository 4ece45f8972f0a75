/** Bytes in binary units, as operators read disk and database sizes. */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${i === 0 ? v : v.toFixed(v < 10 ? 2 : 1)} ${units[i]}`;
}

/** A duration in the largest sensible unit: 850 ms, 4.2 s, 3 分 12 秒 / 3 min 12 s, 2 天 3 小时. */
export function formatDuration(ms: number | null | undefined, lang: 'zh-CN' | 'en'): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const zh = lang !== 'en';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return zh ? `${d} 天 ${h} 小时` : `${d} d ${h} h`;
  if (h > 0) return zh ? `${h} 小时 ${m} 分` : `${h} h ${m} min`;
  return zh ? `${m} 分 ${s % 60} 秒` : `${m} min ${s % 60} s`;
}
