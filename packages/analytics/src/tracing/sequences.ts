/**
 * Answer sequences for knowledge tracing as the public benchmarks ship them, and the grouping of
 * rows into answers. ASSISTments 2009 lists an answer to an item tagged with several skills as
 * several consecutive rows (one per skill, same correctness, skills in a fixed order). A model that
 * reads "the last outcome" across those rows sees the answer it is asked to predict; grouping the
 * rows back into answers lets features come from strictly earlier answers only.
 */

/** One student's rows in order: skill index and correctness (1/0) per row. */
export interface KtSequence {
  skills: Int32Array;
  correct: Uint8Array;
}

/**
 * Parses the DKVMN text format: three lines per student — number of rows, comma-separated skill
 * ids, comma-separated correctness. Trailing commas and blank lines are tolerated; a count that
 * disagrees with its lines throws with the line number.
 */
export function parseDkvmn(text: string): KtSequence[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length % 3 !== 0) throw new Error(`DKVMN format: ${lines.length} lines is not a multiple of 3`);
  const out: KtSequence[] = [];
  const nums = (l: string) =>
    l
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map(Number);
  for (let i = 0; i < lines.length; i += 3) {
    const n = Number(lines[i]!.replace(/,/g, '').trim());
    const skills = nums(lines[i + 1]!);
    const correct = nums(lines[i + 2]!);
    if (skills.length !== n || correct.length !== n || skills.some((s) => !Number.isInteger(s))) {
      throw new Error(
        `DKVMN format: student at line ${i + 1} declares ${n} rows, has ${skills.length}/${correct.length}`,
      );
    }
    out.push({ skills: Int32Array.from(skills), correct: Uint8Array.from(correct, (c) => (c ? 1 : 0)) });
  }
  return out;
}

/** Rows, students and the largest skill index of a data set. */
export function describeSequences(seqs: readonly KtSequence[]): {
  students: number;
  rows: number;
  maxSkill: number;
} {
  let rows = 0;
  let maxSkill = 0;
  for (const s of seqs) {
    rows += s.skills.length;
    for (const k of s.skills) if (k > maxSkill) maxSkill = k;
  }
  return { students: seqs.length, rows, maxSkill };
}

/** Key of the ordered skill pair (a, b) in the set returned by `expansionPairs`. */
export const pairKey = (a: number, b: number): number => a * 65536 + b;

export interface ExpansionReport {
  /** Ordered pairs (previous skill, next skill) that are rows of one multi-skill answer. */
  pairs: Set<number>;
  /** Adjacent rows with different skills, and the share of them with equal correctness. */
  adjacentDifferent: number;
  equalCorrectnessRate: number;
  /** Adjacent rows that fall on an expansion pair. */
  expandedRows: number;
}

/**
 * Finds the ordered skill pairs that are one answer expanded into rows: adjacent rows (a, b), a ≠ b,
 * seen at least `minCount` times with equal correctness at least `minRate` of the time (a real
 * change of item agrees only ~65% of the time; an expansion always). Learned from the training
 * split only, so grouping the test split fits nothing on it.
 */
export function expansionPairs(seqs: readonly KtSequence[], minRate = 0.98, minCount = 5): ExpansionReport {
  const total = new Map<number, number>();
  const equal = new Map<number, number>();
  let adjacentDifferent = 0;
  let equalAll = 0;
  for (const { skills, correct } of seqs) {
    for (let i = 1; i < skills.length; i++) {
      if (skills[i] === skills[i - 1]) continue;
      const key = pairKey(skills[i - 1]!, skills[i]!);
      const eq = correct[i] === correct[i - 1] ? 1 : 0;
      total.set(key, (total.get(key) ?? 0) + 1);
      equal.set(key, (equal.get(key) ?? 0) + eq);
      adjacentDifferent++;
      equalAll += eq;
    }
  }
  const pairs = new Set<number>();
  let expandedRows = 0;
  for (const [key, n] of total) {
    if (n >= minCount && (equal.get(key) ?? 0) / n >= minRate) {
      pairs.add(key);
      expandedRows += n;
    }
  }
  return {
    pairs,
    adjacentDifferent,
    equalCorrectnessRate: equalAll / Math.max(1, adjacentDifferent),
    expandedRows,
  };
}

/**
 * Start index of each answer in a sequence: a row joins the previous row's answer when (previous
 * skill, this skill) is an expansion pair and its skill is not yet in the answer. Only skills
 * decide, never correctness, so the grouping itself reveals no outcome. `pairs = null` makes every
 * row its own answer (the protocol the published figures use).
 */
export function answerStarts(skills: Int32Array, pairs: ReadonlySet<number> | null): Int32Array {
  const starts: number[] = [];
  let start = 0;
  for (let i = 0; i < skills.length; i++) {
    let join = false;
    if (i > 0 && pairs && pairs.has(pairKey(skills[i - 1]!, skills[i]!))) {
      join = true;
      for (let j = start; j < i; j++) if (skills[j] === skills[i]) join = false;
    }
    if (!join) {
      start = i;
      starts.push(i);
    }
  }
  return Int32Array.from(starts);
}
