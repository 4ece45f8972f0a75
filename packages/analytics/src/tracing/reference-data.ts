/**
 * Reads the shared ASSISTments files for the tests (not exported from `index.ts`: the algorithm
 * files do no I/O). Resolved like `tools/bench/reference.ts`: `HANLIN_REFERENCE_DIR`, else
 * `../shared/data/reference` from the repo root; a missing directory fails loudly, never skips.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type KtSequence, parseDkvmn } from './sequences.ts';

export function tracingReferenceDir(): string {
  const fromEnv = process.env.HANLIN_REFERENCE_DIR;
  const fallback = resolve(
    fileURLToPath(new URL('../../../..', import.meta.url)),
    '../shared/data/reference',
  );
  const dir = join(fromEnv ? resolve(fromEnv) : fallback, 'tracing');
  if (!existsSync(dir)) {
    throw new Error(`reference data not found: ${dir} (HANLIN_REFERENCE_DIR=${fromEnv ?? '(unset)'})`);
  }
  return dir;
}

/** The ASSISTments 2009 updated split (`train` or `test`). */
export function readAssist2009(split: 'train' | 'test'): KtSequence[] {
  return parseDkvmn(readFileSync(join(tracingReferenceDir(), `assist2009_updated_${split}.csv`), 'utf8'));
}
