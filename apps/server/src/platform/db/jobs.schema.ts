import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { inventory, NONE } from '../privacy/data-classes.ts';
import { newId } from './types.ts';

/**
 * One run (one attempt) of scheduled or background work (`runJob`): when it started and ended and how, for the
 * system administrator's 系统运行 page. Written in transactions of its own, so a run whose work
 * rolled back still leaves its failure here.
 */
export const jobRuns = pgTable(
  'job_run',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    /** The job's purpose, as given to runJob (`retention`, `retirement-check` …). */
    job: text('job').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** running | succeeded | failed (a run left `running` by a stopped process stays so). */
    status: text('status').notNull().default('running'),
    /** The failure's message, shortened: a technical message, never a record's content. */
    error: text('error'),
    /** Counts the job reported (rows removed per table, resources flagged), nothing else. */
    summary: jsonb('summary'),
    /**
     * How far a running job has come, as it last reported (`{ done, total }`): written in a short
     * transaction of its own, so it shows while the job's work is still uncommitted.
     */
    progress: jsonb('progress').$type<{ done: number; total: number }>(),
    /** Which attempt of the queued job this run was (1 the first; a retry after a failure 2, 3 …). */
    attempt: integer('attempt').notNull().default(1),
  },
  (t) => [index('job_run_job_idx').on(t.job, t.startedAt)],
);

/** 数据分级分类 (platform/privacy): job bookkeeping holds no personal data. */
export const jobRunInventory = [
  inventory(jobRuns, {
    description: '定时任务运行记录（开始、结束、结果、失败原因），供系统管理员查看运行状况',
    retention: '保存 400 天',
    columns: {
      id: NONE,
      job: NONE,
      startedAt: NONE,
      finishedAt: NONE,
      status: NONE,
      error: NONE,
      summary: NONE,
      progress: NONE,
      attempt: NONE,
    },
    purge: { column: 'startedAt', days: 400 },
  }),
];
