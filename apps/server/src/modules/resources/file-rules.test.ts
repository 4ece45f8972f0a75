import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sniffAs } from './file-rules.ts';

// An upload the client abandoned: the multipart parser destroys the file stream when the request
// closes, which can happen before the service starts reading it (it first checks the resource in
// the transaction). Reading it must fail at once, or the request holds its transaction forever.
describe('sniffing an upload the client abandoned', () => {
  it('fails when the stream was destroyed with an error before it was read', { timeout: 5_000 }, async () => {
    const body = new PassThrough();
    body.on('error', () => {}); // the parser's own listener, as in @fastify/multipart
    body.write(Buffer.alloc(100));
    body.destroy(new Error('premature close'));
    await new Promise((r) => setImmediate(r));
    await expect(sniffAs(body, 'a.mp4', ['video/mp4'])).rejects.toThrow('premature close');
  });

  it('fails when the stream closes without an error before its end', { timeout: 5_000 }, async () => {
    const body = new PassThrough();
    const sniffed = sniffAs(body, 'a.mp4', ['video/mp4']);
    body.write(Buffer.alloc(100));
    body.destroy();
    await expect(sniffed).rejects.toMatchObject({ code: 'bad_request' });
  });
});
