import { createHash } from 'node:crypto';
import { newId } from '../../platform/db/types.ts';
import { AppError, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { CodeBook } from '../roster-import/code-book.ts';
import * as bankRepo from './bank.repository.ts';
import { createItem, DUPLICATE_THRESHOLD, homeOf } from './bank.service.ts';
import { contentIssues, itemText } from './bank-text.ts';
import { type ReadPicture, type ReadResult, readUpload } from './item-import.read.ts';
import * as repo from './item-import.repository.ts';
import type { TProposal, TProposedItem } from './item-import.schema.ts';
import { type ItemDraft, itemDraft } from './item-model.ts';

/** Near-identical items of the bank shown beside each proposed item. */
const DUPLICATES_SHOWN = 3;

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** An import as the page shows it. */
function present(row: repo.ImportRow) {
  return {
    id: row.id,
    format: row.format,
    fileName: row.fileName,
    status: row.status,
    title: row.proposal.title ?? null,
    warnings: row.proposal.warnings,
    items: row.proposal.items.map((i, index) => ({
      index,
      ...i,
      itemId: row.created.find((c) => c.index === index)?.itemId ?? null,
    })),
    createdAt: new Date(row.createdAt).toISOString(),
    decidedAt: row.decidedAt ? new Date(row.decidedAt).toISOString() : null,
  };
}

/**
 * Stores the pictures of an upload as the teacher's own, not yet part of an item (as the editor's
 * uploads are), so the proposal shows them and a confirmed item claims them. Ref → storage key.
 */
async function storePictures(ctx: Ctx, pictures: ReadPicture[], stored: string[]) {
  const keys = new Map<string, string>();
  for (const p of pictures) {
    const obj = await ctx.deps.storage.putBuffer(p.bytes, { prefix: 'assessment' });
    stored.push(obj.key);
    await bankRepo.insertPicture(ctx.db, {
      id: newId(),
      itemId: null,
      ownerId: ctx.actor.personId,
      storageKey: obj.key,
      mime: p.mime,
      size: obj.size,
      sha256: obj.sha256,
    });
    keys.set(p.ref, obj.key);
  }
  return keys;
}

/**
 * Each item's drafts pointed at its own stored pictures. A picture two items show (the same figure
 * in a question and its answer's explanation, keyed by its bytes) is stored once per item, since a
 * picture belongs to one item once saved; a picture no item shows is not stored at all.
 */
async function draftsWithPictures(ctx: Ctx, read: ReadResult, stored: string[]): Promise<ItemDraft[]> {
  const drafts: ItemDraft[] = [];
  for (const i of read.items) {
    const json = JSON.stringify(i.draft.content);
    const keys = await storePictures(
      ctx,
      read.pictures.filter((p) => json.includes(p.ref)),
      stored,
    );
    drafts.push(read.rebind(i.draft, keys));
  }
  return drafts;
}

async function proposalOf(ctx: Ctx, read: ReadResult, drafts: ItemDraft[]): Promise<TProposal> {
  const texts = drafts.map((d) => itemText(d.content));
  const duplicates = await repo.similarToEach(
    ctx.db,
    ctx,
    drafts.map((d, i) => ({ text: texts[i]!, subjectCode: d.tags.subjectCode })),
    DUPLICATE_THRESHOLD,
    DUPLICATES_SHOWN,
  );
  const repeats = await repo.repeatedTexts(ctx.db, texts, DUPLICATE_THRESHOLD);
  const items: TProposedItem[] = read.items.map((i, index) => ({
    label: i.label,
    ...(i.section ? { section: i.section } : {}),
    draft: drafts[index]!,
    // What the bank would refuse at confirmation, said now, beside what the reader noticed.
    warnings: [
      ...new Set([
        ...i.warnings,
        ...contentIssues(drafts[index]!.content, drafts[index]!.tags).map((x) => x.message),
      ]),
    ],
    missingAnswer: i.missingAnswer,
    duplicates: duplicates.get(index) ?? [],
    repeats: repeats.get(index) ?? [],
  }));
  return { ...(read.title ? { title: read.title } : {}), warnings: read.warnings, items };
}

/**
 * Reads an uploaded QTI package, .xlsx template or Word paper into a proposal: drafts of the
 * teacher's own with what to check (warnings, a missing answer, near-identical items in the bank
 * and in the file). Nothing enters the bank until `confirmImport`. The same upload again, while
 * its proposal is open, returns that proposal.
 */
export async function proposeImport(
  ctx: Ctx,
  input: { fileName: string; bytes: Buffer; subjectCode: string; gradeCode: string },
) {
  const uploadKey = sha256(
    `${sha256(input.bytes)}:${input.fileName}:${input.subjectCode}:${input.gradeCode}`,
  );
  const open = await repo.findOpenUpload(ctx.db, ctx.actor.personId, uploadKey);
  if (open) return present(open);
  const [codes, points] = await Promise.all([CodeBook.load(ctx.db), repo.pointsByCode(ctx.db)]);
  if (!codes.has('subject', input.subjectCode) || !codes.has('grade', input.gradeCode))
    throw new AppError('validation_failed', '学科或年级代码不在国家代码表中', [
      { path: 'subjectCode', message: '学科或年级代码无效' },
    ]);
  const read = await readUpload(input.bytes, { ...input, codes, points });
  const stored: string[] = [];
  try {
    const drafts = await draftsWithPictures(ctx, read, stored);
    const id = newId();
    await repo.insertImport(ctx.db, {
      id,
      ownerId: ctx.actor.personId,
      path: homeOf(ctx),
      districtId: ctx.actor.districtId,
      schoolId: ctx.actor.schoolId,
      format: read.format,
      fileName: input.fileName.slice(0, 200),
      uploadKey,
      proposal: await proposalOf(ctx, read, drafts),
    });
    await ctx.audit({
      action: 'item.import.upload',
      targetType: 'item_import',
      targetId: id,
      orgPath: homeOf(ctx),
      details: { format: read.format, items: read.items.length, pictures: stored.length },
    });
    const row = await repo.findImport(ctx.db, id, ctx.actor.personId);
    return present(row!);
  } catch (err) {
    // The transaction rolls back; the files it stored would be orphans.
    for (const k of stored) await ctx.deps.storage.remove(k).catch(() => undefined);
    throw err;
  }
}

async function ownImport(ctx: Ctx, id: string, lock = false) {
  const row = await repo.findImport(ctx.db, id, ctx.actor.personId, lock);
  if (!row) throw notFound('导入记录');
  return row;
}

export async function getImport(ctx: Ctx, id: string) {
  return present(await ownImport(ctx, id));
}

/** The placeholder the Word reader puts in a blank it found no answer for. */
const PLACEHOLDER = '（待补充）';

function stillMissing(draft: ItemDraft): boolean {
  const leaves =
    draft.content.type === 'composite' ? draft.content.parts.map((p) => p.content) : [draft.content];
  return leaves.some((l) => l.type === 'fill_in' && l.blanks.some((b) => b.accepted.includes(PLACEHOLDER)));
}

export interface ConfirmChoice {
  /** The proposal's index of the item. */
  index: number;
  /** The item as the teacher corrected it. */
  draft: ItemDraft;
  /**
   * The teacher set the answer of an item proposed without one (the Word reader's placeholder is
   * not an answer): such items are refused until this is said.
   */
  answerSupplied?: boolean;
}

/**
 * Writes the chosen items, as corrected, into the teacher's bank: each through the bank's own
 * checks (sanitised rich text, the type's rules, codes, knowledge points, pictures) and audited as
 * any new item. All or nothing: one refused item refuses the confirmation, naming every problem by
 * item. Done once: confirming again returns the items written the first time.
 */
export async function confirmImport(ctx: Ctx, id: string, choices: ConfirmChoice[]) {
  const row = await ownImport(ctx, id, true);
  if (row.status === 'confirmed') return present(row);
  if (row.status === 'discarded') throw conflict('这次导入已放弃，请重新上传文件');
  const items = row.proposal.items;
  const problems: { path: string; message: string; index?: number }[] = [];
  const seen = new Set<number>();
  for (const [k, c] of choices.entries()) {
    const item = items[c.index];
    if (!item) problems.push({ path: `items[${k}].index`, message: `第 ${c.index + 1} 项不在这次导入中` });
    else if (seen.has(c.index))
      problems.push({ path: `items[${k}].index`, message: `${item.label}选了两次`, index: c.index });
    else if ((item.missingAnswer && !c.answerSupplied) || stillMissing(c.draft))
      problems.push({
        path: `items[${k}].draft`,
        message: `${item.label}：没有找到答案，请补充答案后再确认`,
        index: c.index,
      });
    seen.add(c.index);
  }
  if (choices.length === 0) problems.push({ path: 'items', message: '请至少选择一道题' });
  if (problems.length > 0) throw new AppError('validation_failed', problems[0]!.message, problems);

  const created: { index: number; itemId: string }[] = [];
  for (const [k, c] of choices.entries()) {
    const label = items[c.index]!.label;
    try {
      const { item } = await createItem(ctx, itemDraft.parse(c.draft));
      created.push({ index: c.index, itemId: item.id });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
      const details = Array.isArray(err.details) ? (err.details as { path?: string; message: string }[]) : [];
      for (const d of details.length > 0 ? details : [{ message: err.message }])
        problems.push({
          path: `items[${k}].draft${d.path ? `.${d.path}` : ''}`,
          message: `${label}：${d.message}`,
          index: c.index,
        });
    }
  }
  // Nothing is written when any item is refused: the request's transaction rolls back.
  if (problems.length > 0)
    throw new AppError('validation_failed', `${problems.length} 处问题：${problems[0]!.message}`, problems);
  await repo.finishImport(ctx.db, id, 'confirmed', created);
  await ctx.audit({
    action: 'item.import.confirm',
    targetType: 'item_import',
    targetId: id,
    orgPath: homeOf(ctx),
    details: { proposed: items.length, created: created.length },
  });
  return present((await repo.findImport(ctx.db, id, ctx.actor.personId))!);
}

/** The teacher drops a proposal; nothing of it enters the bank. */
export async function discardImport(ctx: Ctx, id: string) {
  const row = await ownImport(ctx, id, true);
  if (row.status !== 'proposed')
    throw conflict(row.status === 'confirmed' ? '这次导入已确认' : '这次导入已放弃');
  await repo.finishImport(ctx.db, id, 'discarded', []);
  await ctx.audit({
    action: 'item.import.discard',
    targetType: 'item_import',
    targetId: id,
    orgPath: homeOf(ctx),
  });
  return present((await repo.findImport(ctx.db, id, ctx.actor.personId))!);
}
