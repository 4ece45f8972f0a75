/**
 * What a module tells the route × role scope matrix (scope-matrix.test.ts) about its own data, so
 * that registering scope rules is enough to be covered: where out-of-scope instances of its kinds
 * are found in the demo city, and sample requests for its write routes.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { textArray } from './scope.ts';

/**
 * Where a role's scope ends, derived by the matrix from the demo city for each role: the places
 * from which modules pick the instances that role must not address.
 */
export interface MatrixPlaces {
  /** A class outside the scope: another district's or school's, or one the teacher does not teach. */
  classId: string;
  /** A class whose staff lie outside the scope (another school's for teachers, students, parents). */
  staffClassId: string;
  /** A class whose members other than `ownPersons` lie outside the scope (a pupil's own class). */
  memberClassId: string;
  /** The actor and the persons they act for (a parent's children): never picked as another's. */
  ownPersons: readonly string[];
}

/**
 * Named ids of the demo city, outside one role's scope (or, as `own`, inside it). Empty here: each
 * module adds the names it provides in its `<module>.scope.ts`, e.g.
 * `declare module '../../platform/scope/matrix.ts' { interface MatrixTargets { resource: string } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules through declaration merging
export interface MatrixTargets {}

/** One request of the matrix; the method is the route's. */
export interface MatrixProbe {
  url: string;
  body?: unknown;
}

/** Requests aimed at `target`; `own` (the actor's own class, for admins and teachers) adds variants. */
export type MatrixSample = (target: MatrixTargets, own: MatrixTargets | null) => MatrixProbe[];

/** A module's part of the matrix. */
export interface ScopeMatrix {
  /** Picks the module's named ids near `places`; a missing id fails the matrix. */
  targets?: (tx: Tx, places: MatrixPlaces) => Promise<Partial<MatrixTargets>>;
  /** A sample request for every write route of the module, keyed `METHOD /api/url/:param`. */
  writes?: Record<string, MatrixSample>;
  /**
   * Write routes that name no one else's data (the actor's own session or draft); the matrix skips
   * them. Each needs its reason in a comment.
   */
  selfOnly?: readonly string[];
}

/** A well-formed id of nothing, for parameters the matrix does not aim at a scope. */
export const NO_SUCH_ID = '0193f3c0-0000-7000-8000-000000000001';

/** The column `id` of the first row; undefined when there is none (the matrix then names it). */
export async function firstId(tx: Tx, query: SQL): Promise<string | undefined> {
  return (await tx.execute<{ id: string }>(query)).rows[0]?.id;
}

/** SQL: the person in `col` is not one of the places' own persons. */
export const notOwn = (col: SQL, places: MatrixPlaces): SQL =>
  sql`${col} <> all(${textArray(places.ownPersons.length > 0 ? places.ownPersons : [NO_SUCH_ID], 'uuid')})`;
