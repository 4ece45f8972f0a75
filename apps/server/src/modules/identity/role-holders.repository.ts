import { type SQL, sql } from 'drizzle-orm';

/**
 * The persons who act in one of `roles` at exactly one of the units `paths` (an active role there
 * and an active account), as a query for other modules to build on (whom to notify): a person's id
 * in `id` and, in `as_role`, a role assignment in which they act there (one per person). It goes through `org_unit` to use role_assignment's (org_unit_id, role) index. It reads
 * other people's roles, which row-level security hides from most actors: callers run it under a
 * system scope and return no more than the ids to the people it names.
 */
export function roleHolders(roles: readonly string[], paths: readonly string[]): SQL {
  return sql`select distinct on (ra.person_id) ra.person_id as id, ra.id as as_role
      from org_unit o join role_assignment ra on ra.org_unit_id = o.id and ra.path = o.path
      join account a on a.person_id = ra.person_id and a.status = 'active'
     where o.path = any(${sql.param([...paths])}::text[]::ltree[]) and ra.active
       and ra.role = any(${sql.param([...roles])}::text[])
     order by ra.person_id, ra.id`;
}
