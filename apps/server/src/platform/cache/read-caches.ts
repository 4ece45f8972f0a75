import type { ChangeFeed } from './change-feed.ts';
import { type CacheCounts, DerivedCache } from './derived-cache.ts';

/**
 * A read model worth keeping in memory: hot, read far more often than its rows change. `tables`
 * lists every table the value is read from; each must announce its changes (migration 0007),
 * which the first use checks.
 */
export interface ReadModel {
  name: string;
  tables: readonly string[];
  /** Most entries kept (oldest dropped first). */
  max: number;
}

const TTL_MS = 5 * 60_000;

/** The app's read-model caches, created on first use of each model. */
export class ReadCaches {
  private readonly caches = new Map<string, DerivedCache<unknown>>();

  constructor(private readonly feed: ChangeFeed) {}

  get<V>(model: ReadModel, key: string, load: () => Promise<V>): Promise<V> {
    let cache = this.caches.get(model.name);
    if (!cache) {
      this.feed.assertAnnounced(model.tables);
      cache = new DerivedCache(this.feed, model.tables, { max: model.max, ttlMs: TTL_MS });
      this.caches.set(model.name, cache);
    }
    return (cache as DerivedCache<V>).get(key, load);
  }

  /** Hits and misses per read model since start (for the API benchmark). */
  counts(): Record<string, CacheCounts> {
    return Object.fromEntries([...this.caches].map(([name, c]) => [name, { ...c.counts }]));
  }
}
