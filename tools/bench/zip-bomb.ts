/**
 * `npx tsx --expose-gc tools/bench/zip-bomb.ts [--mb 300]` — not a test. Crafts the workbook of
 * review finding 6 (a sheet member declaring 1 KB that inflates to <mb> MB) and times how long
 * `loadWorkbook` takes to refuse it and how much the process's memory grows meanwhile (peak RSS and
 * heap + external + array buffers, sampled every millisecond). An honest workbook of <rows> rows
 * is loaded as a baseline, and the guard's own cost on it (inflating every member once, streaming)
 * is timed alone. Target: refused in well under a second, growth < 20 MB.
 */
import ExcelJS from 'exceljs';
import { loadWorkbook, workbookBuffer } from '../../apps/server/src/platform/xlsx/xlsx-file.ts';
import { assertInflatesWithin, readZipEntries } from '../../apps/server/src/platform/xlsx/zip-guard.ts';
import { craftZipBomb } from '../../apps/server/src/testing/zip-bomb.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MB = 1024 * 1024;
const INFLATED_MB = arg('mb', 300);
const ROWS = arg('rows', 200);

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const used = () => {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.external + m.arrayBuffers };
};

async function measure(label: string, buf: Buffer) {
  gc();
  const before = used();
  let peak = before;
  const timer = setInterval(() => {
    const now = used();
    peak = { rss: Math.max(peak.rss, now.rss), heap: Math.max(peak.heap, now.heap) };
  }, 1);
  const t0 = performance.now();
  const outcome = await loadWorkbook(buf).then(
    () => 'loaded',
    (e: { code?: string }) => `refused (${e.code})`,
  );
  const ms = performance.now() - t0;
  clearInterval(timer);
  const after = used();
  peak = { rss: Math.max(peak.rss, after.rss), heap: Math.max(peak.heap, after.heap) };
  console.log(
    `${label.padEnd(34)} ${outcome.padEnd(28)} ${ms.toFixed(1).padStart(8)} ms   ` +
      `RSS +${((peak.rss - before.rss) / MB).toFixed(1)} MB   heap+external +${((peak.heap - before.heap) / MB).toFixed(1)} MB`,
  );
}

const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('学生');
ws.addRow(['姓名', '学号', '性别', '出生日期', '民族', '证件号码', '班级名称', '入学年份']);
for (let i = 0; i < ROWS; i++) {
  ws.addRow([
    `学生${i}`,
    `X${i}`,
    '男性',
    '2015-03-02',
    '汉族',
    `4401042015030${String(i).padStart(5, '0')}`,
    '一年级1班',
    2021,
  ]);
}
const honest = await workbookBuffer(wb);
const bomb = await craftZipBomb(honest, 'xl/worksheets/sheet1.xml', INFLATED_MB * MB);
console.log(
  `bomb: ${(bomb.length / 1024).toFixed(0)} KB on disk, sheet declares 1 KB, inflates to ${INFLATED_MB} MB`,
);
// Warm up the code paths once so the figures are the request's, not module loading's.
await loadWorkbook(honest);
await measure(`honest workbook (${ROWS} rows)`, honest);
const t0 = performance.now();
await assertInflatesWithin(honest, readZipEntries(honest), Number.MAX_SAFE_INTEGER);
const inflated = readZipEntries(honest).reduce((s, e) => s + e.declaredSize, 0);
console.log(
  `guard alone on it: ${(performance.now() - t0).toFixed(1)} ms for ${(inflated / MB).toFixed(1)} MB inflated ` +
    `(${(honest.length / MB).toFixed(1)} MB file)`,
);
await measure(`zip bomb (${INFLATED_MB} MB declared as 1 KB)`, bomb);
