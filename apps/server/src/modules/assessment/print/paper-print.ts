/**
 * What the routes call to print a paper (A4, or A3 in two columns with the sealing line) and its
 * answer key (参考答案及评分标准), as PDF or .docx. `notes` lists what did not print as written (a
 * formula KaTeX refused, a MathML construct Word has no equation for), for the teacher to check.
 */
import type { PaperDocument } from '../paper-model.ts';
import { keyDocx, paperDocx } from './print-docx.ts';
import { keyHtml, paperHtml } from './print-html.ts';
import type { ImageResolver, PrintOptions } from './print-layout.ts';
import { printPdf, printPreview } from './print-pdf.ts';

export type { ImageResolver, PaperSize, PrintOptions } from './print-layout.ts';
export { chromiumPath, closePrinter } from './print-pdf.ts';

export interface PrintedFile {
  bytes: Buffer;
  contentType: string;
  notes: string[];
}

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function printPaperPdf(paper: PaperDocument, options: PrintOptions): Promise<PrintedFile> {
  const doc = await paperHtml(paper, options);
  return { bytes: await printPdf(doc), contentType: PDF, notes: doc.notes };
}

export async function printPaperDocx(paper: PaperDocument, options: PrintOptions): Promise<PrintedFile> {
  const { docx, notes } = await paperDocx(paper, options);
  return { bytes: docx, contentType: DOCX, notes };
}

export async function printKeyPdf(
  paper: PaperDocument,
  options: { resolveImage: ImageResolver },
): Promise<PrintedFile> {
  const doc = await keyHtml(paper, options);
  return { bytes: await printPdf(doc), contentType: PDF, notes: doc.notes };
}

export async function printKeyDocx(
  paper: PaperDocument,
  options: { resolveImage: ImageResolver },
): Promise<PrintedFile> {
  const { docx, notes } = await keyDocx(paper, options);
  return { bytes: docx, contentType: DOCX, notes };
}

/** A PNG of the paper's first page as it prints, for a preview beside the download buttons. */
export async function previewPaperPng(paper: PaperDocument, options: PrintOptions): Promise<Buffer> {
  return printPreview(await paperHtml(paper, options));
}
