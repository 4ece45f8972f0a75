import { describe, expect, it } from 'vitest';
import { INF, MipModel, toLpText } from './model.ts';
import { highsRuntime, solveModel } from './solver.ts';

describe('MipModel and the LP writer', () => {
  it('writes CPLEX LP text that HiGHS reads back to the same optimum as the structured model', async () => {
    const m = new MipModel();
    const x = m.addBinaries(3);
    const y = m.addCols(1, 0, 10, true, 0);
    m.sense = 'max';
    for (const [k, c] of [5, 4, 3].entries()) m.setCost(x + k, c);
    m.setCost(y, 0.5);
    m.addRow('weight', [x, x + 1, x + 2], [2, 3, 1], -INF, 4);
    m.addRow('range', [x, y], [1, 1], 1, 3.5);
    const text = toLpText(m);
    expect(text).toContain('Maximize');
    expect(text).toContain('r0: + 2 x0 + 3 x1 + 1 x2 <= 4');
    expect(text).toContain('r1l: + 1 x0 + 1 x3 >= 1');
    expect(text).toContain('r1u: + 1 x0 + 1 x3 <= 3.5');
    expect(text).toMatch(/Binary\n x0 x1 x2/);
    expect(text).toMatch(/General\n x3/);
    const highs = await highsRuntime();
    const fromText = highs.solve(text, { output_flag: false } as never);
    const structured = solveModel(highs, m);
    expect(fromText.Status).toBe('Optimal');
    expect(structured.status).toBe('optimal');
    expect(structured.objective).toBeCloseTo(fromText.ObjectiveValue, 9);
    expect(structured.objective).toBeCloseTo(5 + 3 + 1, 9);
  });

  it('keeps each row in its group, the structure group being 0', () => {
    const m = new MipModel();
    m.addBinaries(2);
    m.addRow(0, [0, 1], 1, -INF, 1);
    m.addRow('cells[0]', [0], 1, 1, 1);
    m.addRow('cells[0]', [1], 1, 0, 1);
    expect(m.groups).toEqual(['structure', 'cells[0]']);
    expect(m.rowGroup).toEqual([0, 1, 1]);
    expect(m.rowActivity(0, [1, 1])).toBe(2);
  });

  it('writes a 100,000-column model as one string (built by arrays, not repeated concatenation)', () => {
    const m = new MipModel();
    const n = 100_000;
    m.addBinaries(n);
    const cols = Int32Array.from({ length: n }, (_, j) => j);
    m.addRow('length', cols, 1, 40, 40);
    m.addRow(
      'time',
      cols,
      Float64Array.from({ length: n }, (_, j) => 30 + (j % 90)),
      -INF,
      5400,
    );
    const text = toLpText(m);
    expect(text.split('\n').filter((l) => l.startsWith(' r')).length).toBe(2);
    expect(text).toContain(`x${n - 1}`);
  });
});
