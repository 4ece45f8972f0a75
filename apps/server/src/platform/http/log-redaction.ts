/**
 * Logs carry no credentials and no personal data (COMPLIANCE §5.6, ASVS 7.1.1). Query errors are the
 * usual leak: drizzle puts every SQL parameter (names, IP, user agent, submitted text) into the
 * error's message, `params` and stack, and PostgreSQL quotes the offending value in its message and
 * `detail`. Errors are therefore rebuilt from what identifies the failure (SQL text, SQLSTATE,
 * constraint, stack frames) before any logger sees them.
 */

/** Paths pino blanks in every log line, whatever a caller passes (defence behind the serializer). */
export const LOG_REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers.authorization',
  'req.headers["user-agent"]',
  'res.headers["set-cookie"]',
  'err.params',
  'err.detail',
  'err.cause.params',
  'err.cause.detail',
  'params',
  'body',
  'password',
  'username',
];

export interface SafeError {
  type: string;
  message: string;
  stack: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  cause?: SafeError;
  [key: string]: unknown;
}

/** A PostgreSQL error (pg's DatabaseError): SQLSTATE code and severity. */
const isDatabaseError = (e: Error & { code?: unknown; severity?: unknown }) =>
  typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === 'string';

/** PostgreSQL quotes the offending input in its messages (`invalid input syntax for type uuid: "…"`). */
const maskQuoted = (s: string) => s.replace(/"[^"]*"/g, '"…"');

function safeMessage(err: Error & { params?: unknown; query?: unknown }): string {
  let message = String(err.message ?? '');
  // drizzle: "Failed query: <sql>\nparams: <values>"; the SQL text is parameterised and kept.
  if (Array.isArray(err.params) || typeof err.query === 'string')
    message = message.replace(/\nparams:[\s\S]*$/, '');
  if (isDatabaseError(err)) message = maskQuoted(message);
  return message;
}

/** The stack frames only: a stack's first line repeats the message, parameters included. */
const framesOf = (stack: unknown) =>
  typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((l) => /^\s+at /.test(l))
        .join('\n')
    : undefined;

/**
 * An error reduced to what a developer needs to find the failure, with no parameter values: safe
 * to log. Causes are followed a few levels (drizzle wraps pg's error).
 */
export function safeErrorForLog(err: unknown, depth = 0): SafeError {
  if (!(err instanceof Error)) return { type: typeof err, message: '(non-error thrown)', stack: '' };
  const e = err as Error & Record<string, unknown>;
  const message = safeMessage(e);
  const frames = framesOf(e.stack);
  const out: SafeError = {
    type: e.constructor?.name ?? e.name,
    message,
    stack: `${e.name}: ${message}\n${frames ?? ''}`,
  };
  for (const key of ['code', 'constraint', 'table', 'column', 'statusCode', 'validationContext'] as const) {
    const v = e[key];
    if (typeof v === 'string' || typeof v === 'number') out[key] = v as never;
  }
  if (e.cause !== undefined && depth < 3) out.cause = safeErrorForLog(e.cause, depth + 1);
  return out;
}

/** pino serializers: every `err` logged anywhere (request logs, background jobs) goes through this. */
export const LOG_SERIALIZERS = {
  // Values that are not Errors were reduced by the caller already (see the error handler).
  err: (err: Error): SafeError =>
    err instanceof Error ? safeErrorForLog(err) : (err as unknown as SafeError),
  // A request line without its query string: search words and filters can name a person.
  req: (req: { method?: string; url?: string; host?: string; ip?: string }) => ({
    method: req.method,
    url: req.url?.split('?')[0],
    host: req.host,
    remoteAddress: req.ip,
  }),
};
