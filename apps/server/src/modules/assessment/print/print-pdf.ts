/**
 * Print HTML → PDF with the system's Chromium through `playwright-core` (a runtime dependency of the
 * server for this). One browser is shared and started on first use; each document gets its own
 * context with JavaScript off and every network request refused, so a document can only show what
 * it carries (pictures come in as data URLs).
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { PrintHtml } from './print-html.ts';
import type { PageGeometry } from './print-layout.ts';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Where Chromium is: `HANLIN_CHROMIUM`, then `CHROMIUM_PATH` (what the end-to-end tests read), then the usual paths. */
export function chromiumPath(): string {
  const configured = process.env.HANLIN_CHROMIUM || process.env.CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    throw printerMissing(`HANLIN_CHROMIUM / CHROMIUM_PATH 指向的 ${configured} 不存在`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw printerMissing(`在 ${CANDIDATES.join('、')} 都没有找到 Chromium`);
  return found;
}

const printerMissing = (why: string) =>
  new AppError(
    'internal',
    `无法生成 PDF：${why}。请在服务器上安装 Chromium 和中文字体（Debian/Ubuntu：apt-get install chromium fonts-noto-cjk），或用 HANLIN_CHROMIUM 指定 Chromium 的路径`,
    { reason: 'chromium_missing' },
  );

let browser: Promise<Browser> | undefined;

function shared(): Promise<Browser> {
  if (!browser) {
    const path = chromiumPath();
    // Loaded on the first print, not at start: playwright-core is large (~0.3 s of CPU to load).
    browser = import('playwright-core')
      .then(({ chromium }) =>
        chromium.launch({
          executablePath: path,
          args: [
            '--headless=new',
            '--no-sandbox',
            '--disable-gpu',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
          ],
        }),
      )
      .then((b) => {
        b.on('disconnected', () => {
          browser = undefined;
        });
        return b;
      })
      .catch((err: unknown) => {
        browser = undefined;
        throw printerMissing(
          `Chromium（${path}）无法启动：${err instanceof Error ? err.message.split('\n')[0] : err}`,
        );
      });
  }
  return browser;
}

/** Stops the shared browser (server shutdown, end of tests). */
export async function closePrinter(): Promise<void> {
  const b = browser;
  browser = undefined;
  if (b) await (await b).close().catch(() => undefined);
}

const mmToPx = (mm: number) => Math.round((mm * 96) / 25.4);

/** Opens the HTML in a locked-down page and hands it to `use`. */
/**
 * Pages rendered at once: each costs a Chromium renderer process, and a machine of two cores
 * printing a class set of papers should queue them rather than thrash.
 */
const MAX_PAGES = 2;
let open = 0;
const waiting: (() => void)[] = [];

async function withPage<T>(doc: PrintHtml, use: (page: Page) => Promise<T>): Promise<T> {
  if (open >= MAX_PAGES) await new Promise<void>((resolve) => waiting.push(resolve));
  open++;
  try {
    return await render(doc, use);
  } finally {
    open--;
    waiting.shift()?.();
  }
}

async function render<T>(doc: PrintHtml, use: (page: Page) => Promise<T>): Promise<T> {
  const context = await (await shared()).newContext({
    javaScriptEnabled: false,
    offline: true,
    viewport: { width: mmToPx(doc.geometry.width), height: mmToPx(doc.geometry.height) },
  });
  try {
    await context.route('**/*', (route) =>
      route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    await page.setContent(doc.html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    return await use(page);
  } finally {
    await context.close();
  }
}

const footer = (g: PageGeometry) =>
  `<div style="width:100%;font-size:9pt;text-align:center;font-family:'Noto Serif CJK SC',serif;padding-left:${g.seal}mm">` +
  '第 <span class="pageNumber"></span> 页　共 <span class="totalPages"></span> 页</div>';

/** The document as a PDF of its page size, with 第 x 页 共 y 页 at the foot of every page. */
export function printPdf(doc: PrintHtml): Promise<Buffer> {
  const g = doc.geometry;
  return withPage(doc, (page) =>
    page.pdf({
      width: `${g.width}mm`,
      height: `${g.height}mm`,
      margin: {
        top: `${g.margin.top}mm`,
        right: `${g.margin.right}mm`,
        bottom: `${g.margin.bottom}mm`,
        left: `${g.margin.left}mm`,
      },
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footer(g),
    }),
  );
}

/** A PNG of the first page as it prints (for a preview, and for looking at the layout in tests). */
export function printPreview(doc: PrintHtml): Promise<Buffer> {
  return withPage(doc, async (page) => {
    await page.emulateMedia({ media: 'screen' });
    return page.screenshot({
      clip: { x: 0, y: 0, width: mmToPx(doc.geometry.width), height: mmToPx(doc.geometry.height) },
    });
  });
}
