/**
 * 知识盲点归因 (issue 11 §4): when a student is weak on a knowledge point, the weak prerequisites
 * beneath it are the likelier causes and are offered first — "『分数加减』薄弱，可能源于先修知识
 * 『通分』未掌握". Pure: the caller passes the student's mastery of each point (the tracing model's
 * estimate and how many answers it rests on) and the prerequisite graph.
 */

/** A student's mastery of one point: the probability of answering it right, on `answers` answers. */
export interface PointMastery {
  p: number;
  answers: number;
}

export interface BlindSpotOptions {
  /** Below this a point counts as weak (default 0.6). */
  weakBelow?: number;
  /** Fewer answers than this and the estimate is not evidence: the point is 'untested' (default 3). */
  minAnswers?: number;
  /** How far down the prerequisites to look (default 3 steps). */
  maxDepth?: number;
}

export type CauseKind = 'weak' | 'untested';

export interface Cause {
  point: string;
  kind: CauseKind;
  /** Steps from the weak point (1 = a direct prerequisite). */
  depth: number;
  /** The path from the weak point's direct prerequisite down to this one. */
  via: string[];
  /** The mastery estimate, when there is evidence. */
  p?: number;
  answers: number;
  /** Ranking weight: weaker and nearer first; untested points after every weak one. */
  score: number;
}

/**
 * The likelier causes of a weakness on `point`, in the order to offer them: weak prerequisites
 * (weakest and nearest first), then prerequisites never tested enough to tell (nearest first).
 * A weak prerequisite's own prerequisites are looked at too (it may itself be caused further down);
 * a mastered prerequisite ends its branch. Each point is named once, by its nearest path. Nothing
 * when `point` is not weak.
 */
export function traceBlindSpots(
  point: string,
  mastery: ReadonlyMap<string, PointMastery>,
  prerequisitesOf: (point: string) => readonly string[],
  options: BlindSpotOptions = {},
): Cause[] {
  const weakBelow = options.weakBelow ?? 0.6;
  const minAnswers = options.minAnswers ?? 3;
  const maxDepth = options.maxDepth ?? 3;
  const own = mastery.get(point);
  if (!own || own.answers < minAnswers || own.p >= weakBelow) return [];
  const seen = new Set([point]);
  const causes: Cause[] = [];
  // Breadth first: the nearest path to a point is the one reported.
  let frontier: { point: string; via: string[] }[] = [{ point, via: [] }];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const at of frontier) {
      for (const pre of prerequisitesOf(at.point)) {
        if (seen.has(pre)) continue;
        seen.add(pre);
        const via = [...at.via, pre];
        const m = mastery.get(pre);
        if (!m || m.answers < minAnswers) {
          causes.push({ point: pre, kind: 'untested', depth, via, answers: m?.answers ?? 0, score: -depth });
          continue;
        }
        if (m.p >= weakBelow) continue;
        // Weaker and nearer first: the shortfall, discounted by a half per step down.
        causes.push({
          point: pre,
          kind: 'weak',
          depth,
          via,
          p: m.p,
          answers: m.answers,
          score: 1 + (weakBelow - m.p) * 0.5 ** (depth - 1),
        });
        next.push({ point: pre, via });
      }
    }
    frontier = next;
  }
  return causes.sort((x, y) => y.score - x.score || x.depth - y.depth || x.point.localeCompare(y.point));
}
