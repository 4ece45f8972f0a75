#!/usr/bin/env node
// `npm test`: lint → typecheck → unit + integration (embedded PostgreSQL) → end-to-end (Chromium).
// `npm test -- unit` runs only the steps whose names start with the words given; `npm test -- server`
// runs the server's own tests alone (apps/server: what depends on the Node.js version), a step that
// runs only when named.
// In CI (CI=true) each step's output is also read for warnings that once hid real problems, and
// one of them fails the step: they must not creep back unnoticed.
import { spawn } from 'node:child_process';

const steps = [
  ['lint (Biome)', 'npx', ['biome', 'check', '.']],
  ['typecheck (server)', 'npx', ['tsc', '-p', 'apps/server', '--noEmit']],
  ['typecheck (web)', 'npx', ['tsc', '-p', 'apps/web', '--noEmit']],
  ['generated files (API client, migrations)', 'node', ['tools/check-generated.mjs']],
  [`unit + integration (Vitest, embedded PostgreSQL, Node.js ${process.version})`, 'npx', ['vitest', 'run']],
  [`end-to-end (Playwright, Chromium, Node.js ${process.version})`, 'node', ['tools/e2e.mjs']],
  // Only when asked for by name (`npm test -- server`): CI runs it again on the machine's Node.js.
  [
    `server tests (Vitest, apps/server, Node.js ${process.version})`,
    'npx',
    ['vitest', 'run', 'apps/server'],
    'asked',
  ],
];

/** Warnings that must not appear: each stood for a real fault (see the commit that fixed it). */
const FORBIDDEN = [
  [/\bFSTDEP\d+\b/, 'a deprecated Fastify option'],
  [/already executing a query/, 'two queries at once on one pg client (a transaction)'],
  [/close timed out after/, 'something kept Vitest from exiting'],
];

const inCi = process.env.CI === 'true';

/** Runs one step, echoing its output; in CI also returns that output for the check. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: ['inherit', inCi ? 'pipe' : 'inherit', inCi ? 'pipe' : 'inherit'],
    });
    const chunks = [];
    child.stdout?.on('data', (d) => {
      chunks.push(d);
      process.stdout.write(d);
    });
    child.stderr?.on('data', (d) => {
      chunks.push(d);
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

const only = process.argv.slice(2);
for (const [name, cmd, args, asked] of steps) {
  if (only.length > 0 ? !only.some((o) => name.startsWith(o)) : asked) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const { code, output } = await run(cmd, args);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    console.error(`\n✗ ${name} failed after ${secs} s`);
    process.exit(code ?? 1);
  }
  const found = FORBIDDEN.filter(([re]) => re.test(output));
  if (found.length > 0) {
    for (const [re, meaning] of found) {
      const line = output.split('\n').find((l) => re.test(l));
      console.error(`\n✗ ${name}: its output shows ${meaning}:\n  ${line?.trim()}`);
    }
    process.exit(1);
  }
  console.log(`✓ ${name} (${secs} s)`);
}
