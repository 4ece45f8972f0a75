/**
 * Printing a paper for the people who may see it (its owner, administrators of its unit, the
 * researchers above it; the route's `paper` scope decides): the paper as PDF (A4, or A3 in two
 * columns with the sealing line) or .docx, its answer key and marking scheme (参考答案及评分标准) as
 * PDF or .docx, and a PNG of its first page. A draft prints as a preview labelled 草稿. Learners
 * never reach these use cases (the routes admit the bank's roles only): the key is the one thing of
 * a paper a student must not hold before the scores are released.
 *
 * Loading runs in the request's read transaction; rendering (seconds of Chromium) runs after it,
 * so a queue of prints holds no database connection.
 */
import { createHash } from 'node:crypto';
import { forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { Storage } from '../../platform/storage/index.ts';
import { BANK_ROLES } from './assessment.policy.ts';
import { findPictures } from './bank.repository.ts';
import { pictureKeys } from './bank-text.ts';
import type { PaperDocument } from './paper-model.ts';
import { admitPrint, cachedPrint, keepPrint, type PrintedBytes } from './paper-print.queue.ts';
import * as repo from './papers.repository.ts';
import { documentOf } from './papers.service.ts';
import { type ImageResolver, type PaperSize, printKeyDocx, printPaperDocx } from './print/paper-print.ts';
import { keyHtml, type PrintHtml, paperHtml } from './print/print-html.ts';
import { printPdf, printPreview } from './print/print-pdf.ts';

/** What to print: the paper (PDF, .docx or a PNG of page 1, A4 or A3) or its key (PDF or .docx). */
export type PrintWant =
  | { part: 'paper'; format: 'pdf' | 'docx' | 'png'; size: PaperSize }
  | { part: 'key'; format: 'pdf' | 'docx' };

export interface PrintJob {
  want: PrintWant;
  document: PaperDocument;
  draft: boolean;
  /** The pictures the document shows that the viewer may read: key → stored object. */
  pictures: Map<string, { storageKey: string; mime: string }>;
  fileName: string;
  /** Where a finalised paper's file is kept (the document never changes once final). */
  cacheKey?: string;
}

export interface PrintDownload extends PrintedBytes {
  fileName: string;
}

const DRAFT_LABEL = '草稿 · 未定稿，仅供校对';

/** A title as a file name on Windows, macOS and phones: no path or reserved characters, not too long. */
const fileSafe = (s: string) =>
  s
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
    .trim()
    .slice(0, 80) || '试卷';

function fileNameOf(title: string, want: PrintWant, draft: boolean): string {
  const base = `${draft ? '【草稿】' : ''}${fileSafe(title)}`;
  if (want.part === 'key') return `${base} 参考答案及评分标准.${want.format}`;
  const size = want.size === 'A3' ? '（A3 双栏）' : '';
  return `${base}${size}.${want.format}`;
}

/**
 * Loads what to print: a finalised paper's document as it was given, a draft's as its items stand
 * now (labelled 草稿 under the title), and the pictures in it the viewer may read. Prints of the key
 * are audited (who took the answers, when, in what form); so are prints of the paper, which is as
 * confidential as its key until the exam has been sat.
 */
export async function preparePaperPrint(ctx: Ctx, id: string, want: PrintWant): Promise<PrintJob> {
  // Row security lets a learner read a paper given to their class (to answer it), key and all: the
  // routes admit the bank's roles only, and this use case says so again should a route ever change.
  if (!(BANK_ROLES as readonly string[]).includes(ctx.actor.role))
    throw forbidden('学生和家长不能下载试卷与答案');
  const p = await repo.findPaper(ctx.db, id);
  if (!p) throw notFound('试卷');
  const draft = p.status !== 'final' || !p.document;
  let document = p.document ?? (await documentOf(ctx, p, await repo.listSlots(ctx.db, id)));
  if (draft)
    document = { ...document, subtitle: [DRAFT_LABEL, document.subtitle].filter(Boolean).join('　') };
  const keys = [...new Set(document.sections.flatMap((s) => s.items.flatMap((i) => pictureKeys(i.content))))];
  // Row-level security leaves out the pictures of items the viewer may not read: they print as a placeholder.
  const pictures = new Map(
    (await findPictures(ctx.db, keys)).map((f) => [f.storageKey, { storageKey: f.storageKey, mime: f.mime }]),
  );
  // A preview of page one is part of looking at the paper, which is not audited either.
  if (want.format !== 'png')
    await ctx.audit({
      action: want.part === 'key' ? 'paper.key.print' : 'paper.print',
      targetType: 'paper',
      targetId: id,
      orgPath: p.path,
      details: { format: want.format, ...(want.part === 'paper' ? { size: want.size } : {}), draft },
    });
  const variant = want.part === 'key' ? `key:${want.format}` : `paper:${want.format}:${want.size}`;
  return {
    want,
    document,
    draft,
    pictures,
    // A 统考's title is the term's (…期中质量检测); its subtitle says which district, grade and subject.
    fileName: fileNameOf([p.title, p.subtitle].filter(Boolean).join(' '), want, draft),
    cacheKey: draft
      ? undefined
      : `${createHash('sha256').update(JSON.stringify(document)).digest('hex')}:${variant}`,
  };
}

/** A diagonal 草稿 on every printed page (Chromium repeats fixed elements on each page). */
const withDraftMark = (doc: PrintHtml): PrintHtml => ({
  ...doc,
  html: doc.html.replace(
    '</body>',
    '<div style="position:fixed;left:0;right:0;top:40%;text-align:center;transform:rotate(-30deg);' +
      'font-size:96pt;letter-spacing:0.5em;color:rgba(0,0,0,0.08);pointer-events:none;z-index:10">草稿</div></body>',
  ),
});

function imagesOf(storage: Storage, job: PrintJob): ImageResolver {
  return async (key) => {
    const f = job.pictures.get(key);
    if (!f) return undefined;
    try {
      const chunks: Buffer[] = [];
      for await (const c of await storage.read(f.storageKey)) chunks.push(c as Buffer);
      return { bytes: Buffer.concat(chunks), contentType: f.mime };
    } catch {
      // A picture gone from the store prints as the printer's placeholder, not as a failed print.
      return undefined;
    }
  };
}

const PDF = 'application/pdf';

async function render(storage: Storage, job: PrintJob): Promise<PrintedBytes> {
  const resolveImage = imagesOf(storage, job);
  const { want, document } = job;
  const mark = (doc: PrintHtml) => (job.draft ? withDraftMark(doc) : doc);
  if (want.part === 'key') {
    if (want.format === 'docx') return printKeyDocx(document, { resolveImage });
    return { bytes: await printPdf(mark(await keyHtml(document, { resolveImage }))), contentType: PDF };
  }
  const options = { size: want.size, resolveImage };
  if (want.format === 'docx') return printPaperDocx(document, options);
  const html = mark(await paperHtml(document, options));
  if (want.format === 'png') return { bytes: await printPreview(html), contentType: 'image/png' };
  return { bytes: await printPdf(html), contentType: PDF };
}

/**
 * Renders a prepared job: from memory when this finalised paper was printed so before, else through
 * the printer's bounded queue (a full queue answers 429 at once). Word files need no Chromium and
 * skip the queue.
 */
export async function renderPaperPrint(storage: Storage, job: PrintJob): Promise<PrintDownload> {
  const hit = job.cacheKey ? cachedPrint(job.cacheKey) : undefined;
  if (hit) return { ...hit, fileName: job.fileName };
  const out =
    job.want.format === 'docx' ? await render(storage, job) : await admitPrint(() => render(storage, job));
  const file = { bytes: out.bytes, contentType: out.contentType };
  if (job.cacheKey) keepPrint(job.cacheKey, file);
  return { ...file, fileName: job.fileName };
}
