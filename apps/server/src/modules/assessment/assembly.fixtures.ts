/**
 * Fixtures for the assembly tests: the demo generator's bank items of the demo teacher's subject and
 * grade (the test template leaves the demo bank out), and blueprints derived from what the teacher
 * sees, so a feasible one is feasible by construction.
 */
import { DEFAULT_SEED } from '../../demo/city.ts';
import type { Database } from '../../platform/db/client.ts';
import type { Client } from '../../testing/test-app.ts';
import type { BlueprintSpec } from './blueprint-model.ts';
import {
  insertBankItems,
  loadBankAuthors,
  loadBankLessons,
  loadDemoTeacher,
} from './demo-bank-plan.repository.ts';
import { planBank } from './demo-bank-plan.ts';

/** Seeds the demo bank's items of the demo teacher's subject and grade; returns those codes. */
export async function seedDemoItems(database: Database): Promise<{ subjectCode: string; gradeCode: string }> {
  return database.db.transaction(async (tx) => {
    const demoTeacher = await loadDemoTeacher(tx);
    if (!demoTeacher) throw new Error('the demo city has no teacher_demo teaching 语文, 数学 or 英语');
    const items = planBank({
      seed: DEFAULT_SEED,
      now: Date.UTC(2026, 10, 1),
      lessons: await loadBankLessons(tx),
      authors: await loadBankAuthors(tx),
      demoTeacher,
    }).filter((i) => i.lesson.subject === demoTeacher.subject && i.lesson.grade === demoTeacher.grade);
    await insertBankItems(tx, items);
    return { subjectCode: demoTeacher.subject, gradeCode: demoTeacher.grade };
  });
}

export type SeenItem = {
  id: string;
  type: BlueprintSpec['types'][number]['type'];
  cognitiveLevel: BlueprintSpec['cells'][number]['cognitiveLevel'];
  difficulty: number;
  seconds: number;
  knowledgePoints: { id: string; name: string }[];
};

/** The items of a subject and grade the client sees in the bank. */
export async function seenItems(c: Client, subjectCode: string, gradeCode: string): Promise<SeenItem[]> {
  const out: SeenItem[] = [];
  for (let offset = 0; offset <= 10_000; offset += 50) {
    const res = await c.get(
      `/api/assessment/items?subjectCode=${subjectCode}&gradeCode=${gradeCode}&limit=50&offset=${offset}`,
    );
    if (res.statusCode !== 200) throw new Error(res.body);
    const page = res.json() as { total: number; items: SeenItem[] };
    out.push(...page.items);
    if (out.length >= page.total) break;
  }
  return out;
}

const keyOf = (i: SeenItem) => `${i.knowledgePoints[0]!.id}|${i.cognitiveLevel}|${i.type}`;

/**
 * A blueprint the bank can meet: `size` items drawn from the largest groups of one knowledge point,
 * level and type (so 换一题 finds replacements), with the 细目表, types, total, difficulty and time
 * those items give. `cells[0]` is the largest group's cell.
 */
export function feasibleSpec(items: SeenItem[], size = 6): BlueprintSpec {
  const groups = new Map<string, SeenItem[]>();
  for (const i of items.filter((x) => x.knowledgePoints.length === 1 && x.type !== 'composite'))
    groups.set(keyOf(i), [...(groups.get(keyOf(i)) ?? []), i]);
  const ranked = [...groups.values()].sort(
    (a, b) => b.length - a.length || (keyOf(a[0]!) < keyOf(b[0]!) ? -1 : 1),
  );
  const chosen: SeenItem[] = [];
  for (const g of ranked) {
    if (chosen.length >= size) break;
    chosen.push(...g.slice(0, Math.min(g.length >= 4 ? 2 : 1, size - chosen.length)));
  }
  const cells = new Map<
    string,
    { knowledgePointId: string; cognitiveLevel: SeenItem['cognitiveLevel']; count: number }
  >();
  const types = new Map<SeenItem['type'], number>();
  for (const i of chosen) {
    const k = `${i.knowledgePoints[0]!.id}|${i.cognitiveLevel}`;
    const cell = cells.get(k) ?? {
      knowledgePointId: i.knowledgePoints[0]!.id,
      cognitiveLevel: i.cognitiveLevel,
      count: 0,
    };
    cell.count++;
    cells.set(k, cell);
    types.set(i.type, (types.get(i.type) ?? 0) + 1);
  }
  const typeRows = [...types].map(([type, count]) => ({ type, count, score: 5 }));
  const mean = chosen.reduce((a, i) => a + i.difficulty, 0) / chosen.length;
  return {
    title: '单元自动组卷检测',
    cells: [...cells.values()],
    types: typeRows,
    totalScore: typeRows.reduce((a, t) => a + t.count * t.score, 0),
    difficulty: { mean: Math.min(0.9, Math.max(0.1, Math.round(mean * 100) / 100)), tolerance: 0.2 },
    minutes: Math.ceil(chosen.reduce((a, i) => a + i.seconds, 0) / 60) + 30,
    include: [],
    exclude: [],
    enemies: [],
  };
}
