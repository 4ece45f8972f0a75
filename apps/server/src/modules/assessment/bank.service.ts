import { codeExists } from '../../platform/codes/codes.repository.ts';
import { newId } from '../../platform/db/types.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { ADMINS } from '../../platform/http/policy.ts';
import { scopeCovers } from '../../platform/scope/scope.ts';
import { decidesShare } from './assessment.policy.ts';
import * as repo from './bank.repository.ts';
import { copyPictures } from './bank-pictures.service.ts';
import { reindexItems } from './bank-search.service.ts';
import {
  type ContentIssue,
  contentIssues,
  itemText,
  mapRich,
  pictureKeys,
  rekeyPictures,
} from './bank-text.ts';
import type { ItemContent, ItemTags } from './item-model.ts';
import { checkRich } from './rich-text.ts';

/** Near-identical: stems at least this similar (trigrams) are shown as possible duplicates. */
export const DUPLICATE_THRESHOLD = 0.7;

/** The unit an item belongs to: the author's school, or their bureau for bureau staff. */
export function homeOf(ctx: Ctx): string {
  return ctx.actor.orgPath.split('.').slice(0, 3).join('.');
}

const invalid = (details: { path: string; message: string }[]) =>
  new AppError('validation_failed', details[0]?.message ?? '试题内容有误', details);

/**
 * Every rich field in its canonical, safe form (`sanitizeRich`): what the bank stores, whoever
 * wrote it (the editor, an import, an API client), so a page, a print and a QTI export can trust it.
 */
function sanitized(given: ItemContent): { content: ItemContent; issues: ContentIssue[] } {
  const issues: ContentIssue[] = [];
  const content = mapRich(given, (x) => {
    const r = checkRich(x, { images: { mode: 'stored' } });
    for (const i of r.issues)
      issues.push({ path: 'content', message: `${i.message}（第 ${i.line} 行第 ${i.column} 列）` });
    return r.rich;
  });
  return { content, issues };
}

/**
 * Checks an item beyond its shape: its rich text (sanitised), the type's rules, the national codes
 * of subject and grade, the knowledge points (active, of the subject), the pictures (the author's
 * own uploads, or the item's already). Returns the row's fields and the knowledge points; nothing
 * is written on any error.
 */
async function checked(ctx: Ctx, given: ItemContent, tags: ItemTags, itemId?: string) {
  const { content, issues } = sanitized(given);
  if (issues.length === 0) issues.push(...contentIssues(content, tags));
  if (!(await codeExists(ctx.db, 'subject', tags.subjectCode)))
    issues.push({ path: 'tags.subjectCode', message: '学科代码不在国家代码表中' });
  if (!(await codeExists(ctx.db, 'grade', tags.gradeCode)))
    issues.push({ path: 'tags.gradeCode', message: '年级代码不在国家代码表中' });
  const kps = [...new Set(tags.knowledgePointIds)];
  const found = await repo.activePoints(ctx.db, tags.subjectCode, kps);
  if (found.length !== kps.length)
    issues.push({ path: 'tags.knowledgePointIds', message: '知识点不存在或不属于所选学科' });
  const keys = pictureKeys(content);
  const pictures = await repo.findPictures(ctx.db, keys);
  for (const key of keys) {
    const p = pictures.find((x) => x.storageKey === key);
    const usable = p && (p.itemId === null ? p.ownerId === ctx.actor.personId : p.itemId === itemId);
    if (!usable) issues.push({ path: 'content', message: `图片 ${key} 不存在，请重新上传` });
  }
  if (issues.length > 0) throw invalid(issues);
  const fields: repo.ItemFields = {
    type: content.type,
    content,
    stemText: itemText(content),
    subjectCode: tags.subjectCode,
    gradeCode: tags.gradeCode,
    cognitiveLevel: tags.cognitiveLevel,
    difficulty: tags.difficulty,
    score: tags.score,
    seconds: tags.seconds,
    source: tags.source?.trim() || null,
    year: tags.year ?? null,
  };
  return { fields, kps, keys };
}

const isAdmin = (ctx: Ctx) => (ADMINS as readonly string[]).includes(ctx.actor.role);

/** What the viewer may do with an item, for the page's buttons (the use cases check again). */
function permissions(ctx: Ctx, r: repo.ItemRow) {
  const mine = r.authorId === ctx.actor.personId;
  return {
    mine,
    canEdit: mine && r.share === 'private' && r.shareStatus !== 'pending' && !r.retired,
    canShare: mine && !r.retired,
    canRetire: mine || (isAdmin(ctx) && scopeCovers(ctx.scope, r.path)),
    canDecide:
      r.shareStatus === 'pending' &&
      r.shareRequested !== null &&
      r.shareRequested !== 'private' &&
      !mine &&
      decidesShare(ctx.actor.role, ctx.actor.orgPath, r.shareRequested, r.path),
  };
}

/** An item as the bank's pages show it (never its unit's path). */
export function present(ctx: Ctx, r: repo.ItemRow, points: repo.PointRef[]) {
  const { path: _p, stemText: _s, ...rest } = r;
  return { ...rest, knowledgePoints: points, ...permissions(ctx, r) };
}

export async function getItem(ctx: Ctx, id: string) {
  const r = await repo.findItem(ctx.db, id);
  if (!r) throw notFound('试题');
  const points = await repo.listItemPoints(ctx.db, [id]);
  return present(ctx, r, points.get(id) ?? []);
}

/** Visible items near-identical to a draft (duplicate detection before saving or on import). */
export async function findSimilar(
  ctx: Ctx,
  draft: { content: ItemContent; subjectCode?: string; exclude?: string },
) {
  const text = itemText(draft.content);
  if (text.length < 4) return [];
  return repo.similarItems(ctx.db, ctx, text, {
    subjectCode: draft.subjectCode,
    exclude: draft.exclude,
    threshold: DUPLICATE_THRESHOLD,
    limit: 5,
  });
}

async function insert(ctx: Ctx, content: ItemContent, tags: ItemTags, copiedFrom: string | null) {
  const id = newId();
  const { fields, kps, keys } = await checked(ctx, content, tags, id);
  await repo.insertItem(ctx.db, {
    ...fields,
    id,
    authorId: ctx.actor.personId,
    path: homeOf(ctx),
    districtId: ctx.actor.districtId,
    schoolId: ctx.actor.schoolId,
    copiedFrom,
  });
  await repo.setItemPoints(ctx.db, id, kps);
  await repo.claimPictures(ctx.db, id, ctx.actor.personId, keys);
  await reindexItems(ctx.db, [id]);
  return id;
}

/**
 * Writes a new item of the actor's own. The near-identical items they can see come back with it
 * (`similar`), so the page can offer to drop the new one; the import decides before it writes.
 */
export async function createItem(ctx: Ctx, draft: { content: ItemContent; tags: ItemTags }) {
  const similar = await findSimilar(ctx, { content: draft.content, subjectCode: draft.tags.subjectCode });
  const id = await insert(ctx, draft.content, draft.tags, null);
  await ctx.audit({
    action: 'item.create',
    targetType: 'item',
    targetId: id,
    orgPath: homeOf(ctx),
    details: { type: draft.content.type, similar: similar.map((s) => s.id) },
  });
  return { item: await getItem(ctx, id), similar };
}

/** The author's item, locked, in a state they may change. */
async function ownItem(ctx: Ctx, id: string) {
  const head = await repo.lockItem(ctx.db, id);
  if (!head) throw notFound('试题');
  if (head.authorId !== ctx.actor.personId) throw forbidden('只有作者可以修改试题；可以复制一份再修改');
  return head;
}

/**
 * The author edits a private item. A shared one is locked (colleagues' papers and their trust rest
 * on what was reviewed): withdraw the share first, or copy it; one in review waits for the decision.
 */
export async function updateItem(
  ctx: Ctx,
  id: string,
  change: { content?: ItemContent; tags?: Partial<ItemTags> },
) {
  const head = await ownItem(ctx, id);
  if (head.retired) throw conflict('试题已停用，请先恢复再修改');
  if (head.shareStatus === 'pending') throw conflict('试题正在共享审核中，请等待审核结果或撤回申请后再修改');
  if (head.share !== 'private') throw conflict('已共享的试题不能直接修改，请先撤回共享，或复制一份再修改');
  const current = await repo.findItem(ctx.db, id);
  const points = (await repo.listItemPoints(ctx.db, [id])).get(id) ?? [];
  const content = change.content ?? current!.content;
  const tags: ItemTags = {
    subjectCode: current!.subjectCode,
    gradeCode: current!.gradeCode,
    knowledgePointIds: points.map((p) => p.id),
    cognitiveLevel: current!.cognitiveLevel,
    difficulty: current!.difficulty,
    score: current!.score,
    seconds: current!.seconds,
    source: current!.source ?? undefined,
    year: current!.year ?? undefined,
    ...change.tags,
  };
  const { fields, kps, keys } = await checked(ctx, content, tags, id);
  await repo.updateItem(ctx.db, id, fields);
  await repo.setItemPoints(ctx.db, id, kps);
  await repo.claimPictures(ctx.db, id, ctx.actor.personId, keys);
  await reindexItems(ctx.db, [id]);
  await ctx.audit({ action: 'item.update', targetType: 'item', targetId: id, orgPath: head.path });
  return getItem(ctx, id);
}

/**
 * Copies an item the actor sees into their own bank (to adapt a colleague's or a shared item): a
 * private item of theirs with the same content and tags, its own copies of the pictures, and a
 * note of where it came from.
 */
export async function copyItem(ctx: Ctx, id: string) {
  const source = await repo.findItem(ctx.db, id);
  if (!source) throw notFound('试题');
  const points = (await repo.listItemPoints(ctx.db, [id])).get(id) ?? [];
  const keys = pictureKeys(source.content);
  const copies = await copyPictures(ctx, keys);
  const content = rekeyPictures(source.content, copies);
  const newItem = await insert(
    ctx,
    content,
    {
      subjectCode: source.subjectCode,
      gradeCode: source.gradeCode,
      knowledgePointIds: points.map((p) => p.id),
      cognitiveLevel: source.cognitiveLevel,
      difficulty: source.difficulty,
      score: source.score,
      seconds: source.seconds,
      source: source.source ?? undefined,
      year: source.year ?? undefined,
    },
    id,
  );
  await ctx.audit({
    action: 'item.copy',
    targetType: 'item',
    targetId: newItem,
    orgPath: homeOf(ctx),
    details: { from: id },
  });
  return getItem(ctx, newItem);
}

/**
 * Takes an item out of use (no new paper draws it; papers that hold it keep it), or puts it back.
 * The author, or an administrator whose unit holds it (an item that should not be in the bank).
 */
export async function setItemRetired(ctx: Ctx, id: string, retired: boolean) {
  const head = await repo.lockItem(ctx.db, id);
  if (!head) throw notFound('试题');
  const mayAct = head.authorId === ctx.actor.personId || (isAdmin(ctx) && scopeCovers(ctx.scope, head.path));
  if (!mayAct) throw forbidden('只有作者或本单位管理员可以停用或恢复试题');
  if (head.retired === retired) throw conflict(retired ? '试题已停用' : '试题未停用');
  await repo.setRetired(ctx.db, id, retired);
  await ctx.audit({
    action: retired ? 'item.retire' : 'item.restore',
    targetType: 'item',
    targetId: id,
    orgPath: head.path,
  });
  return getItem(ctx, id);
}
