/**
 * 流水批阅 (A5): a marker takes one subjective item across every script they may mark, in turn,
 * with the rubric and reference answer beside the answer; double marking and arbitration for
 * assignments that ask for it (the rules: marking-flow.rules.ts). The counted score of each answer,
 * the attempt's total once nothing waits for a marker, and the mistake notebook follow every mark.
 * Every mark is audited with the old and new scores; after release a change needs a reason.
 */
import { asSystem } from '../../platform/db/scoped.ts';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { ADMINS } from '../../platform/http/policy.ts';
import { pathUnder, scopeCovers } from '../../platform/scope/scope.ts';
import { rebuildAttemptsMastery } from '../diagnosis/mastery.service.ts';
import type { LeafItem } from './item-model.ts';
import { leafKeyOf, type NotebookLeaf, paperLeaves, SUBJECTIVE_TYPES } from './marking-flow.paper.ts';
import * as repo from './marking-flow.repository.ts';
import { decideRound, finalScore, gapOf, type MarkerRights, type ScriptState } from './marking-flow.rules.ts';
import { recordMistakes } from './notebook.service.ts';

/** What the actor may do on one leaf of one assignment. */
interface LeafRights extends MarkerRights {
  /** Marks every script (assigned marker or leader), or only those of classes in their scope. */
  reachAll: boolean;
}

interface MarkingContext {
  head: repo.MarkingHead;
  leaves: NotebookLeaf[];
  lead: boolean;
  anonymous: boolean;
  rights: (number: number, part: number) => LeafRights;
}

/**
 * The assignment and the actor's rights on it: its leaders (the creator, administrators of its
 * unit) mark, arbitrate and override everything; assigned markers and arbiters (统考) their items
 * on every script; otherwise, except in a 统考, teachers mark their classes' scripts and, in double
 * marking, arbitrate the scripts they did not mark.
 */
async function markingContext(ctx: Ctx, assignmentId: string): Promise<MarkingContext> {
  const head = await repo.findMarkingHead(ctx.db, assignmentId);
  if (!head) throw notFound('作业');
  const { actor, scope } = ctx;
  const lead =
    head.createdBy === actor.personId ||
    ((ADMINS as readonly string[]).includes(actor.role) && scopeCovers(scope, head.path));
  const assigned = await repo.myMarkerRoles(ctx.db, assignmentId, actor.personId);
  const has = (n: number, p: number, role: string) =>
    assigned.some((a) => a.number === n && a.part === p && a.role === role);
  const classTeacher =
    head.kind !== 'unified_exam' && (actor.role === 'teacher' || actor.role === 'head_teacher');
  const leaves = head.document
    ? paperLeaves(head.document).filter((l) => SUBJECTIVE_TYPES.includes(l.content.type))
    : [];
  return {
    head,
    leaves,
    lead,
    anonymous: head.kind === 'unified_exam',
    rights: (n, p) => {
      const marker = has(n, p, 'marker');
      const mark = lead || marker || classTeacher;
      return {
        lead,
        mark,
        arbitrate: lead || has(n, p, 'arbiter') || (head.kind !== 'unified_exam' && mark),
        reachAll: lead || marker || has(n, p, 'arbiter'),
      };
    },
  };
}

const reachOf = (ctx: Ctx, r: LeafRights): repo.ScriptReach =>
  r.reachAll || ctx.scope.all ? { all: true } : { all: false, paths: ctx.scope.paths };

function leafOf(m: MarkingContext, number: number, part: number): NotebookLeaf {
  const leaf = m.leaves.find((l) => l.number === number && l.part === part);
  if (!leaf) throw notFound('主观题');
  return leaf;
}

/** A leaf as the marker sees it beside the answers: stem, reference answer, rubric. */
function leafView(l: NotebookLeaf) {
  const c = l.content as Extract<LeafItem, { type: 'short_answer' | 'essay' }>;
  return {
    number: l.number,
    part: l.part,
    type: c.type,
    maxScore: l.maxScore,
    stimulus: l.stimulus ?? null,
    stem: c.stem,
    reference: c.reference ?? null,
    rubric: c.rubric ?? [],
  };
}

interface ScriptFacts {
  row: repo.ScriptRow;
  state: ScriptState;
  counted: number | null;
  mine: repo.ScriptRow['marks'][number] | undefined;
}

function factsOf(m: MarkingContext, row: repo.ScriptRow, actorId: string): ScriptFacts {
  const gap = gapOf(m.head.markGap, row.maxScore);
  const { score, state } = finalScore(row.marks, m.head.doubleMarking, gap);
  const mine = [...row.marks].reverse().find((k) => k.markerId === actorId && k.round !== 'regrade');
  return { row, state, counted: score, mine };
}

/** Progress of one leaf over the scripts in reach: "已批 23/45", and where double marking stands. */
function progressOf(facts: readonly ScriptFacts[]) {
  return {
    total: facts.length,
    counted: facts.filter((f) => f.state === 'final').length,
    mine: facts.filter((f) => f.mine).length,
    awaitingSecond: facts.filter((f) => f.state === 'awaiting_second').length,
    awaitingArbitration: facts.filter((f) => f.state === 'awaiting_arbitration').length,
  };
}

async function leafFacts(ctx: Ctx, m: MarkingContext, l: NotebookLeaf, answers: boolean) {
  const rows = await repo.listScripts(ctx.db, {
    assignmentId: m.head.id,
    number: l.number,
    part: l.part,
    reach: reachOf(ctx, m.rights(l.number, l.part)),
    anonymous: m.anonymous,
    answers,
  });
  return rows.map((r) => factsOf(m, r, ctx.actor.personId));
}

/** The assignments with subjective answers the actor may mark, with how far marking has come. */
export async function listTasks(ctx: Ctx) {
  const items = await repo.listMarkingTasks(ctx.db, ctx);
  return { items };
}

/** One assignment's subjective items with the actor's rights and progress on each. */
export async function getMarkingOverview(ctx: Ctx, assignmentId: string) {
  const m = await markingContext(ctx, assignmentId);
  const items = [];
  for (const l of m.leaves) {
    const r = m.rights(l.number, l.part);
    const facts = r.mark || r.arbitrate ? await leafFacts(ctx, m, l, false) : [];
    items.push({
      ...leafView(l),
      canMark: r.mark,
      canArbitrate: m.head.doubleMarking && r.arbitrate,
      progress: progressOf(facts),
    });
  }
  return {
    id: m.head.id,
    title: m.head.title,
    kind: m.head.kind,
    doubleMarking: m.head.doubleMarking,
    markGap: m.head.markGap,
    anonymous: m.anonymous,
    releasedAt: m.head.releasedAt,
    lead: m.lead,
    items,
  };
}

const answerText = (v: repo.ScriptRow['value']) => (v && 'text' in v ? v.text : '');

/**
 * The scripts of one item in marking order, as this marker may see them. In double marking a
 * marker sees their own mark only (blind): scripts two others have marked leave their list, and
 * no counted score is shown (it would tell the other mark). Leaders see every mark.
 */
export async function listItemScripts(
  ctx: Ctx,
  assignmentId: string,
  number: number | undefined,
  part: number,
) {
  const m = await markingContext(ctx, assignmentId);
  const l =
    number === undefined
      ? (m.leaves.find((x) => m.rights(x.number, x.part).mark) ?? m.leaves[0])
      : leafOf(m, number, part);
  if (!l) throw notFound('主观题');
  const r = m.rights(l.number, l.part);
  if (!r.mark) throw new AppError('forbidden', '您没有批阅这道题的任务');
  const all = await leafFacts(ctx, m, l, true);
  const blind = m.head.doubleMarking && !m.lead;
  const facts = blind
    ? all.filter((f) => f.mine || f.state === 'unmarked' || f.state === 'awaiting_second')
    : all;
  await ctx.audit({
    action: 'marking.scripts.read',
    targetType: 'assignment',
    targetId: assignmentId,
    subjectIds: [...new Set(facts.map((f) => f.row.studentId))],
    details: { number: l.number, part: l.part, scripts: facts.length },
  });
  return {
    item: leafView(l),
    doubleMarking: m.head.doubleMarking,
    releasedAt: m.head.releasedAt,
    lead: m.lead,
    progress: progressOf(all),
    scripts: facts.map((f) => ({
      id: f.row.id,
      label: m.anonymous ? `密号 ${f.row.code}` : (f.row.name ?? ''),
      answer: answerText(f.row.value),
      myScore: f.mine?.score ?? null,
      myComment: f.mine?.comment ?? null,
      state: blind ? (f.mine ? ('mine' as const) : ('todo' as const)) : scriptState(f),
      counted: blind ? null : f.counted,
      marks: m.lead ? f.row.marks.map((k) => ({ round: k.round, score: k.score, comment: k.comment })) : [],
    })),
  };
}

const scriptState = (f: ScriptFacts) =>
  f.state === 'final'
    ? ('done' as const)
    : f.state === 'awaiting_arbitration'
      ? ('arbitration' as const)
      : f.mine
        ? ('mine' as const)
        : ('todo' as const);

/** Scripts whose two marks differ by more than the gap, for those who may arbitrate them, with both marks. */
export async function listArbitration(ctx: Ctx, assignmentId: string) {
  const m = await markingContext(ctx, assignmentId);
  if (!m.head.doubleMarking) return { items: [] };
  const items = [];
  for (const l of m.leaves) {
    const r = m.rights(l.number, l.part);
    if (!r.arbitrate) continue;
    const facts = await leafFacts(ctx, m, l, true);
    for (const f of facts) {
      const marked = f.row.marks.filter((k) => k.round === 'first' || k.round === 'second');
      const arbitratedByMe = f.row.marks.some(
        (k) => k.round === 'arbitration' && k.markerId === ctx.actor.personId,
      );
      const gaveOne = marked.some((k) => k.markerId === ctx.actor.personId);
      if (!(f.state === 'awaiting_arbitration' || arbitratedByMe) || (gaveOne && !m.lead)) continue;
      const latest = (round: string) => [...marked].reverse().find((k) => k.round === round)?.score ?? null;
      items.push({
        id: f.row.id,
        number: l.number,
        part: l.part,
        maxScore: l.maxScore,
        label: m.anonymous ? `密号 ${f.row.code}` : (f.row.name ?? ''),
        answer: answerText(f.row.value),
        first: latest('first'),
        second: latest('second'),
        arbitration: arbitratedByMe ? f.counted : null,
      });
    }
  }
  await ctx.audit({
    action: 'marking.scripts.read',
    targetType: 'assignment',
    targetId: assignmentId,
    details: { arbitration: items.length },
  });
  return { items };
}

export interface TScoreInput {
  scriptId: string;
  score: number;
  comment?: string | undefined;
  reason?: string | undefined;
}

/**
 * Gives (or changes) the actor's mark on one script. The round follows from the marks already
 * there (marking-flow.rules.ts); the counted score, the attempt's total and, once the attempt is
 * complete, the student's notebook follow. Those are consequences of a mark the actor may give,
 * written under a system scope: a 统考 marker's scope does not reach the students whose answers
 * they mark.
 */
export async function scoreScript(ctx: Ctx, assignmentId: string, input: TScoreInput) {
  const m = await markingContext(ctx, assignmentId);
  const script = await repo.lockScript(ctx.db, assignmentId, input.scriptId);
  if (!script) throw notFound('答卷');
  const rights = m.rights(script.number, script.part);
  const inReach = rights.reachAll || ctx.scope.all || pathUnder(script.path, ctx.scope.paths);
  if (!inReach || !(rights.mark || rights.arbitrate)) throw notFound('答卷');
  if (
    input.score < 0 ||
    input.score > script.maxScore ||
    Math.abs(input.score * 2 - Math.round(input.score * 2)) > 1e-9
  )
    throw badRequest(`分数应在 0 到 ${script.maxScore} 之间，以 0.5 分为单位`, {
      field: 'score',
      max: script.maxScore,
    });
  const reason = input.reason?.trim() || null;
  if (m.head.releasedAt && !reason) throw badRequest('成绩已发布，改分须填写原因', { field: 'reason' });
  const marks = await repo.marksOf(ctx.db, script.id);
  const gap = gapOf(m.head.markGap, script.maxScore);
  const decision = decideRound(marks, m.head.doubleMarking, gap, ctx.actor.personId, {
    ...rights,
    mark: rights.mark && inReach,
  });
  if ('refused' in decision) throw conflict(decision.refused);
  const comment = input.comment?.trim() || null;
  await repo.insertMark(ctx.db, {
    responseId: script.id,
    round: decision.round,
    markerId: ctx.actor.personId,
    score: input.score,
    comment,
    reason,
  });
  const after = finalScore(
    [...marks, { round: decision.round, markerId: ctx.actor.personId, score: input.score }],
    m.head.doubleMarking,
    gap,
  );
  const totals = await asSystem(ctx.db, 'marking-results', async () => {
    if (after.score === script.score) return undefined;
    await repo.setResponseScore(ctx.db, script.id, after.score);
    const t = await repo.refreshAttemptScore(ctx.db, script.attemptId);
    if (t?.complete) {
      await recordMistakes(ctx.db, script.attemptId);
      // Marking complete (or a score changed after): the student's mastery from all their answers.
      await rebuildAttemptsMastery(ctx.db, [script.attemptId]);
    }
    return t;
  });
  await ctx.audit({
    action:
      decision.round === 'regrade'
        ? 'marking.regrade'
        : decision.round === 'arbitration'
          ? 'marking.arbitrate'
          : 'marking.score',
    targetType: 'response',
    targetId: script.id,
    subjectPersonId: script.studentId,
    orgPath: script.path,
    details: {
      assignmentId,
      number: script.number,
      part: script.part,
      round: decision.round,
      oldMark: decision.previous,
      newMark: input.score,
      oldScore: script.score,
      newScore: after.score,
      ...(totals ? { attemptOldScore: totals.before, attemptNewScore: totals.after } : {}),
      afterRelease: m.head.releasedAt !== null,
      ...(reason ? { reason } : {}),
    },
  });
  const blind = m.head.doubleMarking && !m.lead;
  return {
    round: decision.round,
    myScore: input.score,
    state: blind ? ('mine' as const) : after.state === 'final' ? ('done' as const) : ('arbitration' as const),
    counted: blind ? null : after.score,
  };
}

/** Teachers of the assignment's unit the leader may make markers. */
export async function listMarkerCandidates(ctx: Ctx, assignmentId: string, q: string) {
  const m = await markingContext(ctx, assignmentId);
  if (!m.lead) throw new AppError('forbidden', '只有考试负责人可以安排阅卷');
  return { items: await repo.markerCandidates(ctx.db, m.head.path, q) };
}

export async function listAssignmentMarkers(ctx: Ctx, assignmentId: string) {
  const m = await markingContext(ctx, assignmentId);
  if (!m.lead) throw new AppError('forbidden', '只有考试负责人可以查看阅卷分工');
  return { items: await repo.listMarkers(ctx.db, assignmentId) };
}

export interface TMarkerInput {
  number: number;
  part: number;
  personId: string;
  role?: 'marker' | 'arbiter';
}

/** Makes a teacher of the exam's unit a marker or arbiter of one item (or takes them off it). */
export async function changeMarker(ctx: Ctx, assignmentId: string, input: TMarkerInput, remove: boolean) {
  const m = await markingContext(ctx, assignmentId);
  if (!m.lead) throw new AppError('forbidden', '只有考试负责人可以安排阅卷');
  leafOf(m, input.number, input.part);
  const key = { assignmentId, number: input.number, part: input.part, personId: input.personId };
  if (remove) {
    if (!(await repo.deleteMarker(ctx.db, key))) throw notFound('阅卷分工');
  } else {
    if (!(await repo.teachesUnder(ctx.db, input.personId, m.head.path)))
      throw badRequest('阅卷教师须是本次考试所属单位的教师', { field: 'personId' });
    await repo.insertMarker(ctx.db, {
      ...key,
      role: input.role ?? 'marker',
      assignedBy: ctx.actor.personId,
      path: m.head.path,
    });
  }
  await ctx.audit({
    action: remove ? 'marking.marker.remove' : 'marking.marker.assign',
    targetType: 'assignment',
    targetId: assignmentId,
    subjectPersonId: input.personId,
    details: { number: input.number, part: input.part, role: input.role ?? 'marker' },
  });
  return { items: await repo.listMarkers(ctx.db, assignmentId), key: leafKeyOf(input.number, input.part) };
}
