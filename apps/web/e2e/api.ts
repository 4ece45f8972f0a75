import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../server/src/bootstrap.ts';
import { baseUrl } from './browser.ts';

/**
 * A signed-in API client of the demo city (its cookie and CSRF token), for what a journey arranges
 * or chooses before its steps in the browser: the reviews waiting on a home, the point a story
 * follows. Demo accounts without a TOTP code only. Any answer but 200 fails the journey.
 */
export async function apiAs(username: string) {
  const res = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(res.status, `${username} signs in`).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: string) => {
    const r = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body,
    });
    expect(r.status, `${method} ${path}: ${r.status}`).toBe(200);
    return r;
  };
  return {
    get: async <T>(path: string) => (await (await call('GET', path)).json()) as T,
    bytes: async (path: string) => new Uint8Array(await (await call('GET', path)).arrayBuffer()),
    post: async <T>(path: string, body: unknown = {}) =>
      (await (await call('POST', path, JSON.stringify(body))).json()) as T,
    /** A multipart upload of one file (its answer returned as is, for the caller to check). */
    upload: (path: string, file: Uint8Array, name: string, type: string) => {
      const form = new FormData();
      form.append('file', new Blob([file], { type }), name);
      return fetch(`${baseUrl()}${path}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: form,
      });
    },
  };
}
