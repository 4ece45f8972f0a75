import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { newId } from '../db/types.ts';
import { LimitAndHash } from './limit-and-hash.ts';
import {
  assertKey,
  type ByteRange,
  type PrefixUsage,
  type Storage,
  type StoredObject,
  tally,
} from './storage.ts';

export interface S3Options {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/** A client for an S3-compatible store (also used by the off-site backup copy). */
export function createS3Client(opts: S3Options): S3Client {
  return new S3Client({
    region: opts.region,
    endpoint: opts.endpoint,
    // MinIO and most self-hosted stores address buckets by path, not by sub-domain.
    forcePathStyle: !!opts.endpoint,
    // Since SDK 3.729 uploads carry CRC32 checksums by default, which many S3-compatible stores
    // (older MinIO, OSS, COS) reject or do not echo; ask for them only where S3 requires them.
    ...(opts.endpoint
      ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
      : {}),
    credentials:
      opts.accessKeyId && opts.secretAccessKey
        ? { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey }
        : undefined,
  });
}

const month = () => new Date().toISOString().slice(0, 7).replace('-', '/');

/**
 * An S3-compatible bucket (MinIO, Alibaba OSS, Tencent COS, AWS). Uploads stream as multipart
 * uploads through the same size limit and hash as local files; a refused or cut upload is aborted,
 * which discards its parts, so nothing remains.
 */
export class S3Storage implements Storage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(opts: S3Options) {
    this.bucket = opts.bucket;
    this.client = createS3Client(opts);
  }

  private newKey(prefix: string): string {
    const key = `${prefix}/${month()}/${newId()}`;
    assertKey(key);
    return key;
  }

  async put(body: Readable, opts: { prefix: string; maxBytes: number }): Promise<StoredObject> {
    const key = this.newKey(opts.prefix);
    const meter = new LimitAndHash(opts.maxBytes);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body.pipe(meter) },
      queueSize: 2,
      partSize: 8 * 1_048_576,
    });
    let failure: unknown;
    const fail = (err: unknown) => {
      failure ??= err;
      void upload.abort();
    };
    meter.on('error', fail);
    body.on('error', fail);
    try {
      await upload.done();
    } catch (err) {
      body.destroy();
      await this.remove(key).catch(() => undefined);
      throw failure ?? err;
    }
    if (failure) {
      await this.remove(key).catch(() => undefined);
      throw failure;
    }
    return { key, size: meter.bytes, sha256: meter.digest() };
  }

  async putBuffer(data: Buffer, opts: { prefix: string }): Promise<StoredObject> {
    const key = this.newKey(opts.prefix);
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: data }));
    return { key, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  }

  async size(key: string): Promise<number | undefined> {
    assertKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return head.ContentLength;
    } catch {
      return undefined;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    assertKey(key);
    const res = await this.client.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    return res.Body as Readable;
  }

  async remove(key: string): Promise<void> {
    assertKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  get location(): string {
    return `s3://${this.bucket}`;
  }

  async usage(): Promise<PrefixUsage[]> {
    const out = new Map<string, PrefixUsage>();
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) if (o.Key) tally(out, o.Key, o.Size ?? 0);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return [...out.values()];
  }
}
