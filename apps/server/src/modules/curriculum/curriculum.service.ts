import { codeExists } from '../../platform/codes/codes.repository.ts';
import { newId } from '../../platform/db/types.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { volumeTitle } from './backbone.ts';
import * as repo from './curriculum.repository.ts';
import * as points from './knowledge-points.repository.ts';

/**
 * The backbone is city-wide: every signed-in user reads it; the city's researchers (教研员) edit
 * it. A district researcher reads like everyone else.
 */
export function assertEditor(ctx: Ctx): void {
  const cityLevel = !ctx.actor.orgPath.includes('.');
  if (ctx.actor.role !== 'researcher' || !cityLevel) {
    throw forbidden('只有市级教研员可以编辑课程体系');
  }
}

export const listEditions = (ctx: Ctx, subjectCode?: string) => repo.listEditions(ctx.db, subjectCode);

/** Volumes → units → lessons of one edition, optionally one grade and term. */
export async function getTree(ctx: Ctx, editionId: string, filter: { gradeCode?: string; term?: number }) {
  const edition = await repo.findEdition(ctx.db, editionId);
  if (!edition) throw notFound('教材版本');
  const rows = await repo.listNodes(ctx.db, editionId, filter);
  const byParent = new Map<string | null, typeof rows>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const kids = (id: string | null) => (byParent.get(id) ?? []).sort((a, b) => a.seq - b.seq);
  const fields = ({ kind: _k, editionId: _e, ...n }: (typeof rows)[number]) => n;
  const volumes = kids(null).map((v) => ({
    ...fields(v),
    kind: 'volume' as const,
    children: kids(v.id).map((u) => ({
      ...fields(u),
      kind: 'unit' as const,
      children: kids(u.id).map((l) => ({ ...fields(l), kind: 'lesson' as const, children: [] as never[] })),
    })),
  }));
  return { edition, volumes };
}

async function assertGrade(ctx: Ctx, gradeCode: string) {
  if (!(await codeExists(ctx.db, 'grade', gradeCode)))
    throw badRequest(`年级代码 ${gradeCode} 不在国家代码表中`);
}

export async function createEdition(
  ctx: Ctx,
  input: { subjectCode: string; name: string; publisher: string },
) {
  assertEditor(ctx);
  if (!(await codeExists(ctx.db, 'subject', input.subjectCode)))
    throw badRequest(`学科代码 ${input.subjectCode} 不在国家代码表中`);
  const id = await repo.insertEdition(ctx.db, { id: newId(), ...input });
  if (!id) throw conflict(`该学科已有名为「${input.name}」的教材版本`);
  await ctx.audit({
    action: 'curriculum.edition.create',
    targetType: 'textbook_edition',
    targetId: id,
    details: input,
  });
  return { id };
}

/** Adds a volume (grade × term) to an edition, or a unit/lesson at the end of its parent. */
export async function createNode(
  ctx: Ctx,
  input: { editionId: string; parentId?: string; gradeCode?: string; term?: 1 | 2; title?: string },
) {
  assertEditor(ctx);
  const edition = await repo.findEdition(ctx.db, input.editionId);
  if (!edition) throw notFound('教材版本');
  let id: string;
  if (!input.parentId) {
    if (!input.gradeCode || !input.term) throw badRequest('新建册次需要年级和学期（上册/下册）');
    await assertGrade(ctx, input.gradeCode);
    const title = input.title ?? volumeTitle(input.gradeCode, input.term);
    if (await repo.volumeExists(ctx.db, edition.id, input.gradeCode, input.term))
      throw conflict(`「${title}」已存在`);
    id = await repo.insertNode(ctx.db, {
      editionId: edition.id,
      parentId: null,
      kind: 'volume',
      seq: 0,
      title,
      gradeCode: input.gradeCode,
      term: input.term,
    });
  } else {
    const parent = await repo.findNode(ctx.db, input.parentId);
    if (!parent || parent.editionId !== edition.id) throw notFound('上级目录');
    if (parent.kind === 'lesson') throw badRequest('课下面不能再建下级目录');
    if (!input.title) throw badRequest('请填写名称');
    id = await repo.insertNode(ctx.db, {
      editionId: edition.id,
      parentId: parent.id,
      kind: parent.kind === 'volume' ? 'unit' : 'lesson',
      seq: await repo.nextSeq(ctx.db, parent.id),
      title: input.title,
      gradeCode: parent.gradeCode,
      term: parent.term,
    });
  }
  await ctx.audit({
    action: 'curriculum.node.create',
    targetType: 'curriculum_node',
    targetId: id,
    details: input,
  });
  return { id };
}

export async function renameNode(ctx: Ctx, id: string, title: string) {
  assertEditor(ctx);
  const node = await repo.findNode(ctx.db, id);
  if (!node) throw notFound('目录');
  await repo.renameNode(ctx.db, id, title);
  await ctx.audit({
    action: 'curriculum.node.update',
    targetType: 'curriculum_node',
    targetId: id,
    details: { from: node.title, to: title },
  });
  return { ok: true as const };
}

/** Removes an empty unit or volume, or a lesson (with its knowledge-point links). */
export async function deleteNode(ctx: Ctx, id: string) {
  assertEditor(ctx);
  const node = await repo.findNode(ctx.db, id);
  if (!node) throw notFound('目录');
  if (node.children > 0) throw conflict('请先删除下级目录');
  await repo.deleteNode(ctx.db, id);
  await ctx.audit({
    action: 'curriculum.node.delete',
    targetType: 'curriculum_node',
    targetId: id,
    details: { title: node.title, kind: node.kind },
  });
  return { ok: true as const };
}

/** Replaces the knowledge points a lesson teaches; they must be of the lesson's subject. */
export async function setLessonKnowledgePoints(ctx: Ctx, lessonId: string, ids: string[]) {
  assertEditor(ctx);
  const lesson = await repo.findNode(ctx.db, lessonId);
  if (lesson?.kind !== 'lesson') throw notFound('课');
  const unique = [...new Set(ids)];
  const found = await points.findActivePointIds(ctx.db, lesson.subjectCode, unique);
  if (found.length !== unique.length) throw badRequest('知识点不存在或不属于本学科');
  await repo.setLessonPoints(ctx.db, lessonId, unique);
  await ctx.audit({
    action: 'curriculum.lesson.knowledge_points',
    targetType: 'curriculum_node',
    targetId: lessonId,
    details: { knowledgePointIds: unique },
  });
  return { ok: true as const };
}

export const listKnowledgePoints = (
  ctx: Ctx,
  f: { subjectCode: string; gradeCode?: string; strand?: string; q?: string },
) => points.listKnowledgePoints(ctx.db, f);

export async function getKnowledgePoint(ctx: Ctx, id: string) {
  const kp = await points.findKnowledgePoint(ctx.db, id);
  if (!kp) throw notFound('知识点');
  // One after the other: a transaction is one connection, which runs one query at a time.
  const neighbours = await points.listNeighbours(ctx.db, id);
  const lessons = await points.listLessonsOfPoint(ctx.db, id);
  const strip = ({ direction: _d, ...p }: (typeof neighbours)[number]) => p;
  return {
    ...kp,
    prerequisites: neighbours.filter((n) => n.direction === 'prerequisite').map(strip),
    dependents: neighbours.filter((n) => n.direction === 'dependent').map(strip),
    lessons,
  };
}

export const getGraph = (ctx: Ctx, subjectCode: string, gradeCodes?: string[]) =>
  points.graph(ctx.db, subjectCode, gradeCodes);

export async function createKnowledgePoint(
  ctx: Ctx,
  input: {
    subjectCode: string;
    code: string;
    name: string;
    gradeCode: string;
    strand: string;
    description?: string;
  },
) {
  assertEditor(ctx);
  if (!(await codeExists(ctx.db, 'subject', input.subjectCode)))
    throw badRequest(`学科代码 ${input.subjectCode} 不在国家代码表中`);
  await assertGrade(ctx, input.gradeCode);
  const id = await points.insertKnowledgePoint(ctx.db, {
    id: newId(),
    ...input,
    description: input.description ?? null,
  });
  if (!id) throw conflict(`知识点编码 ${input.code} 已存在`);
  await ctx.audit({
    action: 'curriculum.kp.create',
    targetType: 'knowledge_point',
    targetId: id,
    details: input,
  });
  return { id };
}

export async function updateKnowledgePoint(
  ctx: Ctx,
  id: string,
  input: { name?: string; gradeCode?: string; strand?: string; description?: string | null },
) {
  assertEditor(ctx);
  const kp = await points.findKnowledgePoint(ctx.db, id);
  if (!kp) throw notFound('知识点');
  if (input.gradeCode) await assertGrade(ctx, input.gradeCode);
  await points.updateKnowledgePoint(ctx.db, id, {
    name: input.name ?? kp.name,
    gradeCode: input.gradeCode ?? kp.gradeCode,
    strand: input.strand ?? kp.strand,
    description: input.description === undefined ? kp.description : input.description,
  });
  await ctx.audit({
    action: 'curriculum.kp.update',
    targetType: 'knowledge_point',
    targetId: id,
    details: input,
  });
  return { ok: true as const };
}

/**
 * Makes `prerequisiteId` a prerequisite of `id`. Refused, with the chain that would close the loop,
 * when `id` is already (indirectly) a prerequisite of it.
 */
export async function addPrerequisite(ctx: Ctx, id: string, prerequisiteId: string) {
  assertEditor(ctx);
  const [kp, pre] = [
    await points.findKnowledgePoint(ctx.db, id),
    await points.findKnowledgePoint(ctx.db, prerequisiteId),
  ];
  if (!kp || !pre) throw notFound('知识点');
  if (kp.subjectCode !== pre.subjectCode) throw badRequest('先修知识点必须属于同一学科');
  if (kp.id === pre.id) throw badRequest('知识点不能是自己的先修');
  // Serialise graph edits so two concurrent edges cannot close a loop between them.
  await points.lockGraph(ctx.db);
  const loop = await points.prerequisitePath(ctx.db, pre.id, kp.id);
  if (loop) {
    // In learning order: the point itself … up to the proposed prerequisite, which would need it again.
    const order = [...loop].reverse();
    const chain = [...order.map((p) => p.name), kp.name].join(' → ');
    throw conflict(`会形成循环依赖：「${kp.name}」已经是「${pre.name}」的（间接）先修。学习顺序：${chain}`, {
      cycle: order.map((p) => p.code),
    });
  }
  if (await points.insertEdge(ctx.db, pre.id, kp.id))
    await ctx.audit({
      action: 'curriculum.kp.prerequisite.add',
      targetType: 'knowledge_point',
      targetId: kp.id,
      details: { prerequisite: pre.code, point: kp.code },
    });
  return { ok: true as const };
}

export async function removePrerequisite(ctx: Ctx, id: string, prerequisiteId: string) {
  assertEditor(ctx);
  if (!(await points.deleteEdge(ctx.db, id, prerequisiteId))) throw notFound('先修关系');
  await ctx.audit({
    action: 'curriculum.kp.prerequisite.remove',
    targetType: 'knowledge_point',
    targetId: id,
    details: { prerequisiteId },
  });
  return { ok: true as const };
}
