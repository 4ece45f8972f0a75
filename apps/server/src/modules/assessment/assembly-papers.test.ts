import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { feasibleSpec, type SeenItem, seedDemoItems, seenItems } from './assembly.fixtures.ts';
import type { BlueprintSpec } from './blueprint-model.ts';

let t: TestApp;
let teacher: Client;
let student: Client;
let subjectCode: string;
let gradeCode: string;
let items: SeenItem[];
let spec: BlueprintSpec;

const LEVEL: Record<string, string> = {
  remember: '识记',
  understand: '理解',
  apply: '应用',
  analyse: '分析综合',
};

beforeAll(async () => {
  t = await createTestApp();
  ({ subjectCode, gradeCode } = await seedDemoItems(t.db));
  teacher = await t.login('teacher_demo');
  student = await t.login('student_demo');
  items = await seenItems(teacher, subjectCode, gradeCode);
  spec = feasibleSpec(items);
}, 300_000);
afterAll(() => t.close());

type PaperItem = { itemId: string; score: number; item: SeenItem | null };
type Paper = {
  id: string;
  title: string;
  status: string;
  form: string | null;
  formGroup: string | null;
  totalScore: number;
  sections: { title: string; items: PaperItem[] }[];
};

const getPaper = async (id: string) => (await teacher.get(`/api/assessment/papers/${id}`)).json() as Paper;
const itemsOf = (p: Paper) => p.sections.flatMap((s) => s.items);

/** Every requirement of `spec` recounted from a paper's items. */
function meets(p: Paper, s: BlueprintSpec) {
  const its = itemsOf(p).map((x) => x.item!);
  for (const c of s.cells)
    expect(
      its.filter(
        (i) =>
          i.cognitiveLevel === c.cognitiveLevel && i.knowledgePoints.some((k) => k.id === c.knowledgePointId),
      ).length,
    ).toBe(c.count);
  for (const ty of s.types) expect(its.filter((i) => i.type === ty.type).length).toBe(ty.count);
  expect(itemsOf(p).reduce((a, x) => a + x.score, 0)).toBe(s.totalScore);
  const mean = its.reduce((a, i) => a + i.difficulty, 0) / its.length;
  expect(Math.abs(mean - s.difficulty.mean!)).toBeLessThanOrEqual(s.difficulty.tolerance + 1e-9);
  expect(its.reduce((a, i) => a + i.seconds, 0) / 60).toBeLessThanOrEqual(s.minutes);
}

const assemble = (body: Record<string, unknown>, c = teacher) =>
  c.post('/api/assessment/assembly', { subjectCode, gradeCode, spec, ...body });

describe('automatic test assembly', () => {
  it('assembles a draft paper meeting every requirement of a 细目表 from the demo bank, audited', async () => {
    const res = await assemble({});
    expect(res.statusCode, res.body).toBe(200);
    const { papers, status } = res.json() as { papers: { id: string }[]; status: string };
    expect(status).toBe('optimal');
    expect(papers).toHaveLength(1);
    const p = await getPaper(papers[0]!.id);
    expect(p).toMatchObject({ status: 'draft', title: spec.title, form: null });
    expect(p.sections[0]!.title).toMatch(/^一、/);
    meets(p, spec);
    const audit = await t.db.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'paper.assemble' and target_id = ${p.id}`,
    );
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('assembles from a saved template, and A/B 卷 with bounded overlap', async () => {
    const saved = await teacher.post('/api/assessment/blueprints', {
      name: '自动组卷模板',
      subjectCode,
      gradeCode,
      spec,
      shared: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await teacher.post(`/api/assessment/blueprints/${saved.json().id}/assemble`, {
      forms: 2,
      maxOverlap: 4,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [a, b] = await Promise.all((res.json().papers as { id: string }[]).map((x) => getPaper(x.id)));
    expect([a!.form, b!.form]).toEqual(['A', 'B']);
    expect(a!.title).toContain('A卷');
    expect(a!.formGroup).toBe(b!.formGroup);
    for (const p of [a!, b!]) meets(p, spec);
    const inA = new Set(itemsOf(a!).map((x) => x.itemId));
    expect(itemsOf(b!).filter((x) => inA.has(x.itemId)).length).toBeLessThanOrEqual(4);
    // 换一题 on B keeps its overlap with A within the bound.
    for (const x of itemsOf(b!)) {
      const res = await teacher.post(`/api/assessment/papers/${b!.id}/swap`, { itemId: x.itemId });
      expect([200, 422], res.body).toContain(res.statusCode);
      if (res.statusCode !== 200) continue;
      const next = res.json().paper as Paper;
      meets(next, spec);
      expect(itemsOf(next).filter((y) => inA.has(y.itemId)).length).toBeLessThanOrEqual(4);
      break;
    }
  });

  it('explains an impossible 细目表 in the teacher’s words as a 422 naming the requirement', async () => {
    const cell = spec.cells[0]!;
    // Only the blueprint's item types are drawn from.
    const available = items.filter(
      (i) =>
        i.cognitiveLevel === cell.cognitiveLevel &&
        i.knowledgePoints.some((k) => k.id === cell.knowledgePointId) &&
        spec.types.some((ty) => ty.type === i.type),
    ).length;
    const name = items.find((i) => i.knowledgePoints[0]!.id === cell.knowledgePointId)!.knowledgePoints[0]!
      .name;
    const extra = available + 1 - cell.count!;
    const types = spec.types.map((ty, k) => (k === 0 ? { ...ty, count: ty.count + extra } : ty));
    const impossible: BlueprintSpec = {
      ...spec,
      cells: spec.cells.map((c, k) => (k === 0 ? { ...c, count: available + 1 } : c)),
      types,
      totalScore: types.reduce((a, ty) => a + ty.count * ty.score, 0),
      minutes: 600,
    };
    const before = (await teacher.get('/api/assessment/papers?mine=true')).json().total as number;
    const res = await assemble({ spec: impossible });
    expect(res.statusCode, res.body).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('unprocessable');
    expect(error.message).toContain(
      `细目表要求 ${available + 1} 道『${name}·${LEVEL[cell.cognitiveLevel]}』题，题库只有 ${available} 道`,
    );
    expect(error.details.reason).toBe('infeasible');
    expect(error.details.conflicts[0]).toMatchObject({ path: 'spec.cells[0]', kind: 'cell' });
    expect((await teacher.get('/api/assessment/papers?mine=true')).json().total).toBe(before);
  });

  it('names a set of requirements that cannot hold together', async () => {
    // Every item of the paper needs its time, and the paper is given a minute.
    const res = await assemble({ spec: { ...spec, minutes: 1 } });
    expect(res.statusCode, res.body).toBe(422);
    const { details, message } = res.json().error;
    expect(message).toMatch(/^无法组卷/);
    expect(details.conflicts.map((c: { path: string }) => c.path)).toContain('spec.minutes');
  });

  it('swaps an item for one that keeps every requirement, audited', async () => {
    const id = (await assemble({})).json().papers[0].id as string;
    const paper = await getPaper(id);
    let swapped: { replacement: string; paper: Paper } | undefined;
    let out = '';
    for (const x of itemsOf(paper)) {
      const res = await teacher.post(`/api/assessment/papers/${id}/swap`, { itemId: x.itemId });
      if (res.statusCode === 200) {
        swapped = res.json();
        out = x.itemId;
        break;
      }
      expect(res.statusCode, res.body).toBe(422);
    }
    expect(swapped, 'no item of the paper could be swapped').toBeDefined();
    const next = swapped!.paper;
    const ids = itemsOf(next).map((x) => x.itemId);
    expect(ids).not.toContain(out);
    expect(ids).toContain(swapped!.replacement);
    expect(ids).toHaveLength(itemsOf(paper).length);
    meets(next, spec);
    // The replacement took the slot of the item it replaced.
    expect(ids.indexOf(swapped!.replacement)).toBe(itemsOf(paper).findIndex((x) => x.itemId === out));
    const audit = await t.db.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'paper.swap' and target_id = ${id}`,
    );
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('answers bad input with a 4xx naming the field, and writes nothing', async () => {
    const before = (await teacher.get('/api/assessment/papers?mine=true')).json().total as number;
    const mismatch = await assemble({ spec: { ...spec, totalScore: spec.totalScore + 1 } });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.details[0].path).toBe('spec.types');
    const malformed = await assemble({ spec: { ...spec, title: undefined } });
    expect(malformed.statusCode).toBe(400);
    const unknownItem = await assemble({
      spec: { ...spec, include: ['0190aaaa-0000-7000-8000-000000000000'] },
    });
    expect(unknownItem.statusCode).toBe(400);
    expect(unknownItem.json().error.details[0].path).toBe('spec.include[0]');
    const forms = await assemble({ forms: 3 });
    expect(forms.statusCode).toBe(400);
    const noTemplate = await teacher.post(
      '/api/assessment/blueprints/0190aaaa-0000-7000-8000-000000000000/assemble',
      {},
    );
    expect(noTemplate.statusCode).toBe(404);
    expect((await teacher.get('/api/assessment/papers?mine=true')).json().total).toBe(before);

    const id = (await assemble({})).json().papers[0].id as string;
    const notInPaper = await teacher.post(`/api/assessment/papers/${id}/swap`, {
      itemId: items.find((i) => !spec.cells.some((c) => c.knowledgePointId === i.knowledgePoints[0]?.id))!.id,
    });
    expect(notInPaper.statusCode).toBe(400);
    const byHand = await teacher.post('/api/assessment/papers', {
      title: '手工组卷',
      subjectCode,
      gradeCode,
      minutes: 40,
    });
    const handSwap = await teacher.post(`/api/assessment/papers/${byHand.json().id}/swap`, {
      itemId: items[0]!.id,
    });
    expect(handSwap.statusCode).toBe(409);
  });

  it('refuses a student', async () => {
    expect((await assemble({}, student)).statusCode).toBe(403);
    const id = (await assemble({})).json().papers[0].id as string;
    const paper = await getPaper(id);
    const res = await student.post(`/api/assessment/papers/${id}/swap`, {
      itemId: itemsOf(paper)[0]!.itemId,
    });
    expect(res.statusCode).toBe(403);
  });
});
