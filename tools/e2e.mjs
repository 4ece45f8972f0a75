#!/usr/bin/env node
// End-to-end journeys: builds the web app, starts the real platform (embedded PostgreSQL, demo city)
// on a free port with a throw-away data dir, and drives Debian Chromium through it (Vitest + playwright-core).
// A failing journey leaves screenshots and Playwright traces under test-results/e2e-failures/.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const build = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync('npx', ['vitest', 'run', '--config', 'apps/web/e2e/vitest.e2e.config.ts'], {
  stdio: 'inherit',
});
// The server's own output is kept in a file; show its warnings here, where they are read.
const serverLog = 'test-results/e2e-server.log';
if (existsSync(serverLog)) {
  const warnings = readFileSync(serverLog, 'utf8')
    .split('\n')
    .filter((l) => /Warning|FSTDEP|"level":(40|50|60)/.test(l));
  if (warnings.length > 0) console.log(`server warnings during the journeys:\n${warnings.join('\n')}`);
}
process.exit(r.status ?? 1);
