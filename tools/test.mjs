#!/usr/bin/env node
// `npm test`: lint → typecheck → unit + integration (embedded PostgreSQL) → end-to-end (Chromium).
// `npm test -- unit` runs only the steps whose names start with the words given.
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
];

/** Warnings that must not appear: each stood for a real fault (see the commit that fixed it). */
const FORBIDDEN = [
  [/\bFSTDEP\d+\b/, 'a deprecated Fastify option'],
  [/already executing a query/, 'two queries at once on one pg client (a transaction)'],
  [/close timed out after/, 'something kept Vitest from exiting'],
];

const inCi = process.env.CI === 'true';

/**
 * Runs one step. `echo` (the default) passes its output through as it comes; otherwise it is kept
 * and printed when asked for. In CI, or when not echoed, the output is also returned for the check.
 */
function run(cmd, args, { env = process.env, echo = true } = {}) {
  return new Promise((resolve) => {
    const keep = inCi || !echo;
    const child = spawn(cmd, args, {
      env,
      stdio: ['ignore', keep ? 'pipe' : 'inherit', keep ? 'pipe' : 'inherit'],
    });
    const chunks = [];
    const take = (out) => (d) => {
      chunks.push(d);
      if (echo) out.write(d);
    };
    child.stdout?.on('data', take(process.stdout));
    child.stderr?.on('data', take(process.stderr));
    running.add(child);
    child.on('close', (code) => {
      running.delete(child);
      resolve({ code, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

// A failed step ends the run: a step still running beside it ends with it.
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});

/** Fails the run when a step failed or its output shows a forbidden warning; else reports its time. */
function judge(name, { code, output }, secs) {
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

/**
 * HANLIN_TEST_ALSO_ON_NODE=<directory of another node binary>: once the unit step has passed, it
 * runs again on that Node.js in the background while the journeys run (CI checks the machine's
 * Node 20 this way without adding its minutes to the run); its output comes at the end.
 */
const otherNodeDir = process.env.HANLIN_TEST_ALSO_ON_NODE;
let otherRun;
function startOtherNode(cmd, args) {
  const env = { ...process.env, PATH: `${otherNodeDir}:${process.env.PATH}` };
  const started = Date.now();
  otherRun = (async () => {
    const version = (await run('node', ['--version'], { env, echo: false })).output.trim();
    const name = `unit + integration (Vitest, embedded PostgreSQL, Node.js ${version}, beside the journeys)`;
    const result = await run(cmd, args, { env, echo: false });
    return { name, result, secs: ((Date.now() - started) / 1000).toFixed(1) };
  })();
}

const only = process.argv.slice(2);
for (const [name, cmd, args] of steps) {
  if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = await run(cmd, args);
  judge(name, result, ((Date.now() - started) / 1000).toFixed(1));
  if (otherNodeDir && name.startsWith('unit')) startOtherNode(cmd, args);
}
if (otherRun) {
  const { name, result, secs } = await otherRun;
  console.log(`\n=== ${name} ===`);
  process.stdout.write(result.output);
  judge(name, result, secs);
}
