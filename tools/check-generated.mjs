#!/usr/bin/env node
// Fails when generated files drift from their sources (STYLE rule 10): the web client from the
// server's OpenAPI, and the SQL migrations from the Drizzle schema.
import { execFileSync, spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? '');
    process.exit(r.status ?? 1);
  }
  return r.stdout;
};

run('npx', ['tsx', 'tools/openapi-generate.ts']);
run('npx', ['drizzle-kit', 'generate', '--config', 'apps/server/drizzle.config.ts', '--name', 'drift']);
let inGit = true;
try {
  execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { stdio: 'ignore' });
} catch {
  inGit = false;
}
if (!inGit) {
  console.log('not a git checkout: drift check skipped');
  process.exit(0);
}
const drift = execFileSync(
  'git',
  ['status', '--porcelain', '--', 'apps/web/src/api', 'apps/server/migrations'],
  {
    encoding: 'utf8',
  },
).trim();
if (drift) {
  console.error(`Generated files are out of date; commit the regenerated files:\n${drift}`);
  process.exit(1);
}
console.log('generated API client and migrations are current');
