import type { Readable } from 'node:stream';
import { newId } from '../../platform/db/types.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { ATTACHMENT_TYPES, isMedia, sniffAs } from '../resources/file-rules.ts';
import { parseRange } from '../resources/resources.service.ts';
import * as repo from './posts.repository.ts';
import { postWithSpace } from './posts.service.ts';

/** Nine pictures or files per post, as people are used to from 朋友圈. */
export const MAX_FILES_PER_POST = 9;

/** Attaches a file to one's own post: its real type sniffed, streamed to storage within the kind's limit. */
export async function attachFile(ctx: Ctx, postId: string, fileName: string, body: Readable) {
  const { post, space } = await postWithSpace(ctx, postId);
  if (post.authorId !== ctx.actor.personId) {
    body.resume();
    throw forbidden('只能给自己的帖子添加附件');
  }
  if ((await repo.countPostFiles(ctx.db, postId)) >= MAX_FILES_PER_POST) {
    body.resume();
    throw conflict(`每条最多 ${MAX_FILES_PER_POST} 个附件`);
  }
  const { stream, mime } = await sniffAs(body, fileName, ATTACHMENT_TYPES);
  const { storage, config } = ctx.deps;
  const stored = await storage.put(stream, {
    prefix: 'spaces',
    maxBytes: isMedia(mime) ? config.mediaLimit : config.documentLimit,
  });
  const id = newId();
  try {
    await repo.insertPostFile(ctx.db, {
      id,
      postId,
      storageKey: stored.key,
      fileName: fileName.slice(0, 200),
      mime,
      size: stored.size,
      sha256: stored.sha256,
    });
    await ctx.audit({
      action: 'space.file.upload',
      targetType: 'space_post',
      targetId: postId,
      orgPath: space.path,
      details: { fileName, mime, size: stored.size },
    });
  } catch (err) {
    await storage.remove(stored.key).catch(() => undefined);
    throw err;
  }
  return { id, fileName, mime, size: stored.size };
}

/** An attachment's bytes; pictures show inline, videos seek with ranges. */
export async function openAttachment(
  ctx: Ctx,
  postId: string,
  fileId: string,
  rangeHeader: string | undefined,
) {
  const file = await repo.findPostFile(ctx.db, postId, fileId);
  if (!file) throw notFound('附件');
  const range = parseRange(rangeHeader, file.size);
  if (range === 'invalid') throw new AppError('range_not_satisfiable', '请求的范围无效', { size: file.size });
  const stream = await ctx.deps.storage.read(file.storageKey, range);
  return { file, range, stream };
}

/** Removes stored files once the rows that named them are gone (after the deleting transaction). */
export async function removeStored(ctx: Pick<Ctx, 'deps'>, keys: string[]) {
  for (const key of keys) await ctx.deps.storage.remove(key).catch(() => undefined);
}
