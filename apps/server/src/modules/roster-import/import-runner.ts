import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { AuditOrigin } from '../../platform/audit/audit.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/client.ts';
import { systemScope, withScope } from '../../platform/db/scoped.ts';
import type { AppDeps, Ctx } from '../../platform/http/context.ts';
import type { Actor, Scope } from '../../platform/scope/scope.ts';
import { hashPassword } from '../identity/password.ts';
import { classesImporter } from './classes.import.ts';
import { CodeBook } from './code-book.ts';
import type { Importer, ImportRun } from './import-context.ts';
import { updateJob as writeJob } from './import-job.repository.ts';
import { parentsImporter } from './parents.import.ts';
import type { TImportKind, TRowError } from './roster-import.schema.ts';
import { schoolsImporter } from './schools.import.ts';
import type { RawRow } from './sheet-io.ts';
import { studentsImporter } from './students.import.ts';
import { teachersImporter } from './teachers.import.ts';
import { insertAuditBatch } from './write.repository.ts';

const IMPORTERS: Record<TImportKind, Importer<unknown>> = {
  schools: schoolsImporter as Importer<unknown>,
  classes: classesImporter as Importer<unknown>,
  teachers: teachersImporter as Importer<unknown>,
  students: studentsImporter as Importer<unknown>,
  parents: parentsImporter as Importer<unknown>,
};

/** Errors kept on the job; a file with more is refused as a whole anyway. */
const MAX_STORED_ERRORS = 5000;

/** Who started a job: captured from the request, since the job outlives it. */
export interface JobActor {
  actor: Actor;
  scope: Scope;
  origin: AuditOrigin;
}

export interface JobSpec {
  id: string;
  kind: TImportKind;
  rows: RawRow[];
  who: JobActor;
}

const makeCtx = (deps: AppDeps, who: JobActor, db: Tx): Ctx => ({
  ...who,
  db,
  deps,
  audit: (entry) => writeAudit(db, who.origin, entry),
  // Imports write; they always read current rows.
  cached: (_model, _key, load) => load(),
});

/** Jobs of this process, by id: a job in neither this set nor finished was cut off by a restart. */
export const activeJobs = new Set<string>();
/** Imports run one at a time per application, so two large imports never compete for locks. */
const queues = new WeakMap<AppDeps, Promise<void>>();

export function enqueueImport(deps: AppDeps, spec: JobSpec, log: FastifyBaseLogger): void {
  activeJobs.add(spec.id);
  const prev = queues.get(deps) ?? Promise.resolve();
  const next = prev
    .then(() => runImport(deps, spec, log))
    .catch((err) => log.error({ err, jobId: spec.id }, 'roster import crashed'))
    .finally(() => activeJobs.delete(spec.id));
  queues.set(deps, next);
}

/** Resolves when every queued import of this application has finished (graceful shutdown, tests). */
export const importsSettled = (deps: AppDeps): Promise<void> => queues.get(deps) ?? Promise.resolve();

/**
 * Imports look up persons citywide by keyed hash (to link a parent who is also a teacher elsewhere,
 * PersonGuard decides what they may do with them), so they run under this system scope, each job
 * audited with its actor; the rows they write are checked against the actor's scope row by row.
 */
const IMPORT_SCOPE = systemScope('roster-import');

async function runImport(deps: AppDeps, spec: JobSpec, log: FastifyBaseLogger): Promise<void> {
  const scoped = <T>(fn: (tx: Tx) => Promise<T>) => withScope(deps.database, IMPORT_SCOPE, fn);
  const updateJob = (id: string, values: Parameters<typeof writeJob>[2]) =>
    scoped((tx) => writeJob(tx, id, values));
  const total = spec.rows.length;
  let lastWritten = -1;
  let hash: Promise<string> | undefined;
  const run: ImportRun = {
    jobId: spec.id,
    book: new CodeBook([]),
    // Progress goes through the pool, on another connection than the import transaction.
    progress: async (processed) => {
      const n = Math.min(processed, total);
      if (n === lastWritten) return;
      lastWritten = n;
      await updateJob(spec.id, { processed: n });
    },
    unusablePassword: () => {
      hash ??= hashPassword(randomBytes(32).toString('base64url'));
      return hash;
    },
    audits: [],
  };
  const importer = IMPORTERS[spec.kind];
  try {
    run.book = await scoped((tx) => CodeBook.load(tx));
    const { errors, plan, summary } = await scoped((tx) =>
      importer.validate(makeCtx(deps, spec.who, tx), run, spec.rows),
    );
    if (errors.length > 0) {
      errors.sort((a, b) => a.row - b.row);
      await updateJob(spec.id, {
        status: 'failed',
        processed: total,
        errors: errors.slice(0, MAX_STORED_ERRORS),
        errorCount: errors.length,
        finishedAt: new Date(),
      });
      return;
    }
    lastWritten = -1;
    await updateJob(spec.id, { status: 'importing', processed: 0 });
    await scoped(async (tx) => {
      await importer.apply(makeCtx(deps, spec.who, tx), run, plan);
      run.audits.push({
        action: `import.${spec.kind}`,
        targetType: 'import_job',
        targetId: spec.id,
        orgPath: spec.who.actor.orgPath,
        details: { jobId: spec.id, rows: total, ...summary },
      });
      await insertAuditBatch(tx, spec.who.origin, run.audits);
    });
    await updateJob(spec.id, { status: 'done', processed: total, summary, finishedAt: new Date() });
  } catch (err) {
    log.error({ err, jobId: spec.id }, 'roster import failed');
    await updateJob(spec.id, {
      status: 'failed',
      errors: [failure(err)],
      errorCount: 1,
      finishedAt: new Date(),
    });
  }
}

/** A write that failed after validation (someone changed the same records meanwhile): nothing was kept. */
function failure(err: unknown): TRowError {
  const code =
    (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
  const message =
    code === '23505'
      ? '导入期间相关数据已被其他操作修改（唯一性冲突），本次未写入任何数据，请重新上传'
      : '导入失败：服务器内部错误，本次未写入任何数据，请稍后重试';
  return { row: 0, column: '', message };
}
