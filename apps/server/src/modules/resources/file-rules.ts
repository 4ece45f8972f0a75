import { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../platform/errors/app-error.ts';
import type { TFileRole, TResourceKind } from './resources.schema.ts';

const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const VIDEO = ['video/mp4', 'video/webm'];
const IMAGES = ['image/png', 'image/jpeg', 'image/webp'];
const DOCUMENTS = ['application/pdf', PPTX, DOCX, XLSX];

/** What each kind of resource may carry in each role, by sniffed type. */
const ALLOWED: Record<TResourceKind, Record<TFileRole, string[]>> = {
  lesson_package: { main: VIDEO, slides: ['application/pdf', PPTX], attachment: DOCUMENTS, cover: IMAGES },
  video: { main: VIDEO, slides: ['application/pdf', PPTX], attachment: DOCUMENTS, cover: IMAGES },
  micro_lesson: { main: VIDEO, slides: ['application/pdf', PPTX], attachment: DOCUMENTS, cover: IMAGES },
  courseware: { main: ['application/pdf', PPTX], slides: [], attachment: DOCUMENTS, cover: IMAGES },
  exercise_set: { main: ['application/pdf', DOCX, XLSX], slides: [], attachment: DOCUMENTS, cover: IMAGES },
  theme: {
    main: [...VIDEO, ...DOCUMENTS],
    slides: ['application/pdf', PPTX],
    attachment: DOCUMENTS,
    cover: IMAGES,
  },
  third_party: { main: [...VIDEO, ...DOCUMENTS], slides: [], attachment: DOCUMENTS, cover: IMAGES },
};

/** Extensions a file may be named with for each sniffed type. */
const EXTENSIONS: Record<string, string[]> = {
  'video/mp4': ['mp4', 'm4v'],
  'video/webm': ['webm'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  [PPTX]: ['pptx'],
  [DOCX]: ['docx'],
  [XLSX]: ['xlsx'],
};

const LABELS: Record<string, string> = {
  'video/mp4': 'MP4',
  'video/webm': 'WebM',
  'application/pdf': 'PDF',
  [PPTX]: 'PPTX',
  [DOCX]: 'DOCX',
  [XLSX]: 'XLSX',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
};

export const isMedia = (mime: string) => VIDEO.includes(mime);

export function allowedTypes(kind: TResourceKind, role: TFileRole): string[] {
  return ALLOWED[kind][role];
}

/**
 * Reads the first bytes of an upload to learn what it really is (never trusting the name or the
 * browser's content type), refuses anything outside the kind's list or named with another type's
 * extension, and returns the stream positioned at the start for storing.
 */
export async function sniffUpload(
  body: Readable,
  fileName: string,
  kind: TResourceKind,
  role: TFileRole,
): Promise<{ stream: Readable; mime: string }> {
  const allowed = allowedTypes(kind, role);
  if (allowed.length === 0) throw new AppError('bad_request', '这类资源不需要此类文件');
  return sniffAs(body, fileName, allowed);
}

/** Attachments of learning-space posts: pictures, documents and short videos. */
export const ATTACHMENT_TYPES = [...IMAGES, ...DOCUMENTS, ...VIDEO];

/** Sniffs an upload against a list of accepted types; see `sniffUpload`. */
export async function sniffAs(
  body: Readable,
  fileName: string,
  allowed: readonly string[],
): Promise<{ stream: Readable; mime: string }> {
  const { head, stream } = await readHead(body, 4100);
  const mime = (await fileTypeFromBuffer(head))?.mime;
  const accepted = allowed.map((m) => LABELS[m] ?? m).join('、');
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (!mime || !allowed.includes(mime)) {
    body.destroy();
    throw new AppError('unsupported_media_type', `文件内容不是可接受的类型（${accepted}），已拒绝`, {
      detected: mime ?? null,
    });
  }
  if (!EXTENSIONS[mime]?.includes(ext)) {
    body.destroy();
    throw new AppError(
      'unsupported_media_type',
      `文件扩展名「.${ext}」与实际内容（${LABELS[mime]}）不符，已拒绝`,
      {
        detected: mime,
      },
    );
  }
  return { stream, mime };
}

/**
 * Reads up to `n` bytes from the start of a stream and puts them back (`unshift`), so the caller
 * can inspect the head and still store the whole stream.
 */
function readHead(body: Readable, n: number): Promise<{ head: Buffer; stream: Readable }> {
  return new Promise((resolve, reject) => {
    // The client may have gone before we read (the parser then destroys the stream, perhaps
    // while the service was still checking the resource): fail now, or wait forever.
    const abandoned = () => body.errored ?? new AppError('bad_request', '上传已中断，未保存任何内容');
    if (body.destroyed) return reject(abandoned());
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    const finish = () => {
      body.off('readable', onReadable);
      body.off('end', onEnd);
      body.off('error', onError);
      body.off('close', onClose);
      const head = Buffer.concat(chunks);
      // A file shorter than the sample has ended: hand on its bytes as a new stream.
      if (ended) return resolve({ head, stream: Readable.from([head]) });
      if (head.length > 0) body.unshift(head);
      resolve({ head, stream: body });
    };
    const onEnd = () => {
      ended = true;
      finish();
    };
    const onError = (err: Error) => {
      body.off('readable', onReadable);
      body.off('end', onEnd);
      body.off('close', onClose);
      reject(err);
    };
    // Closed before its end, without an error (an error comes first and has settled this).
    const onClose = () => onError(abandoned());
    const onReadable = () => {
      while (size < n) {
        const chunk = body.read() as Buffer | null;
        if (chunk === null) break;
        chunks.push(chunk);
        size += chunk.length;
      }
      if (size >= n) finish();
    };
    body.on('readable', onReadable);
    body.once('end', onEnd);
    body.once('error', onError);
    body.once('close', onClose);
  });
}
