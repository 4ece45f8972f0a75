#!/usr/bin/env node
// `npm test`: lint → typecheck → unit + integration (embedded PostgreSQL) → end-to-end (Chromium).
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint (Biome)', 'npx', ['biome', 'check', '.']],
  ['typecheck (server)', 'npx', ['tsc', '-p', 'apps/server', '--noEmit']],
  ['typecheck (web)', 'npx', ['tsc', '-p', 'apps/web', '--noEmit']],
  ['generated files (API client, migrations)', 'node', ['tools/check-generated.mjs']],
  ['unit + integration (Vitest, embedded PostgreSQL)', 'npx', ['vitest', 'run']],
  ['end-to-end (Playwright, Chromium)', 'node', ['tools/e2e.mjs']],
];
const only = process.argv.slice(2);
for (const [name, cmd, args] of steps) {
  if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed after ${secs} s`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${name} (${secs} s)`);
}
