import type { ChangeFeed } from './change-feed.ts';

/** How often a cache answered from memory (hits) and how often it loaded (misses). */
export interface CacheCounts {
  hits: number;
  misses: number;
}

interface Entry<V> {
  value: V;
  at: number;
}

/**
 * Values derived from database rows, kept in memory until one of the tables they come from changes
 * (announced by the ChangeFeed) or `ttlMs` passes. Bounded: the oldest entry goes when full.
 * A value whose load began before a change was announced is returned but not stored, since it may
 * have been read before that change committed.
 */
export class DerivedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private generation = 0;
  /** Answers served from memory and loads, since start (read by the API benchmark). */
  readonly counts: CacheCounts = { hits: 0, misses: 0 };

  constructor(
    private readonly feed: ChangeFeed,
    tables: readonly string[],
    private readonly opts: { max: number; ttlMs: number },
  ) {
    const deps = new Set(tables);
    feed.subscribe((table) => {
      if (table === '*' || deps.has(table)) this.clear();
    });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** The cached value if present, fresh and `valid`; otherwise loads and stores it. */
  async get(
    key: string,
    load: () => Promise<V>,
    valid: (v: V, now: number) => boolean = () => true,
  ): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (this.feed.live && hit && now - hit.at < this.opts.ttlMs && valid(hit.value, now)) {
      this.counts.hits++;
      return hit.value;
    }
    this.counts.misses++;
    const gen = this.generation;
    const value = await load();
    if (this.feed.live && gen === this.generation) this.set(key, value, now);
    return value;
  }

  peek(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  private set(key: string, value: V, at: number): void {
    if (this.entries.size >= this.opts.max && !this.entries.has(key)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, at });
  }
}
