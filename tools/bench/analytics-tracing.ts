/**
 * Knowledge tracing benchmark (issue 11 §3), one part of `tools/bench/analytics.ts` — not a test.
 * On ASSISTments 2009 (updated, DKVMN split; skill ids and correctness only) it prints the data and
 * how many rows are expanded multi-skill answers, then for two protocols — "rows" (every row is
 * predicted from all earlier rows, as the published figures do) and "answers" (rows of one
 * multi-skill answer grouped back and predicted from strictly earlier answers, as the server sees
 * them) — the fit time, chosen penalty (validation split of train) and test AUC of PFA (reference
 * 0.699), the plain logistic model (reference 0.759) and the chosen mastery model (target ≥ 0.78,
 * chase 0.80). Then the time of one `update` and one `mastery` call, and the nightly recompute of
 * 200,000 students × 20 answers (target < 60 s).
 *
 * `--write-defaults` also regenerates `packages/analytics/src/tracing/default-params.json` (the
 * chosen model, answers protocol, fitted on the train split only).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_MASTERY_PARAMS,
  describeSequences,
  emptyState,
  evaluate,
  expansionPairs,
  type GradedAnswer,
  type KtSequence,
  MASTERY_SPEC,
  type MasteryParams,
  type ModelSpec,
  mastery,
  masteryLogit,
  PFA_SPEC,
  PLAIN_SPEC,
  parseDkvmn,
  recompute,
  tuneAndFit,
  update,
} from '../../packages/analytics/src/tracing/index.ts';
import { referenceFile } from './reference.ts';
import { loadNote, seeded, table } from './stats.ts';

const f4 = (x: number) => x.toFixed(4);
const load = (split: string): KtSequence[] =>
  parseDkvmn(readFileSync(referenceFile('tracing', `assist2009_updated_${split}.csv`), 'utf8'));

function dataReport(train: KtSequence[], test: KtSequence[]) {
  const ex = expansionPairs(train);
  let same = 0;
  let sameEq = 0;
  for (const { skills, correct } of train) {
    for (let i = 1; i < skills.length; i++) {
      if (skills[i] !== skills[i - 1]) continue;
      same++;
      sameEq += correct[i] === correct[i - 1] ? 1 : 0;
    }
  }
  const tr = describeSequences(train);
  const te = describeSequences(test);
  console.log(
    `train ${tr.students} students / ${tr.rows} rows; test ${te.students} / ${te.rows}; skill ids 1…${tr.maxSkill}`,
  );
  console.log(
    `adjacent rows on different skills: ${ex.adjacentDifferent} (train), equal correctness ${(100 * ex.equalCorrectnessRate).toFixed(1)}% ` +
      `(same skill: ${((100 * sameEq) / same).toFixed(1)}%); ${ex.pairs.size} ordered skill pairs agree ≥ 98% ` +
      `(${ex.expandedRows} rows): one answer to a multi-skill item expanded into rows`,
  );
  return ex.pairs;
}

function models(train: KtSequence[], test: KtSequence[], pairs: ReadonlySet<number>) {
  const rows: (string | number)[][] = [];
  const specs: [string, ModelSpec][] = [
    ['PFA (ref. 0.699)', PFA_SPEC],
    ['plain LR (ref. 0.759)', PLAIN_SPEC],
    ['mastery (chosen)', MASTERY_SPEC],
  ];
  let chosen: MasteryParams | undefined;
  for (const [protocol, p] of [
    ['rows', null],
    ['answers', pairs],
  ] as const) {
    for (const [name, spec] of specs) {
      const t0 = performance.now();
      const tuned = tuneAndFit(train, { spec, pairs: p });
      const seconds = (performance.now() - t0) / 1000;
      const best = tuned.validation[0]!;
      const testAuc = evaluate(tuned.params, test, p);
      rows.push([protocol, name, seconds.toFixed(1), best.l2Skill, f4(best.auc), f4(testAuc)]);
      if (protocol === 'answers' && spec === MASTERY_SPEC) {
        chosen = tuned.params;
        chosen.meta = { ...chosen.meta, testAuc, testAucRowsProtocol: Number(rows.at(-4)![5]) };
      }
    }
  }
  table(['protocol', 'model', 'tune+fit s', 'λ skill', 'valid AUC', 'test AUC'], rows);
  console.log('(tune+fit: 5 fits on 80% of train for the penalty, then one on all of train)');
  return chosen!;
}

function timing(params: MasteryParams) {
  const random = seeded(7);
  const skills = Array.from({ length: 50 }, (_, i) => `kp-${i}`);
  let state = emptyState();
  const N = 200_000;
  const answers: GradedAnswer[] = Array.from({ length: N }, () => ({
    skill: skills[Math.floor(random() * skills.length)]!,
    correct: random() < 0.65,
  }));
  let t0 = performance.now();
  for (const a of answers) state = update(params, state, a);
  const updateUs = ((performance.now() - t0) * 1000) / N;
  t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < N; i++) sink += mastery(params, state, skills[i % skills.length]!).p;
  const masteryUs = ((performance.now() - t0) * 1000) / N;
  console.log(
    `update: ${updateUs.toFixed(2)} µs per answer (50 points known); mastery with explanation: ${masteryUs.toFixed(2)} µs (target < 1 ms) [${sink > 0 ? 'ok' : ''}]`,
  );

  const students = 200_000;
  const perStudent = 20;
  const points = Array.from({ length: 400 }, (_, i) => `kp-${i}`);
  function* nightly() {
    const r = seeded(11);
    for (let s = 0; s < students; s++) {
      const list: GradedAnswer[] = [];
      const base = Math.floor(r() * 380);
      for (let k = 0; k < perStudent; k++)
        list.push({ skill: points[base + Math.floor(r() * 20)]!, correct: r() < 0.65 });
      yield { student: `s${s}`, answers: list };
    }
  }
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const states = recompute(params, nightly());
  const recomputeS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const recomputeCpu = (cpu.user + cpu.system) / 1e6;
  t0 = performance.now();
  let estimates = 0;
  for (const st of states.values()) {
    for (const k in st.skills) {
      sink += masteryLogit(params, st, k);
      estimates++;
    }
  }
  const estimateS = (performance.now() - t0) / 1000;
  console.log(
    `nightly recompute: ${students} students × ${perStudent} answers in ${recomputeS.toFixed(2)} s (CPU ${recomputeCpu.toFixed(2)} s), ` +
      `then ${estimates} mastery estimates in ${estimateS.toFixed(2)} s — total ${(recomputeS + estimateS).toFixed(2)} s (target < 60 s)`,
  );
}

export async function run(args: string[]): Promise<void> {
  console.log(`# knowledge tracing — ASSISTments 2009 updated (DKVMN split) — ${loadNote()}`);
  const train = load('train');
  const test = load('test');
  const pairs = dataReport(train, test);
  const chosen = args.includes('--timing-only') ? DEFAULT_MASTERY_PARAMS : models(train, test, pairs);
  if (args.includes('--write-defaults')) {
    const out = fileURLToPath(
      new URL('../../packages/analytics/src/tracing/default-params.json', import.meta.url),
    );
    writeFileSync(out, serialiseParams(chosen));
    const biome = fileURLToPath(new URL('../../node_modules/.bin/biome', import.meta.url));
    execFileSync(biome, ['format', '--write', out], { stdio: 'ignore' });
    console.log(`wrote ${out}`);
  }
  timing(DEFAULT_MASTERY_PARAMS);
}

/** The parameters as JSON, weights rounded to 5 decimals (formatted by Biome after writing). */
function serialiseParams(p: MasteryParams): string {
  const r = (x: number) => Number(x.toFixed(5));
  const out: MasteryParams = {
    version: 1,
    weights: Object.fromEntries(Object.entries(p.weights).map(([k, v]) => [k, r(v!)])),
    perSkill: p.perSkill,
    skills: Object.fromEntries(Object.entries(p.skills).map(([k, v]) => [k, v.map(r)])),
    meta: {
      ...p.meta,
      data: 'ASSISTments 2009 updated, DKVMN train split',
      regenerate: 'tools/bench/analytics-tracing.ts --write-defaults',
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
