import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { ByteRange } from '../storage/index.ts';

/**
 * A `content-disposition` value: the name in UTF-8 as RFC 5987/6266 `filename*` (Chinese names
 * survive), and an ASCII stand-in in `filename` for clients that read only that.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 allows none of them unescaped.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a file made for this request (a printed paper, an export) as a download, kept by no cache
 * on the way: what it holds was decided for this viewer.
 */
export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; bytes: Buffer },
  disposition: 'inline' | 'attachment' = 'attachment',
) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(disposition, file.fileName))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}

/**
 * Sends a stored file for playing or previewing: its sniffed type, one HTTP range (206) when asked,
 * and headers that let only the app frame it and keep the browser from running anything in it.
 */
export function sendStoredFile(
  reply: FastifyReply,
  file: { mime: string; fileName: string; size: number },
  range: ByteRange | undefined,
  stream: Readable,
  disposition: 'inline' | 'attachment' = 'inline',
) {
  reply
    .header('content-type', file.mime)
    .header('accept-ranges', 'bytes')
    .header('cache-control', 'private, max-age=3600')
    .header('x-content-type-options', 'nosniff')
    // The app frames PDFs for preview; nothing else may, and the file itself runs nothing.
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    )
    .header('x-frame-options', 'SAMEORIGIN')
    .header('content-disposition', contentDisposition(disposition, file.fileName));
  if (range) {
    reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
      .header('content-length', range.end - range.start + 1);
  } else reply.header('content-length', file.size);
  return reply.send(stream);
}
