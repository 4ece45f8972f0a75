import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runAs } from '../../platform/http/context.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { getAttention } from './attention.service.ts';
import { getBackups, startBackup, startVerify } from './backups.service.ts';
import { getCodeTables } from './code-tables.service.ts';
import { getHealth } from './health.service.ts';
import { listJobs, runJobNow } from './jobs.service.ts';
import { OPERATORS } from './operations.policy.ts';
import {
  ZAttention,
  ZBackups,
  ZCodeTables,
  ZHealth,
  ZJobs,
  ZStarted,
  ZStorage,
} from './operations.schemas.ts';
import { getStorage } from './storage.service.ts';

const tags = ['operations'];
const policy = { allow: OPERATORS };
/** Base backup ids are their UTC start times (`20261204T231516123Z`). */
const ZBackupId = z.strictObject({ id: z.string().regex(/^[0-9]{8}T[0-9]{9}Z$/, '备份编号不正确') });
/** Job names are kebab-case (platform/db/jobs.ts). */
const ZJobName = z.strictObject({ job: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, '任务名称不正确') });

/** 系统运行: the system administrator's view of the running system and its backups. */
export async function operationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/operations/attention',
    {
      config: { policy },
      schema: {
        tags,
        summary: '需要系统管理员处理的事项（最紧急的在前）',
        response: { 200: ZAttention, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => getAttention(ctx)),
  );
  r.get(
    '/operations/health',
    {
      config: { policy },
      schema: {
        tags,
        summary: '服务状态：数据库、连接池、进程、最大的表',
        response: { 200: ZHealth, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => getHealth(ctx)),
  );
  r.get(
    '/operations/jobs',
    {
      config: { policy },
      schema: {
        tags,
        summary: '定时任务：上次运行、结果、失败、下次运行',
        response: { 200: ZJobs, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => listJobs(ctx)),
  );
  r.get(
    '/operations/backups',
    {
      config: { policy },
      schema: {
        tags,
        summary: '备份与恢复：备份列表、WAL 归档、可恢复时间范围、历史',
        response: { 200: ZBackups, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => getBackups(ctx)),
  );
  r.get(
    '/operations/storage',
    {
      config: { policy },
      schema: {
        tags,
        summary: '存储：按模块的数据库、文件存储、备份、磁盘',
        response: { 200: ZStorage, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => getStorage(ctx)),
  );
  r.get(
    '/operations/code-tables',
    {
      config: { policy },
      schema: {
        tags,
        summary: '国家标准代码表：数据库中的版本与本版本所带的比较',
        response: { 200: ZCodeTables, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => getCodeTables(ctx)),
  );

  r.post(
    '/operations/backups',
    {
      config: { policy },
      schema: {
        tags,
        summary: '立即开始一次基础备份（后台进行，结果见备份历史）',
        response: { 200: ZStarted, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => startBackup(ctx), { write: true }),
  );

  r.post(
    '/operations/jobs/:job/run',
    {
      config: { policy: { ...policy, unscopedParams: ['job'] } },
      schema: {
        tags,
        summary: '立即运行一个定时任务（排入任务队列，失败自动重试，结果见运行记录）',
        params: ZJobName,
        response: { 200: ZStarted, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => runJobNow(ctx, req.params.job), { write: true }),
  );

  r.post(
    '/operations/backups/:id/verify',
    {
      config: { policy: { ...policy, unscopedParams: ['id'] } },
      schema: {
        tags,
        summary: '校验备份：在临时目录试恢复（不影响在用数据库），结果见备份历史',
        params: ZBackupId,
        response: { 200: ZStarted, ...errorResponses },
      },
    },
    (req) => runAs(req, (ctx) => startVerify(ctx, req.params.id), { write: true }),
  );
}
