/**
 * A small mixed-integer model: columns with bounds and integrality, rows `lower <= a·x <= upper`
 * tagged with the constraint group they come from, and a linear objective. Built incrementally in
 * plain arrays (cheap appends, no per-row objects), handed to HiGHS as compressed sparse rows, and
 * writable as CPLEX LP text for inspection. Groups let a caller switch whole blueprint constraints
 * off (the deletion filter that names an irreducible infeasible subset works on groups).
 */

export type Sense = 'min' | 'max';

/** Marks a row or column bound as absent. */
export const INF = Number.POSITIVE_INFINITY;

export class MipModel {
  readonly colLower: number[] = [];
  readonly colUpper: number[] = [];
  readonly colCost: number[] = [];
  readonly colInteger: number[] = [];
  readonly rowLower: number[] = [];
  readonly rowUpper: number[] = [];
  /** Group index of each row (into `groups`). */
  readonly rowGroup: number[] = [];
  /** CSR row starts; `rowStart[numRows]` is the number of stored coefficients. */
  readonly rowStart: number[] = [0];
  readonly rowIndex: number[] = [];
  readonly rowValue: number[] = [];
  /** Constraint group names; index 0 is the structural group that is never switched off. */
  readonly groups: string[] = ['structure'];
  private readonly groupByName = new Map<string, number>([['structure', 0]]);
  sense: Sense = 'min';
  offset = 0;

  get numCols(): number {
    return this.colLower.length;
  }

  get numRows(): number {
    return this.rowLower.length;
  }

  /** The index of a named group, created on first use. */
  group(name: string): number {
    let g = this.groupByName.get(name);
    if (g === undefined) {
      g = this.groups.length;
      this.groups.push(name);
      this.groupByName.set(name, g);
    }
    return g;
  }

  /** Appends `count` columns with the same bounds; returns the index of the first. */
  addCols(count: number, lower: number, upper: number, integer: boolean, cost = 0): number {
    const first = this.numCols;
    for (let k = 0; k < count; k++) {
      this.colLower.push(lower);
      this.colUpper.push(upper);
      this.colCost.push(cost);
      this.colInteger.push(integer ? 1 : 0);
    }
    return first;
  }

  addBinaries(count: number): number {
    return this.addCols(count, 0, 1, true);
  }

  /**
   * Appends `lower <= Σ values[k]·x[cols[k]] <= upper` to `group` (a name or an index from
   * `group()`). Zero coefficients are dropped; a column must not repeat within a row.
   */
  addRow(
    group: string | number,
    cols: ArrayLike<number>,
    values: ArrayLike<number> | number,
    lower: number,
    upper: number,
  ): number {
    const n = cols.length;
    const scalar = typeof values === 'number';
    for (let k = 0; k < n; k++) {
      const v = scalar ? values : values[k]!;
      if (v === 0) continue;
      this.rowIndex.push(cols[k]!);
      this.rowValue.push(v);
    }
    this.rowStart.push(this.rowIndex.length);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
    this.rowGroup.push(typeof group === 'number' ? group : this.group(group));
    return this.numRows - 1;
  }

  setCost(col: number, cost: number): void {
    this.colCost[col] = cost;
  }

  /** Σ a·x of row `r` for a full column vector. */
  rowActivity(r: number, x: ArrayLike<number>): number {
    let s = 0;
    for (let k = this.rowStart[r]!; k < this.rowStart[r + 1]!; k++)
      s += this.rowValue[k]! * x[this.rowIndex[k]!]!;
    return s;
  }
}

const num = (v: number): string => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15))));

/**
 * The model as CPLEX LP text (columns `x<j>`, rows `r<i>`; a ranged row becomes two rows `r<i>l`
 * and `r<i>u`). Built from arrays of line fragments joined once, so 100,000 columns stay fast.
 */
export function toLpText(model: MipModel): string {
  const out: string[] = [model.sense === 'min' ? 'Minimize' : 'Maximize'];
  const obj: string[] = [' obj:'];
  for (let j = 0; j < model.numCols; j++) {
    const c = model.colCost[j]!;
    if (c !== 0) obj.push(`${c < 0 ? '-' : '+'} ${num(Math.abs(c))} x${j}`);
  }
  if (obj.length === 1) obj.push('0 x0');
  if (model.offset !== 0) obj.push(`${model.offset < 0 ? '-' : '+'} ${num(Math.abs(model.offset))}`);
  out.push(wrap(obj));
  out.push('Subject To');
  for (let r = 0; r < model.numRows; r++) {
    const lo = model.rowLower[r]!;
    const hi = model.rowUpper[r]!;
    if (lo === -INF && hi === INF) continue;
    const terms: string[] = [];
    for (let k = model.rowStart[r]!; k < model.rowStart[r + 1]!; k++) {
      const v = model.rowValue[k]!;
      terms.push(`${v < 0 ? '-' : '+'} ${num(Math.abs(v))} x${model.rowIndex[k]}`);
    }
    if (terms.length === 0) terms.push('0 x0');
    const body = terms.join(' ');
    if (lo === hi) out.push(wrap([` r${r}:`, body, `= ${num(lo)}`]));
    else {
      if (lo > -INF) out.push(wrap([` r${r}${hi < INF ? 'l' : ''}:`, body, `>= ${num(lo)}`]));
      if (hi < INF) out.push(wrap([` r${r}${lo > -INF ? 'u' : ''}:`, body, `<= ${num(hi)}`]));
    }
  }
  out.push('Bounds');
  const binaries: string[] = [];
  const generals: string[] = [];
  for (let j = 0; j < model.numCols; j++) {
    const lo = model.colLower[j]!;
    const hi = model.colUpper[j]!;
    const integer = model.colInteger[j] === 1;
    if (integer && lo === 0 && hi === 1) {
      binaries.push(`x${j}`);
      continue;
    }
    if (integer) generals.push(`x${j}`);
    if (lo === hi) out.push(` x${j} = ${num(lo)}`);
    else
      out.push(
        ` ${lo === -INF ? '-inf' : num(lo)} <= x${j} <= ${hi === INF ? '+inf' : num(hi)}`.replace(
          /^ -inf <= (x\d+) <= \+inf$/,
          ' $1 free',
        ),
      );
  }
  if (binaries.length > 0) out.push('Binary', wrap(binaries, ' '));
  if (generals.length > 0) out.push('General', wrap(generals, ' '));
  out.push('End', '');
  return out.join('\n');
}

/** Joins fragments, breaking lines every 16 fragments (CPLEX caps line length; HiGHS does not). */
function wrap(parts: string[], indent = ''): string {
  if (parts.length <= 16) return indent + parts.join(' ');
  const lines: string[] = [];
  for (let k = 0; k < parts.length; k += 16) lines.push(indent + parts.slice(k, k + 16).join(' '));
  return lines.join('\n  ');
}
