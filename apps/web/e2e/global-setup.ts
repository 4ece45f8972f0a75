import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../server/src/platform/db/embedded.ts';

/** One platform under test: the server process, its data dir and what it printed. */
interface Platform {
  child: ChildProcess;
  dataDir: string;
  output: string;
}

const platforms: Platform[] = [];

/**
 * Starts the platform exactly as `npm start` does, on a free port with a fresh demo city: one per
 * Vitest worker (`maxWorkers` in vitest.e2e.config.ts), all at once, so journeys that run at the
 * same time never share a database. A worker finds its own by its pool id (`server()` in browser.ts).
 */
export async function setup(project: TestProject) {
  const workers = project.config.maxWorkers;
  const taken = new Set<number>();
  const port = async () => {
    let p = await freePort();
    while (taken.has(p)) p = await freePort();
    taken.add(p);
    return p;
  };
  try {
    const servers = await Promise.all(
      Array.from({ length: workers }, async (_, i) => startPlatform(i + 1, await port(), await port())),
    );
    project.provide('servers', servers);
  } catch (err) {
    // Vitest tears down only what set up completely: stop the servers that did start.
    await teardown();
    throw err;
  }
}

async function startPlatform(n: number, port: number, pgPort: number) {
  const dataDir = join(process.cwd(), '.tmp', `e2e-${process.pid}-${n}`);
  // The same Node.js that runs Vitest, so a run under another Node version tests that version.
  const child = spawn(process.execPath, ['tools/start.mjs'], {
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
  const platform: Platform = { child, dataDir, output: '' };
  platforms.push(platform);
  child.stdout?.on('data', (d) => {
    platform.output += String(d);
  });
  child.stderr?.on('data', (d) => {
    platform.output += String(d);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const up = async () => {
    if (child.exitCode !== null) throw new Error(`server ${n} exited early:\n${platform.output}`);
    return fetch(`${baseUrl}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
  };
  // Seeding the demo city takes half a minute on an idle machine; much longer on a busy one.
  if (!(await until(up, 300_000))) throw new Error(`server ${n} did not start in time:\n${platform.output}`);
  // The owner's connection to the embedded database, for what a journey must arrange behind the
  // app's back (see `allowCurrentTotpCode`); the password is the one the cluster was created with.
  const { password } = JSON.parse(await readFile(join(dataDir, 'cluster.json'), 'utf8')) as {
    password: string;
  };
  return {
    baseUrl,
    databaseUrl: `postgres://hanlin:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/hanlin`,
  };
}

/**
 * Stops each platform with Ctrl-C, as a person would, and waits until it has exited and its
 * embedded PostgreSQL has finished shutting down (its `postmaster.pid` is gone), so the data dir
 * is removed only once nothing writes to it. No timer is left behind: a pending one would keep
 * Vitest from exiting.
 */
export async function teardown() {
  await Promise.all(platforms.map(stopPlatform));
  // What the servers printed (warnings, errors), for reading after a failed run.
  await mkdir('test-results', { recursive: true });
  await writeFile(
    'test-results/e2e-server.log',
    platforms.map((p, i) => `===== server ${i + 1} (${p.dataDir}) =====\n${p.output}`).join('\n'),
  );
}

async function stopPlatform(p: Platform) {
  const { child } = p;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    const stuck = setTimeout(() => {
      console.error(`[e2e] a server did not stop within 60 s; killing it. Its output:\n${p.output}`);
      child.kill('SIGKILL');
    }, 60_000);
    await exited;
    clearTimeout(stuck);
  }
  // The server exits at most 10 s after Ctrl-C (its exit hook's limit), even while PostgreSQL is
  // still writing its shutdown checkpoint: wait for PostgreSQL itself, then stop it if it hangs.
  const pidFile = join(p.dataDir, 'pg', 'postmaster.pid');
  if (!(await until(async () => !existsSync(pidFile), 60_000))) {
    const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
    console.error(`[e2e] PostgreSQL of ${p.dataDir} did not stop within 60 s; killing it`);
    if (pid > 0) process.kill(pid, 'SIGKILL');
  }
  await rm(p.dataDir, { recursive: true, force: true, maxRetries: 5 });
}

/** Asks `done` until it says yes (true) or `ms` have passed (false). */
async function until(done: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) return false;
    await sleep(200);
  }
  return true;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** One platform per worker: its address and its database owner's connection string. */
    servers: { baseUrl: string; databaseUrl: string }[];
  }
}
