import { type CodeTableView, readCurrentTables } from '../../platform/codes/codes.repository.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { ColumnDef } from './columns.ts';

/** Everyday spellings that map onto a standard label (GB/T 2261.1 says 男性/女性; people write 男/女). */
const ALIASES: Record<string, Record<string, string>> = {
  gender: { 男: '1', 女: '2' },
};

/**
 * The current national code tables, indexed for reading cells: a cell may hold the code, the
 * Chinese label, or both ("01 汉族", "汉族(01)"). Built once per import from the database, so an
 * import always checks against the tables in force.
 */
export class CodeBook {
  private readonly byCategory = new Map<string, CodeTableView>();
  private readonly codes = new Map<string, Map<string, string>>();
  private readonly labels = new Map<string, Map<string, string | null>>();

  constructor(tables: CodeTableView[]) {
    for (const t of tables) {
      this.byCategory.set(t.category, t);
      const codes = new Map<string, string>();
      const labels = new Map<string, string | null>();
      for (const e of t.entries) {
        codes.set(e.code, e.zh);
        // A label used by two codes (信息技术 26/61) cannot identify a code on its own.
        labels.set(e.zh, labels.has(e.zh) ? null : e.code);
      }
      this.codes.set(t.category, codes);
      this.labels.set(t.category, labels);
    }
  }

  static async load(tx: Tx): Promise<CodeBook> {
    return new CodeBook(await readCurrentTables(tx));
  }

  table(category: string): CodeTableView | undefined {
    return this.byCategory.get(category);
  }

  has(category: string, code: string): boolean {
    return this.codes.get(category)?.has(code) ?? false;
  }

  label(category: string, code: string): string | undefined {
    return this.codes.get(category)?.get(code);
  }

  /** The code a cell means, or undefined when it names none (or more than one). */
  resolve(category: string, raw: string): string | undefined {
    const value = raw.trim();
    const codes = this.codes.get(category);
    if (!codes) return undefined;
    const upper = value.toUpperCase();
    if (codes.has(value)) return value;
    if (codes.has(upper)) return upper;
    const byLabel = this.labels.get(category)?.get(value);
    if (byLabel) return byLabel;
    const alias = ALIASES[category]?.[value];
    if (alias) return alias;
    // "01 汉族", "01-汉族", "汉族(01)", "汉族（01）"
    const lead = /^([0-9A-Za-z]{1,6})[\s\-—_:：.、]+(.+)$/.exec(value);
    if (lead && codes.get(lead[1]!.toUpperCase()) === lead[2]!.trim()) return lead[1]!.toUpperCase();
    const tail = /^(.+?)\s*[(（]([0-9A-Za-z]{1,6})[)）]$/.exec(value);
    if (tail && codes.get(tail[2]!.toUpperCase()) === tail[1]) return tail[2]!.toUpperCase();
    return undefined;
  }

  /** What a code column shows for a stored code (label by default, the code where the header says 代码). */
  display(column: ColumnDef, code: string | null | undefined): string {
    if (code == null || code === '') return '';
    if (column.show === 'code' || !column.category) return code;
    return this.label(column.category, code) ?? code;
  }
}
