import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../errors/app-error.ts';

/**
 * The one file of a multipart upload (field `file`), refusing other content types and empty forms
 * with the same messages everywhere. `what` names the expected file, e.g. 「.xlsx 文件」.
 */
export async function uploadedFile(req: FastifyRequest, what = '文件'): Promise<MultipartFile> {
  if (!req.isMultipart())
    throw new AppError('unsupported_media_type', `请以 multipart/form-data 方式上传${what}`);
  // The client may have gone while the guard ran. Node ≥ 22 has then destroyed the request, whose
  // 'close' the parser would wait for in vain: the handler would never settle.
  if (req.raw.destroyed) throw badRequest('上传已中断，未保存任何内容');
  const part = await req.file();
  if (!part) throw badRequest(`请选择要上传的${what}`);
  return part;
}
