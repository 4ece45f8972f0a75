import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyBesideDatabase, loadConfig } from './config.ts';

/** Issue 8 §1.10: the field key belongs outside the data directory in production. */
describe('the field key’s place', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hanlin-config-'));
  const key = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

  it('reads the key from a file named by HANLIN_FIELD_KEY_FILE', () => {
    const file = join(dir, 'secret.key');
    writeFileSync(file, `${key}\n`);
    const c = loadConfig({ HANLIN_DATA_DIR: join(dir, 'data'), HANLIN_FIELD_KEY_FILE: file });
    expect(c.fieldKey).toBe(key);
    expect(keyBesideDatabase(c)).toBe(false);
  });

  it('counts a generated key, or a key file inside the data directory, as kept beside the database', () => {
    const data = join(dir, 'data2');
    expect(keyBesideDatabase(loadConfig({ HANLIN_DATA_DIR: data }))).toBe(true);
    const inside = join(dir, 'data3');
    const file = join(inside, 'field.key');
    mkdirSync(inside, { recursive: true });
    writeFileSync(file, key);
    expect(keyBesideDatabase(loadConfig({ HANLIN_DATA_DIR: inside, HANLIN_FIELD_KEY_FILE: file }))).toBe(
      true,
    );
    expect(keyBesideDatabase(loadConfig({ HANLIN_DATA_DIR: data, HANLIN_FIELD_KEY: key }))).toBe(false);
  });

  it('refuses a key file it cannot read', () => {
    expect(() => loadConfig({ HANLIN_FIELD_KEY_FILE: join(dir, 'missing.key') })).toThrow(
      /HANLIN_FIELD_KEY_FILE/,
    );
  });
});
