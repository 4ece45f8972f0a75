import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';

export type StoredPolicy = {
  policy: unknown;
  version: number;
  updatedAt: string;
};

/** The stored policy document, or undefined while the defaults apply. */
export async function loadStoredPolicy(tx: Tx): Promise<StoredPolicy | undefined> {
  const res = await tx.execute<StoredPolicy>(
    sql`select policy, version, updated_at::text as "updatedAt" from security_policy where id = 1`,
  );
  return res.rows[0];
}

/**
 * Replaces the policy when the stored version is still `expected` (0: none stored yet). Returns the
 * new version, or undefined when someone else changed it first.
 */
export async function saveStoredPolicy(
  tx: Tx,
  policy: unknown,
  expected: number,
): Promise<number | undefined> {
  const doc = JSON.stringify(policy);
  const res =
    expected === 0
      ? await tx.execute<{ version: number }>(sql`
          insert into security_policy (id, policy, version, updated_at) values (1, ${doc}::jsonb, 1, now())
          on conflict (id) do nothing returning version`)
      : await tx.execute<{ version: number }>(sql`
          update security_policy set policy = ${doc}::jsonb, version = version + 1, updated_at = now()
           where id = 1 and version = ${expected} returning version`);
  return res.rows[0]?.version;
}
