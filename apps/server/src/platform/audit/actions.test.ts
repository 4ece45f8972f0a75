import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_CODES, AUDIT_ACTIONS, AUDIT_GROUPS, type AuditActionSpec } from './actions.ts';

const REPO = join(import.meta.dirname, '../../../../..');

/** The server's and the tools' source, tests and generated demo data excepted. */
function sources(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') walk(p);
      } else if (/\.(ts|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) {
        out.push({ path: relative(REPO, p), text: readFileSync(p, 'utf8') });
      }
    }
  };
  walk(join(REPO, 'apps/server/src'));
  walk(join(REPO, 'tools'));
  return out;
}

/**
 * What the source writes as an action: dotted string literals and template-literal prefixes in the
 * value of an `action:` property (up to the end of the expression), e.g. `action: x ? 'a.b' : 'a.c'`.
 */
function writtenCodes(files: { path: string; text: string }[]) {
  const literals = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const f of files) {
    for (const m of f.text.matchAll(/\baction:\s*([^,\n}]+(?:\n\s*[?:][^,\n}]+)*)/g)) {
      const expr = m[1]!;
      for (const l of expr.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) literals.set(l[1]!, f.path);
      for (const tpl of expr.matchAll(/`([a-z_]+(?:\.[a-z_]+)*\.)\$\{/g)) prefixes.set(tpl[1]!, f.path);
    }
    // Lists of codes assigned in pairs (`[links, 'import.guardian.create']`).
    for (const l of f.text.matchAll(/\[\s*[\w.]+,\s*'([a-z_]+(?:\.[a-z_]+)+)'\s*\]/g))
      literals.set(l[1]!, f.path);
  }
  return { literals, prefixes };
}

describe('audit action catalogue', () => {
  const files = sources();
  const { literals, prefixes } = writtenCodes(files);
  const specs = AUDIT_ACTIONS as Record<string, AuditActionSpec>;

  it('labels every code in Chinese and English, in a known group, each label telling it apart', () => {
    for (const code of AUDIT_ACTION_CODES) {
      const s = specs[code]!;
      expect(code).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
      expect(Object.keys(AUDIT_GROUPS), code).toContain(s.group);
      expect(s.zh.trim(), code).not.toBe('');
      expect(s.zh, code).toMatch(/\p{Script=Han}/u);
      expect(s.en.trim(), code).not.toBe('');
    }
    const zh = AUDIT_ACTION_CODES.map((c) => specs[c]!.zh);
    expect(zh.filter((l, i) => zh.indexOf(l) !== i)).toEqual([]);
  });

  it('reads codes in every shape the source writes them, so a new one without a label fails', () => {
    const fixture = `
      await ctx.audit({ action: 'backup.restore', targetType: 'backup' });
      writeAudit(tx, origin, { action: ok
        ? 'policy.password.update'
        : 'policy.password.refused', details });
      run.audits.push({ action: \`import.\${kind}\`, targetId });
      for (const [rows, action] of [[added, 'session.ended']] as const) {}`;
    const found = writtenCodes([{ path: 'fixture.ts', text: fixture }]);
    expect([...found.literals.keys()].sort()).toEqual([
      'backup.restore',
      'policy.password.refused',
      'policy.password.update',
      'session.ended',
    ]);
    expect([...found.prefixes.keys()]).toEqual(['import.']);
    expect([...found.literals.keys()].filter((c) => !(c in specs))).toHaveLength(4);
  });

  it('holds every code the server and its tools write', () => {
    expect(literals.size).toBeGreaterThan(80);
    const unknown = [...literals].filter(([code]) => !(code in specs)).map(([c, p]) => `${c} (${p})`);
    expect(unknown, 'add these codes with their labels to platform/audit/actions.ts').toEqual([]);
    for (const [prefix, path] of prefixes) {
      expect(
        AUDIT_ACTION_CODES.some((c) => c.startsWith(prefix)),
        `${prefix}… (${path})`,
      ).toBe(true);
    }
  });

  it('holds no code that nothing writes any more, unless marked retired', () => {
    const stale = AUDIT_ACTION_CODES.filter(
      (c) => !specs[c]!.retired && !literals.has(c) && ![...prefixes.keys()].some((p) => c.startsWith(p)),
    );
    expect(stale, 'mark these retired (old rows keep them) or delete them').toEqual([]);
  });

  it('is written only through the typed writers, never by raw SQL', () => {
    const writers = new Set([
      'apps/server/src/platform/audit/audit.ts',
      'apps/server/src/modules/roster-import/bulk.repository.ts',
    ]);
    const raw = files
      .filter((f) => /insert\s+into\s+audit_log\b|['"]audit_log['"],\s*\[/i.test(f.text))
      .map((f) => f.path)
      .filter((p) => !writers.has(p));
    expect(raw).toEqual([]);
  });
});
