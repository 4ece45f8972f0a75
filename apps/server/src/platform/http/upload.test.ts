import { request as httpRequest } from 'node:http';
import multipart from '@fastify/multipart';
import Fastify from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uploadedFile } from './upload.ts';

// The guard runs before the handler; on a busy server the client can give up meanwhile. The
// handler must then fail at once instead of waiting for ever for the parts of a request that is gone.
const app = Fastify();
let settled: Promise<string> | undefined;
let release: () => void;
beforeAll(async () => {
  await app.register(multipart);
  const guardDone = new Promise<void>((r) => {
    release = r;
  });
  app.post('/upload', async (req) => {
    settled = (async () => {
      await guardDone;
      try {
        await uploadedFile(req);
        return 'file';
      } catch (err) {
        return `refused: ${(err as Error).message}`;
      }
    })();
    return settled;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

it('refuses an upload whose client left before the handler read it', { timeout: 10_000 }, async () => {
  const { port } = app.server.address() as { port: number };
  const head = '--b\r\nContent-Disposition: form-data; name="file"; filename="a.mp4"\r\n\r\n';
  const req = httpRequest({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/upload',
    headers: { 'content-type': 'multipart/form-data; boundary=b', 'content-length': '100000' },
  });
  req.on('error', () => {});
  req.write(head);
  req.write(Buffer.alloc(1000));
  await expect.poll(() => settled !== undefined).toBe(true);
  req.destroy();
  await new Promise((r) => setTimeout(r, 200));
  release();
  expect(await settled).toMatch(/^refused/);
});
