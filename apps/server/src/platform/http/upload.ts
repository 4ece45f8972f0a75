import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../errors/app-error.ts';
import { unsafeTextReason } from './schemas.ts';

/**
 * The one file of a multipart upload (field `file`), refusing other content types and empty forms
 * with the same messages everywhere. `what` names the expected file, e.g. 「.xlsx 文件」. The file name
 * is a name like any other: one line, no control characters and no direction overrides, which would
 * let `报告\u202Excod.exe` show as `报告exe.docx`.
 */
export async function uploadedFile(req: FastifyRequest, what = '文件'): Promise<MultipartFile> {
  if (!req.isMultipart())
    throw new AppError('unsupported_media_type', `请以 multipart/form-data 方式上传${what}`);
  // The client may have gone while the guard ran. Node ≥ 22 has then destroyed the request, whose
  // 'close' the parser would wait for in vain: the handler would never settle.
  if (req.raw.destroyed) throw badRequest('上传已中断，未保存任何内容');
  const part = await req.file();
  if (!part) throw badRequest(`请选择要上传的${what}`);
  const reason = unsafeTextReason(part.filename, true);
  if (reason) {
    throw new AppError('validation_failed', `文件名${reason}`, [{ path: 'file.filename', message: reason }]);
  }
  return part;
}
