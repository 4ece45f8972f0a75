import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFile } from '../../testing/multipart.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let researcher: Client;
let student: Client;

beforeAll(async () => {
  t = await createTestApp();
  researcher = await t.login('researcher_demo');
  student = await t.login('student_demo');
});
afterAll(() => t.close());

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;
const count = async (table: string) =>
  (await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;
const snapshot = async () =>
  Object.fromEntries(
    await Promise.all(
      [
        'textbook_edition',
        'curriculum_node',
        'knowledge_point',
        'knowledge_edge',
        'lesson_knowledge_point',
      ].map(async (x) => [x, await count(x)] as const),
    ),
  );

type Edition = { id: string; subjectCode: string; name: string; lessons: number };
type TreeNode = {
  id: string;
  kind: string;
  title: string;
  knowledgePointIds: string[];
  children: TreeNode[];
};

async function mathEdition(): Promise<Edition> {
  const list = (await student.get('/api/curriculum/editions?subjectCode=14')).json() as Edition[];
  return list[0]!;
}

async function exportWorkbook(subjectCode: string): Promise<Buffer> {
  const res = await researcher.get(`/api/curriculum/export?subjectCode=${subjectCode}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-disposition']).toContain('filename*=UTF-8');
  return res.rawPayload;
}

const upload = (c: Client, file: Buffer) => uploadFile(c, '/api/curriculum/import', file, 'backbone.xlsx');

describe('the demo backbone', () => {
  it('ships one edition each of 语文, 数学 and 英语 for grades 1–9 with a knowledge graph', async () => {
    const editions = (await student.get('/api/curriculum/editions')).json() as Edition[];
    expect(editions.map((e) => e.subjectCode).sort()).toEqual(['13', '14', '41']);
    for (const e of editions) expect(e.lessons).toBeGreaterThan(100);
    const kps = await rows<{ subject: string; n: number; e: number }>(sql`
      select k.subject_code as subject, count(*)::int as n,
             (select count(*)::int from knowledge_edge e join knowledge_point p on p.id = e.knowledge_point_id
               where p.subject_code = k.subject_code) as e
        from knowledge_point k group by k.subject_code`);
    expect(kps.reduce((s, r) => s + r.n, 0)).toBeGreaterThanOrEqual(300);
    for (const r of kps) expect(r.e).toBeGreaterThan(r.n / 2);
  });

  it('shows a volume as units and lessons linked to knowledge points, readable by a student', async () => {
    const e = await mathEdition();
    const res = await student.get(`/api/curriculum/editions/${e.id}/tree?gradeCode=14&term=1`);
    expect(res.statusCode).toBe(200);
    const { volumes } = res.json() as { volumes: TreeNode[] };
    expect(volumes).toHaveLength(1);
    expect(volumes[0]!.title).toBe('四年级上册');
    const lessons = volumes[0]!.children.flatMap((u) => u.children);
    expect(lessons.length).toBeGreaterThan(5);
    expect(lessons.every((l) => l.knowledgePointIds.length > 0)).toBe(true);
    const kp = (
      await student.get(`/api/curriculum/knowledge-points/${lessons[0]!.knowledgePointIds[0]}`)
    ).json();
    expect(kp.lessons.map((l: { id: string }) => l.id)).toContain(lessons[0]!.id);
  });

  it('draws the graph of a grade with the direct prerequisites from earlier grades', async () => {
    const g = (await student.get('/api/curriculum/graph?subjectCode=14&gradeCode=21')).json() as {
      nodes: { id: string; gradeCode: string; focus: boolean }[];
      edges: { source: string; target: string }[];
    };
    expect(g.nodes.some((n) => n.focus && n.gradeCode === '21')).toBe(true);
    expect(g.nodes.some((n) => !n.focus && n.gradeCode < '21')).toBe(true);
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(g.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });
});

describe('editing the backbone', () => {
  it('is refused to teachers, students and district-level researchers', async () => {
    const teacher = await t.login('teacher_demo');
    const body = { subjectCode: '14', code: 'T-1', name: '测试', gradeCode: '14', strand: '数与代数' };
    expect((await teacher.post('/api/curriculum/knowledge-points', body)).statusCode).toBe(403);
    expect((await student.post('/api/curriculum/knowledge-points', body)).statusCode).toBe(403);
    await t.db.db.execute(sql`update role_assignment ra set org_unit_id = d.id, path = d.path, district_id = d.id
      from org_unit d where d.kind = 'district' and d.name like '越秀%'
       and ra.person_id = (select person_id from account where username = 'researcher_demo')`);
    try {
      const district = await t.login('researcher_demo');
      const res = await district.post('/api/curriculum/knowledge-points', body);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toContain('市级教研员');
    } finally {
      await t.db.db.execute(sql`update role_assignment ra set org_unit_id = c.id, path = c.path, district_id = null
        from org_unit c where c.kind = 'city'
         and ra.person_id = (select person_id from account where username = 'researcher_demo')`);
      researcher = await t.login('researcher_demo');
    }
    expect(await count('knowledge_point')).toBe((await snapshot()).knowledge_point);
  });

  it('adds points and prerequisites, and refuses a cycle with the chain that would close it', async () => {
    const mk = async (code: string, name: string) => {
      const res = await researcher.post('/api/curriculum/knowledge-points', {
        subjectCode: '14',
        code,
        name,
        gradeCode: '15',
        strand: '数与代数',
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().id as string;
    };
    const a = await mk('T-A', '测试甲');
    const b = await mk('T-B', '测试乙');
    const c = await mk('T-C', '测试丙');
    expect(
      (await researcher.post(`/api/curriculum/knowledge-points/${b}/prerequisites`, { prerequisiteId: a }))
        .statusCode,
    ).toBe(200);
    expect(
      (await researcher.post(`/api/curriculum/knowledge-points/${c}/prerequisites`, { prerequisiteId: b }))
        .statusCode,
    ).toBe(200);
    const before = await snapshot();
    const loop = await researcher.post(`/api/curriculum/knowledge-points/${a}/prerequisites`, {
      prerequisiteId: c,
    });
    expect(loop.statusCode).toBe(409);
    expect(loop.json().error.message).toContain('循环');
    expect(loop.json().error.details.cycle).toEqual(['T-A', 'T-B', 'T-C']);
    expect(await snapshot()).toEqual(before);
    // The database refuses it too, whoever writes.
    const direct = await t.db.db
      .execute(sql`insert into knowledge_edge (prerequisite_id, knowledge_point_id) values (${c}, ${a})`)
      .then(
        () => null,
        (err: { cause?: { constraint?: string } }) => err.cause?.constraint,
      );
    expect(direct).toBe('knowledge_edge_acyclic');
    const dup = await researcher.post('/api/curriculum/knowledge-points', {
      subjectCode: '14',
      code: 'T-A',
      name: '重复',
      gradeCode: '15',
      strand: '数与代数',
    });
    expect(dup.statusCode).toBe(409);
    const audit = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action like 'curriculum.kp.%' and target_id in (${a}, ${b}, ${c})`,
    );
    expect(audit[0]!.n).toBeGreaterThanOrEqual(5);
  });

  it('builds a volume, a unit and a lesson, links points, renames and removes them', async () => {
    const e = await mathEdition();
    const vol = await researcher.post('/api/curriculum/nodes', { editionId: e.id, gradeCode: '24', term: 1 });
    expect(vol.statusCode, vol.body).toBe(200);
    const again = await researcher.post('/api/curriculum/nodes', {
      editionId: e.id,
      gradeCode: '24',
      term: 1,
    });
    expect(again.statusCode).toBe(409);
    const unit = await researcher.post('/api/curriculum/nodes', {
      editionId: e.id,
      parentId: vol.json().id,
      title: '测试单元',
    });
    const lesson = await researcher.post('/api/curriculum/nodes', {
      editionId: e.id,
      parentId: unit.json().id,
      title: '<b>测试课</b>',
    });
    expect(lesson.statusCode).toBe(200);
    const [kp] = await rows<{ id: string }>(
      sql`select id from knowledge_point where subject_code = '14' limit 1`,
    );
    const [other] = await rows<{ id: string }>(
      sql`select id from knowledge_point where subject_code = '13' limit 1`,
    );
    const wrong = await researcher.post(`/api/curriculum/lessons/${lesson.json().id}/knowledge-points`, {
      knowledgePointIds: [other!.id],
    });
    expect(wrong.statusCode).toBe(400);
    const link = await researcher.post(`/api/curriculum/lessons/${lesson.json().id}/knowledge-points`, {
      knowledgePointIds: [kp!.id],
    });
    expect(link.statusCode).toBe(200);
    const tree = (await researcher.get(`/api/curriculum/editions/${e.id}/tree?gradeCode=24`)).json();
    const l = tree.volumes[0].children[0].children[0];
    expect(l.title).toBe('<b>测试课</b>');
    expect(l.knowledgePointIds).toEqual([kp!.id]);
    expect((await researcher.post(`/api/curriculum/nodes/${unit.json().id}/delete`)).statusCode).toBe(409);
    expect((await researcher.post(`/api/curriculum/nodes/${lesson.json().id}/delete`)).statusCode).toBe(200);
    expect((await researcher.post(`/api/curriculum/nodes/${unit.json().id}/delete`)).statusCode).toBe(200);
    expect((await researcher.post(`/api/curriculum/nodes/${vol.json().id}/delete`)).statusCode).toBe(200);
  });
});

describe('workbook import and export', () => {
  it('re-imports its own export without changing anything', async () => {
    const file = await exportWorkbook('41');
    const before = await snapshot();
    const res = await upload(researcher, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      volumes: 0,
      units: 0,
      lessons: 0,
      knowledgePoints: 0,
      prerequisites: 0,
      links: 0,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('lists every error by sheet, row and column and writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exportWorkbook('14')) as unknown as ArrayBuffer);
    const points = wb.getWorksheet('知识点')!;
    points.addRow(['14', 'NEW-1', '新知识点', '99', '数与代数', 'NO-SUCH', '']);
    points.addRow(['14', 'NEW-2', '循环甲', '15', '数与代数', 'NEW-3', '']);
    points.addRow(['14', 'NEW-3', '循环乙', '15', '数与代数', 'NEW-2', '']);
    const catalog = wb.getWorksheet('教材目录')!;
    catalog.addRow(['14', '人教版', '人民教育出版社', '14', '中册', 1, '单元', 99, '课', '']);
    const before = await snapshot();
    const res = await upload(researcher, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    const errors = res.json().error.details.errors as {
      sheet: string;
      row: number;
      column: string;
      message: string;
    }[];
    const at = (column: string) => errors.find((e) => e.column === column);
    expect(at('年级代码')).toMatchObject({ sheet: '知识点', message: expect.stringContaining('99') });
    expect(
      errors.some((e) => e.message.includes('NO-SUCH')),
      JSON.stringify(errors),
    ).toBe(true);
    expect(errors.some((e) => e.message.includes('循环'))).toBe(true);
    expect(at('册次')).toMatchObject({ sheet: '教材目录', message: expect.stringContaining('上册') });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file that is not a workbook', async () => {
    const res = await upload(researcher, Buffer.from('MZ\x90\x00 not a workbook'));
    expect(res.statusCode).toBe(415);
  });
});
