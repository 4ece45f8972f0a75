// The worker thread's entry, in plain JavaScript so a worker can start it before any TypeScript
// loader exists: a compiled build loads worker-thread.js; from source it registers tsx first (the
// server itself runs under tsx, see tools/start.mjs).
import { existsSync } from 'node:fs';

const compiled = new URL('./worker-thread.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('./worker-thread.ts', import.meta.url).href);
}
