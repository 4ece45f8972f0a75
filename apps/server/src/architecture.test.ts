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

/**
 * Reasons a use-case or routes file breaks the anatomy (STYLE rules 1 and 2): SQL lives in
 * repositories, which take the transaction; a service calls them with `ctx.db` and never builds or
 * runs a query itself, and a route only calls a service.
 */
export function sqlInService(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*import\s+(type\s+)?[^;]*?from\s*['"]([^'"]+)['"]/gms)) {
    const [, typeOnly, spec] = m;
    if (typeOnly) continue;
    if (spec === 'drizzle-orm' || spec!.startsWith('drizzle-orm/')) found.push(`imports ${spec}`);
    if (/platform\/db\/(client|prepared)\.ts$/.test(spec!)) found.push(`imports ${spec}`);
  }
  const call =
    /\b(?:ctx\.db|tx|db|database)\s*\.\s*(execute|select|selectDistinct|insert|update|delete|transaction|query)\s*[<(]/g;
  for (const m of source.matchAll(call)) found.push(`calls ${m[0].replace(/\s+/g, '').slice(0, -1)}`);
  if (/\bsql`/.test(source)) found.push('builds sql``');
  return found;
}

describe('services and routes hold no SQL', () => {
  it('finds SQL in a service when there is some', () => {
    expect(
      sqlInService(`import { sql } from 'drizzle-orm';
        import type { SQL } from 'drizzle-orm';
        import { execPrepared } from '../../platform/db/prepared.ts';
        import type { Tx } from '../../platform/db/client.ts';
        export async function f(ctx: Ctx, tx: Tx) {
          await ctx.db.execute(sql\`select 1\`);
          await ctx.db.select().from(t);
          await tx.insert(t).values({});
          await ctx.deps.database.db.transaction(async () => {});
        }`),
    ).toEqual([
      'imports drizzle-orm',
      'imports ../../platform/db/prepared.ts',
      'calls ctx.db.execute',
      'calls ctx.db.select',
      'calls tx.insert',
      'calls db.transaction',
      'builds sql``',
    ]);
    expect(
      sqlInService(`import { listThings } from './things.repository.ts';
      export const f = (ctx: Ctx) => listThings(ctx.db, ctx.scope);`),
    ).toEqual([]);
  });

  it('no *.service.ts or *.routes.ts of any module builds or runs a query', () => {
    const offenders = sourceFiles(join(SRC, 'modules'))
      .filter((f) => f.endsWith('.service.ts') || f.endsWith('.routes.ts'))
      .flatMap((file) =>
        sqlInService(readFileSync(file, 'utf8')).map((why) => `${relative(SRC, file)}: ${why}`),
      );
    expect(offenders).toEqual([]);
  });
});
