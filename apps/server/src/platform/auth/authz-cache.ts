import type { ChangeFeed } from '../cache/change-feed.ts';
import { DerivedCache } from '../cache/derived-cache.ts';
import type { Scope, ScopedEntity } from '../scope/scope.ts';
import type { SessionRow } from './session.ts';

/**
 * Tables a session, a role's scope or an entity check derive from (all carry notify triggers).
 * `space_post` is not among them: a post's space never changes, and a deleted post is "not found"
 * in the handler whatever the cache says.
 */
export const AUTHZ_TABLES = [
  'session',
  'account',
  'person',
  'role_assignment',
  'org_unit',
  'term',
  'student',
  'teacher',
  'teaching_assignment',
  'teaching_class_member',
  'guardian',
  'resource',
  'studio',
] as const;

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
  private readonly visible: DerivedCache<boolean>;

  constructor(feed: ChangeFeed) {
    this.sessions = new DerivedCache(feed, AUTHZ_TABLES, { max: 20_000, ttlMs: TTL_MS });
    this.scopes = new DerivedCache(feed, AUTHZ_TABLES, { max: 20_000, ttlMs: TTL_MS });
    this.visible = new DerivedCache(feed, AUTHZ_TABLES, { max: 200_000, ttlMs: TTL_MS });
  }

  /**
   * The live session for a token hash. The idle window and the absolute expiry are checked on the
   * cached row too, so a cached session ends when the database would end it. A missing session is
   * never served from memory: a login right after must find its new row.
   */
  session(tokenHash: string, idleMs: number, load: () => Promise<SessionRow | null>) {
    return this.sessions.get(
      tokenHash,
      load,
      (s, now) => s !== null && now - s.lastSeenAt.getTime() < idleMs && s.expiresAt.getTime() > now,
    );
  }

  /** Records that the guard slid the session's idle window (wrote `last_seen_at`). */
  touched(tokenHash: string, at: Date): void {
    const s = this.sessions.peek(tokenHash);
    if (s) s.lastSeenAt = at;
  }

  scope(roleAssignmentId: string, load: () => Promise<Scope>): Promise<Scope> {
    return this.scopes.get(roleAssignmentId, load);
  }

  entityVisible(roleAssignmentId: string, kind: ScopedEntity, id: string, load: () => Promise<boolean>) {
    return this.visible.get(`${roleAssignmentId}|${kind}|${id}`, load);
  }
}
