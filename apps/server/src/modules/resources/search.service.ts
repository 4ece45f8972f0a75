import type { Tx } from '../../platform/db/client.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { indexTokens, queryTokens } from '../../platform/search/chinese.ts';
import * as repo from './search.repository.ts';

/**
 * (Re)builds the full-text vectors of resources: title weighs most, then tags, then description,
 * lesson and knowledge points. Segmentation happens here (jieba), PostgreSQL stores and matches.
 */
export async function reindexResources(tx: Tx, ids: string[] | 'missing', batch = 2000): Promise<number> {
  let done = 0;
  for (;;) {
    if (ids !== 'missing' && done >= ids.length) break;
    const rows = await repo.listIndexSources(
      tx,
      ids === 'missing' ? { missing: true } : { ids: ids.slice(done, done + batch) },
      batch,
    );
    if (rows.length === 0) break;
    const docs = rows.map((r) => ({
      id: r.id,
      a: indexTokens(r.title),
      b: indexTokens(r.tags.join(' ')),
      c: indexTokens(r.body ?? ''),
    }));
    await repo.writeSearchVectors(tx, docs);
    done += rows.length;
    if (ids !== 'missing' && done >= ids.length) break;
  }
  return done;
}

export interface SearchQuery extends repo.SearchFilter {
  q: string;
}

type Facet = { value: string; count: number }[];

/**
 * R5: Chinese full-text search over published (and one's own) resources with catalogue facets.
 * Ranking blends text relevance (title > tags > description) with ratings and use.
 */
export async function searchResources(ctx: Ctx, q: SearchQuery) {
  const words = queryTokens(q.q);
  if (words.length === 0) return { total: 0, words, items: [], facets: { kind: [], subject: [], grade: [] } };
  const row = await repo.searchPage(ctx.db, ctx, words, q);
  const facetRows = row.facets ?? [];
  const facet = (dim: string): Facet =>
    facetRows.filter((f) => f.dim === dim).map(({ value, count }) => ({ value, count }));
  return {
    total: row.total,
    words,
    items: row.items ?? [],
    facets: { kind: facet('kind'), subject: facet('subject'), grade: facet('grade') },
  };
}
