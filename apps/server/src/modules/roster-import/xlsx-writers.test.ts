import { describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../platform/xlsx/xlsx-file.ts';
import { annotateWorkbook } from './annotate.ts';
import { SHEETS } from './columns.ts';
import {
  cellsOf,
  expectedErrors,
  expectedRed,
  FIXTURE_ROWS,
  type FixtureCell,
  noteText,
  redCells,
  WRITER_FIXTURES,
} from './fixtures/students.expected.ts';
import { readSheet, type TCell } from './sheet-io.ts';

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A cell as the validators compare it: dates (as Date or as a serial) become YYYY-MM-DD. */
function plain(v: TCell, column: string): string | number | null {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (column === 'birthDate' && typeof v === 'number')
    return new Date(EXCEL_EPOCH + v * 86_400_000).toISOString().slice(0, 10);
  return v as string | number | null;
}

const expectedCell = (v: FixtureCell | undefined) =>
  v === undefined ? null : typeof v === 'object' ? v.date : v;

describe('workbooks written by other programs (fixtures/generate.sh)', () => {
  it('has a fixture of every writer', () => {
    expect(WRITER_FIXTURES.map((f) => f.writer)).toEqual(
      expect.arrayContaining(['exceljs', 'openpyxl', 'libreoffice', 'excel-style', 'wps-style']),
    );
  });

  const headerKey = new Map(SHEETS.students.columns.map((c) => [c.header, c.key]));

  for (const { writer, file } of WRITER_FIXTURES) {
    describe(writer, () => {
      it('reads every row and cell as written', async () => {
        const { rows } = readSheet(await loadWorkbook(file), 'students');
        expect(rows.map((r) => r.row)).toEqual(FIXTURE_ROWS.map((_, i) => i + 2));
        rows.forEach((r, i) => {
          for (const [header, value] of Object.entries(FIXTURE_ROWS[i]!)) {
            const key = headerKey.get(header)!;
            expect(plain(r.cells[key] ?? null, key), `row ${r.row} ${header}`).toEqual(expectedCell(value));
          }
        });
      });

      it('marks exactly the erroneous cells red, in their rows, and keeps the header notes', async () => {
        const errors = expectedErrors();
        const annotated = await annotateWorkbook(file, 'students', errors);
        const red = await redCells(annotated);
        expect(cellsOf(red)).toEqual(expectedRed(errors));
        for (const e of errors) {
          expect(red.find((c) => c.row === e.row && c.column === e.column)?.note).toContain(e.message);
        }
        const ws = (await loadWorkbook(annotated)).getWorksheet('学生')!;
        expect(noteText(ws.getCell('A1'))).toBe(SHEETS.students.columns[0]!.rule);
      });

      it('clears the marks of cells fixed since the last round', async () => {
        const errors = expectedErrors();
        const first = await annotateWorkbook(file, 'students', errors);
        const left = errors.filter((e) => e.row === 4);
        const second = await annotateWorkbook(first, 'students', left);
        const red = await redCells(second);
        expect(cellsOf(red)).toEqual(expectedRed(left));
        expect(red.find((c) => c.row === 4)?.note).toBe('身份证号校验位不正确');
      });
    });
  }
});
