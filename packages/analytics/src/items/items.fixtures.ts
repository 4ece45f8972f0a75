/**
 * Test data of the item analysis: the shared reference data sets read in place (lsat7: 1,000 × 5
 * dichotomous; bfi: the first ten items, complete cases, scored 1–6).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ScoreMatrix, scoreMatrix } from './score-matrix.ts';

function referenceDir(): string {
  const fromEnv = process.env.HANLIN_REFERENCE_DIR;
  const fallback = resolve(
    fileURLToPath(new URL('../../../..', import.meta.url)),
    '../shared/data/reference',
  );
  const dir = fromEnv ? resolve(fromEnv) : fallback;
  if (!existsSync(dir))
    throw new Error(
      `reference data not found: HANLIN_REFERENCE_DIR=${fromEnv ?? '(unset)'}, default ${fallback}`,
    );
  return dir;
}

function readCsv(...parts: string[]): { header: string[]; rows: string[][] } {
  const lines = readFileSync(join(referenceDir(), ...parts), 'utf8')
    .trim()
    .split(/\r?\n/);
  const split = (l: string) => l.split(',').map((c) => c.replace(/^"|"$/g, ''));
  return { header: split(lines[0]!), rows: lines.slice(1).map(split) };
}

export function lsat7(): ScoreMatrix {
  const { rows } = readCsv('irt', 'lsat7.csv');
  return scoreMatrix(
    rows.map((r) => r.map(Number)),
    [1, 1, 1, 1, 1],
  );
}

/** bfi A1–A5, C1–C5 (scored 1–6; full mark 6), rows with any NA dropped: R's `na.omit`. */
export function bfi10(): ScoreMatrix {
  const { header, rows } = readCsv('factor', 'bfi.csv');
  const cols = ['A1', 'A2', 'A3', 'A4', 'A5', 'C1', 'C2', 'C3', 'C4', 'C5'].map((c) => header.indexOf(c));
  const complete = rows.map((r) => cols.map((c) => r[c]!)).filter((r) => r.every((v) => v !== 'NA'));
  return scoreMatrix(
    complete.map((r) => r.map(Number)),
    cols.map(() => 6),
  );
}
