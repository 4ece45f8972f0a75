import { codeExists } from '../../platform/codes/codes.repository.ts';
import { newId } from '../../platform/db/types.ts';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { findVisibleItems, listItemPoints } from './bank.repository.ts';
import type { TPaperSectionHead, TPaperStatus } from './bank.schema.ts';
import { homeOf, present } from './bank.service.ts';
import { type PaperDocument, paperDocument } from './paper-model.ts';
import * as repo from './papers.repository.ts';

/** A section of a draft as the builder sends it: title, instructions, and its items in order. */
export interface LayoutSection extends TPaperSectionHead {
  items: { itemId: string; score: number }[];
}

export type PaperHeaderInput = Omit<repo.PaperHeader, 'subtitle' | 'navigation'> & {
  subtitle?: string | null;
  navigation?: 'free' | 'forward_only';
};

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, [{ path, message }]);

async function checkCodes(ctx: Ctx, subjectCode: string, gradeCode: string) {
  if (!(await codeExists(ctx.db, 'subject', subjectCode)))
    throw invalid('subjectCode', '学科代码不在国家代码表中');
  if (!(await codeExists(ctx.db, 'grade', gradeCode))) throw invalid('gradeCode', '年级代码不在国家代码表中');
}

/** Starts an empty draft of the actor's own. */
export async function createPaper(ctx: Ctx, header: PaperHeaderInput) {
  await checkCodes(ctx, header.subjectCode, header.gradeCode);
  const id = newId();
  await repo.insertPaper(ctx.db, {
    ...header,
    subtitle: header.subtitle ?? null,
    navigation: header.navigation ?? 'free',
    id,
    sections: [],
    totalScore: 0,
    ownerId: ctx.actor.personId,
    path: homeOf(ctx),
    districtId: ctx.actor.districtId,
    schoolId: ctx.actor.schoolId,
  });
  await ctx.audit({ action: 'paper.create', targetType: 'paper', targetId: id, orgPath: homeOf(ctx) });
  return getPaper(ctx, id);
}

/**
 * A paper with its sections and items as the builder and the preview show them: each item with its
 * content, tags and the viewer's rights on it, numbered across the paper. A finalised paper shows
 * its document (the content as it stood then); its items are still listed for the bank's figures.
 */
export async function getPaper(ctx: Ctx, id: string) {
  const p = await repo.findPaper(ctx.db, id);
  if (!p) throw notFound('试卷');
  const slots = await repo.listSlots(ctx.db, id);
  const ids = slots.map((s) => s.itemId);
  const rows = new Map((await findVisibleItems(ctx.db, ctx, ids)).map((r) => [r.id, r]));
  const points = await listItemPoints(ctx.db, ids);
  const { path: _path, ...rest } = p;
  let number = 0;
  const sections = p.sections.map((head, index) => ({
    ...head,
    items: slots
      .filter((s) => s.section === index)
      .map((s) => {
        const row = rows.get(s.itemId);
        return {
          number: ++number,
          itemId: s.itemId,
          score: s.score,
          /** Null when the viewer does not see the item in the bank (a colleague's private one). */
          item: row ? present(ctx, row, points.get(s.itemId) ?? []) : null,
        };
      }),
  }));
  const seconds = [...rows.values()].reduce((a, r) => a + r.seconds, 0);
  return {
    ...rest,
    mine: p.ownerId === ctx.actor.personId,
    sections,
    figures: {
      items: slots.length,
      totalScore: slots.reduce((a, s) => a + s.score, 0),
      /** The items' expected answering time, against the paper's minutes. */
      expectedMinutes: Math.round(seconds / 60),
      meanDifficulty:
        rows.size > 0
          ? Math.round(([...rows.values()].reduce((a, r) => a + r.difficulty, 0) / rows.size) * 100) / 100
          : null,
    },
  };
}

export function listPapers(
  ctx: Ctx,
  q: { mine?: boolean; status?: TPaperStatus; limit: number; offset: number },
) {
  return repo.listPapers(ctx.db, ctx, q);
}

/** The owner's draft, locked. */
async function ownDraft(ctx: Ctx, id: string) {
  const p = await repo.findPaper(ctx.db, id, { lock: true });
  if (!p) throw notFound('试卷');
  if (p.ownerId !== ctx.actor.personId) throw forbidden('只有试卷的创建者可以修改；可以复制一份再修改');
  if (p.status !== 'draft') throw conflict('试卷已定稿，不能再修改；可以复制一份再修改');
  return p;
}

/**
 * Checks a layout: every item seen by the actor in the bank and in use (an item already on the
 * draft may stay when retired since), once per paper, a composite at the sum of its parts' scores.
 */
async function checkLayout(ctx: Ctx, sections: LayoutSection[], kept: Set<string>) {
  const ids = sections.flatMap((s) => s.items.map((i) => i.itemId));
  const rows = new Map((await findVisibleItems(ctx.db, ctx, ids)).map((r) => [r.id, r]));
  const seen = new Set<string>();
  for (const [si, s] of sections.entries())
    for (const [ii, it] of s.items.entries()) {
      const at = `sections[${si}].items[${ii}]`;
      const row = rows.get(it.itemId);
      if (!row) throw invalid(`${at}.itemId`, '试题不存在或无权使用');
      if (row.retired && !kept.has(it.itemId)) throw invalid(`${at}.itemId`, '试题已停用，不能再加入试卷');
      if (seen.has(it.itemId)) throw invalid(`${at}.itemId`, '同一道题在试卷中出现了两次');
      seen.add(it.itemId);
      if (row.content.type === 'composite') {
        const sum = row.content.parts.reduce((a, p) => a + p.score, 0);
        if (Math.abs(sum - it.score) > 1e-6)
          throw invalid(`${at}.score`, `组合题的分值为各小题分值之和（${sum} 分）`);
      }
    }
}

const slotsOf = (sections: LayoutSection[]): repo.PaperSlot[] => {
  let position = 0;
  return sections.flatMap((s, section) =>
    s.items.map((it) => ({ position: position++, itemId: it.itemId, section, score: it.score })),
  );
};

/** Changes a draft: its header, and when `sections` is given the whole layout (add, remove, reorder, scores). */
export async function updatePaper(
  ctx: Ctx,
  id: string,
  change: Partial<PaperHeaderInput> & { sections?: LayoutSection[] },
) {
  const p = await ownDraft(ctx, id);
  const header: repo.PaperHeader = {
    title: change.title ?? p.title,
    subtitle: change.subtitle === undefined ? p.subtitle : change.subtitle,
    subjectCode: change.subjectCode ?? p.subjectCode,
    gradeCode: change.gradeCode ?? p.gradeCode,
    minutes: change.minutes ?? p.minutes,
    navigation: change.navigation ?? p.navigation,
  };
  await checkCodes(ctx, header.subjectCode, header.gradeCode);
  const current = await repo.listSlots(ctx.db, id);
  let heads = p.sections;
  let slots = current;
  if (change.sections) {
    await checkLayout(ctx, change.sections, new Set(current.map((s) => s.itemId)));
    heads = change.sections.map(({ title, instructions }) => ({
      title,
      ...(instructions ? { instructions } : {}),
    }));
    slots = slotsOf(change.sections);
    await repo.replaceSlots(ctx.db, id, slots);
  }
  const totalScore = slots.reduce((a, s) => a + s.score, 0);
  await repo.updatePaperHeader(ctx.db, id, { ...header, sections: heads, totalScore });
  await ctx.audit({
    action: 'paper.update',
    targetType: 'paper',
    targetId: id,
    orgPath: p.path,
    details: change.sections ? { items: slots.length, totalScore } : undefined,
  });
  return getPaper(ctx, id);
}

/**
 * A paper's printable and answerable document from its header and slots, with every item's content
 * as it stands now (what finalising freezes, and what a draft prints as a preview).
 */
export async function documentOf(
  ctx: Ctx,
  p: Pick<repo.PaperRow, keyof repo.PaperHeader | 'sections'>,
  slots: repo.PaperSlot[],
): Promise<PaperDocument> {
  if (slots.length === 0) throw invalid('sections', '试卷中还没有试题');
  const rows = new Map(
    (
      await findVisibleItems(
        ctx.db,
        ctx,
        slots.map((s) => s.itemId),
      )
    ).map((r) => [r.id, r]),
  );
  let number = 0;
  const sections = p.sections
    .map((head, index) => ({
      title: head.title,
      ...(head.instructions ? { instructions: head.instructions } : {}),
      items: slots
        .filter((s) => s.section === index)
        .map((s) => {
          const row = rows.get(s.itemId);
          if (!row) throw invalid('sections', '试卷中有无权使用的试题，请先移除');
          return { itemId: s.itemId, number: ++number, score: s.score, content: row.content };
        }),
    }))
    .filter((s) => s.items.length > 0);
  const document: PaperDocument = {
    title: p.title,
    ...(p.subtitle ? { subtitle: p.subtitle } : {}),
    subjectCode: p.subjectCode,
    gradeCode: p.gradeCode,
    minutes: p.minutes,
    totalScore: slots.reduce((a, s) => a + s.score, 0),
    navigation: p.navigation,
    sections,
  };
  const parsed = paperDocument.safeParse(document);
  if (!parsed.success) throw invalid('sections', `试卷不完整：${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/**
 * Finalises a draft: the printable and answerable document is written with every item's content
 * as it stands now (a later edit of the bank does not change it), and each item's exposure counts
 * one more paper. Every section needs an item; a finalised paper no longer changes.
 */
export async function finalisePaper(ctx: Ctx, id: string) {
  const p = await ownDraft(ctx, id);
  const slots = await repo.listSlots(ctx.db, id);
  const document = await documentOf(ctx, p, slots);
  await repo.finalise(
    ctx.db,
    id,
    document,
    slots.map((s) => s.itemId),
  );
  await ctx.audit({
    action: 'paper.finalise',
    targetType: 'paper',
    targetId: id,
    orgPath: p.path,
    details: { items: slots.length, totalScore: document.totalScore },
  });
  return getPaper(ctx, id);
}

/** A new draft of the actor's own from a paper they see (to adapt a colleague's or a final paper). */
export async function copyPaper(ctx: Ctx, id: string) {
  const p = await repo.findPaper(ctx.db, id);
  if (!p) throw notFound('试卷');
  const slots = await repo.listSlots(ctx.db, id);
  const visible = new Set(
    (
      await findVisibleItems(
        ctx.db,
        ctx,
        slots.map((s) => s.itemId),
      )
    ).map((r) => r.id),
  );
  if (slots.some((s) => !visible.has(s.itemId))) throw forbidden('试卷中有您无权使用的试题，不能复制');
  const newPaper = newId();
  await repo.insertPaper(ctx.db, {
    id: newPaper,
    title: `${p.title}（副本）`.slice(0, 200),
    subtitle: p.subtitle,
    subjectCode: p.subjectCode,
    gradeCode: p.gradeCode,
    minutes: p.minutes,
    navigation: p.navigation,
    sections: p.sections,
    totalScore: p.totalScore,
    ownerId: ctx.actor.personId,
    path: homeOf(ctx),
    districtId: ctx.actor.districtId,
    schoolId: ctx.actor.schoolId,
    blueprintId: p.blueprintId,
  });
  await repo.replaceSlots(ctx.db, newPaper, slots);
  await ctx.audit({
    action: 'paper.copy',
    targetType: 'paper',
    targetId: newPaper,
    orgPath: homeOf(ctx),
    details: { from: id },
  });
  return getPaper(ctx, newPaper);
}

/** Deletes a draft of one's own (a finalised paper may stand behind homework and exams). */
export async function deletePaper(ctx: Ctx, id: string) {
  const p = await ownDraft(ctx, id);
  await repo.deletePaper(ctx.db, id);
  await ctx.audit({ action: 'paper.delete', targetType: 'paper', targetId: id, orgPath: p.path });
  return { ok: true as const };
}
