import { sql } from 'drizzle-orm';
import { withScope } from '../platform/db/scoped.ts';
import { AUTH_SCOPE } from '../platform/http/context.ts';
import type { Actor } from '../platform/scope/scope.ts';
import type { TestApp } from './test-app.ts';

/**
 * The actor of a demo user's role, as the guard builds it from a session, and its scope as the
 * guard resolves it: for tests that act below the routes (row-level security, runAs).
 */
export async function actorOf(t: TestApp, username: string, role: string) {
  const [r] = (
    await t.db.db.execute<Omit<Actor, 'sessionId'>>(sql`
      select a.id as "accountId", a.person_id as "personId", p.name, ra.role, ra.id as "roleAssignmentId",
             ra.org_unit_id as "orgUnitId", ra.path::text as "orgPath", ra.district_id as "districtId",
             ra.school_id as "schoolId"
        from account a join person p on p.id = a.person_id
        join role_assignment ra on ra.person_id = a.person_id and ra.role = ${role} and ra.active
       where a.username = ${username} limit 1`)
  ).rows;
  if (!r) throw new Error(`${username} has no active ${role} role`);
  const actor = { ...r, sessionId: '00000000-0000-7000-8000-000000000000' } as Actor;
  const scope = await withScope(t.deps.database, AUTH_SCOPE, (tx) =>
    t.app.scopes.resolver.resolve(tx, actor),
  );
  return { actor, scope };
}
