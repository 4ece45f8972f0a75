import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { execPrepared } from '../db/prepared.ts';
import type { RowPolicy } from '../db/row-security.ts';
import type { MatrixTargets, ScopeMatrix } from './matrix.ts';
import type { Actor, Scope } from './scope.ts';

/**
 * The kinds of scoped entity a route parameter can name (`policy: { params: { id: 'resource' } }`).
 * Empty here: each module adds the kinds it registers, in its `<module>.scope.ts`:
 * `declare module '../../platform/scope/registry.ts' { interface ScopedEntityKinds { resource: true } }`.
 * A policy naming a kind no module declares does not compile; one no module registers fails at startup.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules through declaration merging
export interface ScopedEntityKinds {}
export type ScopedEntity = keyof ScopedEntityKinds & string;

/** Whose sight a visibility rule decides. */
export interface Viewer {
  actor: Actor;
  scope: Scope;
}

/**
 * One kind of scoped entity and who may address it, declared by the module that owns its table.
 * (A kind may later also carry its row-level-security policy, reading the per-transaction scope.)
 */
export interface ScopeKind {
  kind: ScopedEntity;
  /**
   * SQL that is true when the viewer may address the entity whose id is `id` (a bound parameter in
   * the guard's check, a column where another rule builds on this one); false for unknown ids.
   */
  visible: (viewer: Viewer, id: SQL) => SQL;
  /**
   * Every table `visible` reads. The guard caches each answer until one of them changes, so each
   * must carry the change trigger (migration 0007); the app refuses to start otherwise.
   */
  tables: readonly string[];
  /** For the route × role matrix: ids of this kind out of reach of the role the targets belong to. */
  matrix: {
    outOfScope: (t: MatrixTargets) => readonly (string | undefined)[];
    /**
     * The kind names nobody (org units): a scope's `structurePaths` reach it, so a role that browses
     * the structure may read instances inside its subtree; the matrix then expects the read to
     * succeed and its answer to name no person.
     */
    structure?: boolean;
  };
}

/** Computes the scope of an actor's active role; registered by exactly one module. */
export interface ScopeResolver {
  resolve: (tx: Tx, actor: Actor) => Promise<Scope>;
  /** Every table `resolve` reads (the role's own row comes with the session). */
  tables: readonly string[];
}

/** What a module registers with the platform: its kinds, perhaps the resolver, its part of the matrix. */
export interface ScopeRules {
  /** The declaring module, for messages. */
  module: string;
  kinds?: readonly ScopeKind[];
  /**
   * Row-level-security policies of the module's tables that hold personal data: the database's own
   * check of the same visibility, for a query that forgot its filter (platform/db/row-security).
   */
  rowSecurity?: readonly RowPolicy[];
  resolver?: ScopeResolver;
  matrix?: ScopeMatrix;
}

/**
 * The scoped entity kinds and the scope resolver of one app, built from the modules' rules in the
 * order `buildApp` lists them. The guard and the route × role matrix read it; it knows no module.
 */
export class ScopeRegistry {
  private readonly byKind = new Map<string, ScopeKind>();
  readonly resolver: ScopeResolver;

  constructor(readonly rules: readonly ScopeRules[]) {
    const resolvers: string[] = [];
    let resolver: ScopeResolver | undefined;
    for (const r of rules) {
      for (const k of r.kinds ?? []) {
        if (this.byKind.has(k.kind)) throw new Error(`scoped entity kind '${k.kind}' registered twice`);
        if (k.tables.length === 0) throw new Error(`scoped entity kind '${k.kind}' names no tables`);
        this.byKind.set(k.kind, k);
      }
      if (r.resolver) {
        resolvers.push(r.module);
        resolver = r.resolver;
      }
    }
    if (!resolver || resolvers.length !== 1)
      throw new Error(`exactly one module must register the scope resolver (found: ${resolvers.join(', ')})`);
    this.resolver = resolver;
  }

  get kinds(): ScopeKind[] {
    return [...this.byKind.values()];
  }

  has(kind: string): kind is ScopedEntity {
    return this.byKind.has(kind);
  }

  kind(kind: string): ScopeKind {
    const k = this.byKind.get(kind);
    if (!k) throw new Error(`scoped entity kind '${kind}' is not registered`);
    return k;
  }

  resolveScope(tx: Tx, actor: Actor): Promise<Scope> {
    return this.resolver.resolve(tx, actor);
  }

  /** True when the viewer may address this entity at all; unknown ids count as not visible. */
  async entityVisible(tx: Tx, viewer: Viewer, kind: ScopedEntity, id: string): Promise<boolean> {
    const rows = await execPrepared(tx, sql`select 1 where ${this.kind(kind).visible(viewer, sql`${id}`)}`);
    return rows.length > 0;
  }
}
