import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Viewer } from '../../platform/scope/registry.ts';
import { textArray } from '../../platform/scope/scope.ts';
import { itemVisible } from './bank.scope.ts';
import type { CognitiveLevel, ItemType } from './item-model.ts';

/** An item as test assembly sees it: its tags and figures, no content (the paper fetches that). */
export type PoolItem = {
  id: string;
  type: ItemType;
  cognitiveLevel: CognitiveLevel;
  difficulty: number;
  score: number;
  seconds: number;
  exposure: number;
  irtA: number | null;
  irtB: number | null;
  knowledgePointIds: string[];
};

/**
 * The items a blueprint may draw from: those of the subject and grade the viewer sees in the bank,
 * in use, not excluded, within the exposure limit. One statement; the knowledge points as arrays.
 */
export async function loadPool(
  tx: Tx,
  viewer: Viewer,
  q: { subjectCode: string; gradeCode: string; exclude: string[]; maxExposure?: number },
): Promise<PoolItem[]> {
  const res = await tx.execute<PoolItem>(sql`
    select i.id, i.type, i.cognitive_level as "cognitiveLevel", i.difficulty, i.score, i.seconds, i.exposure,
           i.irt_a as "irtA", i.irt_b as "irtB",
           array(select ik.knowledge_point_id::text from item_knowledge_point ik where ik.item_id = i.id) as "knowledgePointIds"
      from item i
     where i.subject_code = ${q.subjectCode} and i.grade_code = ${q.gradeCode} and not i.retired
       and ${itemVisible(viewer, sql`i`)}
       ${q.exclude.length > 0 ? sql`and i.id <> all(${textArray(q.exclude, 'uuid')})` : sql``}
       ${q.maxExposure !== undefined ? sql`and i.exposure <= ${q.maxExposure}` : sql``}
     order by i.id`);
  return res.rows;
}
