import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { withScope } from '../db/scoped.ts';
import type { Actor } from '../scope/scope.ts';
import { AUTH_SCOPE, runAs } from './context.ts';

/** A use case that says it reads cannot write: its audit rows would not commit with the write. */
let t: TestApp;
let req: FastifyRequest;
beforeAll(async () => {
  t = await createTestApp();
  const [r] = (
    await t.db.db.execute<Omit<Actor, 'sessionId'>>(sql`
      select a.id as "accountId", a.person_id as "personId", p.name, ra.role, ra.id as "roleAssignmentId",
             ra.org_unit_id as "orgUnitId", ra.path::text as "orgPath", ra.district_id as "districtId",
             ra.school_id as "schoolId"
        from account a join person p on p.id = a.person_id
        join role_assignment ra on ra.person_id = a.person_id and ra.role = 'head_teacher' and ra.active
       where a.username = 'teacher_demo' limit 1`)
  ).rows;
  const actor = { ...r!, sessionId: '00000000-0000-7000-8000-000000000000' } as Actor;
  const scope = await withScope(t.deps.database, AUTH_SCOPE, (tx) =>
    t.app.scopes.resolver.resolve(tx, actor),
  );
  // What runAs reads of a request, as the guard leaves it.
  req = {
    actor,
    scope,
    server: t.app,
    ip: '127.0.0.1',
    headers: {},
    id: 'run-as-test',
  } as unknown as FastifyRequest;
});
afterAll(() => t.close());

const touch = sql`update org_unit set name = name where kind = 'city'`;

describe('runAs', () => {
  it('refuses a write in a use case that says it reads, and changes nothing', async () => {
    const failure = await runAs(req, async (ctx) => {
      await ctx.db.execute(sql`select 1`);
      await ctx.db.execute(touch);
    }).then(
      () => undefined,
      (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? (e as { code?: string }).code,
    );
    expect(failure).toBe('25006');
  });

  it('lets a use case that says it writes write', async () => {
    const out = await runAs(req, async (ctx) => (await ctx.db.execute(touch)).rowCount, { write: true });
    expect(out).toBe(1);
  });
});
