import type { Readable } from 'node:stream';
import { newId } from '../../platform/db/types.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { sniffAs } from '../resources/file-rules.ts';
import * as repo from './bank.repository.ts';

/** Pictures in items: what a photo of a figure or a scanned diagram is saved as. */
export const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
/** A figure in an item needs no more; a phone photo of a page is about 3 MB. */
export const PICTURE_LIMIT = 5 * 1_048_576;

/**
 * Stores an uploaded picture for an item being written (its real type sniffed from the bytes,
 * never the name). It belongs to the uploader until an item that shows it is saved.
 */
export async function uploadPicture(ctx: Ctx, fileName: string, body: Readable) {
  const { stream, mime } = await sniffAs(body, fileName, PICTURE_TYPES);
  const stored = await ctx.deps.storage.put(stream, { prefix: 'assessment', maxBytes: PICTURE_LIMIT });
  try {
    await repo.insertPicture(ctx.db, {
      id: newId(),
      itemId: null,
      ownerId: ctx.actor.personId,
      storageKey: stored.key,
      mime,
      size: stored.size,
      sha256: stored.sha256,
    });
    await ctx.audit({
      action: 'item.picture.upload',
      targetType: 'item_file',
      details: { mime, size: stored.size },
    });
  } catch (err) {
    await ctx.deps.storage.remove(stored.key).catch(() => undefined);
    throw err;
  }
  return { key: stored.key, mime, size: stored.size };
}

/** A picture's bytes, for someone who sees the item (or uploaded it). */
export async function openPicture(ctx: Ctx, key: string) {
  const file = await repo.findVisiblePicture(ctx.db, ctx, key);
  if (!file) throw notFound('图片');
  const stream = await ctx.deps.storage.read(file.storageKey);
  return {
    file: { mime: file.mime, size: file.size, fileName: `${file.id}.${file.mime.split('/')[1]}` },
    stream,
  };
}

/**
 * Copies of pictures for a copied item: new objects in the store owned by the actor, so the copy
 * lives on when the original is changed or its pictures removed. Old key → new key.
 */
export async function copyPictures(ctx: Ctx, keys: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const rows = await repo.findPictures(ctx.db, keys);
  const stored: string[] = [];
  try {
    for (const f of rows) {
      const copy = await ctx.deps.storage.put(await ctx.deps.storage.read(f.storageKey), {
        prefix: 'assessment',
        maxBytes: PICTURE_LIMIT,
      });
      stored.push(copy.key);
      await repo.insertPicture(ctx.db, {
        id: newId(),
        itemId: null,
        ownerId: ctx.actor.personId,
        storageKey: copy.key,
        mime: f.mime,
        size: copy.size,
        sha256: copy.sha256,
      });
      out.set(f.storageKey, copy.key);
    }
  } catch (err) {
    for (const k of stored) await ctx.deps.storage.remove(k).catch(() => undefined);
    throw err;
  }
  return out;
}
