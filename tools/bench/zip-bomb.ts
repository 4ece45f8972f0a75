/**
 * `npx tsx --expose-gc tools/bench/zip-bomb.ts [--mb 300]` — not a test. Crafts the workbook of
 * review finding 6 (a sheet member declaring 1 KB that inflates to <mb> MB) and times how long
 * `loadWorkbook` takes to refuse it and how much the process's memory grows meanwhile (peak RSS and
 * heap + external + array buffers, sampled every millisecond). An honest workbook of the same
 * template is loaded as a baseline. Target: refused in well under a second, growth < 20 MB.
 */
import ExcelJS from 'exceljs';
import { loadWorkbook, workbookBuffer } from '../../apps/server/src/platform/xlsx/xlsx-file.ts';
import { craftZipBomb } from '../../apps/server/src/testing/zip-bomb.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MB = 1024 * 1024;
const INFLATED_MB = arg('mb', 300);

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
ws.addRow(['姓名', '学号']);
for (let i = 0; i < 200; i++) ws.addRow([`学生${i}`, `X${String(i).padStart(4, '0')}`]);
const honest = await workbookBuffer(wb);
const bomb = await craftZipBomb(honest, 'xl/worksheets/sheet1.xml', INFLATED_MB * MB);
console.log(
  `bomb: ${(bomb.length / 1024).toFixed(0)} KB on disk, sheet declares 1 KB, inflates to ${INFLATED_MB} MB`,
);
// Warm up the code paths once so the figures are the request's, not module loading's.
await loadWorkbook(honest);
await measure('honest workbook (200 rows)', honest);
await measure(`zip bomb (${INFLATED_MB} MB declared as 1 KB)`, bomb);
