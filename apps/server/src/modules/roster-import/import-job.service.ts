import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { runJob } from '../../platform/db/jobs.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { AppDeps, Ctx } from '../../platform/http/context.ts';
import { ADMINS } from '../../platform/http/policy.ts';
import { loadWorkbook } from '../../platform/xlsx/xlsx-file.ts';
import { annotateWorkbook } from './annotate.ts';
import { IMPORTERS, SHEETS } from './columns.ts';
import type { XlsxFile } from './export.service.ts';
import { within } from './import-context.ts';
import * as repo from './import-job.repository.ts';
import { activeJobs, enqueueImport, type JobSpec } from './import-runner.ts';
import type { TImportKind } from './roster-import.schema.ts';
import { readSheet } from './sheet-io.ts';

/** Days an uploaded workbook is kept for its error report. */
const FILE_RETENTION_DAYS = 7;
/** Errors returned by a poll; the annotated workbook carries all of them. */
const ERRORS_IN_VIEW = 1000;
/** A running job not heard from for this long, and not running here, was cut off by a restart. */
const STALE_MS = 120_000;

/** Expired workbooks are purged when jobs are read, at most this often per process. */
const PURGE_EVERY_MS = 60_000;

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** When each application last purged (tests run several applications in one process). */
const lastPurge = new WeakMap<AppDeps, number>();

/**
 * Drops uploaded workbooks past their retention period, whoever uploaded them: a job under the
 * system scope, audited. Called at server start, on upload, and when a job is read or polled
 * (throttled), so files expire without a background timer; `force` skips the throttle.
 */
export async function purgeExpiredFiles(deps: AppDeps, force = false): Promise<void> {
  const now = Date.now();
  if (!force && now - (lastPurge.get(deps) ?? 0) < PURGE_EVERY_MS) return;
  lastPurge.set(deps, now);
  await runJob(deps.database, 'import-file-retention', (tx) => repo.purgeOldFiles(tx, FILE_RETENTION_DAYS));
}

const expired = (job: repo.ImportJobRow) =>
  Date.now() - job.createdAt.getTime() > FILE_RETENTION_DAYS * 86_400_000;

export function presentJob(job: repo.ImportJobRow) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    fileName: job.fileName,
    total: job.total,
    processed: job.processed,
    errors: job.errors.slice(0, ERRORS_IN_VIEW),
    errorCount: job.errorCount,
    summary: job.summary,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export type TJobView = ReturnType<typeof presentJob>;

/**
 * Accepts an uploaded workbook: checks it is a readable .xlsx with the template's columns and records
 * the job. Returns the job to queue once this transaction has committed (see `queueImport`), or
 * none when the same file is already being imported: then that job is returned.
 */
export async function startImport(
  ctx: Ctx,
  input: { kind: TImportKind; fileName: string | null; file: Buffer },
): Promise<{ job: TJobView; spec?: JobSpec }> {
  const { kind, file } = input;
  if (!IMPORTERS[kind].includes(ctx.actor.role)) throw forbidden(`当前角色不能导入${SHEETS[kind].title}`);
  const fileSha = sha256(file);
  const key = sha256(`${fileSha}:${kind}:${ctx.actor.personId}`);
  const running = await repo.findRunningJob(ctx.db, key);
  if (running) return { job: presentJob(running) };
  const { rows } = readSheet(await loadWorkbook(file), kind);
  if (rows.length === 0)
    throw new AppError('validation_failed', '工作表中没有数据行（第 1 行为表头，数据从第 2 行开始）');
  await purgeExpiredFiles(ctx.deps, true);
  const job = await repo.insertJobUnlessRunning(ctx.db, {
    kind,
    idempotencyKey: key,
    fileSha256: fileSha,
    fileName: input.fileName?.slice(0, 200) ?? null,
    fileEnc: ctx.deps.crypto.encrypt(file.toString('base64')),
    createdBy: ctx.actor.personId,
    actorRole: ctx.actor.role,
    orgPath: ctx.actor.orgPath,
    total: rows.length,
  });
  if (!job) {
    // Lost a race with an identical upload: return the job that won.
    const winner = await repo.findRunningJob(ctx.db, key);
    if (winner) return { job: presentJob(winner) };
    throw new AppError('conflict', '同一文件的导入刚刚结束，请刷新后重试');
  }
  await ctx.audit({
    action: 'import.upload',
    targetType: 'import_job',
    targetId: job.id,
    orgPath: ctx.actor.orgPath,
    details: { kind, rows: rows.length, sha256: fileSha },
  });
  return {
    job: presentJob(job),
    spec: { id: job.id, kind, rows, who: { actor: ctx.actor, scope: ctx.scope, origin: ctx.origin } },
  };
}

/** Runs a recorded job in the background (after its row is committed, so progress updates find it). */
export function queueImport(deps: AppDeps, spec: JobSpec, log: FastifyBaseLogger): void {
  enqueueImport(deps, spec, log);
}

/** A job is visible to its creator and to admins whose scope contains the creator's unit. */
async function visibleJob(ctx: Ctx, id: string): Promise<repo.ImportJobRow> {
  await purgeExpiredFiles(ctx.deps);
  const job = await repo.findJob(ctx.db, id);
  const admin = (ADMINS as readonly string[]).includes(ctx.actor.role);
  if (!job || !(job.createdBy === ctx.actor.personId || (admin && within(ctx.scope, job.orgPath))))
    throw notFound('导入任务');
  return job;
}

export async function getImportJob(ctx: Ctx, id: string): Promise<TJobView> {
  const job = await visibleJob(ctx, id);
  const running = job.status === 'validating' || job.status === 'importing';
  if (running && !activeJobs.has(job.id) && Date.now() - job.updatedAt.getTime() > STALE_MS) {
    const errors = [{ row: 0, column: '', message: '导入因服务重启而中断，未写入任何数据，请重新上传' }];
    await repo.updateJob(ctx.db, job.id, { status: 'failed', errors, errorCount: 1, finishedAt: new Date() });
    return presentJob({ ...job, status: 'failed', errors, errorCount: 1 });
  }
  return presentJob(job);
}

/** The uploaded workbook with its errors marked; the file holds personal data, so this is audited. */
export async function downloadErrorWorkbook(ctx: Ctx, id: string): Promise<XlsxFile> {
  const job = await visibleJob(ctx, id);
  // Past retention even if no purge has run since: never served.
  if (!job.fileEnc || expired(job)) throw notFound('原始文件（已超过保留期限被清除）');
  const file = Buffer.from(ctx.deps.crypto.decrypt(job.fileEnc), 'base64');
  const buffer = await annotateWorkbook(file, job.kind, job.errors);
  await ctx.audit({
    action: 'import.errors.download',
    targetType: 'import_job',
    targetId: job.id,
    orgPath: job.orgPath,
    details: { errors: job.errorCount },
  });
  const base = (job.fileName ?? `${SHEETS[job.kind].title}.xlsx`).replace(/\.xlsx$/i, '');
  return { fileName: `${base}-错误标注.xlsx`, buffer };
}
