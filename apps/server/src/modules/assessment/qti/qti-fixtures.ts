import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePackage } from './qti-package.ts';

/** The fixture folder of the QTI tests. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/** Every file under a fixture folder, by package path. */
export function folderFiles(name: string): Map<string, Buffer> {
  const root = join(FIXTURES, name);
  const out = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(root, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(root);
  return out;
}

/** A fixture folder zipped as a content package. */
export const zipFolder = (name: string) =>
  writePackage([...folderFiles(name)].map(([path, data]) => ({ path, data })));

export const DEFAULTS = { subjectCode: '14', gradeCode: '21' };
