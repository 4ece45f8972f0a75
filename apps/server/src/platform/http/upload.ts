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
  const part = await req.file();
  if (!part) throw badRequest(`请选择要上传的${what}`);
  return part;
}
