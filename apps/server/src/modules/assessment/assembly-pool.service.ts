import type { Ctx } from '../../platform/http/context.ts';
import { loadPool, type PoolItem } from './assembly-pool.repository.ts';
import type { BlueprintSpec } from './blueprint-model.ts';

export type { PoolItem };

/**
 * The pool a blueprint is assembled from (the input `assemble(pool, blueprint, options)` takes,
 * once `@hanlin/analytics/assembly` lands): every item of the subject and grade the teacher sees,
 * less the excluded, retired and over-exposed ones. Items the blueprint must include are checked
 * to be in it, so an infeasible request names them.
 */
export async function assemblyPool(
  ctx: Ctx,
  q: { subjectCode: string; gradeCode: string; spec: BlueprintSpec },
): Promise<{ pool: PoolItem[]; missingIncluded: string[] }> {
  const pool = await loadPool(ctx.db, ctx, {
    subjectCode: q.subjectCode,
    gradeCode: q.gradeCode,
    exclude: q.spec.exclude,
    maxExposure: q.spec.maxExposure,
  });
  const ids = new Set(pool.map((p) => p.id));
  return { pool, missingIncluded: q.spec.include.filter((id) => !ids.has(id)) };
}
