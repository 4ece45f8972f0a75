import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';

/**
 * 数据分级分类 (P5, COMPLIANCE §3): every column of every table is declared, beside the table's
 * schema, as personal data (with its class, legal basis and purpose) or not. The declarations are
 * exhaustive by type (a new column without one does not compile), the inventory page and export are
 * generated from them, and `inventory.test.ts` checks that every personal table is under row-level
 * security and every sensitive column encrypted.
 */
export type TDataClass = 'general' | 'important' | 'sensitive';

export const DATA_CLASS_LABEL: Record<TDataClass, string> = {
  general: '一般个人信息',
  important: '重要个人信息',
  sensitive: '敏感个人信息',
};

/**
 * Legal basis under PIPL Art. 13: (1) consent, (2) a contract with the person or human-resources
 * management, (3) a statutory duty of the bureau (学籍 management, education administration).
 */
export type TLegalBasis = 'consent' | 'contract' | 'statutory_duty';

export const LEGAL_BASIS_LABEL: Record<TLegalBasis, string> = {
  consent: '个人同意（PIPL 第13条第1项；不满14周岁须监护人同意）',
  contract: '订立、履行合同或人力资源管理所必需（PIPL 第13条第2项）',
  statutory_duty: '履行法定职责或法定义务所必需（PIPL 第13条第3项）',
};

export interface PersonalColumn {
  kind: 'personal';
  class: TDataClass;
  basis: TLegalBasis;
  /** What the platform uses the value for, in Chinese (shown in the inventory). */
  purpose: string;
  /** Why a sensitive value is kept in plaintext (searching, sorting); required for sensitive ones. */
  plaintextBecause?: string;
}

export interface NotPersonal {
  kind: 'none';
}

export type ColumnClass = PersonalColumn | NotPersonal;

/** A column that holds no personal data: keys of non-personal rows, codes, counters, timestamps. */
export const NONE: NotPersonal = { kind: 'none' };

export const personal = (
  cls: TDataClass,
  basis: TLegalBasis,
  purpose: string,
  opts: { plaintextBecause?: string } = {},
): PersonalColumn => ({ kind: 'personal', class: cls, basis, purpose, ...opts });

/** Column names of a Drizzle table, by their TypeScript keys. */
type ColumnsOf<T extends PgTable> = T['_']['columns'];

/**
 * What a deletion request (PIPL Art. 47) does to the subject's rows: delete them; anonymise them
 * (the subject columns get a fresh random id, the listed columns are emptied: aggregates such as
 * rating totals stay true); or keep them under a statutory duty (学籍, the audit trail), which the
 * answer to the request states.
 */
export type TErasure = 'delete' | 'retain' | { anonymise: readonly string[] };

/** Rows the daily retention job deletes: those whose `column` is older than `days`. */
export interface PurgeRule {
  column: string;
  days: number;
}

export interface TableInventory {
  table: PgTable;
  /** Whose data the rows hold and why the table exists, in Chinese. */
  description: string;
  /** How long rows are kept, in Chinese (the retention job enforces what `purge` declares). */
  retention: string;
  columns: Record<string, ColumnClass>;
  /** Columns holding the id of the person the row is about: access copies and deletion use them. */
  subjects: readonly string[];
  erasure: TErasure;
  purge?: PurgeRule;
}

/** Declares the classification of every column of `table` (keys are the schema's property names). */
export function inventory<T extends PgTable>(
  table: T,
  spec: {
    description: string;
    retention: string;
    columns: { [K in keyof ColumnsOf<T>]: ColumnClass };
    subjects?: readonly (keyof ColumnsOf<T> & string)[];
    erasure?: TErasure;
    purge?: { column: keyof ColumnsOf<T> & string; days: number };
  },
): TableInventory {
  return {
    table,
    description: spec.description,
    retention: spec.retention,
    columns: spec.columns,
    subjects: spec.subjects ?? [],
    erasure: spec.erasure ?? 'retain',
    purge: spec.purge,
  };
}

/** True when the table holds any personal column. */
export const holdsPersonalData = (t: TableInventory) =>
  Object.values(t.columns).some((c) => c.kind === 'personal');

/** The SQL name of a declared table. */
export const tableNameOf = (t: TableInventory): string => getTableConfig(t.table).name;

/** The columns of a declared table, by their TypeScript keys. */
export const columnsOf = (t: TableInventory): Record<string, PgColumn> =>
  getTableColumns(t.table) as Record<string, PgColumn>;
