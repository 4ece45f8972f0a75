/**
 * Test helper: reads the shared reference data in place (`HANLIN_REFERENCE_DIR`, or
 * `../shared/data/reference` from the repo root). A missing directory fails loudly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function referencePath(...parts: string[]): string {
  const fromEnv = process.env.HANLIN_REFERENCE_DIR;
  const fallback = resolve(
    fileURLToPath(new URL('../../../..', import.meta.url)),
    '../shared/data/reference',
  );
  const dir = fromEnv ? resolve(fromEnv) : fallback;
  if (!existsSync(dir)) throw new Error(`reference data not found: ${dir} (set HANLIN_REFERENCE_DIR)`);
  return join(dir, ...parts);
}

/** A CSV of numbers with a header row: the header and the rows (NA / empty = null). */
export function readCsv(...parts: string[]): { header: string[]; rows: (number | null)[][] } {
  const lines = readFileSync(referencePath(...parts), 'utf8')
    .trim()
    .split(/\r?\n/);
  const unquote = (s: string) => s.trim().replace(/^"|"$/g, '');
  const header = lines[0]!.split(',').map(unquote);
  const rows = lines.slice(1).map((l) =>
    l.split(',').map((c) => {
      const v = unquote(c);
      return v === '' || v === 'NA' ? null : Number(v);
    }),
  );
  return { header, rows };
}
