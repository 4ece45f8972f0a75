/**
 * Calibration of the item bank (issue 11 §2): the graded answers of every paper given, all papers
 * and years together, fitted by marginal maximum likelihood (2PL; Samejima's graded model for items
 * scored in a few whole points), so that items answered by different students land on one scale
 * through the students and items they share. The parameters flow back to the bank (`item.irt_a`,
 * `irt_b`), where test assembly's information targets read them.
 */
import { bankParameters, calibrate, calibrateParallel, type Responses } from '@hanlin/analytics/irt';
import type { Tx } from '../../platform/db/client.ts';
import type { Progress } from '../../platform/db/jobs.ts';
import {
  type GradedItemAnswer,
  readGradedAnswers,
  writeItemParameters,
} from './bank-calibration.repository.ts';

/** When (Beijing time) the nightly calibration runs: after the day's marking, before anyone works. */
export const CALIBRATION_HOUR = 2;
/** An item needs this many graded answers before its parameters mean anything. */
export const MIN_ANSWERS = 30;
/** Items scored in whole points up to this many are fitted by the graded model, point by point. */
const MAX_CATEGORIES = 4;

/**
 * The response matrix of the answers: items with at least `minAnswers` answers, the students who
 * answered them. An item scored in whole points (at most four) keeps its points as categories; any
 * other is counted in quarters of its full marks. A student who met an item twice counts with the first answer.
 */
export function responsesOf(
  answers: readonly GradedItemAnswer[],
  minAnswers = MIN_ANSWERS,
): { responses: Responses; itemIds: string[] } {
  const byItem = new Map<string, GradedItemAnswer[]>();
  for (const x of answers) {
    const list = byItem.get(x.itemId);
    if (list) list.push(x);
    else byItem.set(x.itemId, [x]);
  }
  const itemIds = [...byItem.keys()].filter((id) => byItem.get(id)!.length >= minAnswers).sort();
  const students = new Map<string, number>();
  for (const id of itemIds)
    for (const x of byItem.get(id)!) if (!students.has(x.studentId)) students.set(x.studentId, students.size);
  const persons = students.size;
  const items = itemIds.length;
  const scores = new Int8Array(persons * items).fill(-1);
  const maxScore = new Uint8Array(items);
  itemIds.forEach((id, j) => {
    const list = byItem.get(id)!;
    // A loop, not Math.max(...list): an item answered across a city passes the engine's limit of
    // arguments (a stack overflow at 900,000 answers).
    let top = 0;
    for (const x of list) if (x.maxScore > top) top = x.maxScore;
    const whole =
      Number.isInteger(top) && top <= MAX_CATEGORIES && list.every((x) => Number.isInteger(x.score));
    // Whole points (a 1-point item is right or wrong) are the categories; any other scoring (half
    // points, a 10-point essay) counts in quarters of full marks.
    const k = whole ? top : MAX_CATEGORIES;
    maxScore[j] = k;
    for (const x of list) {
      const cell = students.get(x.studentId)! * items + j;
      if (scores[cell] !== -1) continue;
      const share = x.maxScore > 0 ? x.score / x.maxScore : 0;
      scores[cell] = Math.max(0, Math.min(k, whole ? x.score : Math.round(share * k)));
    }
  });
  return { responses: { persons, items, scores, maxScore }, itemIds };
}

/**
 * Calibrates the bank from every graded answer and writes the parameters of the items it could
 * estimate, in the caller's transaction (the job's: all items or none). An item no one got wrong (or
 * right), or whose difficulty lies beyond the scale's ±6 (it rests on too few answers), keeps what it
 * had. Reports its three steps (answers read, model fitted, parameters written) to `progress`.
 */
export async function calibrateBank(tx: Tx, minAnswers = MIN_ANSWERS, progress?: Progress) {
  const { responses, itemIds } = responsesOf(await readGradedAnswers(tx), minAnswers);
  await progress?.(1, 3);
  if (responses.items === 0) return { items: 0, persons: 0, calibrated: 0, iterations: 0 };
  // A large bank's E-steps run on worker threads, so the server's event loop stays free; a small one
  // fits faster in this thread than the workers take to start.
  const large = responses.persons * responses.items > 2_000_000;
  const options = { model: '2pl', standardErrors: false } as const;
  const fit = large ? await calibrateParallel(responses, options) : calibrate(responses, options);
  const rows = fit.items.flatMap((item, j) => {
    const { a, b } = bankParameters(item);
    return Number.isFinite(a) && a > 0 && Number.isFinite(b) && Math.abs(b) <= 6
      ? [{ itemId: itemIds[j]!, a, b }]
      : [];
  });
  await progress?.(2, 3);
  const calibrated = await writeItemParameters(tx, rows);
  await progress?.(3, 3);
  return { items: responses.items, persons: responses.persons, calibrated, iterations: fit.iterations };
}
