/**
 * A small demo item bank: for every school, a teacher of 语文, 数学 and 英语 with eight items of
 * their grade's knowledge points (some shared with the school, district or city, one waiting for
 * the school's decision), a blueprint and a draft paper; so the bank's pages, its share queue and
 * the route × role matrix find data on first start. Deterministic: the same on every seed.
 */
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import { itemText } from './bank-text.ts';
import type { BlueprintSpec } from './blueprint-model.ts';
import {
  type BankAuthor,
  insertDemoBlueprints,
  insertDemoItems,
  insertDemoPapers,
  loadBankAuthors,
  loadPoints,
  type PointOf,
} from './demo-bank.repository.ts';
import { MAKERS } from './demo-bank-items.ts';
import type { CognitiveLevel } from './item-model.ts';

/** FNV-1a: a stable number from a text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const SOURCES = ['课堂练习', '单元测验', '期中检测', '期末检测'];
const SUBJECT_NAMES: Record<string, string> = { '13': '语文', '14': '数学', '41': '英语' };

/** Who shares what: the fifth item with the school, the sixth with the district, the seventh with the city. */
function shareOf(i: number, a: BankAuthor) {
  if (i === 4) return { share: 'school', requested: null, status: 'approved', note: null };
  if (i === 5) return { share: 'district', requested: null, status: 'approved', note: null };
  if (i === 6) return { share: 'city', requested: null, status: 'approved', note: null };
  if (i === 7 && a.demo) return { share: 'private', requested: 'school', status: 'pending', note: null };
  if (i === 3 && a.demo)
    return { share: 'private', requested: 'school', status: 'returned', note: '请补充解析后再申请' };
  return { share: 'private', requested: null, status: 'none', note: null };
}

export async function seedDemoBank(tx: Tx): Promise<number> {
  const authors = await loadBankAuthors(tx);
  const pointsBy = await loadPoints(tx);
  const items: Record<string, unknown>[] = [];
  const links: { item: string; kp: string }[] = [];
  const blueprints: Record<string, unknown>[] = [];
  const papers: Record<string, unknown>[] = [];
  const slots: { paper: string; position: number; item: string; section: number; score: number }[] = [];
  const day = Date.UTC(2026, 8, 1);
  for (const a of authors) {
    const pool: PointOf[] = pointsBy.get(`${a.subject}:${a.grade}`) ?? [];
    if (pool.length === 0) continue;
    const made: { id: string; score: number; kp: string; level: CognitiveLevel }[] = [];
    const count = a.demo ? 12 : 8;
    for (let i = 0; i < count; i++) {
      const k = hash(`${a.schoolPath}:${a.subject}:${i}`);
      const kp = pool[(k >>> 4) % pool.length]!;
      const m = MAKERS[a.subject]!(i, k, kp.name);
      const id = newId();
      items.push({
        id,
        type: m.content.type,
        content: m.content,
        stem: itemText(m.content),
        subject: a.subject,
        grade: a.grade,
        level: m.level,
        difficulty: Math.round((0.35 + ((k >>> 8) % 56) / 100) * 100) / 100,
        score: m.score,
        seconds: m.seconds,
        source: SOURCES[(k >>> 12) % SOURCES.length],
        year: 2025 + ((k >>> 16) % 2),
        author: a.teacherId,
        path: a.schoolPath,
        district: a.districtId,
        school: a.schoolId,
        ...shareOf(i % 8, a),
        exposure: (k >>> 20) % 4,
        at: new Date(day + i * 3_600_000 + ((k >>> 3) % 1000) * 60_000).toISOString(),
      });
      links.push({ item: id, kp: kp.id });
      made.push({ id, score: m.score, kp: kp.id, level: m.level });
    }
    // One blueprint and one draft paper per school (its first subject's teacher); the demo teacher's
    // blueprint is offered to her school as a template.
    const first = authors.find((x) => x.schoolId === a.schoolId && pointsBy.has(`${x.subject}:${x.grade}`));
    if (first !== a && !a.demo) continue;
    const subject = SUBJECT_NAMES[a.subject]!;
    const types = [...new Set(made.map((m) => items.find((x) => x.id === m.id)!.type as string))].slice(0, 3);
    const typeRows = types.map((type) => ({
      type,
      count: 1,
      score: made.find((m) => items.find((x) => x.id === m.id)!.type === type)!.score,
    }));
    const spec: BlueprintSpec = {
      title: `${subject}单元练习`,
      cells: made
        .slice(0, typeRows.length)
        .map((m) => ({ knowledgePointId: m.kp, cognitiveLevel: m.level, count: 1 })),
      types: typeRows as BlueprintSpec['types'],
      totalScore: typeRows.reduce((s, t) => s + t.score, 0),
      difficulty: { mean: 0.7, tolerance: 0.05 },
      minutes: 40,
      include: [],
      exclude: [],
      enemies: [],
    };
    blueprints.push({
      id: newId(),
      name: `${subject}单元练习（细目表）`,
      subject: a.subject,
      grade: a.grade,
      spec,
      owner: a.teacherId,
      path: a.schoolPath,
      shared: a.demo,
    });
    const paper = newId();
    const onPaper = made.slice(0, 4);
    papers.push({
      id: paper,
      title: `${subject}课堂小测`,
      subject: a.subject,
      grade: a.grade,
      minutes: 40,
      total: onPaper.reduce((s, m) => s + m.score, 0),
      sections: [{ title: '一、基础练习' }, { title: '二、能力提升' }],
      owner: a.teacherId,
      path: a.schoolPath,
      district: a.districtId,
      school: a.schoolId,
    });
    for (const [position, m] of onPaper.entries())
      slots.push({ paper, position, item: m.id, section: position < 2 ? 0 : 1, score: m.score });
  }
  for (let i = 0; i < items.length; i += 2000) {
    const batch = items.slice(i, i + 2000);
    const ids = new Set(batch.map((x) => x.id));
    await insertDemoItems(
      tx,
      batch,
      links.filter((l) => ids.has(l.item)),
    );
  }
  await insertDemoBlueprints(tx, blueprints);
  await insertDemoPapers(tx, papers, slots);
  return items.length;
}
