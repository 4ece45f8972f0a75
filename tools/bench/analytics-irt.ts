/**
 * IRT calibration at scale (issue 11 §2): 2PL by marginal maximum likelihood on 1,000,000 simulated
 * examinees × 50 items, E-steps split over worker threads — target < 60 s on 2 cores, against mirt's
 * ≈ 200 s for the same fit (the reference figure of the issue). Prints the time to simulate the data,
 * seconds per E-step (EM iteration), the E-steps taken, total seconds and the recovery of the
 * generating slopes and difficulties. Options: --persons N, --items N, --threads N, --quadrature N
 * (points on [−6, 6], default 61 as mirt), --seed N.
 */
import { cpus } from 'node:os';
import {
  calibrateParallel,
  seededRandom,
  simulateAbilities,
  simulateItems,
  simulateResponses,
} from '../../packages/analytics/src/irt/index.ts';
import { loadNote, table } from './stats.ts';

const MIRT_SECONDS = 200;

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

const rmse = (xs: number[], ys: number[]) =>
  Math.sqrt(xs.reduce((s, x, i) => s + (x - ys[i]!) ** 2, 0) / xs.length);

export async function run(args: string[]): Promise<void> {
  const persons = option(args, 'persons', 1_000_000);
  const items = option(args, 'items', 50);
  const threads = option(args, 'threads', Math.min(2, cpus().length));
  const quadrature = option(args, 'quadrature', 61);
  const seed = option(args, 'seed', 1);
  console.log(
    `bench:analytics irt — 2PL, ${persons.toLocaleString('en')} examinees × ${items} items, ` +
      `${threads} worker threads, ${quadrature} quadrature points; ${loadNote()}\n`,
  );

  let t0 = performance.now();
  const random = seededRandom(seed);
  const truth = simulateItems(items, random);
  const data = simulateResponses(truth, simulateAbilities(persons, random), random);
  const simulate = (performance.now() - t0) / 1000;

  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const stamps: number[] = [];
  const c = await calibrateParallel(data, {
    model: '2pl',
    threads,
    quadrature,
    standardErrors: false,
    onEStep: () => stamps.push(performance.now()),
  });
  const total = (performance.now() - t0) / 1000;
  const u = process.cpuUsage(cpu0);
  // Between the first and the last E-step: EM iterations without the start-up of the workers.
  const perEStep = (stamps[stamps.length - 1]! - stamps[0]!) / 1000 / (stamps.length - 1);
  const startUp = (stamps[0]! - t0) / 1000 - perEStep;
  const reference = persons === 1_000_000 && items === 50;
  const rmseA = rmse(
    c.items.map((i) => i.a),
    truth.map((i) => i.a),
  );
  const rmseB = rmse(
    c.items.map((i) => i.b[0]!),
    truth.map((i) => -i.d[0]! / i.a),
  );
  table(
    ['figure', 'value'],
    [
      ['simulate responses (s)', simulate.toFixed(1)],
      [
        'E-steps (EM iterations, SQUAREM)',
        `${c.iterations}${c.converged ? ' (converged, tol 1e-5)' : ' (NOT converged)'}`,
      ],
      ['seconds per E-step (+ M-step)', perEStep.toFixed(3)],
      ['start-up: workers, shared copy (s)', startUp.toFixed(1)],
      ['calibration total (s, wall)', total.toFixed(1)],
      ['CPU seconds (all threads)', ((u.user + u.system) / 1e6).toFixed(1)],
      ['log-likelihood', c.logLik.toFixed(1)],
      ['RMSE(a)', rmseA.toFixed(4)],
      ['RMSE(b)', rmseB.toFixed(4)],
      ['target < 60 s', reference ? (total < 60 ? 'met' : 'NOT met') : '— (set for 1,000,000 × 50)'],
      [
        `ratio to mirt ≈ ${MIRT_SECONDS} s`,
        reference
          ? `${(total / MIRT_SECONDS).toFixed(3)} (${(MIRT_SECONDS / total).toFixed(1)}× faster)`
          : '—',
      ],
    ],
  );
}
