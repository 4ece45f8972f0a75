import { sql } from 'drizzle-orm';
import { DEMO_ACCOUNTS } from '../../demo/seed.ts';
import type { Db } from '../../platform/db/client.ts';
import { staffList } from './account-lifecycle.repository.ts';
import { STAFF_ROLES } from './authority.ts';

/**
 * A sign-in history for the demo's staff, so the account pages have something to show: accounts
 * created at the start of the school year, most used within the last two months, about one in six
 * dormant (no sign-in for more than 90 days, or never). Deterministic (a hash of the username);
 * the named demo accounts signed in yesterday. Demo mode only.
 */
export async function seedDemoSignIns(db: Db): Promise<void> {
  const named = DEMO_ACCOUNTS.map((a) => a.username);
  await db.execute(sql`
    update account a set created_at = now() - interval '200 days',
           last_login_at = case
             when a.username = any(${sql.param(named)}::text[]) then now() - interval '1 day'
             when abs(hashtext(a.username)) % 100 < 6 then null
             when abs(hashtext(a.username)) % 100 < 16 then now() - make_interval(days => 95 + abs(hashtext(a.username)) % 60)
             else now() - make_interval(days => abs(hashtext(a.username || 'x')) % 60, mins => abs(hashtext(a.username)) % 1440)
           end
     where exists (select 1 from role_assignment ra where ra.person_id = a.person_id and ra.active
                     and ra.role in (${staffList(STAFF_ROLES)}))`);
}
