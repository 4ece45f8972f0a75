import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { AppError } from '../errors/app-error.ts';

/** Counts and hashes bytes passing through; fails the stream once more than `maxBytes` arrive. */
export class LimitAndHash extends Transform {
  /**
   * Bytes passed so far. Not called `size`: the AWS SDK reads a body's `size` as its total length
   * and would plan a multipart upload of zero parts.
   */
  bytes = 0;
  private readonly hash = createHash('sha256');

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(
    chunk: Buffer,
    _enc: BufferEncoding,
    done: (err?: Error | null, data?: Buffer) => void,
  ) {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      const mb = Math.floor(this.maxBytes / 1_048_576);
      done(new AppError('payload_too_large', `文件超过 ${mb} MB 的上限`, { maxBytes: this.maxBytes }));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
