import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  randomFillSync,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Encryption of sensitive personal fields at rest (COMPLIANCE §3, §4): AES-256-GCM with a key kept
 * outside the database, plus a keyed hash for equality lookups (ID numbers) without decrypting.
 */
export interface FieldCrypto {
  encrypt(plain: string): Buffer;
  decrypt(blob: Buffer): string;
  /** Deterministic keyed hash for lookups; never reversible. */
  lookupHash(value: string): string;
}

/** Optional fields: null stays null. */
export const sealOpt = (c: FieldCrypto, plain: string | null | undefined): Buffer | null =>
  plain == null || plain === '' ? null : c.encrypt(plain);
export const openOpt = (c: FieldCrypto, blob: Buffer | null | undefined): string | null =>
  blob == null ? null : c.decrypt(blob);
export const hashOpt = (c: FieldCrypto, plain: string | null | undefined): string | null =>
  plain == null || plain === '' ? null : c.lookupHash(plain);

/**
 * IVs come from a pooled random buffer (one system call per 256 values): a demo city encrypts
 * several fields of every person. 96-bit random IVs under one key stay far below the 2^32
 * messages NIST SP 800-38D allows.
 */
const ivPool = Buffer.alloc(12 * 256);
let ivAt = ivPool.length;
const nextIv = (): Buffer => {
  if (ivAt >= ivPool.length) {
    randomFillSync(ivPool);
    ivAt = 0;
  }
  ivAt += 12;
  return Buffer.from(ivPool.subarray(ivAt - 12, ivAt));
};

export function createFieldCrypto(masterKey: Buffer): FieldCrypto {
  if (masterKey.length !== 32) throw new Error('HANLIN_FIELD_KEY must be 32 bytes');
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'hanlin-field-enc', 32));
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'hanlin-field-mac', 32));
  return {
    encrypt(plain) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), body]);
    },
    decrypt(blob) {
      if (blob[0] !== 1) throw new Error('Unknown ciphertext version');
      const iv = blob.subarray(1, 13);
      const tag = blob.subarray(13, 29);
      const decipher = createDecipheriv('aes-256-gcm', encKey, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]).toString('utf8');
    },
    lookupHash(value) {
      return createHmac('sha256', macKey).update(value.trim().toUpperCase()).digest('base64url');
    },
  };
}

/** Reads the key from config, or from `<dataDir>/field.key`, creating it on first start. */
export function loadFieldKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) {
    const key = /^[0-9a-f]{64}$/i.test(configured)
      ? Buffer.from(configured, 'hex')
      : Buffer.from(configured, 'base64');
    return key;
  }
  const file = join(dataDir, 'field.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}
