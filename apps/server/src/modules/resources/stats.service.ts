import type { Ctx } from '../../platform/http/context.ts';
import * as repo from './use.repository.ts';

/**
 * R4 usage statistics by the units below the administrator: the city's districts, a district's
 * schools, or the school itself. Counts the resources each unit contributed and how they are used
 * (views on play, ratings), and how much the unit's own teachers and students use resources of
 * anyone (views, completions, downloads, counted by the viewer's school).
 */
export async function usageByUnit(ctx: Ctx) {
  const kind: 'district' | 'school' = ctx.actor.role === 'city_admin' ? 'district' : 'school';
  return { level: kind, rows: await repo.usageByUnit(ctx.db, ctx.scope, kind) };
}
