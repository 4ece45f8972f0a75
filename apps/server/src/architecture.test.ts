/**
 * The module anatomy, checked on the source (DESIGN "Layout", STYLE rules 2 and 6): `platform/`
 * depends on no module, so a new module never edits the platform.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier of a file: static imports and re-exports, dynamic imports. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  for (const re of [
    /\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
  ]) {
    for (const m of source.matchAll(re)) found.push(m[1]!);
  }
  return found;
}

/** The specifiers of `source` (a file at `file`) that lead into `apps/server/src/modules/`. */
export function moduleImports(file: string, source: string): string[] {
  const modules = join(SRC, 'modules');
  return specifiers(source).filter((s) => {
    if (!s.startsWith('.')) return false;
    const target = resolve(dirname(file), s);
    return target === modules || !relative(modules, target).startsWith('..');
  });
}

describe('platform depends on no module', () => {
  it('finds an import of a module when there is one', () => {
    const file = join(SRC, 'platform', 'scope', 'scope.ts');
    expect(
      moduleImports(
        file,
        `import type { TRole } from '../../modules/identity/identity.schema.ts';
         export * from "../../modules/org/org.schema.ts";
         const m = await import('../../modules/spaces/spaces.scope.ts');
         import { x } from '../db/client.ts';`,
      ),
    ).toEqual([
      '../../modules/identity/identity.schema.ts',
      '../../modules/org/org.schema.ts',
      '../../modules/spaces/spaces.scope.ts',
    ]);
  });

  it('no file under platform/ imports from modules/', () => {
    const offenders = sourceFiles(join(SRC, 'platform')).flatMap((file) =>
      moduleImports(file, readFileSync(file, 'utf8')).map((s) => `${relative(SRC, file)} → ${s}`),
    );
    expect(offenders).toEqual([]);
  });
});
