import { AppError } from '../../../platform/errors/app-error.ts';

/** Upload limit of one Word paper; a file of 30 MB or more is refused before anything is read. */
export const MAX_DOCX_BYTES = 30 * 1024 * 1024;

/**
 * Where a problem in a document is: the part (`word/document.xml`), the paragraph (1-based, counted
 * over the whole body as Word shows them) and the XML position when the XML itself is broken.
 */
export interface DocxErrorDetails {
  part?: string;
  paragraph?: number;
  line?: number;
  column?: number;
  /** A code for the kind of problem: `encrypted`, `doc_binary`, `not_zip`, `bad_zip`, `xml_error` … */
  reason?: string;
  /** The XML parser's own words, for a developer reading a report. */
  parserMessage?: string;
}

/** The one refusal of a Word upload that cannot be read; `details` says where. */
export const docxError = (message: string, details?: DocxErrorDetails) =>
  new AppError('unsupported_media_type', message, details);

export const tooLargeDocx = () =>
  new AppError(
    'payload_too_large',
    `Word 文档不能超过 ${MAX_DOCX_BYTES / 1024 / 1024} MB，请压缩其中的图片或拆分后再上传`,
    { limitBytes: MAX_DOCX_BYTES },
  );

export const inflatesTooMuch = () =>
  new AppError('payload_too_large', 'Word 文档解压后过大（可能是异常的压缩文件），已拒绝', {
    reason: 'zip_bomb',
  });
