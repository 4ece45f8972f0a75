import type { Ctx } from '../../platform/http/context.ts';
import type { Scope } from '../../platform/scope/scope.ts';
import { searchUnits } from '../org/org.repository.ts';

/** The auditor reads the whole trail, so may narrow it to any unit of the tree. */
const WHOLE_TREE: Scope = { all: true, paths: [], personIds: [], memberPaths: [] };

/**
 * Units by name for the audit filter: districts, schools and classes (names of units, no personal
 * data). The auditor's own scope reaches no records, so the org pickers of other pages find nothing.
 */
export async function searchUnitsForAudit(ctx: Ctx, q: string | undefined) {
  const out = [];
  for (const kind of ['city', 'district', 'school', 'class'] as const) {
    if (kind === 'class' && !q) continue;
    const rows = await searchUnits(ctx.db, WHOLE_TREE, { kind, q: q || undefined, limit: 20 });
    out.push(...rows.map((u) => ({ id: u.id, name: u.name, kind: u.kind, path: u.path })));
  }
  return out.slice(0, 40);
}
