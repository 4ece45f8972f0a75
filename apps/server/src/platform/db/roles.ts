import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';

/** The role the application's pool connects as, unless HANLIN_APP_DATABASE_URL names another. */
export const APP_ROLE = 'hanlin_app';

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

const ident = (name: string) => {
  if (!IDENT.test(name)) throw new Error(`not a plain role name: ${name}`);
  return sql.raw(`"${name}"`);
};

/**
 * Creates or updates the application's login role (embedded PostgreSQL, where the server manages
 * its own cluster): not superuser, not owner of anything, no BYPASSRLS, no CREATEDB/CREATEROLE.
 */
export async function ensureAppRole(owner: Db, name: string, password: string): Promise<void> {
  const role = ident(name);
  const exists = await owner.execute(sql`select 1 from pg_roles where rolname = ${name}`);
  if (exists.rows.length === 0) await owner.execute(sql`create role ${role} login`);
  // Role passwords cannot be bound parameters; the literal is quoted by PostgreSQL's own rules.
  const literal = `'${password.replaceAll("'", "''")}'`;
  await owner.execute(
    sql`alter role ${role} with login nosuperuser nobypassrls nocreatedb nocreaterole noreplication
        noinherit password ${sql.raw(literal)}`,
  );
}

/**
 * The grants the application needs and no more (least privilege, DESIGN): read and write the
 * tables of schema public; on the audit log only INSERT and SELECT, so the application can neither
 * change nor remove history; nothing on the migration bookkeeping or the plaintext waiting to be
 * encrypted. Applied after every migration run, so new tables are covered.
 */
export async function grantAppRole(owner: Db, name: string): Promise<void> {
  const role = ident(name);
  await owner.execute(sql`grant usage on schema public to ${role}`);
  // Nobody but the owner creates objects in public (the default before PostgreSQL 15 let anyone):
  // the owner-rights functions of the row policies resolve their operators through it.
  await owner.execute(sql`revoke create on schema public from public`);
  await owner.execute(sql`grant select on all tables in schema public to ${role}`);
  // Writes on base tables only: a view (person_directory) runs with its owner's rights and must
  // never become a way around row-level security.
  const tables = await owner.execute<{ name: string }>(
    sql`select tablename::text as name from pg_tables where schemaname = 'public'`,
  );
  for (const t of tables.rows) {
    await owner.execute(sql`grant insert, update, delete on ${sql.raw(`"${t.name}"`)} to ${role}`);
  }
  const views = await owner.execute<{ name: string }>(
    sql`select viewname::text as name from pg_views where schemaname = 'public'`,
  );
  for (const v of views.rows) {
    await owner.execute(
      sql`revoke insert, update, delete, truncate on ${sql.raw(`"${v.name}"`)} from ${role}`,
    );
  }
  await owner.execute(sql`revoke update, delete, truncate, references, trigger on audit_log from ${role}`);
  await owner.execute(sql`revoke all on field_backfill from ${role}`);
  await owner.execute(sql`grant usage, select on all sequences in schema public to ${role}`);
  await owner.execute(sql`revoke all on schema drizzle from ${role}`);
}

/** The user name in a connection string. */
export const roleOfUrl = (url: string): string => decodeURIComponent(new URL(url).username);
