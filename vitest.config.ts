import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/server/src/**/*.test.ts', 'apps/web/src/**/*.test.ts', 'packages/**/*.test.ts'],
    globalSetup: ['apps/server/src/testing/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Each worker process runs its files one after the other with the modules it imported once:
    // importing the app (every module, Fastify, drizzle) anew for each of the ~130 files cost more
    // CPU than the tests themselves. Files stay apart where it matters: each has its own database
    // cloned from the template, and caches are kept per app instance (WeakMap<AppDeps>), never per
    // module; no test mocks a module or leaves an environment variable changed.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
