import { type SQL, sql } from 'drizzle-orm';
import type { TRole } from '../auth/roles.ts';

/** Who is making a request, resolved from the session (never from the request body). */
export interface Actor {
  sessionId: string;
  accountId: string;
  personId: string;
  name: string;
  role: TRole;
  roleAssignmentId: string;
  orgUnitId: string;
  orgPath: string;
  districtId: string | null;
  schoolId: string | null;
}

/**
 * What an actor may see: subtrees of the org tree plus explicitly granted persons. How a role's
 * scope is computed is a module's rule, registered with the ScopeRegistry (roster.scope.ts):
 * - city/district/school admin: their unit's subtree
 * - teacher / head teacher: the classes they teach or head in that school
 * - student: self; parent: their children (`personIds`), with their classes in `memberPaths`
 * - auditor, system and security admins, researchers and experts: the org structure of their unit
 *   (`structurePaths`) and no personal data at all
 */
export interface Scope {
  all: boolean;
  /** Subtrees whose data (including people's records) the actor may read. */
  paths: string[];
  /** Persons granted explicitly (self, children). */
  personIds: string[];
  /** Classes the actor belongs to as a member (a student's or a child's), for class-level pages. */
  memberPaths: string[];
  /**
   * Subtrees whose organisation the actor may browse — units, their codes and head counts — with
   * nobody's personal data: row-level security reads only `paths` and `personIds`, so this grants
   * no row of any personal table. Absent means none.
   */
  structurePaths?: string[];
}

export const EMPTY_SCOPE: Scope = { all: false, paths: [], personIds: [], memberPaths: [] };

/** True when `path` is one of `roots` or lies below one: ltree `<@` for paths already in memory. */
export const pathUnder = (path: string, roots: readonly string[]): boolean =>
  roots.some((r) => path === r || path.startsWith(`${r}.`));

/** True when the actor's scope covers this org path. */
export const scopeCovers = (scope: Scope, path: string): boolean => scope.all || pathUnder(path, scope.paths);

/**
 * One bound text parameter split in SQL: no commas occur in ltree paths or UUIDs. One parameter,
 * whatever the number of values, keeps the statement text fixed for prepared statements.
 */
export const textArray = (values: readonly string[], type: 'ltree' | 'uuid') =>
  sql`string_to_array(${values.join(',')}, ',')::${sql.raw(type)}[]`;

/** `col <@ ANY(paths)`: true when the row lies inside one of the given subtrees. */
export function pathWithin(col: SQL | unknown, paths: string[]): SQL {
  if (paths.length === 0) return sql`false`;
  return sql`${col} <@ any(${textArray(paths, 'ltree')})`;
}

/** Rows whose org path is inside the actor's scope. */
export function inScope(scope: Scope, pathCol: SQL | unknown): SQL {
  if (scope.all) return sql`true`;
  return pathWithin(pathCol, scope.paths);
}
