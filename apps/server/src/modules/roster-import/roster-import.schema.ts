import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, ltree, newId, updatedAt } from '../../platform/db/types.ts';
import { inventory, NONE, personal } from '../../platform/privacy/data-classes.ts';

export const IMPORT_KINDS = ['schools', 'classes', 'teachers', 'students', 'parents'] as const;
export type TImportKind = (typeof IMPORT_KINDS)[number];

export const JOB_STATUSES = ['validating', 'failed', 'importing', 'done'] as const;
export type TJobStatus = (typeof JOB_STATUSES)[number];

/** One problem of one row: Excel row number (header = 1), column header, reason in Chinese. */
export interface TRowError {
  row: number;
  column: string;
  message: string;
}

export interface TImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * A roster import (P8): the uploaded workbook, its validation errors and its progress. Progress is
 * written on its own connection, outside the import transaction, so polling sees it while it runs.
 */
export const importJobs = pgTable(
  'import_job',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    kind: text('kind').$type<TImportKind>().notNull(),
    status: text('status').$type<TJobStatus>().notNull().default('validating'),
    /** SHA-256 of file + kind + actor: re-posting a file while its job runs returns that job. */
    idempotencyKey: text('idempotency_key').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileName: text('file_name'),
    /** The uploaded workbook, AES-GCM encrypted (it holds ID numbers); purged after the retention period. */
    fileEnc: bytea('file_enc'),
    createdBy: uuid('created_by').notNull(),
    actorRole: text('actor_role').notNull(),
    /** Org path of the creator's role: admins whose scope contains it may see the job. */
    orgPath: ltree('org_path').notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    errors: jsonb('errors').$type<TRowError[]>().notNull().default([]),
    errorCount: integer('error_count').notNull().default(0),
    summary: jsonb('summary')
      .$type<TImportSummary>()
      .notNull()
      .default({ created: 0, updated: 0, unchanged: 0 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('import_job_running_uq')
      .on(t.idempotencyKey)
      .where(sql`${t.status} in ('validating','importing')`),
    index('import_job_creator_idx').on(t.createdBy, t.createdAt),
    index('import_job_path_gist').using('gist', t.orgPath),
    check('import_job_status_ck', sql`${t.status} in ('validating','failed','importing','done')`),
    check('import_job_kind_ck', sql`${t.kind} in ('schools','classes','teachers','students','parents')`),
  ],
);

export const EXPORT_STATUSES = ['pending', 'approved', 'rejected', 'fetched', 'expired'] as const;
export type TExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * A bulk export of personal data above the threshold (COMPLIANCE §5.4): it waits for a second
 * administrator, who sees what, why and for whom; once approved the workbook is made, kept
 * encrypted, and can be fetched once by the requester.
 */
export const exportRequests = pgTable(
  'export_request',
  {
    id: uuid('id').primaryKey().$defaultFn(newId),
    kind: text('kind').$type<TImportKind>().notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    /** The exported unit's path: approvers' scope must hold it. */
    path: ltree('path').notNull(),
    persons: integer('persons').notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requesterRole: text('requester_role').notNull(),
    status: text('status').$type<TExportStatus>().notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decisionNote: text('decision_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    fileName: text('file_name'),
    /** The workbook, AES-GCM encrypted, from approval until it is fetched or expires. */
    fileEnc: bytea('file_enc'),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('export_request_path_gist').using('gist', t.path),
    index('export_request_requester_idx').on(t.requestedBy, t.createdAt),
    check(
      'export_request_status_ck',
      sql`${t.status} in ('pending','approved','rejected','fetched','expired')`,
    ),
  ],
);

/** 数据分级分类 of the import jobs (platform/privacy). */
export const rosterImportInventory = [
  inventory(exportRequests, {
    description: '超过阈值的个人信息批量导出申请（须另一位管理员审批，文件只能下载一次）',
    retention: '文件下载后或 7 日后清除；申请记录 3 年',
    subjects: ['requestedBy'],
    erasure: 'retain',
    columns: {
      id: NONE,
      kind: NONE,
      orgUnitId: NONE,
      path: personal('general', 'statutory_duty', '导出范围'),
      persons: NONE,
      reason: personal('general', 'statutory_duty', '导出理由（审批依据）'),
      requestedBy: personal('general', 'statutory_duty', '导出申请人（职务行为）'),
      requesterRole: NONE,
      status: NONE,
      decidedBy: personal('general', 'statutory_duty', '审批人（职务行为）'),
      decisionNote: personal('general', 'statutory_duty', '审批意见'),
      decidedAt: NONE,
      fileName: NONE,
      fileEnc: personal('sensitive', 'statutory_duty', '批准导出的花名册（加密，下载一次后清除）'),
      fetchedAt: NONE,
      expiresAt: NONE,
      createdAt: NONE,
    },
  }),
  inventory(importJobs, {
    description: '花名册 Excel 导入任务：上传的工作簿（加密）、进度与逐行错误',
    retention: '上传的工作簿 7 日后清除；任务记录 1 年后删除',
    subjects: ['createdBy'],
    erasure: 'retain',
    purge: { column: 'createdAt', days: 365 },
    columns: {
      id: NONE,
      kind: NONE,
      status: NONE,
      idempotencyKey: NONE,
      fileSha256: NONE,
      fileName: personal('general', 'statutory_duty', '导入任务追溯'),
      fileEnc: personal(
        'sensitive',
        'statutory_duty',
        '批量导入学籍、教职工与监护人信息（加密，7 日后清除）',
      ),
      createdBy: personal('general', 'statutory_duty', '导入任务追溯'),
      actorRole: NONE,
      orgPath: personal('general', 'statutory_duty', '数据范围'),
      total: NONE,
      processed: NONE,
      errors: personal('important', 'statutory_duty', '逐行校验错误说明（可能引用单元格内容）'),
      errorCount: NONE,
      summary: NONE,
      createdAt: NONE,
      updatedAt: NONE,
      finishedAt: NONE,
    },
  }),
];
