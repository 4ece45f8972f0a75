import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { ByteRange } from '../storage/index.ts';

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
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
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
    .header(
      'content-disposition',
      `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    );
  if (range) {
    reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
      .header('content-length', range.end - range.start + 1);
  } else reply.header('content-length', file.size);
  return reply.send(stream);
}
