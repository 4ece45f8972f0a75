import { notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { listResources } from '../resources/resources.service.ts';
import * as repo from './curriculum.repository.ts';

/**
 * The published resources catalogued under a lesson, newest first, for the lesson's panel. The
 * resources module lists them under its own visibility rules; drafts, resources in review and
 * retired ones never show here, not even to their author (who finds them under 我的资源).
 */
export async function listLessonResources(
  ctx: Ctx,
  lessonId: string,
  page: { limit: number; offset: number },
) {
  const lesson = await repo.findNode(ctx.db, lessonId);
  if (lesson?.kind !== 'lesson') throw notFound('课');
  const { total, items } = await listResources(ctx, { lessonId, status: 'published', ...page });
  return {
    total,
    items: items.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      authorName: r.authorName,
      unitName: r.unitName,
      publishedAt: r.publishedAt,
    })),
  };
}
