#!/usr/bin/env node
// End-to-end journeys: builds the web app, starts the real platform (embedded PostgreSQL, demo city)
// on a free port with a throw-away data dir, and drives Debian Chromium through it (Vitest + playwright-core).
import { spawnSync } from 'node:child_process';

const build = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync('npx', ['vitest', 'run', '--config', 'apps/web/e2e/vitest.e2e.config.ts'], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
