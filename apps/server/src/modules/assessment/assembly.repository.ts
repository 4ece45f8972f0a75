import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Viewer } from '../../platform/scope/registry.ts';
import { textArray } from '../../platform/scope/scope.ts';
import { paperVisible } from './bank.scope.ts';

/** Knowledge point names by id, for explanations in the teacher's words. */
export async function pointNames(tx: Tx, ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const res = await tx.execute<{ id: string; name: string }>(sql`
    select id::text as id, name from knowledge_point where id = any(${textArray(ids, 'uuid')})`);
  return Object.fromEntries(res.rows.map((r) => [r.id, r.name]));
}

/** The first words of each item's stem, for explanations that name an item. */
export async function itemLabels(tx: Tx, ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const res = await tx.execute<{ id: string; label: string }>(sql`
    select id::text as id, left(regexp_replace(stem_text, '\\s+', ' ', 'g'), 20) as label
      from item where id = any(${textArray(ids, 'uuid')})`);
  return Object.fromEntries(res.rows.map((r) => [r.id, r.label]));
}

/** The other papers of a set of parallel forms (A/B 卷) the viewer sees, with their items. */
export async function otherForms(
  tx: Tx,
  viewer: Viewer,
  formGroup: string,
  paperId: string,
): Promise<{ id: string; itemIds: string[] }[]> {
  const res = await tx.execute<{ id: string; itemIds: string[] }>(sql`
    select p.id, array(select pi.item_id::text from paper_item pi where pi.paper_id = p.id order by pi.position) as "itemIds"
      from paper p
     where p.form_group = ${formGroup} and p.id <> ${paperId} and ${paperVisible(viewer, sql`p`)}
     order by p.form, p.id`);
  return res.rows;
}

/** Replaces one item of a draft in place: same slot, section and score. */
export async function replaceSlotItem(tx: Tx, paperId: string, from: string, to: string): Promise<void> {
  await tx.execute(
    sql`update paper_item set item_id = ${to} where paper_id = ${paperId} and item_id = ${from}`,
  );
  await tx.execute(sql`update paper set updated_at = now() where id = ${paperId}`);
}
