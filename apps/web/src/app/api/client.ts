import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../api/schema';

/** The error every failed API call is turned into; `message` is already Chinese and shown as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

// The CSRF token lives in memory only: it comes back from login and from GET /api/auth/me.
let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

/** Codes that mean "the session cannot continue here"; the auth context decides where to go. */
export type SessionEvent = 'unauthenticated' | 'totp_required' | 'password_expired';
type SessionListener = (event: SessionEvent) => void;
const sessionListeners = new Set<SessionListener>();
export const onSessionEvent = (listener: SessionListener) => {
  sessionListeners.add(listener);
  return () => {
    sessionListeners.delete(listener);
  };
};

const CREDENTIAL_CHECKS = new Set(['/api/auth/login', '/api/auth/totp/verify']);
const SESSION_EVENTS = new Set<string>(['unauthenticated', 'totp_required', 'password_expired']);

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) {
      request.headers.set('x-csrf-token', csrfToken);
    }
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401 && response.status !== 403) return response;
    // Login and TOTP answer 401 'unauthenticated' for a wrong password or code: a form error, not a lost session.
    if (CREDENTIAL_CHECKS.has(new URL(request.url).pathname)) return response;
    const body = (await response
      .clone()
      .json()
      .catch(() => undefined)) as { error?: { code?: string } } | undefined;
    const code = body?.error?.code;
    if (code && SESSION_EVENTS.has(code)) {
      for (const listener of sessionListeners) listener(code as SessionEvent);
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '/', credentials: 'same-origin' });
api.use(sessionMiddleware);

/** Turns an error body (or a non-JSON failure) into an ApiError. */
export function toApiError(error: unknown, status: number): ApiError {
  const e = (error as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
  if (e?.code) return new ApiError(status, e.code, e.message ?? e.code, e.details);
  if (status === 0) return new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
  return new ApiError(status, 'http_error', `请求失败（${status}）`);
}

/**
 * Awaits an openapi-fetch call and returns its data with the response (for its headers), throwing
 * ApiError on failure.
 */
export async function unwrapResponse<D>(
  call: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<{ data: D; response: Response }> {
  let result: { data?: D; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw toApiError(undefined, 0);
  }
  if (result.error !== undefined || !result.response.ok)
    throw toApiError(result.error, result.response.status);
  return { data: result.data as D, response: result.response };
}

/** Awaits an openapi-fetch call and returns its data, throwing ApiError on failure. */
export async function unwrap<D>(
  call: Promise<{ data?: D; error?: unknown; response: Response }>,
): Promise<D> {
  return (await unwrapResponse(call)).data;
}
