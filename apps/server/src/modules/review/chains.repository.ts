import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import type { StepDef } from './review.schema.ts';

export async function anyChainExists(tx: Tx): Promise<boolean> {
  const existing = await tx.execute(sql`select 1 from review_chain limit 1`);
  return existing.rows.length > 0;
}

/** The path of the city (the root of the org tree), if there is one. */
export async function findCityPath(tx: Tx): Promise<string | undefined> {
  const city = await tx.execute<{ path: string }>(
    sql`select path::text as path from org_unit where kind = 'city' limit 1`,
  );
  return city.rows[0]?.path;
}

export async function insertChains(
  tx: Tx,
  chains: { name: string; kind: string | null; path: string; steps: StepDef[] }[],
): Promise<void> {
  for (const c of chains) await insertChain(tx, { ...c, id: newId() });
}

export async function insertChain(
  tx: Tx,
  c: { id: string; name: string; kind: string | null; path: string; steps: StepDef[] },
): Promise<void> {
  await tx.execute(sql`insert into review_chain (id, name, kind, path, steps)
    values (${c.id}, ${c.name}, ${c.kind}, ${c.path}::ltree, ${JSON.stringify(c.steps)}::jsonb)`);
}

/** The chain for a resource: same kind before any kind, then the deepest subtree holding it. */
export async function findChainFor(tx: Tx, kind: string, path: string) {
  const res = await tx.execute<{ id: string; steps: StepDef[] }>(sql`
    select id, steps from review_chain
     where active and (kind = ${kind} or kind is null) and ${path}::ltree <@ path
     order by kind is null, nlevel(path) desc limit 1`);
  return res.rows[0];
}

export type ChainRow = {
  id: string;
  name: string;
  kind: string | null;
  unitName: string;
  /** Defined by the unit at `orgPath` itself. */
  mine: boolean;
  steps: StepDef[];
};

/** Active chains of the unit at `orgPath`, of the units above it and of those below. */
export async function listChainsAround(tx: Tx, orgPath: string): Promise<ChainRow[]> {
  const res = await tx.execute<ChainRow>(sql`
    select c.id, c.name, c.kind, coalesce(o.name, '') as "unitName", c.path = ${orgPath}::ltree as mine, c.steps
      from review_chain c left join org_unit o on o.path = c.path
     where c.active and (${orgPath}::ltree <@ c.path or c.path <@ ${orgPath}::ltree)
     order by nlevel(c.path), c.kind nulls first, c.name`);
  return res.rows;
}

/** Retires an active chain of the unit at `orgPath`; false when it has none of that id. */
export async function deactivateChain(tx: Tx, id: string, orgPath: string): Promise<boolean> {
  const res = await tx.execute(sql`update review_chain set active = false
    where id = ${id} and active and path = ${orgPath}::ltree`);
  return (res.rowCount ?? 0) > 0;
}
