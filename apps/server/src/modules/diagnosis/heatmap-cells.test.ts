import { describe, expect, it } from 'vitest';
import { COUNT_CAP, classColumns, forEachCell, packCells } from './heatmap-cells.ts';

const KP = ['01a03148-1a4f-7560-b98c-81c570ed0b41', '01a03148-1a4f-7560-b98c-81c570ed0b42'];

describe('packed heatmap cells', () => {
  it('read back what was packed: the point, mastery to the thousandth and both counts', () => {
    const read: unknown[] = [];
    forEachCell(
      packCells([
        { kp: KP[0]!, p: 0.4567, correct: 3, wrong: 12 },
        { kp: KP[1]!, p: 1, correct: 0, wrong: 0 },
      ]),
      (...cell) => read.push(cell),
    );
    expect(read).toEqual([
      [KP[0], 457, 3, 12],
      [KP[1], 1000, 0, 0],
    ]);
  });

  it('caps counts beyond what a cell shows and reads an empty text as no points', () => {
    const read: number[][] = [];
    forEachCell(packCells([{ kp: KP[0]!, p: 0, correct: 123_456, wrong: 20_000 }]), (_kp, ...n) =>
      read.push(n),
    );
    expect(read).toEqual([[0, COUNT_CAP, COUNT_CAP]]);
    let n = 0;
    forEachCell('', () => n++);
    expect(n).toBe(0);
  });

  it("lays the class's students out in the roster's order, leaving out those not on it", () => {
    const columns = classColumns(
      ['b', 'a'],
      [
        { studentId: 'a', cells: packCells([{ kp: KP[0]!, p: 0.3, correct: 1, wrong: 2 }]) },
        { studentId: 'x', cells: packCells([{ kp: KP[1]!, p: 0.9, correct: 5, wrong: 0 }]) },
      ],
    );
    expect([...columns.keys()]).toEqual([KP[0]]);
    expect(columns.get(KP[0]!)).toEqual({ p: [null, 0.3], correct: [null, 1], wrong: [null, 2] });
  });
});
