import type { Tx } from '../../platform/db/client.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { indexTokens, queryTokens } from '../../platform/search/chinese.ts';
import { listItemPoints } from './bank.repository.ts';
import { present } from './bank.service.ts';
import * as repo from './bank-search.repository.ts';

/**
 * (Re)writes the search rows of items: the stem and options weigh most, then the knowledge points,
 * then the source and year. Segmentation here (jieba, as for resources), matching in PostgreSQL.
 * Every write of an item calls it in the same transaction, so search never shows a stale item.
 */
export async function reindexItems(tx: Tx, ids: string[] | 'missing', batch = 2000): Promise<number> {
  let done = 0;
  for (;;) {
    const slice = ids === 'missing' ? null : ids.slice(done, done + batch);
    if (slice?.length === 0) break;
    const rows = await repo.listIndexSources(tx, slice ? { ids: slice } : { missing: true }, batch);
    if (rows.length === 0) break;
    await repo.writeSearchRows(
      tx,
      rows.map((r) => ({
        id: r.id,
        a: indexTokens(r.stem),
        b: indexTokens(r.points),
        c: indexTokens(r.source),
      })),
    );
    done += slice ? slice.length : rows.length;
  }
  return done;
}

type Facet = { value: string; count: number; label?: string };

/** How many knowledge points the facet lists (the most frequent among the matches). */
const POINT_FACET = 30;

/**
 * The item bank's search: Chinese words (all must match) and catalogue filters over every item the
 * viewer sees, with facet counts by subject, grade, type, cognitive level, knowledge point,
 * difficulty band, share level, year and source. Without words it browses, latest first.
 */
export async function searchItems(ctx: Ctx, q: repo.ItemFilter & { q?: string }) {
  const words = q.q ? queryTokens(q.q) : [];
  const found = await repo.searchItems(ctx.db, ctx, words, q);
  const points = await listItemPoints(
    ctx.db,
    found.items.map((i) => i.id),
  );
  const facet = (dim: string): Facet[] =>
    found.facets.filter((f) => f.dim === dim).map(({ value, count }) => ({ value, count }));
  const pointFacet = facet('point').slice(0, POINT_FACET);
  const names = new Map(
    (
      await repo.pointNames(
        ctx.db,
        pointFacet.map((f) => f.value),
      )
    ).map((p) => [p.id, p.name]),
  );
  return {
    total: found.total,
    words,
    items: found.items.map((i) => present(ctx, i, points.get(i.id) ?? [])),
    facets: {
      subject: facet('subject'),
      grade: facet('grade'),
      type: facet('type'),
      level: facet('level'),
      band: facet('band'),
      share: facet('share'),
      year: facet('year'),
      source: facet('source').slice(0, 20),
      point: pointFacet.map((f) => ({ ...f, label: names.get(f.value) ?? f.value })),
    },
  };
}
