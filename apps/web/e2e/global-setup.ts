import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../server/src/platform/db/embedded.ts';

let server: ChildProcess | undefined;
let output = '';
const dataDir = join(process.cwd(), '.tmp', `e2e-${process.pid}`);

/** Starts the platform exactly as `npm start` does, on a free port with a fresh demo city. */
export async function setup(project: TestProject) {
  const port = await freePort();
  let pgPort = await freePort();
  while (pgPort === port) pgPort = await freePort();
  // The same Node.js that runs Vitest, so a run under another Node version tests that version.
  server = spawn(process.execPath, ['tools/start.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      HANLIN_DATA_DIR: dataDir,
      HANLIN_PG_PORT: String(pgPort),
      HANLIN_DEMO_STUDENTS: '4000',
      HANLIN_SKIP_WEB_BUILD: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d) => {
    output += String(d);
  });
  server.stderr?.on('data', (d) => {
    output += String(d);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide('baseUrl', base);
  // The owner's connection to the embedded database, for what a journey must arrange behind the
  // app's back (see `allowCurrentTotpCode`); the password is the one the cluster was created with.
  const { password } = JSON.parse(await readFile(join(dataDir, 'cluster.json'), 'utf8')) as {
    password: string;
  };
  project.provide(
    'databaseUrl',
    `postgres://hanlin:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/hanlin`,
  );
}

/**
 * Stops the platform with Ctrl-C, as a person would, and waits until it has stopped its embedded
 * PostgreSQL and exited. No timer is left behind: a pending one would keep Vitest from exiting.
 */
export async function teardown() {
  const child = server;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    const stuck = setTimeout(() => {
      console.error(`[e2e] the server did not stop within 60 s; killing it. Its output:\n${output}`);
      child.kill('SIGKILL');
    }, 60_000);
    await exited;
    clearTimeout(stuck);
  }
  // What the server printed (warnings, errors), for reading after a failed run.
  await mkdir('test-results', { recursive: true });
  await writeFile('test-results/e2e-server.log', output);
  await rm(dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}
