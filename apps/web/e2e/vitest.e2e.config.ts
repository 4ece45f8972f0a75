import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The journeys that take longest, longest first: with two workers, starting them early lets both
 * finish together (the rest follow, larger files first). A journey missing here only runs later.
 */
const LONGEST = [
  'menus',
  'menus-staff',
  'curriculum',
  'resources',
  'review',
  'homes',
  'operations',
  'security-admin',
];

/**
 * Journeys that change the demo city for those after them, started last: each worker has a
 * platform of its own and runs its journeys one after the other, so nothing runs after the last
 * journey to start on that platform. The privacy journey answers a deletion request for
 * student_demo, which erases their practice and mastery that the diagnosis journeys read.
 */
const LAST = ['privacy'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const name = f.moduleId.split('/').pop()!.replace('.e2e.ts', '');
      if (LAST.includes(name)) return LONGEST.length + 1;
      const i = LONGEST.indexOf(name);
      return i === -1 ? LONGEST.length : i;
    };
    const bySize = await super.sort(files);
    return bySize.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    root: new URL('../../..', import.meta.url).pathname,
    include: ['apps/web/e2e/**/*.e2e.ts'],
    globalSetup: ['apps/web/e2e/global-setup.ts'],
    setupFiles: ['apps/web/e2e/setup.ts'],
    pool: 'forks',
    // Two journeys at a time, each against a platform of its own (global-setup.ts starts one per
    // worker): a journey spends most of its time waiting for the browser and the server, so two
    // share a 2-core machine well. Within a worker, journeys run one after the other.
    maxWorkers: Number(process.env.HANLIN_E2E_WORKERS ?? 2),
    sequence: { sequencer: LongestFirst },
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // A real browser against a real server on a shared 2-core machine, two journeys at a time: give
    // each poll room (a passing poll returns as soon as it holds).
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
