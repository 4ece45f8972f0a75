import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared reference data (`../shared/data/reference` from the repo root, or
 * `HANLIN_REFERENCE_DIR`). Fails with both places named when it is missing: a benchmark against
 * reference figures never runs without them.
 */
export function referenceDir(): string {
  const fromEnv = process.env.HANLIN_REFERENCE_DIR;
  const fallback = resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/data/reference');
  const dir = fromEnv ? resolve(fromEnv) : fallback;
  if (!existsSync(dir)) {
    throw new Error(
      `reference data not found: HANLIN_REFERENCE_DIR=${fromEnv ?? '(unset)'}, default ${fallback}; ` +
        'set HANLIN_REFERENCE_DIR or place the shared reference data there',
    );
  }
  return dir;
}

export const referenceFile = (...parts: string[]): string => join(referenceDir(), ...parts);
