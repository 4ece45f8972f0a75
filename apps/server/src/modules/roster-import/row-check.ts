import { unsafeTextReason } from '../../platform/http/schemas.ts';
import { type IdNumberInfo, parseResidentId } from '../roster/id-number.ts';
import type { CodeBook } from './code-book.ts';
import { type ColumnDef, SHEETS } from './columns.ts';
import type { TImportKind, TRowError } from './roster-import.schema.ts';
import type { RawRow, TCell } from './sheet-io.ts';

/** Names: letters of any script (汉字, 字母), combining marks, spaces and the 间隔号 of minority names. */
const NAME = /^[\p{L}\p{M}·•・. ]+$/u;
const PHONE = /^1[3-9][0-9]{9}$/;
const OTHER_ID = /^[A-Z0-9()（）-]{4,30}$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export interface IdValue {
  idType: string;
  idNumber: string;
  /** Birth date and sex encoded in a resident ID number (type 1). */
  info?: IdNumberInfo;
}

/**
 * Reads one row cell by cell and collects every problem with its row, column and reason in Chinese.
 * Each getter returns undefined for an empty optional cell or an invalid one (then `ok` is false).
 */
export class RowCheck {
  ok = true;
  private readonly columns: Map<string, ColumnDef>;
  private readonly failedKeys = new Set<string>();

  constructor(
    kind: TImportKind,
    readonly raw: RawRow,
    private readonly errors: TRowError[],
    private readonly book: CodeBook,
  ) {
    this.columns = new Map(SHEETS[kind].columns.map((c) => [c.key, c]));
  }

  get row(): number {
    return this.raw.row;
  }

  fail(key: string, message: string): undefined {
    this.ok = false;
    this.failedKeys.add(key);
    this.errors.push({ row: this.raw.row, column: this.columns.get(key)?.header ?? key, message });
    return undefined;
  }

  /** True when a cell of this column was refused (an empty optional cell is not a failure). */
  failed(key: string): boolean {
    return this.failedKeys.has(key);
  }

  private cell(key: string): TCell {
    const v = this.raw.cells[key] ?? null;
    if (v === null && this.columns.get(key)?.required) this.fail(key, '必填项不能为空');
    return v;
  }

  /** Literal text: stored as typed (trimmed), never interpreted. */
  text(key: string, opts: { max?: number; pattern?: RegExp; message?: string; upper?: boolean } = {}) {
    const v = this.cell(key);
    if (v === null) return undefined;
    let s: string;
    if (typeof v === 'string') s = v;
    else if (typeof v === 'number') {
      if (!Number.isSafeInteger(v))
        return this.fail(key, '数字过长，Excel 已丢失精度，请将该列设为文本格式后重新填写');
      s = String(v);
    } else if (typeof v === 'boolean') s = v ? '是' : '否';
    else return this.fail(key, '应填写文本，不能是日期');
    if (opts.upper) s = s.toUpperCase();
    // Every cell of a roster is one line: no line breaks, controls or direction overrides.
    const unsafe = unsafeTextReason(s, true);
    if (unsafe) return this.fail(key, unsafe);
    if (opts.max && [...s].length > opts.max) return this.fail(key, `不能超过 ${opts.max} 个字符`);
    if (opts.pattern && !opts.pattern.test(s)) return this.fail(key, opts.message ?? '格式不正确');
    return s;
  }

  /** A person's name (refuses markup and punctuation such as `<script>` or `'; drop table`). */
  name(key: string): string | undefined {
    const s = this.text(key, { max: 30 });
    if (s === undefined) return undefined;
    if (!NAME.test(s)) return this.fail(key, '姓名只能包含汉字、字母、空格和间隔号「·」');
    return s;
  }

  code(key: string): string | undefined {
    const s = this.text(key, { max: 40 });
    const category = this.columns.get(key)?.category;
    if (s === undefined || !category) return undefined;
    const code = this.book.resolve(category, s);
    if (code === undefined) {
      const title = this.book.table(category)?.title ?? category;
      return this.fail(key, `「${s}」不在「${title}」代码表中`);
    }
    return code;
  }

  /** Several codes separated by commas; returned sorted, without repeats. */
  codes(key: string): string[] | undefined {
    const s = this.text(key, { max: 200 });
    const category = this.columns.get(key)?.category;
    if (s === undefined || !category) return undefined;
    const out = new Set<string>();
    for (const part of s.split(/[,，、;；\s]+/).filter(Boolean)) {
      const code = this.book.resolve(category, part);
      if (code === undefined)
        return this.fail(key, `「${part}」不在「${this.book.table(category)?.title}」代码表中`);
      out.add(code);
    }
    return [...out].sort();
  }

  date(key: string): string | undefined {
    const v = this.cell(key);
    if (v === null) return undefined;
    let iso: string | undefined;
    if (v instanceof Date) iso = isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    else if (typeof v === 'number' && v > 0 && v < 80_000) {
      const t = new Date(EXCEL_EPOCH + Math.floor(v) * 86_400_000);
      iso = isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
    } else if (typeof v === 'string') {
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
      if (m) iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    if (!iso) return this.fail(key, '日期格式应为 YYYY-MM-DD，且须为有效日期');
    if (iso < '1900-01-01' || iso > new Date().toISOString().slice(0, 10))
      return this.fail(key, '日期超出合理范围');
    return iso;
  }

  year(key: string): number | undefined {
    const v = this.cell(key);
    if (v === null) return undefined;
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : Number.NaN;
    const max = new Date().getUTCFullYear() + 1;
    if (!Number.isInteger(n) || n < 1990 || n > max) return this.fail(key, `应为 1990–${max} 之间的四位年份`);
    return n;
  }

  bool(key: string): boolean | undefined {
    const v = this.cell(key);
    if (v === null) return undefined;
    if (typeof v === 'boolean') return v;
    const s = String(v).trim().toUpperCase();
    if (['是', 'Y', 'YES', 'TRUE', '1'].includes(s)) return true;
    if (['否', 'N', 'NO', 'FALSE', '0'].includes(s)) return false;
    return this.fail(key, '应填写「是」或「否」');
  }

  choice(key: string): string | undefined {
    const s = this.text(key);
    const choices = this.columns.get(key)?.choices ?? [];
    if (s === undefined) return undefined;
    if (!choices.includes(s)) return this.fail(key, `应为 ${choices.map((c) => `「${c}」`).join('或')}`);
    return s;
  }

  phone(key: string): string | undefined {
    const s = this.text(key, { max: 20 });
    if (s === undefined) return undefined;
    const p = s.replace(/[\s-]/g, '').replace(/^\+?86/, '');
    if (!PHONE.test(p)) return this.fail(key, '手机号应为 11 位中国大陆手机号');
    return p;
  }

  /** ID type and number together; a resident ID (type 1) must carry a valid check digit and date. */
  idNumber(typeKey: string, numberKey: string): IdValue | undefined {
    const idType = this.code(typeKey);
    const raw = this.text(numberKey, { max: 30, upper: true });
    if (raw === undefined) {
      if (idType !== undefined) this.fail(numberKey, '填写了证件类型时须填写证件号码');
      return undefined;
    }
    if (idType === undefined) {
      if (this.raw.cells[typeKey] == null) this.fail(typeKey, '填写证件号码时须填写证件类型');
      return undefined;
    }
    if (idType === '1') {
      const info = parseResidentId(raw);
      if ('error' in info) return this.fail(numberKey, info.error);
      return { idType, idNumber: raw, info };
    }
    if (!OTHER_ID.test(raw)) return this.fail(numberKey, '证件号码只能包含字母、数字、括号和「-」，4–30 位');
    return { idType, idNumber: raw };
  }

  /** Birth date and sex must agree with a resident ID number. */
  agreeWithId(id: IdValue | undefined, gender?: string, birthDate?: string): void {
    if (!id?.info) return;
    if (gender !== undefined && gender !== id.info.gender)
      this.fail('gender', '性别与身份证号不一致（身份证号第 17 位奇数为男、偶数为女）');
    if (birthDate !== undefined && birthDate !== id.info.birthDate)
      this.fail('birthDate', '出生日期与身份证号中的出生日期不一致');
  }
}

/** Remembers the first row of each key, so a repeat names the row it repeats. */
export class SeenKeys {
  private readonly seen = new Map<string, number>();

  check(check: RowCheck, column: string, key: string | undefined, what: string): boolean {
    if (key === undefined) return true;
    const first = this.seen.get(key);
    if (first !== undefined) {
      check.fail(column, `${what}与第 ${first} 行重复`);
      return false;
    }
    this.seen.set(key, check.row);
    return true;
  }
}
