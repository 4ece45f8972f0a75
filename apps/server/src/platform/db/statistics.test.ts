import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { analyzeUnanalyzed } from './statistics.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** What the planner believes of a table: its row count, or -1 before any ANALYZE or VACUUM. */
const plannerRows = async (table: string) =>
  (
    await t.db.db.execute<{ n: number }>(
      sql`select reltuples::float8 as n from pg_class where oid = ${`public.${table}`}::regclass`,
    )
  ).rows[0]!.n;

describe('planner statistics', () => {
  it('are there for every table the demo seed filled, before the first user signs in', async () => {
    const tables = (
      await t.db.db.execute<{ name: string; n: number }>(sql`
        select c.relname as name, c.reltuples::float8 as n from pg_class c
         where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')`)
    ).rows;
    const unknown: string[] = [];
    for (const { name, n } of tables) {
      if (n >= 0) continue;
      const filled = await t.db.db.execute(sql.raw(`select 1 from public."${name}" limit 1`));
      if (filled.rows.length > 0) unknown.push(name);
    }
    expect(unknown).toEqual([]);
    expect(await plannerRows('resource')).toBeGreaterThan(0);
  });

  it('are gathered once for a table that never had any, and not again on the next start', async () => {
    await t.db.db.execute(sql`create table stats_probe (id int primary key, v text)`);
    await t.db.db.execute(sql`insert into stats_probe select g, md5(g::text) from generate_series(1, 500) g`);
    expect(await plannerRows('stats_probe')).toBe(-1);
    expect(await analyzeUnanalyzed(t.db.db)).toContain('public.stats_probe');
    expect(await plannerRows('stats_probe')).toBe(500);
    expect(await analyzeUnanalyzed(t.db.db)).not.toContain('public.stats_probe');
  });
});
