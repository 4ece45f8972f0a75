import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../http/file-reply.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook to download, with the name the browser saves it under. */
export interface XlsxFile {
  fileName: string;
  buffer: Buffer;
}

/** Sends a workbook as a download; the Chinese file name travels in RFC 6266 `filename*`. */
export function sendXlsx(reply: FastifyReply, file: XlsxFile) {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', contentDisposition('attachment', file.fileName))
    .header('cache-control', 'no-store')
    .send(file.buffer);
}
