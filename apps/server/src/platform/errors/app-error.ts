/** Error codes the API returns; the web app translates them. */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'csrf_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'range_not_satisfiable'
  | 'rate_limited'
  | 'uri_too_long'
  | 'headers_too_large'
  | 'request_timeout'
  | 'totp_required'
  | 'totp_invalid'
  | 'password_expired'
  /** A step needs a second person's approval first (bulk exports of personal data). */
  | 'approval_required'
  /** Well-formed, but cannot be done as asked (a blueprint no paper can meet); `details` say why. */
  | 'unprocessable'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  csrf_failed: 403,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  rate_limited: 429,
  uri_too_long: 414,
  headers_too_large: 431,
  request_timeout: 408,
  totp_required: 401,
  totp_invalid: 401,
  password_expired: 403,
  approval_required: 403,
  unprocessable: 422,
  internal: 500,
};

/** The one error class: everything the API reports to a client is an AppError. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** What was refused, for the audit row of a refusal; never sent to the client. */
    readonly target?: { targetType?: string; targetId?: string },
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what = '资源') => new AppError('not_found', `${what}不存在或无权访问`);
export const forbidden = (message = '无权执行此操作') => new AppError('forbidden', message);
export const badRequest = (message: string, details?: unknown) =>
  new AppError('bad_request', message, details);
export const conflict = (message: string, details?: unknown) => new AppError('conflict', message, details);
