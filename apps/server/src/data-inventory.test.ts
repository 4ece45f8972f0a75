import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { DATA_INVENTORY } from './data-inventory.ts';
import * as schema from './schema.ts';

const tables = Object.values(schema as Record<string, unknown>).filter(
  (v): v is PgTable => v instanceof PgTable,
);
const nameOf = (t: PgTable) => getTableConfig(t).name;

describe('数据分级分类: the personal-data inventory', () => {
  it('declares every table of the schema exactly once', () => {
    const declared = DATA_INVENTORY.map((t) => nameOf(t.table)).sort();
    expect(new Set(declared).size).toBe(declared.length);
    expect(declared).toEqual(tables.map(nameOf).sort());
  });

  it('classifies every column, and every personal column with a class, legal basis and purpose', () => {
    const missing: string[] = [];
    for (const t of DATA_INVENTORY) {
      for (const key of Object.keys(getTableColumns(t.table))) {
        const c = t.columns[key];
        if (!c) missing.push(`${nameOf(t.table)}.${key}: not declared`);
        else if (c.kind === 'personal' && !(c.class && c.basis && c.purpose.trim()))
          missing.push(`${nameOf(t.table)}.${key}: class, basis or purpose missing`);
      }
      for (const key of Object.keys(t.columns)) {
        if (!(key in getTableColumns(t.table))) missing.push(`${nameOf(t.table)}.${key}: no such column`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps every sensitive column encrypted or hashed, or says why not', () => {
    const plain: string[] = [];
    for (const t of DATA_INVENTORY) {
      for (const [key, column] of Object.entries(getTableColumns(t.table))) {
        const c = t.columns[key];
        if (c?.kind !== 'personal' || c.class !== 'sensitive' || c.plaintextBecause) continue;
        const sealed = column.getSQLType() === 'bytea' || /Hash$/.test(key);
        if (!sealed) plain.push(`${nameOf(t.table)}.${key}`);
      }
    }
    expect(plain).toEqual([]);
  });
});
