/**
 * A student's estimates packed for the class heatmap (`mastery_state.cells`), written with the
 * estimates themselves in the same statement: a class's heatmap then reads one row per student
 * instead of one per student and knowledge point (45 rows, not 5,000, each checked by row-level
 * security and aggregated). The text is `kp:code,kp:code,…` with
 * code = permille + 1001 × (correct + 10000 × wrong), an integer exact in a double.
 */

/** Most answers on one point a cell counts; more are shown as this many. */
export const COUNT_CAP = 9999;

export type PackedPoint = { kp: string; p: number; correct: number; wrong: number };

const cap = (n: number) => Math.min(Math.max(0, Math.trunc(n)), COUNT_CAP);

/** The student's points as `mastery_state.cells` keeps them. */
export function packCells(points: readonly PackedPoint[]): string {
  return points
    .map((x) => {
      const permille = Math.min(1000, Math.max(0, Math.round(x.p * 1000)));
      return `${x.kp}:${permille + 1001 * (cap(x.correct) + 10000 * cap(x.wrong))}`;
    })
    .join(',');
}

/** Calls `fn` for each point of a packed text, in order, without a string per number. */
export function forEachCell(
  text: string,
  fn: (kp: string, permille: number, correct: number, wrong: number) => void,
): void {
  let start = 0;
  while (start < text.length) {
    const colon = text.indexOf(':', start);
    if (colon < 0) return;
    let end = colon + 1;
    let code = 0;
    for (; end < text.length; end++) {
      const c = text.charCodeAt(end);
      if (c === 44) break; // ','
      code = code * 10 + (c - 48);
    }
    const permille = code % 1001;
    const counts = (code - permille) / 1001;
    const correct = counts % 10000;
    fn(text.slice(start, colon), permille, correct, (counts - correct) / 10000);
    start = end + 1;
  }
}

/** A point's cells across a class: parallel arrays indexed like the students (null: no estimate). */
export type PointColumn = { p: (number | null)[]; correct: (number | null)[]; wrong: (number | null)[] };

/**
 * The students' packed estimates as a column per knowledge point, indexed like `studentIds` (rows
 * of students not in the list — enrolled after it was read — are left out).
 */
export function classColumns(
  studentIds: readonly string[],
  rows: readonly { studentId: string; cells: string }[],
): Map<string, PointColumn> {
  const width = studentIds.length;
  const place = new Map(studentIds.map((id, i) => [id, i]));
  const columns = new Map<string, PointColumn>();
  for (const row of rows) {
    const s = place.get(row.studentId);
    if (s === undefined) continue;
    forEachCell(row.cells, (kp, permille, correct, wrong) => {
      let col = columns.get(kp);
      if (!col) {
        col = {
          p: new Array<number | null>(width).fill(null),
          correct: new Array<number | null>(width).fill(null),
          wrong: new Array<number | null>(width).fill(null),
        };
        columns.set(kp, col);
      }
      col.p[s] = permille / 1000;
      col.correct[s] = correct;
      col.wrong[s] = wrong;
    });
  }
  return columns;
}
