// The calibration worker's entry, in plain JavaScript so a worker can start it before any TypeScript
// loader exists: a compiled build loads parallel-thread.js; from source it registers tsx first.
import { existsSync } from 'node:fs';

const compiled = new URL('./parallel-thread.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('./parallel-thread.ts', import.meta.url).href);
}
