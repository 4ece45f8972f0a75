import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAuditAction } from '../../platform/audit/actions.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { seedDemoAudit } from './demo-audit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoAudit(t.db, () => {});
});
afterAll(() => t.close());

describe('the demo city’s audit history', () => {
  it('gives every preset something to find, marked as demo data, in catalogue codes', async () => {
    const auditor = await t.login('auditor');
    const presets = (await auditor.get('/api/audit/presets')).json() as { key: string; count: number }[];
    for (const p of presets) expect(p.count, p.key).toBeGreaterThan(0);
    const rows = (
      await t.db.db.execute<{ action: string }>(
        sql`select action from audit_log where details->>'demo' = 'true' and at > now() - interval '15 days'`,
      )
    ).rows;
    expect(rows.length).toBeGreaterThan(150);
    expect(rows.filter((r) => !isAuditAction(r.action))).toEqual([]);
    const exported = (
      await auditor.get('/api/audit?actions=roster.export&days=14&hideOwnAudit=true')
    ).json() as { items: { subjectCount: number; orgNames: string[] }[] };
    expect(exported.items[0]!.subjectCount).toBeGreaterThan(20);
    expect(exported.items[0]!.orgNames.at(-1)).toMatch(/班$/);
  });
});
