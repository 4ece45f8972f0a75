/**
 * "Practise similar" in the demo notebooks: for some older mistakes the student answered similar
 * items (same subject, a shared knowledge point, nearby difficulty, objective, shared with the
 * student's school, district or city) in the evenings after the results came out — two right
 * answers close an entry, one leaves it open with progress. Pure.
 */

import { hashMany, Rng } from '../../demo/prng.ts';
import { rightAnswer } from './demo-answers.ts';
import type { MistakeNote, Rows } from './demo-attempts.ts';
import type { BankItem } from './demo-bank-plan.ts';
import { at, beijingMidnight, DAY, HOUR, idFrom, iso } from './demo-time.ts';

export const PRACTICE_COLUMNS = [
  'id',
  'student_id',
  'path',
  'mistake_id',
  'item_id',
  'value',
  'correct',
  'at',
] as const;

const OBJECTIVE = new Set(['single_choice', 'multiple_choice', 'true_false', 'fill_in']);

export function planPractice(o: {
  seed: number;
  now: number;
  notes: MistakeNote[];
  items: BankItem[];
  /** When each mistake became visible (its results' release). */
  visibleAt: Map<string, number>;
  rows: Rows;
}): unknown[][] {
  const byKp = new Map<string, BankItem[]>();
  for (const i of o.items) {
    if (!OBJECTIVE.has(i.content.type) || i.shareStatus !== 'approved') continue;
    for (const kp of i.kpIds) {
      const list = byKp.get(kp);
      if (list) list.push(i);
      else byKp.set(kp, [i]);
    }
  }
  const mistakeRow = new Map(o.rows.mistake.map((row) => [row[0] as string, row]));
  const practised = new Set<string>();
  const out: unknown[][] = [];
  for (const [index, n] of o.notes.entries()) {
    const r = new Rng(hashMany(o.seed, index));
    const from = Math.max(n.createdAt, o.visibleAt.get(n.id) ?? n.createdAt);
    if (o.now - from < 5 * DAY) continue;
    const x = r.next();
    const times = x < 0.1 ? 2 : x < 0.18 ? 1 : 0;
    if (!times) continue;
    const path = n.student.path;
    const similar = n.kpIds
      .flatMap((kp) => byKp.get(kp) ?? [])
      .filter(
        (i) =>
          i.id !== n.itemId &&
          i.lesson.subject === n.subject &&
          Math.abs(i.difficulty - n.difficulty) <= 0.2 &&
          !practised.has(`${n.student.id}:${i.id}`) &&
          (i.share === 'city' ||
            path.startsWith(
              i.author.schoolPath
                .split('.')
                .slice(0, i.share === 'district' ? 2 : 3)
                .join('.'),
            )),
      )
      .sort((a, b) => Math.abs(a.difficulty - n.difficulty) - Math.abs(b.difficulty - n.difficulty));
    const chosen = [...new Set(similar)].slice(0, times);
    if (chosen.length < times) continue;
    let t = from;
    chosen.forEach((item) => {
      const day = beijingMidnight(t) + (1 + r.int(4)) * DAY;
      t = at(day, 19 + r.next() * 2.5);
      if (t >= o.now - HOUR) return;
      practised.add(`${n.student.id}:${item.id}`);
      const value = rightAnswer({
        content: item.content.type === 'composite' ? item.content.parts[0]!.content : item.content,
      });
      out.push([idFrom(r, t), n.student.id, path, n.id, item.id, value, true, iso(t)]);
      const row = mistakeRow.get(n.id)!;
      row[10] = (row[10] as number) + 1;
      if (row[10] === 2) row[11] = iso(t);
    });
  }
  return out;
}
