import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * Row-level security, the second line of defence (DESIGN "How scope is modelled"): every table
 * holding personal data has RLS enabled and forced, with one policy that reads the scope the
 * request set for its transaction (`hanlin.*`, platform/db/scoped.ts). No scope, no rows. The
 * policies are declared by the modules beside their scope rules (`rowSecurity` in
 * `<module>.scope.ts`) and applied by the owner at every start, after the migrations.
 */
export interface RowPolicy {
  table: string;
  /** Which existing rows the transaction sees, updates and deletes (SQL over the table's columns). */
  read: string;
  /** Which rows it may write (new and updated rows); the read rule when absent. */
  write?: string;
  /**
   * SQL functions the rules call (`create or replace function …`), created before any policy.
   * For a rule that would look into other tables under RLS, whose policies the planner would
   * expand into every statement, and theirs in turn (79 ms of planning for the session lookup in a
   * city of 200,000 students): a function declared `security definer` runs with the owner's
   * rights, so the tables it reads bring no policies, and it states the rules of the rows it
   * looks at itself. It must only answer whether the scope sees a row, as the policy would.
   */
  functions?: string;
}

/**
 * A helper for `RowPolicy.functions`: a boolean function of `args` whose value is the SQL
 * expression `body`, stable, with the owner's rights. PL/pgSQL, so its statements are planned once
 * per connection (a SQL function is planned again at every call, 0.5 ms per row). Without a fixed
 * search path (setting one costs every call): the body names its tables with their schema
 * (`public.student`), so a temporary table cannot stand in for one.
 */
export const ownerFunction = (name: string, args: string, body: string) => `
create or replace function ${name}(${args}) returns boolean
  language plpgsql stable security definer as
  $fn$ begin return coalesce((${body}), false); end $fn$;`;

/**
 * Building blocks of policies. Each reads the setting once per statement (an InitPlan), not per
 * row. A system scope (authentication, jobs, the seed) sees everything, as a city administrator.
 */
export const RLS = {
  /** Everything: a city administrator, or a system scope. */
  all: '(select hanlin_scope_all())',
  /** A signed-in person's request (not a system job, not an anonymous transaction). */
  signedIn: '(select hanlin_scope_actor()) is not null',
  actor: '(select hanlin_scope_actor())',
  role: '(select hanlin_scope_role())',
  /** The org path of the actor's active role (reviewers' units). */
  orgPath: '(select hanlin_scope_org_path())',
  // The casts keep `= any(...)` an array comparison, not ANY over a subquery's rows.
  paths: '(select hanlin_scope_paths())::ltree[]',
  persons: '(select hanlin_scope_persons())::uuid[]',
  members: '(select hanlin_scope_members())::ltree[]',
} as const;

/** `col` lies in one of the actor's subtrees. */
export const underPaths = (col: string) => `${col} <@ any(${RLS.paths})`;
/** `col` lies in one of the classes the actor (or their child) belongs to. */
export const underMembers = (col: string) => `${col} <@ any(${RLS.members})`;
/** The active role is one of `roles`. */
export const roleIn = (...roles: string[]) => `${RLS.role} in (${roles.map((r) => `'${r}'`).join(', ')})`;
export const or = (...parts: string[]) => `(${parts.join('\n      or ')})`;

/**
 * The scope settings' readers (platform/db/scoped.ts sets them). STABLE SQL functions simple enough
 * to be inlined into the statement, so a policy's `(select …)` is one cast evaluated once per
 * statement, not a function call per row (a PL/pgSQL policy function evaluates it at every call).
 * A missing or empty setting gives NULL/false/empty arrays: nothing is visible. `hanlin_scope()`,
 * the JSON setting of migration 0021, is gone.
 */
const FUNCTIONS = `
create or replace function hanlin_scope_all() returns boolean language sql stable parallel safe as
  $$ select coalesce(current_setting('hanlin.all', true) = 'on', false) $$;
create or replace function hanlin_scope_actor() returns uuid language sql stable parallel safe as
  $$ select nullif(current_setting('hanlin.actor', true), '')::uuid $$;
create or replace function hanlin_scope_role() returns text language sql stable parallel safe as
  $$ select nullif(current_setting('hanlin.role', true), '') $$;
create or replace function hanlin_scope_org_path() returns ltree language sql stable parallel safe as
  $$ select nullif(current_setting('hanlin.org', true), '')::ltree $$;
create or replace function hanlin_scope_paths() returns ltree[] language sql stable parallel safe as
  $$ select coalesce(nullif(current_setting('hanlin.paths', true), ''), '{}')::ltree[] $$;
create or replace function hanlin_scope_persons() returns uuid[] language sql stable parallel safe as
  $$ select coalesce(nullif(current_setting('hanlin.persons', true), ''), '{}')::uuid[] $$;
create or replace function hanlin_scope_members() returns ltree[] language sql stable parallel safe as
  $$ select coalesce(nullif(current_setting('hanlin.members', true), ''), '{}')::ltree[] $$;
drop function if exists hanlin_scope();
`;

/**
 * The platform's own tables. The audit trail is read by auditors and written by everyone (the
 * grants allow nothing but INSERT and SELECT); plaintext awaiting encryption is the owner's only.
 */
export const PLATFORM_POLICIES: readonly RowPolicy[] = [
  { table: 'audit_log', read: roleIn('auditor'), write: 'true' },
  { table: 'field_backfill', read: 'false' },
];

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * Creates the scope functions and, for each policy, enables and forces RLS on its table and
 * (re)creates its one policy `hanlin_scope`, in one transaction. Idempotent; a table's policy
 * changes with the code that declares it.
 */
export async function applyRowSecurity(owner: Db, policies: readonly RowPolicy[]): Promise<void> {
  const seen = new Set<string>();
  for (const p of policies) {
    if (!IDENT.test(p.table)) throw new Error(`row policy for a bad table name: ${p.table}`);
    if (seen.has(p.table)) throw new Error(`two row policies for table ${p.table}`);
    seen.add(p.table);
  }
  await owner.transaction(async (tx) => {
    await tx.execute(sql.raw(FUNCTIONS));
    // Functions may call one another whatever the order they are declared in.
    await tx.execute(sql`set local check_function_bodies = off`);
    for (const p of policies) if (p.functions) await tx.execute(sql.raw(p.functions));
    await tx.execute(sql`set local check_function_bodies = on`);
    for (const p of policies) {
      const t = sql.raw(`"${p.table}"`);
      await tx.execute(sql`alter table ${t} enable row level security`);
      await tx.execute(sql`alter table ${t} force row level security`);
      await tx.execute(sql`drop policy if exists hanlin_scope on ${t}`);
      await tx.execute(
        sql`create policy hanlin_scope on ${t} as permissive for all to public
              using (${sql.raw(`${RLS.all} or ${p.read}`)})
              with check (${sql.raw(`${RLS.all} or ${p.write ?? p.read}`)})`,
      );
    }
  });
}
