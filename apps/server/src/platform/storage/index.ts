import type { Config } from '../config/config.ts';
import { LocalStorage } from './local-storage.ts';
import { S3Storage } from './s3-storage.ts';
import type { Storage } from './storage.ts';

export type { ByteRange, Storage, StoredObject } from './storage.ts';

/** The configured store: an S3-compatible bucket when HANLIN_S3_BUCKET is set, else the files dir. */
export function createStorage(config: Pick<Config, 'filesDir' | 's3'>): Storage {
  return config.s3 ? new S3Storage(config.s3) : new LocalStorage(config.filesDir);
}
