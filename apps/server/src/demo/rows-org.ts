import type pg from 'pg';
import type { RowWriter } from './binary.ts';
import { CURRENT_YEAR, type DemoCity, yearName } from './city.ts';
import type { TableSource } from './copy.ts';
import { NS } from './ids.ts';

const cols = (list: string) => list.trim().split(/\s+/);

function optKey(w: RowWriter, key: Buffer | null) {
  if (key) w.uuid(key);
  else w.null();
}

function optText(w: RowWriter, value: string | null) {
  if (value === null) w.null();
  else w.text(value);
}

export const orgUnitSource = (city: DemoCity): TableSource => ({
  table: 'org_unit',
  columns: cols(`id kind parent_id code name path district_id school_id stage school_type school_code
    division_code grade_code entry_year subject_code address`),
  *rows(w) {
    for (const u of city.tree.orgs) {
      w.row(16);
      w.uuid(u.key);
      w.ascii(u.kind);
      optKey(w, u.parentKey);
      w.ascii(u.code);
      w.text(u.name);
      w.ltree(u.path);
      optKey(w, u.districtKey);
      optKey(w, u.schoolKey);
      for (const v of [u.stage, u.schoolType, u.schoolCode, u.divisionCode, u.gradeCode]) optText(w, v);
      if (u.entryYear === null) w.null();
      else w.int4(u.entryYear);
      optText(w, u.subjectCode);
      optText(w, u.address);
      yield;
    }
  },
});

export interface Calendar {
  currentTermId: string;
}

/**
 * 2025-2026学年 (last year) and 2026-2027学年 (current), each with 第一学期 (Sept–Jan) and 第二学期
 * (Feb–July); the current term is 2026-2027 第一学期.
 */
export async function insertCalendar(client: pg.PoolClient, city: DemoCity): Promise<Calendar> {
  let ordinal = 0;
  let currentTermId = '';
  for (const start of [CURRENT_YEAR - 1, CURRENT_YEAR]) {
    const current = start === CURRENT_YEAR;
    const yearId = city.ids.id(NS.calendar, ordinal++);
    await client.query(
      'insert into academic_year (id, name, start_date, end_date, current) values ($1, $2, $3, $4, $5)',
      [yearId, yearName(start), `${start}-09-01`, `${start + 1}-07-31`, current],
    );
    const terms = [
      [1, '第一学期', `${start}-09-01`, `${start + 1}-01-31`],
      [2, '第二学期', `${start + 1}-02-01`, `${start + 1}-07-31`],
    ] as const;
    for (const [seq, name, from, to] of terms) {
      const termId = city.ids.id(NS.calendar, ordinal++);
      if (current && seq === 1) currentTermId = termId;
      await client.query(
        `insert into term (id, academic_year_id, seq, name, start_date, end_date, current)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [termId, yearId, seq, name, from, to, current && seq === 1],
      );
    }
  }
  return { currentTermId };
}
