import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { writeAudit } from '../audit/audit.ts';
import { AppError } from '../errors/app-error.ts';
import { originOf } from './context.ts';

/** The error shape every API failure has: `{ error: { code, message, details } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const FASTIFY_CODES: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', message: '请求体不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'bad_request', message: '请求体为空' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: '请求体过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: '不支持的内容类型' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', message: '内容长度不正确' },
  FST_REQ_FILE_TOO_LARGE: { code: 'payload_too_large', message: '上传文件过大' },
  FST_ERR_RATE_LIMIT_EXCEEDED: { code: 'rate_limited', message: '请求过于频繁，请稍后再试' },
};

const REFUSALS = new Set(['forbidden', 'not_found', 'csrf_failed']);

/** One error handler (STYLE rule 8): known errors keep their message, everything else is hidden. */
export function installErrorHandler(app: FastifyInstance, opts: { spaFallback?: boolean } = {}): void {
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      // Every refusal of a signed-in actor is audited here, after the use case's transaction
      // rolled back, so no refusal goes unrecorded (P4, ASVS 7.1.3).
      if (req.actor && REFUSALS.has(err.code)) {
        await writeAudit(app.deps.database.db, originOf(req), {
          action: 'access.denied',
          outcome: 'denied',
          targetType: err.target?.targetType,
          targetId: err.target?.targetId,
          details: { route: req.routeOptions.url ?? null, method: req.method, code: err.code },
        }).catch((e: unknown) => req.log.error({ err: e }, 'audit of a refusal failed'));
      }
      return reply
        .status(err.status)
        .send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
        message: v.message,
        code: (v.params as { issue?: { code?: string } } | undefined)?.issue?.code,
      }));
      return reply
        .status(400)
        .send({ error: { code: 'validation_failed', message: '输入不符合要求', details } });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return reply.status(500).send({ error: { code: 'internal', message: '服务器内部错误' } });
    }
    // A unique constraint that a concurrent request won: report a conflict, not a crash.
    const pgCode = (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    if (pgCode === '23505') {
      return reply.status(409).send({ error: { code: 'conflict', message: '数据已存在或与已有记录冲突' } });
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return reply.status(err.statusCode ?? 400).send({ error: known });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ error: { code: 'bad_request', message: '请求无效' } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: '服务器内部错误' } });
  });
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes of the web app resolve to its index page.
    if (opts.spaFallback && req.method === 'GET' && !req.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` } });
  });
}
