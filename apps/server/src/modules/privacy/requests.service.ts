import { DATA_INVENTORY } from '../../data-inventory.ts';
import { asSystem } from '../../platform/db/scoped.ts';
import { newId } from '../../platform/db/types.ts';
import { badRequest, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { tableNameOf } from '../../platform/privacy/data-classes.ts';
import { pathUnder } from '../../platform/scope/scope.ts';
import { findDataSubject, isGuardianOf } from '../roster/students.service.ts';
import { storageKeysOfAuthor } from '../spaces/author-files.repository.ts';
import { REQUEST_DUE_DAYS } from './privacy.policy.ts';
import type { TRequestKind, TRequestStatus } from './privacy.schema.ts';
import * as repo from './requests.repository.ts';
import { anonymiseSubjectRows, countSubjectRows, deleteSubjectRows } from './subject-data.repository.ts';

const ADMINS = new Set(['city_admin', 'district_admin', 'school_admin']);

/**
 * Files a correction, deletion or explanation request for oneself or, as a recorded guardian, for a
 * child. It goes to the responsible unit (the child's school, through its class path; for staff,
 * their unit), with a deadline.
 */
export async function fileRequest(
  ctx: Ctx,
  opts: { subjectId: string; kind: Exclude<TRequestKind, 'access'>; details: string },
) {
  const as =
    opts.subjectId === ctx.actor.personId
      ? 'self'
      : (await isGuardianOf(ctx.db, ctx.actor.personId, opts.subjectId))
        ? 'guardian'
        : null;
  if (!as) throw notFound('人员');
  const subject = await findDataSubject(ctx.db, ctx.deps.crypto, opts.subjectId);
  if (!subject) throw notFound('人员');
  const id = await repo.insertRequest(ctx.db, {
    subjectId: subject.personId,
    requestedBy: ctx.actor.personId,
    requestedAs: as,
    kind: opts.kind,
    details: opts.details,
    path: subject.path ?? ctx.actor.orgPath,
    dueDays: REQUEST_DUE_DAYS,
  });
  await ctx.audit({
    action: 'privacy.request',
    targetType: 'data_request',
    targetId: id,
    subjectPersonId: subject.personId,
    orgPath: subject.path,
    details: { kind: opts.kind, as },
  });
  return present(ctx, (await repo.findRequest(ctx.db, id))!);
}

const overdue = (r: repo.RequestRow) => r.status === 'open' && new Date(r.dueAt).getTime() < Date.now();
const present = (_ctx: Ctx, r: repo.RequestRow) => ({ ...r, overdue: overdue(r) });

/** The actor's own requests and those about them. */
export async function myRequests(ctx: Ctx) {
  return (await repo.listRequestsOf(ctx.db, ctx.actor.personId)).map((r) => present(ctx, r));
}

/** The register of a school, district or city: requests about people in its scope, overdue first. */
export async function requestsToHandle(ctx: Ctx, status: TRequestStatus | null) {
  const rows = await repo.listRequestsUnder(ctx.db, ctx.scope, status);
  // Staff reading what people asked about their data: audited, with whom it concerns.
  await ctx.audit({ action: 'privacy.requests.read', details: { status, requests: rows.length } });
  return rows.map((r) => present(ctx, r));
}

async function handled(ctx: Ctx, id: string) {
  const r = await repo.findRequest(ctx.db, id);
  if (!r || !ADMINS.has(ctx.actor.role) || !(ctx.scope.all || pathUnder(r.path, ctx.scope.paths)))
    throw notFound('申请');
  return r;
}

/**
 * What granting a deletion request would do, table by table: rows deleted, made anonymous, or kept
 * under a statutory duty (学籍, the audit trail), so the administrator decides knowingly.
 */
export async function erasurePreview(ctx: Ctx, id: string) {
  const r = await handled(ctx, id);
  if (r.kind !== 'deletion') throw badRequest('只有删除申请需要预览');
  await ctx.audit({
    action: 'privacy.erasure_preview',
    targetType: 'data_request',
    targetId: r.id,
    subjectPersonId: r.subjectId,
    orgPath: r.path,
  });
  return asSystem(ctx.db, 'data-subject-erasure-preview', async () => {
    const out = [];
    for (const t of DATA_INVENTORY) {
      if (t.subjects.length === 0) continue;
      const rows = await countSubjectRows(ctx.db, t, r.subjectId);
      if (rows === 0) continue;
      out.push({
        table: tableNameOf(t),
        description: t.description,
        rows,
        action: (t.erasure === 'retain' ? 'retain' : t.erasure === 'delete' ? 'delete' : 'anonymise') as
          | 'retain'
          | 'delete'
          | 'anonymise',
        retention: t.retention,
      });
    }
    return out;
  });
}

/**
 * Erases what a granted deletion request covers, across everyone's rows (a system scope inside the
 * answering transaction): the declared tables' rows are deleted or cut loose from the person;
 * statutory records stay. Returns the stored files to remove once the transaction commits.
 */
async function eraseSubject(ctx: Ctx, subjectId: string) {
  return asSystem(ctx.db, 'data-subject-erasure', async () => {
    const files = await storageKeysOfAuthor(ctx.db, subjectId);
    const stranger = newId();
    const done: { table: string; rows: number; action: string }[] = [];
    for (const t of DATA_INVENTORY) {
      if (t.subjects.length === 0 || t.erasure === 'retain') continue;
      const rows =
        t.erasure === 'delete'
          ? await deleteSubjectRows(ctx.db, t, subjectId)
          : await anonymiseSubjectRows(ctx.db, t, subjectId, t.erasure.anonymise, stranger);
      if (rows > 0)
        done.push({
          table: tableNameOf(t),
          rows,
          action: t.erasure === 'delete' ? 'delete' : 'anonymise',
        });
    }
    return { done, files };
  });
}

/**
 * Answers a request: done (for a deletion, the erasure runs now) or refused with the reason the
 * person is told. Audited; the erasure is audited with what it removed, table by table.
 */
export async function answerRequest(
  ctx: Ctx,
  id: string,
  opts: { outcome: 'done' | 'refused'; response: string },
) {
  const r = await handled(ctx, id);
  if (r.status !== 'open') throw conflict('该申请已办结');
  let files: string[] = [];
  let response = opts.response;
  if (r.kind === 'deletion' && opts.outcome === 'done') {
    const erased = await eraseSubject(ctx, r.subjectId);
    files = erased.files;
    await ctx.audit({
      action: 'privacy.erasure',
      targetType: 'data_request',
      targetId: r.id,
      subjectPersonId: r.subjectId,
      orgPath: r.path,
      details: { erased: erased.done },
    });
    response = `${response}\n（已删除或匿名化的记录：${erased.done.map((d) => `${d.table} ${d.rows} 条`).join('，') || '无'}；学籍、审计日志等依法保存的记录未删除。）`;
  }
  if (
    !(await repo.closeRequest(ctx.db, r.id, {
      status: opts.outcome,
      response,
      handledBy: ctx.actor.personId,
    }))
  )
    throw conflict('该申请已办结');
  await ctx.audit({
    action: 'privacy.request_answered',
    targetType: 'data_request',
    targetId: r.id,
    subjectPersonId: r.subjectId,
    orgPath: r.path,
    details: { kind: r.kind, outcome: opts.outcome },
  });
  return { request: present(ctx, (await repo.findRequest(ctx.db, r.id))!), files };
}
