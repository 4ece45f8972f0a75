/**
 * `npm run bench:analytics [-- --only <name>] [options of the part]` — not a test. The benchmarks of
 * `packages/analytics` algorithms that have figures to reach, each in its own file exporting
 * `run(args)`; `--only` picks one, default all in turn.
 */

export {};

type Part = () => Promise<{ run(args: string[]): Promise<void> }>;

const PARTS: Record<string, Part> = {
  irt: () => import('./analytics-irt.ts'),
  tracing: () => import('./analytics-tracing.ts'),
  heatmap: () => import('./analytics-heatmap.ts'),
};

const args = process.argv.slice(2);
const at = args.indexOf('--only');
const only = at >= 0 ? args[at + 1] : undefined;
const rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
if (only !== undefined && !(only in PARTS)) {
  console.error(`unknown part ${only}; one of: ${Object.keys(PARTS).join(', ')}`);
  process.exit(2);
}
for (const name of only ? [only] : Object.keys(PARTS)) {
  const part = await PARTS[name]!();
  await part.run(rest);
}
