import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { systemScope, withScope } from './scoped.ts';

/** Issue 8 §2: the application's own connection cannot switch its safeguards off. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The error PostgreSQL gives a statement run through the app's pool, or null when it succeeded. */
async function refusal(statement: ReturnType<typeof sql>): Promise<string | null> {
  try {
    await withScope(t.deps.database, systemScope('test'), (tx) => tx.execute(statement));
    return null;
  } catch (err) {
    const e = err as Error & { cause?: Error };
    return e.cause?.message ?? e.message;
  }
}

describe('the application role', () => {
  it('is neither superuser nor owner and has no BYPASSRLS', async () => {
    const r = await t.deps.database.pool.query<{
      super: boolean;
      bypass: boolean;
      owns: number;
      who: string;
    }>(
      `select current_user as who, r.rolsuper as super, r.rolbypassrls as bypass,
              (select count(*)::int from pg_class c where c.relowner = r.oid) as owns
         from pg_roles r where r.rolname = current_user`,
    );
    expect(r.rows[0]).toEqual({ who: 'hanlin_app', super: false, bypass: false, owns: 0 });
  });

  it('may only insert into and read the audit log', async () => {
    await withScope(t.deps.database, systemScope('test'), (tx) =>
      tx.execute(sql`insert into audit_log (id, action) values (gen_random_uuid(), 'test.least_privilege')`),
    );
    for (const statement of [
      sql`update audit_log set action = 'x'`,
      sql`delete from audit_log`,
      sql`truncate audit_log`,
    ]) {
      expect(await refusal(statement)).toMatch(/permission denied/);
    }
    expect(await refusal(sql`select count(*) from audit_log`)).toBeNull();
  });

  it('cannot create in public, nor make a temporary table stand in for one a row policy reads', async () => {
    expect(await refusal(sql`create table public.intruder (id int)`)).toMatch(/permission denied/);
    // The person policy asks owner-rights functions whether a student is in scope; they name
    // public.student, so a temporary "student" listing everyone under the actor's path changes nothing.
    const scope = {
      kind: 'actor' as const,
      personId: '00000000-0000-7000-8000-000000000001',
      role: 'teacher',
      orgPath: 'nowhere',
      all: false,
      paths: ['nowhere'],
      personIds: [],
      memberPaths: [],
    };
    const seen = await withScope(t.deps.database, scope, async (tx) => {
      await tx.execute(sql`create temp table student (person_id uuid, path ltree) on commit drop`);
      await tx.execute(sql`insert into student select id, 'nowhere' from person_directory`);
      return (await tx.execute<{ n: number }>(sql`select count(*)::int as n from person`)).rows[0]!.n;
    });
    expect(seen).toBe(0);
  });

  it('cannot switch the audit triggers off or replication mode on', async () => {
    expect(await refusal(sql`alter table audit_log disable trigger audit_log_no_update`)).toMatch(
      /must be owner/,
    );
    expect(await refusal(sql`set session_replication_role = replica`)).toMatch(/permission denied/);
    expect(await refusal(sql`alter table person disable row level security`)).toMatch(/must be owner/);
  });

  it('cannot read the plaintext waiting for encryption or the migration bookkeeping', async () => {
    expect(await refusal(sql`select * from field_backfill`)).toMatch(/permission denied/);
    expect(await refusal(sql`select * from drizzle.__drizzle_migrations`)).toMatch(/permission denied/);
  });
});
