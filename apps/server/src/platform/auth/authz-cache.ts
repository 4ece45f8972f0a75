import type { ChangeFeed } from '../cache/change-feed.ts';
import { type CacheCounts, DerivedCache } from '../cache/derived-cache.ts';
import type { ScopedEntity, ScopeRegistry } from '../scope/registry.ts';
import type { Scope } from '../scope/scope.ts';
import { SESSION_TABLES, type SessionLimits, type SessionRow, withinLimits } from './session.ts';

const TTL_MS = 60_000;

/**
 * What the guard derives on every request, cached in memory: the session by token hash, the scope
 * of a role assignment, and whether that scope may address an entity. Without it every request pays
 * three or four round trips before its own query. Entries go when the database announces a change
 * to any table they derive from (see ChangeFeed), so a logout, a withdrawn role or a moved class
 * takes effect on the next request, on every instance.
 */
export class AuthzCache {
  private readonly sessions: DerivedCache<SessionRow | null>;
  private readonly scopes: DerivedCache<Scope>;
  /** One cache per entity kind, so a change to one kind's tables keeps the other kinds' answers. */
  private readonly visible = new Map<ScopedEntity, DerivedCache<boolean>>();
  /** Every table a cached answer derives from; each must carry the change trigger (see buildApp). */
  readonly tables: readonly string[];

  constructor(feed: ChangeFeed, registry: ScopeRegistry) {
    // A scope, and an entity check made with it, also depend on the role's row the session carries.
    const scopeTables = [...SESSION_TABLES, ...registry.resolver.tables];
    this.sessions = new DerivedCache(feed, SESSION_TABLES, { max: 20_000, ttlMs: TTL_MS });
    this.scopes = new DerivedCache(feed, scopeTables, { max: 20_000, ttlMs: TTL_MS });
    const all = new Set(scopeTables);
    for (const k of registry.kinds) {
      this.visible.set(
        k.kind,
        new DerivedCache(feed, [...scopeTables, ...k.tables], { max: 100_000, ttlMs: TTL_MS }),
      );
      for (const table of k.tables) all.add(table);
    }
    this.tables = [...all];
  }

  /**
   * The live session for a token hash. The idle and absolute timeouts of the policy in force are
   * checked on the cached row too, so a cached session ends when the database would end it. A
   * missing session is never served from memory: a login right after must find its new row.
   */
  session(tokenHash: string, limits: SessionLimits, load: () => Promise<SessionRow | null>) {
    return this.sessions.get(tokenHash, load, (s, now) => s !== null && withinLimits(s, limits, now));
  }

  /** Records that the guard slid the session's idle window (wrote `last_seen_at`). */
  touched(tokenHash: string, at: Date): void {
    const s = this.sessions.peek(tokenHash);
    if (s) s.lastSeenAt = at;
  }

  scope(roleAssignmentId: string, load: () => Promise<Scope>): Promise<Scope> {
    return this.scopes.get(roleAssignmentId, load);
  }

  /** Hits and misses of sessions, scopes and each entity kind's checks since start (for the API benchmark). */
  counts(): Record<string, CacheCounts> {
    return {
      session: { ...this.sessions.counts },
      scope: { ...this.scopes.counts },
      ...Object.fromEntries([...this.visible].map(([kind, c]) => [`visible:${kind}`, { ...c.counts }])),
    };
  }

  entityVisible(roleAssignmentId: string, kind: ScopedEntity, id: string, load: () => Promise<boolean>) {
    const cache = this.visible.get(kind);
    if (!cache) throw new Error(`scoped entity kind '${kind}' is not registered`);
    return cache.get(`${roleAssignmentId}|${id}`, load);
  }
}
