#!/usr/bin/env node
// `npm start`: builds the web app when its sources changed, then runs the server (TypeScript via tsx)
// in this process so Ctrl-C reaches it directly and the embedded PostgreSQL stops cleanly.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'apps/web');
const built = join(web, 'dist/index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const stale =
  !existsSync(built) ||
  Math.max(newest(join(web, 'src')), statSync(join(web, 'index.html')).mtimeMs) > statSync(built).mtimeMs;
if (stale && process.env.HANLIN_SKIP_WEB_BUILD !== 'true') {
  console.log('[hanlin] building the web app …');
  // Quietly: the size of every chunk is for whoever works on the web app (`npm run build`).
  const r = spawnSync('npm', ['--silent', 'run', 'build', '-w', 'apps/web', '--', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
await import('../apps/server/src/main.ts');
