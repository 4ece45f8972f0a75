/**
 * One error shape everywhere (review finding 12): errors raised by Fastify, its plugins and Node's
 * HTTP parser answer `{ error: { code, message } }` like our own, over inject and over a real socket.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let admin: Client;
let port: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('school_admin');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(() => t.close());

const shaped = (status: number, body: string, code: string) => {
  const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(parsed.error?.code).toBe(code);
  expect(typeof parsed.error?.message).toBe('string');
  return status;
};

/** Sends raw bytes on a fresh connection and returns the status and body of the answer. */
function raw(request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(text.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.end(request);
  });
}

describe('framework errors answer the one error shape', () => {
  it('a malformed percent escape in the URL is a 400 bad_request', async () => {
    const res = await t.anonymous.get('/api/org/units/%E0%A4%A');
    expect(shaped(res.statusCode, res.body, 'bad_request')).toBe(400);
  });

  it('a path parameter over the length limit is a 414 uri_too_long', async () => {
    const res = await t.anonymous.get(`/api/org/units/${'a'.repeat(500)}`);
    expect(shaped(res.statusCode, res.body, 'uri_too_long')).toBe(414);
  });

  it('a body shorter than its Content-Length is a 400', async () => {
    const res = await raw(
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 5\r\nConnection: close\r\n\r\n{"a":1}',
    );
    expect(shaped(res.status, res.body, 'bad_request')).toBe(400);
  });

  it('431 for header fields over the limit', async () => {
    const res = await raw(
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
    );
    expect(shaped(res.status, res.body, 'headers_too_large')).toBe(431);
  });

  it('a URL longer than the header limit is a 431 too', async () => {
    const res = await raw(`GET /api/health?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(shaped(res.status, res.body, 'headers_too_large')).toBe(431);
  });

  it('a non-numeric Content-Length or a broken request line is a 400', async () => {
    const badLength = await raw('POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n');
    expect(shaped(badLength.status, badLength.body, 'bad_request')).toBe(400);
    const badLine = await raw('GARBAGE\r\n\r\n');
    expect(shaped(badLine.status, badLine.body, 'bad_request')).toBe(400);
  });

  it('the body parser’s 413, 415 and invalid JSON keep the shape', async () => {
    const big = await admin.request('POST', '/api/org/units', 'x'.repeat(2 * 1024 * 1024), {
      'content-type': 'application/json',
    });
    expect(shaped(big.statusCode, big.body, 'payload_too_large')).toBe(413);
    const xml = await admin.request('POST', '/api/org/units', '<a/>', { 'content-type': 'text/xml' });
    expect(shaped(xml.statusCode, xml.body, 'unsupported_media_type')).toBe(415);
    const json = await admin.request('POST', '/api/org/units', '{', {
      'content-type': 'application/json',
    });
    expect(shaped(json.statusCode, json.body, 'bad_request')).toBe(400);
  });

  it('an unknown route is a 404 not_found', async () => {
    const res = await raw('DELETE /api/nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(shaped(res.status, res.body, 'not_found')).toBe(404);
  });

  // Last: it uses up the login route's allowance for this app.
  it('429 from the rate limiter says rate_limited', async () => {
    let res = await t.anonymous.post('/api/auth/login', { username: 'nobody-here', password: 'x' });
    for (let i = 0; i < 40 && res.statusCode !== 429; i++) {
      res = await t.anonymous.post('/api/auth/login', { username: 'nobody-here', password: 'x' });
    }
    expect(shaped(res.statusCode, res.body, 'rate_limited')).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });
});
