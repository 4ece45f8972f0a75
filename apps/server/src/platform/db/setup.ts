import { sql } from 'drizzle-orm';
import { connectDatabase, type Database, migrateDatabase } from './client.ts';
import { installJobQueue } from './job-queue-install.ts';
import type { JobDefinition } from './jobs.ts';
import { markLeakproof } from './leakproof.ts';
import { ensureAppRole, grantAppRole, roleOfUrl } from './roles.ts';
import { applyRowSecurity, PLATFORM_POLICIES, type RowPolicy } from './row-security.ts';
import { scopeSettings, systemScope } from './scoped.ts';

/**
 * The owner's pool: migrations, grants, the seed and console commands, all under the explicit
 * system scope `owner` (an owner that is not superuser is subject to the forced row-level security).
 */
export const connectOwner = (url: string, max = 4): Database =>
  connectDatabase(url, max, scopeSettings(systemScope('owner')));

/**
 * The two connections of a deployment (least privilege, DESIGN): the owner runs migrations, grants,
 * the job queue's schema and queues, and the seed; the application's pool connects as a role that is neither superuser nor owner and
 * has no BYPASSRLS, so row-level security and the append-only audit log hold for it. With
 * `appPassword` (the embedded cluster) the app role is created or updated here; otherwise it must
 * exist (README, "External PostgreSQL").
 */
export async function prepareDatabase(opts: {
  ownerUrl: string;
  appUrl: string;
  appPassword?: string;
  appPoolSize?: number;
  /** The modules' row-level-security policies (the platform adds its own). */
  policies: readonly RowPolicy[];
  /** The jobs whose queues the owner creates (the application's role may not create tables). */
  jobs?: readonly JobDefinition[];
}): Promise<{ owner: Database; app: Database; warnings: string[] }> {
  const owner = connectOwner(opts.ownerUrl);
  const warnings: string[] = [];
  try {
    await migrateDatabase(owner.db);
    const role = roleOfUrl(opts.appUrl);
    if (opts.appPassword) await ensureAppRole(owner.db, role, opts.appPassword);
    await grantAppRole(owner.db, role);
    await installJobQueue(owner, role, opts.jobs ?? []);
    await applyRowSecurity(owner.db, [...PLATFORM_POLICIES, ...opts.policies]);
    const notLeakproof = await markLeakproof(owner.db);
    if (notLeakproof.length > 0)
      warnings.push(
        `the path comparisons ${notLeakproof.join(', ')} are not LEAKPROOF, so queries filtered by a unit cannot use its index under row-level security: have a superuser run the statement in the README (External PostgreSQL)`,
      );
    await assertLeastPrivilege(owner, role);
  } catch (err) {
    await owner.close();
    throw err;
  }
  return { owner, app: connectDatabase(opts.appUrl, opts.appPoolSize, undefined, true), warnings };
}

/** Refuses to run the application as a role that could switch off its own safeguards. */
async function assertLeastPrivilege(owner: Database, role: string): Promise<void> {
  const res = await owner.db.execute<{ super: boolean; bypass: boolean; owns: boolean }>(sql`
    select r.rolsuper as super, r.rolbypassrls as bypass,
           exists (select 1 from pg_class c where c.relowner = r.oid and c.relnamespace = 'public'::regnamespace) as owns
      from pg_roles r where r.rolname = ${role}`);
  const r = res.rows[0];
  if (!r) throw new Error(`The application's database role "${role}" does not exist.`);
  const problems = [r.super && 'is a superuser', r.bypass && 'has BYPASSRLS', r.owns && 'owns tables'].filter(
    Boolean,
  );
  if (problems.length > 0) {
    throw new Error(
      `The application's database role "${role}" ${problems.join(', ')}: use a separate role without these (README, "External PostgreSQL").`,
    );
  }
}
