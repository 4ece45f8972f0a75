import type { Readable } from 'node:stream';
import { codeExists } from '../../platform/codes/codes.repository.ts';
import { newId } from '../../platform/db/types.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { ByteRange } from '../../platform/storage/index.ts';
import { mayReadRecord } from '../review/review.service.ts';
import { isMedia, sniffUpload } from './file-rules.ts';
import * as repo from './resources.repository.ts';
import type { TFileRole, TResourceKind, TResourceStatus, TTheme } from './resources.schema.ts';
import { reindexResources } from './search.service.ts';
import { completedByMe, countUse } from './use.service.ts';

export interface ResourceInput {
  kind: TResourceKind;
  title: string;
  description?: string;
  tags?: string[];
  subjectCode?: string | null;
  gradeCode?: string | null;
  term?: 1 | 2 | null;
  lessonId?: string | null;
  knowledgePointIds?: string[];
  themeCode?: TTheme | null;
  provider?: string | null;
  license?: string | null;
  /** Lesson packages: 重难点分析 and after-class exercises. */
  analysis?: string | null;
  exercises?: string | null;
}

/** Checks the catalogue fields; a lesson fixes subject, grade, term and edition. */
async function catalogue(ctx: Ctx, input: ResourceInput) {
  let { subjectCode = null, gradeCode = null, term = null } = input;
  let editionId: string | null = null;
  if (input.lessonId) {
    const place = await repo.findLessonPlace(ctx.db, input.lessonId);
    if (!place) throw badRequest('所选的课不存在');
    subjectCode = place.subjectCode;
    gradeCode = place.gradeCode;
    term = place.term as 1 | 2;
    editionId = place.editionId;
  }
  if (subjectCode && !(await codeExists(ctx.db, 'subject', subjectCode)))
    throw badRequest('学科代码不在国家代码表中');
  if (gradeCode && !(await codeExists(ctx.db, 'grade', gradeCode)))
    throw badRequest('年级代码不在国家代码表中');
  if (input.kind === 'theme' && !input.themeCode) throw badRequest('专题资源需要选择专题');
  if (input.kind === 'third_party' && !input.provider) throw badRequest('第三方资源需要填写提供方');
  if (input.kind !== 'theme' && input.kind !== 'third_party' && !subjectCode)
    throw badRequest('请选择学科，或直接选择对应的课');
  const kps = [...new Set(input.knowledgePointIds ?? [])];
  if (kps.length > 0 && (await repo.countActivePoints(ctx.db, kps, subjectCode)) !== kps.length)
    throw badRequest('知识点不存在或不属于所选学科');
  return { subjectCode, gradeCode, term, editionId, kps };
}

/** The row's fields from the input and its checked catalogue. */
const fieldsOf = (input: ResourceInput, c: Awaited<ReturnType<typeof catalogue>>): repo.ResourceFields => ({
  title: input.title,
  description: input.description ?? '',
  tags: input.tags ?? [],
  subjectCode: c.subjectCode,
  gradeCode: c.gradeCode,
  term: c.term,
  editionId: c.editionId,
  lessonId: input.lessonId ?? null,
  themeCode: input.themeCode ?? null,
  provider: input.provider ?? null,
  license: input.license ?? null,
  analysis: input.analysis ?? null,
  exercises: input.exercises ?? null,
});

/** The unit a resource belongs to: the author's school, or their bureau for bureau staff. */
function home(ctx: Ctx): string {
  const labels = ctx.actor.orgPath.split('.');
  return labels.slice(0, Math.min(labels.length, 3)).join('.');
}

export async function createResource(ctx: Ctx, input: ResourceInput) {
  const c = await catalogue(ctx, input);
  const id = newId();
  await repo.insertResource(ctx.db, {
    ...fieldsOf(input, c),
    id,
    kind: input.kind,
    authorId: ctx.actor.personId,
    path: home(ctx),
    districtId: ctx.actor.districtId,
    schoolId: ctx.actor.schoolId,
  });
  await repo.setPoints(ctx.db, id, c.kps);
  await reindexResources(ctx.db, [id]);
  await ctx.audit({ action: 'resource.create', targetType: 'resource', targetId: id, orgPath: home(ctx) });
  return getResource(ctx, id);
}

/** The author edits while the resource is a draft or was returned for revision. */
async function editable(ctx: Ctx, id: string) {
  const r = await repo.findResource(ctx.db, id);
  if (!r) throw notFound('资源');
  if (r.authorId !== ctx.actor.personId) throw forbidden('只有作者可以修改资源');
  if (r.status !== 'draft' && r.status !== 'returned') throw conflict('资源已提交审核或已发布，不能修改');
  return r;
}

export async function updateResource(ctx: Ctx, id: string, input: Partial<ResourceInput>) {
  const r = await editable(ctx, id);
  const merged: ResourceInput = {
    kind: r.kind,
    title: input.title ?? r.title,
    description: input.description ?? r.description,
    tags: input.tags ?? r.tags,
    subjectCode: input.subjectCode === undefined ? r.subjectCode : input.subjectCode,
    gradeCode: input.gradeCode === undefined ? r.gradeCode : input.gradeCode,
    term: input.term === undefined ? (r.term as 1 | 2 | null) : input.term,
    lessonId: input.lessonId === undefined ? r.lessonId : input.lessonId,
    themeCode: input.themeCode === undefined ? (r.themeCode as TTheme | null) : input.themeCode,
    provider: input.provider === undefined ? r.provider : input.provider,
    license: input.license === undefined ? r.license : input.license,
    analysis: input.analysis === undefined ? r.analysis : input.analysis,
    exercises: input.exercises === undefined ? r.exercises : input.exercises,
    knowledgePointIds: input.knowledgePointIds ?? (await repo.listPoints(ctx.db, id)).map((k) => k.id),
  };
  const c = await catalogue(ctx, merged);
  await repo.updateResource(ctx.db, id, fieldsOf(merged, c));
  await repo.setPoints(ctx.db, id, c.kps);
  await reindexResources(ctx.db, [id]);
  await ctx.audit({ action: 'resource.update', targetType: 'resource', targetId: id, orgPath: r.path });
  return getResource(ctx, id);
}

export async function getResource(ctx: Ctx, id: string) {
  const r = await repo.findResource(ctx.db, id);
  if (!r) throw notFound('资源');
  // One after the other: a transaction is one connection, which runs one query at a time.
  const files = await repo.listFiles(ctx.db, id);
  const points = await repo.listPoints(ctx.db, id);
  const lesson = r.lessonId ? await repo.findLessonPlace(ctx.db, r.lessonId) : undefined;
  const { path: _p, ...rest } = r;
  return {
    ...rest,
    mine: r.authorId === ctx.actor.personId,
    reviewRecord: await mayReadRecord(ctx, id),
    completed: await completedByMe(ctx, id),
    files: files.map(({ storageKey: _k, ...f }) => f),
    knowledgePoints: points,
    lesson: lesson
      ? {
          id: lesson.id,
          title: lesson.title,
          unitTitle: lesson.unitTitle,
          volumeTitle: lesson.volumeTitle,
          edition: lesson.edition,
        }
      : null,
  };
}

export async function listResources(
  ctx: Ctx,
  q: {
    kind?: TResourceKind;
    subjectCode?: string;
    gradeCode?: string;
    lessonId?: string;
    knowledgePointId?: string;
    themeCode?: string;
    status?: TResourceStatus;
    mine?: boolean;
    limit: number;
    offset: number;
  },
) {
  return repo.listResources(ctx.db, {
    ...q,
    viewer: ctx,
    authorId: q.mine ? ctx.actor.personId : undefined,
  });
}

/** Stores an uploaded file after sniffing its real type; a main file or cover replaces the previous one. */
export async function uploadFile(ctx: Ctx, id: string, role: TFileRole, fileName: string, body: Readable) {
  const r = await editable(ctx, id);
  const { stream, mime } = await sniffUpload(body, fileName, r.kind, role);
  const { storage, config } = ctx.deps;
  const stored = await storage.put(stream, {
    prefix: 'resources',
    maxBytes: isMedia(mime) ? config.mediaLimit : config.documentLimit,
  });
  const fileId = newId();
  const replaced =
    role === 'main' || role === 'cover' || role === 'slides'
      ? (await repo.listFiles(ctx.db, id)).filter((f) => f.role === role)
      : [];
  try {
    await repo.insertFile(ctx.db, {
      id: fileId,
      resourceId: id,
      role,
      storageKey: stored.key,
      fileName: fileName.slice(0, 200),
      mime,
      size: stored.size,
      sha256: stored.sha256,
    });
    for (const f of replaced) await repo.deleteFile(ctx.db, f.id);
    await repo.touchResource(ctx.db, id);
    await ctx.audit({
      action: 'resource.file.upload',
      targetType: 'resource',
      targetId: id,
      orgPath: r.path,
      details: { role, fileName, mime, size: stored.size },
    });
  } catch (err) {
    await storage.remove(stored.key).catch(() => undefined);
    throw err;
  }
  for (const f of replaced)
    if (!(await repo.keyInUse(ctx.db, f.storageKey, f.id)))
      await storage.remove(f.storageKey).catch(() => undefined);
  return { id: fileId, role, fileName, mime, size: stored.size };
}

export async function removeFile(ctx: Ctx, id: string, fileId: string) {
  const r = await editable(ctx, id);
  const file = (await repo.listFiles(ctx.db, id)).find((f) => f.id === fileId);
  if (!file) throw notFound('文件');
  await repo.deleteFile(ctx.db, fileId);
  await ctx.audit({ action: 'resource.file.remove', targetType: 'resource', targetId: id, orgPath: r.path });
  if (!(await repo.keyInUse(ctx.db, file.storageKey, file.id)))
    await ctx.deps.storage.remove(file.storageKey).catch(() => undefined);
  return { ok: true as const };
}

/** Parses a single `bytes=` range; undefined for none, 'invalid' when it cannot be satisfied. */
export function parseRange(header: string | undefined, size: number): ByteRange | undefined | 'invalid' {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return 'invalid';
  return { start, end };
}

/**
 * A file's bytes for playing, previewing or downloading; honours one HTTP range (video seeking).
 * A play or preview of the main file from the start counts as a view (seeking asks for later
 * ranges); a download counts as a download.
 */
export async function openFile(
  ctx: Ctx,
  id: string,
  fileId: string,
  rangeHeader: string | undefined,
  download = false,
) {
  const file = (await repo.listFiles(ctx.db, id)).find((f) => f.id === fileId);
  if (!file) throw notFound('文件');
  const range = parseRange(rangeHeader, file.size);
  if (range === 'invalid') throw new AppError('range_not_satisfiable', '请求的范围无效', { size: file.size });
  const stream = await ctx.deps.storage.read(file.storageKey, range);
  if (!range || range.start === 0) {
    if (download) await countUse(ctx, id, 'downloads');
    else if (file.role === 'main') await countUse(ctx, id, 'views');
  }
  return { file, range, stream };
}
