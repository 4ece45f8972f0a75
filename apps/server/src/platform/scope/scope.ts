import { type SQL, sql } from 'drizzle-orm';
import type { TRole } from '../../modules/identity/identity.schema.ts';
import type { Tx } from '../db/client.ts';
import { execPrepared } from '../db/prepared.ts';

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
 * What an actor may see: subtrees of the org tree plus explicitly granted persons.
 * - city/district/school admin: their unit's subtree
 * - teacher / head teacher: the classes they teach or head in that school
 * - student: self; parent: their children (`personIds`), with their classes in `memberPaths`
 * - auditor, system and security admins: no personal data at all
 */
export interface Scope {
  all: boolean;
  /** Subtrees whose data (including people's records) the actor may read. */
  paths: string[];
  /** Persons granted explicitly (self, children). */
  personIds: string[];
  /** Classes the actor belongs to as a member (a student's or a child's), for class-level pages. */
  memberPaths: string[];
}

export const EMPTY_SCOPE: Scope = { all: false, paths: [], personIds: [], memberPaths: [] };

/** True when `path` is one of `roots` or lies below one: ltree `<@` for paths already in memory. */
export const pathUnder = (path: string, roots: readonly string[]): boolean =>
  roots.some((r) => path === r || path.startsWith(`${r}.`));

/** True when the actor's scope covers this org path. */
export const scopeCovers = (scope: Scope, path: string): boolean => scope.all || pathUnder(path, scope.paths);

/** One bound text parameter split in SQL: no commas occur in ltree paths or UUIDs. */
const textArray = (values: string[], type: 'ltree' | 'uuid') =>
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

/** A person row is visible through its path, an explicit grant, or a teaching class in scope. */
export function studentVisible(scope: Scope, personIdCol: SQL | unknown, pathCol: SQL | unknown): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  if (scope.paths.length > 0) {
    parts.push(pathWithin(pathCol, scope.paths));
    parts.push(
      sql`exists (select 1 from teaching_class_member m where m.student_id = ${personIdCol} and ${pathWithin(sql`m.path`, scope.paths)})`,
    );
  }
  if (scope.personIds.length > 0)
    parts.push(sql`${personIdCol} = any(${textArray(scope.personIds, 'uuid')})`);
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

const STAFF_ADMIN: TRole[] = ['city_admin', 'district_admin', 'school_admin'];

/**
 * Resources (R1, R3): published ones are shared city-wide with everyone signed in; before that a
 * resource is its author's, visible to the administrators whose scope holds the author's unit, and,
 * while in review, to the expert groups and researchers (教研员) of that unit's school, district or
 * city, who keep sight of what they decided on.
 */
export function resourceVisible(
  scope: Scope,
  actor: Pick<Actor, 'personId' | 'role' | 'orgPath'>,
  r: SQL,
): SQL {
  const admin = STAFF_ADMIN.includes(actor.role) ? sql` or ${inScope(scope, sql`${r}.path`)}` : sql``;
  // Reviewers also keep sight of what they decided on (a returned or rejected resource included);
  // every decision that takes a resource out of review changes the resource row, which the guard's
  // cache watches, so review_event needs no trigger of its own.
  const reviewer =
    actor.role === 'expert' || actor.role === 'researcher'
      ? sql` or (${r}.status = 'in_review' and ${r}.path <@ ${actor.orgPath}::ltree)
             or exists (select 1 from review rv join review_event re on re.review_id = rv.id
                         where rv.resource_id = ${r}.id and re.actor_id = ${actor.personId})`
      : sql``;
  return sql`(${r}.status = 'published' or ${r}.author_id = ${actor.personId}${admin}${reviewer})`;
}

/**
 * Learning spaces (S1–S3), addressed by the id of what they belong to. Teachers', schools' and
 * studios' spaces are open to everyone signed in; a class space to the class's teachers, students and
 * their parents and the administrators above it; a student's space to the student, their parents,
 * their teachers and administrators (as the student's record is).
 */
export function spaceVisible(scope: Scope, id: SQL): SQL {
  const classInScope = scope.all
    ? sql`true`
    : sql`(${pathWithin(sql`o.path`, scope.paths)} or ${pathWithin(sql`o.path`, scope.memberPaths)})`;
  return sql`(exists (select 1 from teacher t where t.person_id = ${id})
    or exists (select 1 from studio st where st.id = ${id} and st.active)
    or exists (select 1 from org_unit o where o.id = ${id}
               and (o.kind = 'school' or (o.kind in ('class', 'teaching_class') and ${classInScope})))
    or exists (select 1 from student s where s.person_id = ${id}
               and ${studentVisible(scope, sql`s.person_id`, sql`s.path`)}))`;
}

/** Computes the scope of the actor's active role. Called once per request. */
export async function resolveScope(tx: Tx, actor: Actor): Promise<Scope> {
  if (STAFF_ADMIN.includes(actor.role)) {
    return { all: actor.role === 'city_admin', paths: [actor.orgPath], personIds: [], memberPaths: [] };
  }
  if (actor.role === 'teacher' || actor.role === 'head_teacher') {
    // Both roles cover what the person teaches or heads in the school of the active role
    // (city.district.school = the first three labels), not in a second school.
    const rows = await execPrepared<{ path: string }>(
      tx,
      sql`
      with school as (select subpath(${actor.orgPath}::ltree, 0, 3) as p)
      select ta.path::text as path from teaching_assignment ta
        join term t on t.id = ta.term_id and t.current, school
       where ta.teacher_id = ${actor.personId} and ta.path <@ school.p
      union
      select ra.path::text from role_assignment ra, school
       where ra.person_id = ${actor.personId} and ra.role = 'head_teacher' and ra.active
         and ra.path <@ school.p`,
    );
    return { all: false, paths: rows.map((r) => r.path), personIds: [], memberPaths: [] };
  }
  if (actor.role === 'student') {
    const rows = await execPrepared<{ path: string }>(
      tx,
      sql`
      select s.path::text as path from student s where s.person_id = ${actor.personId}
      union select m.path::text from teaching_class_member m where m.student_id = ${actor.personId}`,
    );
    return { all: false, paths: [], personIds: [actor.personId], memberPaths: rows.map((r) => r.path) };
  }
  if (actor.role === 'parent') {
    const rows = await execPrepared<{ id: string; path: string }>(
      tx,
      sql`
      select g.student_id as id, s.path::text as path from guardian g
        join student s on s.person_id = g.student_id where g.parent_id = ${actor.personId}`,
    );
    return {
      all: false,
      paths: [],
      personIds: rows.map((r) => r.id),
      memberPaths: [...new Set(rows.map((r) => r.path))],
    };
  }
  return EMPTY_SCOPE;
}

/** The entity kinds a route parameter can name; the central hook checks each against the scope. */
export type ScopedEntity = 'org_unit' | 'student' | 'teacher' | 'resource' | 'space' | 'space_post';

/** True when the actor may address this entity at all; unknown ids count as not visible. */
export async function entityVisible(
  tx: Tx,
  scope: Scope,
  actor: Pick<Actor, 'personId' | 'role' | 'orgPath'>,
  kind: ScopedEntity,
  id: string,
): Promise<boolean> {
  let q: SQL;
  if (kind === 'space') {
    q = sql`select 1 where ${spaceVisible(scope, sql`${id}::uuid`)}`;
  } else if (kind === 'space_post') {
    q = sql`select 1 from space_post p where p.id = ${id} and ${spaceVisible(scope, sql`p.space_id`)}`;
  } else if (kind === 'resource') {
    q = sql`select 1 from resource r where r.id = ${id} and ${resourceVisible(scope, actor, sql`r`)}`;
  } else if (kind === 'org_unit') {
    const member =
      scope.memberPaths.length > 0 ? sql` or ${pathWithin(sql`o.path`, scope.memberPaths)}` : sql``;
    q = sql`select 1 from org_unit o where o.id = ${id} and (${inScope(scope, sql`o.path`)}${member})`;
  } else if (kind === 'student') {
    q = sql`select 1 from student s where s.person_id = ${id} and ${studentVisible(scope, sql`s.person_id`, sql`s.path`)}`;
  } else {
    // A teacher is visible to admins of their school and to anyone whose scope covers a class they teach.
    const member = [...scope.paths, ...scope.memberPaths];
    q = sql`select 1 from teacher t where t.person_id = ${id} and (${inScope(scope, sql`t.path`)}
      or exists (select 1 from teaching_assignment ta where ta.teacher_id = t.person_id
                 and ${pathWithin(sql`ta.path`, member)}))`;
  }
  return (await execPrepared(tx, q)).length > 0;
}
