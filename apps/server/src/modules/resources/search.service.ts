import type { Tx } from '../../platform/db/client.ts';
import type { Ctx } from '../../platform/http/context.ts';
import type { Viewer } from '../../platform/scope/registry.ts';
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

/**
 * Recomputes the popularity levels that large result sets are ranked from (see searchMatches).
 * Meant to run daily, as a job; a resource published since the last run competes in large result
 * sets from the next one on (small ones rank every match).
 */
export const refreshSearchPopularity = (tx: Tx): Promise<number> => repo.refreshPopularity(tx);

export interface SearchQuery extends repo.SearchFilter {
  q: string;
}

type Facet = { value: string; count: number }[];

/** How the search trades exactness for speed on large result sets (see searchMatches). */
export interface SearchTuning {
  /** Result sets up to this size are ranked whole, with exact counts. */
  exactMax: number;
  /** Otherwise about this many candidates per page of results are scored (and as many title matches). */
  candidates: number;
  /** A random sample is drawn so that it holds about this many matches (at most 1/256 of them). */
  sampleMatches: number;
  /** Words in more than this share of resources are not looked up in the index, only checked on rows. */
  commonWord: number;
}

export const TUNING: SearchTuning = { exactMax: 1000, candidates: 200, sampleMatches: 256, commonWord: 0.3 };

const STATS_TTL_MS = 10 * 60_000;
const statsOf = new WeakMap<object, { at: number; value: Promise<repo.WordStats | null> }>();

/** The word statistics of a database (`key`), read at most every ten minutes. */
function wordStats(tx: Tx, key: object): Promise<repo.WordStats | null> {
  const now = Date.now();
  let s = statsOf.get(key);
  if (!s || now - s.at > STATS_TTL_MS) {
    s = { at: now, value: repo.readWordStats(tx).catch(() => null) };
    statsOf.set(key, s);
  }
  return s.value;
}

/**
 * What the search knows before it looks: which words to probe the index with, and at most how many
 * resources match (unknown without statistics, e.g. before the first ANALYZE).
 */
function plan(
  words: string[],
  s: repo.WordStats | null,
  t: SearchTuning,
): { probe: string[]; atMost: number } {
  if (!s) return { probe: words, atMost: Number.POSITIVE_INFINITY };
  const share = (w: string) => s.freq.get(w) ?? s.rareBelow;
  const byRarity = [...words].sort((a, b) => share(a) - share(b));
  const probe = byRarity.filter((w, i) => i === 0 || share(w) <= t.commonWord);
  return { probe, atMost: s.rows * share(byRarity[0]!) };
}

const log2 = (x: number) => (x > 0 ? Math.log2(x) : 0);
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.floor(x)));
/** An estimate, shown with two significant digits. */
const roughly = (n: number) => {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
};

/**
 * The search itself. Small result sets (up to `exactMax` matches) are ranked whole: exact order,
 * total and facets. Large ones are not (「课堂 实录」 matches a tenth of a million resources): a
 * random sample of the matches, drawn by the index, estimates the total and the facets; the page is
 * ranked exactly among the candidates that can reach it, the matches among the most used and best
 * rated resources (popularity levels) and the title or tag matches among those. `estimated` tells
 * which. `statsKey` identifies the database whose word statistics are kept in memory.
 */
export async function searchMatches(
  tx: Tx,
  viewer: Viewer,
  words: string[],
  q: repo.SearchFilter,
  opts: {
    statsKey: object;
    tuning?: SearchTuning;
    /** Word statistics to use instead of the database's (null: none, as before the first ANALYZE). */
    stats?: repo.WordStats | null;
  },
) {
  const t = opts.tuning ?? TUNING;
  const p = plan(words, opts.stats !== undefined ? opts.stats : await wordStats(tx, opts.statsKey), t);
  const w: repo.SearchWords = { words, probe: p.probe };
  if (p.atMost <= t.exactMax) return { ...(await repo.rankAll(tx, viewer, w, q)), estimated: false };

  const deepest = repo.SAMPLE_LEVELS;
  let k = Number.isFinite(p.atMost) ? clamp(log2(p.atMost / t.sampleMatches), 0, deepest) : deepest;
  let sample = await repo.sampleMatches(tx, viewer, w, q, k);
  // Fewer than 32 in the sample is too few to estimate from; draw one large enough to hold about
  // 64 by what this one found, unless even a generous bound (3 more, about 95% for so few) leaves
  // the result set small.
  while (sample.n < 32 && k > 0 && (sample.n + 3) * 2 ** k > t.exactMax) {
    k = Math.max(0, k - Math.ceil(log2(64 / (sample.n + 1))));
    sample = await repo.sampleMatches(tx, viewer, w, q, k);
  }
  const scale = 2 ** k;
  if (sample.n * scale <= t.exactMax) return { ...(await repo.rankAll(tx, viewer, w, q)), estimated: false };

  const facets = sample.facets.map((f) => ({ ...f, count: roughly(f.count * scale) }));
  const filtered = sample.filtered * scale;
  const wanted = Math.max(t.candidates, 2 * (q.offset + q.limit));
  // Each popularity level halves the rows a candidate scan visits. The scan of all matches keeps
  // about `wanted` of them; the scan of title and tag matches (strong matches of lesser popularity)
  // keeps as many rows as it visits, counting one when the sample holds none.
  const levelFor = (rows: number) => clamp(log2((rows * scale) / wanted), 0, repo.POPULARITY_LEVELS);
  let levels = {
    all: filtered <= t.exactMax ? 0 : levelFor(sample.filtered),
    title: levelFor(Math.max(1, sample.probedInTitle)),
  };
  for (;;) {
    const page = await repo.rankCandidates(tx, viewer, w, q, levels);
    // All the filtered matches ranked: the order and the total are exact, the facets estimated.
    if (levels.all === 0) return { total: page.count, items: page.items, facets, estimated: k > 0 };
    if (page.count >= q.offset + q.limit)
      return { total: roughly(filtered), items: page.items, facets, estimated: true };
    // Too few candidates for this page (popularity levels not refreshed lately, or matches
    // unusually unpopular, or a deep page): widen.
    levels = { all: Math.max(0, levels.all - 2), title: Math.max(0, levels.title - 2) };
  }
}

/** Ranks every match, whatever their number: the reference the benchmark compares rankings with. */
export const searchMatchesExactly = (tx: Tx, viewer: Viewer, words: string[], q: repo.SearchFilter) =>
  repo.rankAll(tx, viewer, { words, probe: words }, q);

/**
 * R5: Chinese full-text search over published (and one's own) resources with catalogue facets.
 * Ranking blends text relevance (title > tags > description) with ratings and use.
 */
export async function searchResources(ctx: Ctx, q: SearchQuery) {
  const words = queryTokens(q.q);
  if (words.length === 0)
    return { total: 0, words, items: [], facets: { kind: [], subject: [], grade: [] }, estimated: false };
  const row = await searchMatches(ctx.db, ctx, words, q, { statsKey: ctx.deps.database });
  const facetRows = row.facets ?? [];
  const facet = (dim: string): Facet =>
    facetRows
      .filter((f) => f.dim === dim)
      .sort((a, b) => b.count - a.count)
      .map(({ value, count }) => ({ value, count }));
  return {
    total: row.total,
    words,
    items: row.items ?? [],
    facets: { kind: facet('kind'), subject: facet('subject'), grade: facet('grade') },
    /** Large result sets: the total and the facet counts are estimated from a sample. */
    estimated: row.estimated,
  };
}
