import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { writeAudit } from '../audit/audit.ts';
import { AppError, type ErrorCode } from '../errors/app-error.ts';
import { originOf } from './context.ts';
import { safeErrorForLog } from './log-redaction.ts';

/** The error shape every API failure has: `{ error: { code, message, details } }`. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

interface Known {
  code: ErrorCode;
  message: string;
}

/** Fastify's and its plugins' own errors, by their code: a message of ours for each. */
const FASTIFY_CODES: Record<string, Known> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', message: '请求体不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'bad_request', message: '请求体为空' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', message: '请求体过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', message: '不支持的内容类型' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', message: '内容长度不正确' },
  FST_ERR_BAD_URL: { code: 'bad_request', message: '请求地址无效' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'uri_too_long', message: '请求地址过长' },
  FST_REQ_FILE_TOO_LARGE: { code: 'payload_too_large', message: '上传文件过大' },
};

/**
 * Any other 4xx error a framework part raises (the rate limiter throws a bare Error with
 * `statusCode: 429`), by its status: the code the status means, never Fastify's own shape.
 */
const BY_STATUS: Record<number, Known> = {
  400: { code: 'bad_request', message: '请求无效' },
  401: { code: 'unauthenticated', message: '请先登录' },
  403: { code: 'forbidden', message: '无权执行此操作' },
  404: { code: 'not_found', message: '接口不存在' },
  408: { code: 'request_timeout', message: '请求超时' },
  413: { code: 'payload_too_large', message: '请求体过大' },
  414: { code: 'uri_too_long', message: '请求地址过长' },
  415: { code: 'unsupported_media_type', message: '不支持的内容类型' },
  416: { code: 'range_not_satisfiable', message: '请求的范围无效' },
  429: { code: 'rate_limited', message: '请求过于频繁，请稍后再试' },
  431: { code: 'headers_too_large', message: '请求头过大' },
};

const INTERNAL: Known = { code: 'internal', message: '服务器内部错误' };

/** Status and body for an error that is not an AppError, or undefined when it is a 5xx. */
function frameworkError(err: FastifyError): { status: number; known: Known } | undefined {
  const byCode = err.code ? FASTIFY_CODES[err.code] : undefined;
  const status = err.statusCode ?? (byCode ? 400 : 500);
  if (status < 400 || status >= 500) return undefined;
  return { status, known: byCode ?? BY_STATUS[status] ?? { code: 'bad_request', message: '请求无效' } };
}

const REFUSALS = new Set(['forbidden', 'not_found', 'csrf_failed']);

/**
 * Records a refusal of a signed-in actor, after the use case's transaction rolled back, so no
 * refusal goes unrecorded (P4, ASVS 7.1.3). A failed CSRF check is a security event of its own:
 * a page of another site acting with the user's session, or a stale tab.
 */
async function auditRefusal(app: FastifyInstance, req: FastifyRequest, err: AppError): Promise<void> {
  const csrf = err.code === 'csrf_failed';
  const route = req.routeOptions.url ?? null;
  if (csrf) {
    // Route, method, role and request id identify the event; the audit row holds who and from where.
    req.log.warn(
      { event: 'security.csrf_refused', route, method: req.method, role: req.actor?.role },
      'CSRF check failed',
    );
  }
  await writeAudit(app.deps.database.db, originOf(req), {
    action: csrf ? 'security.csrf_refused' : 'access.denied',
    outcome: 'denied',
    targetType: err.target?.targetType,
    targetId: err.target?.targetId,
    details: { route, method: req.method, code: err.code },
  }).catch((e: unknown) => req.log.error({ err: safeErrorForLog(e) }, 'audit of a refusal failed'));
}

/** One error handler (STYLE rule 8): known errors keep their message, everything else is hidden. */
export function installErrorHandler(app: FastifyInstance, opts: { spaFallback?: boolean } = {}): void {
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (req.actor && REFUSALS.has(err.code)) await auditRefusal(app, req, err);
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
      req.log.error({ err: safeErrorForLog(err) }, 'response did not match its schema');
      return reply.status(500).send({ error: INTERNAL });
    }
    // A unique constraint that a concurrent request won: report a conflict, not a crash.
    const pgCode = (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    if (pgCode === '23505') {
      return reply.status(409).send({ error: { code: 'conflict', message: '数据已存在或与已有记录冲突' } });
    }
    const known = frameworkError(err);
    if (known) return reply.status(known.status).send({ error: known.known });
    // Query errors carry the statement's parameters (names, addresses, submitted text): log the
    // failure without them.
    req.log.error({ err: safeErrorForLog(err) }, 'unhandled error');
    return reply.status(500).send({ error: INTERNAL });
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

/**
 * Errors Fastify raises before a route is found (`frameworkErrors`: a malformed `%` escape, a
 * path parameter over the length limit), answered in the one shape instead of Fastify's own.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const known = frameworkError(err);
  if (!known) req.log.error({ err: safeErrorForLog(err) }, 'router error');
  void reply.status(known?.status ?? 500).send({ error: known?.known ?? INTERNAL });
}

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (`clientErrorHandler`): headers
 * over the size limit (431), a malformed request line or Content-Length (400), a client too slow
 * to send its request (408). Written to the socket in the one shape, then the connection closes.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, known]: [number, Known] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, BY_STATUS[431]!]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, BY_STATUS[408]!]
        : [400, BY_STATUS[400]!];
  const body = JSON.stringify({ error: known });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  // As Fastify's own handler: the connection is closed at once, never left waiting for the peer
  // (a half-open socket would keep the server from closing).
  socket.destroy(err);
}
