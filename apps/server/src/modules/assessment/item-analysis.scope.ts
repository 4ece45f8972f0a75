import { type SQL, sql } from 'drizzle-orm';
import type { ScopeRules, Viewer } from '../../platform/scope/registry.ts';
import { inScope, pathWithin } from '../../platform/scope/scope.ts';
import { ANALYSIS_STRUCTURE_ROLES } from './item-analysis.policy.ts';

declare module '../../platform/scope/registry.ts' {
  interface ScopedEntityKinds {
    /** An assignment as its item analysis (试题分析) addresses it, by the assignment's id. */
    itemAnalysis: true;
  }
}

/**
 * Who may open an assignment's item analysis: staff who may address the assignment (whoever set
 * it, administrators whose unit holds it, teachers of one of its classes; never a class's members),
 * and a researcher for a 统考 set in their unit or given to classes in it. The analysis itself then
 * counts only the attempts inside the viewer's reach.
 */
export function itemAnalysisVisible({ actor, scope }: Viewer, id: SQL): SQL {
  if ((ANALYSIS_STRUCTURE_ROLES as readonly string[]).includes(actor.role)) {
    const unit = scope.structurePaths ?? [];
    return sql`exists (select 1 from assignment a where a.id = ${id} and a.kind = 'unified_exam'
      and (${pathWithin(sql`a.path`, unit)} or exists (select 1 from assignment_class ac
            where ac.assignment_id = a.id and ${pathWithin(sql`ac.path`, unit)})))`;
  }
  const classes = scope.all
    ? sql`true`
    : sql`exists (select 1 from assignment_class ac where ac.assignment_id = a.id
                  and ${pathWithin(sql`ac.path`, scope.paths)})`;
  return sql`exists (select 1 from assignment a where a.id = ${id}
    and (a.created_by = ${actor.personId} or ${inScope(scope, sql`a.path`)} or ${classes}))`;
}

export const itemAnalysisScope: ScopeRules = {
  module: 'assessment (item analysis)',
  kinds: [
    {
      kind: 'itemAnalysis',
      visible: (viewer, id) => itemAnalysisVisible(viewer, sql`${id}::uuid`),
      tables: ['assignment', 'assignment_class'],
      matrix: { outOfScope: (t) => [t.assignment] },
    },
  ],
};
