import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFile } from '../../testing/multipart.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import type { ItemDraft } from './item-model.ts';
import { COLUMNS } from './item-workbook-columns.ts';
import { importQti } from './qti/index.ts';
import { fixture as qtiFixture, zipFolder } from './qti/qti-fixtures.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const word = (name: string) => readFileSync(new URL(`./word/fixtures/${name}`, import.meta.url));
const UPLOAD = '/api/assessment/item-imports?subjectCode=14&gradeCode=21';

type Proposed = {
  index: number;
  label: string;
  draft: ItemDraft;
  warnings: string[];
  missingAnswer: boolean;
  duplicates: { id: string; similarity: number }[];
  repeats: number[];
  itemId: string | null;
};
type Import = { id: string; status: string; format: string; items: Proposed[] };

let t: TestApp;
let teacher: Client;
let otherSchool: Client;
let teacherId = '';

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;
const count = async (q: ReturnType<typeof sql>) => (await rows<{ n: number }>(q))[0]!.n;
const items = () => count(sql`select count(*)::int as n from item`);
const imports = () => count(sql`select count(*)::int as n from item_import`);

function expectRefused(res: { statusCode: number; json: () => unknown }, status: number) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { error: { code: string; message: string } };
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error as { code: string; message: string; details: unknown };
}

async function upload(c: Client, file: Buffer, name: string, type = DOCX, url = UPLOAD) {
  return uploadFile(c, url, file, name, type);
}

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  const [me] = await rows<{ person: string; school: string }>(sql`select a.person_id as person,
      tt.school_id as school from account a join teacher tt on tt.person_id = a.person_id
     where a.username = 'teacher_demo'`);
  teacherId = me!.person;
  const [other] = await rows<{ username: string }>(sql`
    select a.username from account a join teacher tt on tt.person_id = a.person_id
     where a.username like 't%' and tt.school_id <> ${me!.school} order by a.username limit 1`);
  otherSchool = await t.login(other!.username);
});
afterAll(() => t.close());

describe('importing a Word paper', () => {
  let proposal: Import;

  it('proposes the items without writing any, with pictures stored as the teacher’s own', async () => {
    const before = await items();
    const res = await upload(teacher, word('math-grade7.docx'), '七年级数学.docx');
    expect(res.statusCode, res.body).toBe(200);
    proposal = res.json() as Import;
    expect(proposal).toMatchObject({ status: 'proposed', format: 'docx' });
    expect(proposal.items).toHaveLength(15);
    expect(proposal.items.filter((i) => i.missingAnswer).map((i) => i.label)).toEqual(['第 7 题']);
    expect(await items()).toBe(before);
    // Pictures point at stored files of the teacher's, not yet part of an item.
    const keys = [...JSON.stringify(proposal.items).matchAll(/hanlin-file:([a-z0-9/-]+)/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    const files = await rows<{ owner: string; item: string | null }>(
      sql`select owner_id as owner, item_id as item from item_file where storage_key = any(${sql.param(keys)}::text[])`,
    );
    expect(files.length).toBe(new Set(keys).size);
    expect(files.every((f) => f.owner === teacherId && f.item === null)).toBe(true);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where action = 'item.import.upload' and target_id = ${proposal.id}`,
      ),
    ).toBe(1);
  });

  it('returns the same proposal for the same upload, and only to its owner', async () => {
    const again = await upload(teacher, word('math-grade7.docx'), '七年级数学.docx');
    expect((again.json() as Import).id).toBe(proposal.id);
    expectRefused(await otherSchool.get(`/api/assessment/item-imports/${proposal.id}`), 404);
    const before = await items();
    const res = await otherSchool.post(`/api/assessment/item-imports/${proposal.id}/confirm`, {
      items: [{ index: 0, draft: proposal.items[0]!.draft }],
    });
    expectRefused(res, 404);
    expectRefused(await otherSchool.post(`/api/assessment/item-imports/${proposal.id}/discard`), 404);
    expect(await items()).toBe(before);
  });

  it('refuses an item proposed without an answer until the teacher supplies one, writing nothing', async () => {
    const before = await items();
    const q7 = proposal.items.find((i) => i.missingAnswer)!;
    const res = await teacher.post(`/api/assessment/item-imports/${proposal.id}/confirm`, {
      items: [
        { index: 0, draft: proposal.items[0]!.draft },
        { index: q7.index, draft: q7.draft },
      ],
    });
    const error = expectRefused(res, 400);
    expect(error.code).toBe('validation_failed');
    expect(JSON.stringify(error.details)).toContain('第 7 题');
    expect(await items()).toBe(before);
  });

  it('refuses a corrected item the bank would refuse (unsafe rich text), naming it, writing nothing', async () => {
    const before = await items();
    const first = proposal.items[0]!;
    const bad = {
      ...first.draft,
      content: { ...first.draft.content, stem: '<p>看<script>alert(1)</script></p>' },
    };
    const res = await teacher.post(`/api/assessment/item-imports/${proposal.id}/confirm`, {
      items: [
        { index: 1, draft: proposal.items[1]!.draft },
        { index: 0, draft: bad },
      ],
    });
    const error = expectRefused(res, 400);
    expect(JSON.stringify(error.details)).toContain('第 1 题');
    expect(await items()).toBe(before);
  });

  it('writes exactly the chosen items, as corrected, owned by the teacher and audited; once', async () => {
    const before = await items();
    const q7 = proposal.items.find((i) => i.missingAnswer)!;
    const first = proposal.items[0]!;
    const corrected: ItemDraft = {
      ...first.draft,
      content: { ...first.draft.content, stem: '<p>改正后的第 1 题：−3 的相反数是（　　）</p>' },
      tags: { ...first.draft.tags, difficulty: 0.8 },
    };
    // 第 7 题 is a fill-in whose key the paper does not give: the reader's placeholder stands in it.
    const q7draft = q7.draft as ItemDraft;
    if (q7draft.content.type !== 'fill_in') throw new Error(`第 7 题: ${q7draft.content.type}`);
    expect(q7draft.content.blanks[0]!.accepted).toEqual(['（待补充）']);
    const supplied: ItemDraft = {
      ...q7draft,
      content: { ...q7draft.content, blanks: q7draft.content.blanks.map((b) => ({ ...b, accepted: ['5'] })) },
    };
    // Saying the answer was supplied is not enough while the placeholder is still there.
    const still = await teacher.post(`/api/assessment/item-imports/${proposal.id}/confirm`, {
      items: [{ index: q7.index, draft: q7draft, answerSupplied: true }],
    });
    expectRefused(still, 400);
    const chosen = [
      { index: 0, draft: corrected },
      { index: q7.index, draft: supplied, answerSupplied: true },
      { index: 3, draft: proposal.items[3]!.draft },
    ];
    const res = await teacher.post(`/api/assessment/item-imports/${proposal.id}/confirm`, { items: chosen });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json() as Import;
    expect(done.status).toBe('confirmed');
    const ids = done.items.map((i) => i.itemId).filter((x): x is string => x !== null);
    expect(ids).toHaveLength(3);
    expect(await items()).toBe(before + 3);
    const written = await rows<{
      id: string;
      author: string;
      stem: string;
      correct: string;
      difficulty: number;
    }>(
      sql`select id, author_id as author, content->>'stem' as stem, content->>'correct' as correct, difficulty
            from item where id = any(${sql.param(ids)}::uuid[])`,
    );
    expect(written.every((w) => w.author === teacherId)).toBe(true);
    const one = written.find((w) => w.id === done.items[0]!.itemId)!;
    expect(one.stem).toContain('改正后的第 1 题');
    expect(one.difficulty).toBeCloseTo(0.8);
    const [blanks] = await rows<{ accepted: string }>(
      sql`select content->'blanks'->0->'accepted'->>0 as accepted from item where id = ${done.items[q7.index]!.itemId}`,
    );
    expect(blanks!.accepted).toBe('5');
    expect(
      await count(sql`select count(*)::int as n from audit_log where action = 'item.create'
                       and target_id = any(${sql.param(ids)}::text[])`),
    ).toBe(3);
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where action = 'item.import.confirm' and target_id = ${proposal.id}`,
      ),
    ).toBe(1);
    // A retry (a lost answer, a double click) writes nothing more and returns the same items.
    const retry = await teacher.post(`/api/assessment/item-imports/${proposal.id}/confirm`, {
      items: chosen,
    });
    expect(retry.statusCode).toBe(200);
    expect((retry.json() as Import).items.map((i) => i.itemId)).toEqual(done.items.map((i) => i.itemId));
    expect(await items()).toBe(before + 3);
  });
});

describe('refusing bad files, with problems by item and line, writing nothing', () => {
  it('refuses a 30 MB .docx with 413 in the one error shape', async () => {
    const before = await imports();
    const big = Buffer.alloc(30 * 1024 * 1024, 0);
    word('math-grade7.docx').copy(big);
    const error = expectRefused(await upload(teacher, big, '大文件.docx'), 413);
    expect(error.code).toBe('payload_too_large');
    expect(await imports()).toBe(before);
  });

  it('refuses a QTI item with an unknown interaction, naming the file and line', async () => {
    const before = await imports();
    const res = await upload(teacher, qtiFixture('errors/hotspot.xml'), 'hotspot.xml', 'application/xml');
    const error = expectRefused(res, 400);
    const details = error.details as { path: string; line?: number; message: string }[];
    expect(details[0]!.path).toBe('hotspot.xml');
    expect(details[0]!.line).toBeGreaterThan(1);
    expect(await imports()).toBe(before);
  });

  it('refuses malformed XML and a file of another kind', async () => {
    expectRefused(
      await upload(teacher, qtiFixture('errors/malformed.xml'), 'bad.xml', 'application/xml'),
      400,
    );
    expectRefused(await upload(teacher, Buffer.from('hello'), 'notes.txt', 'text/plain'), 415);
    expectRefused(await upload(teacher, word('broken-renamed-txt.docx'), 'x.docx'), 415);
    expectRefused(
      await upload(
        teacher,
        word('math-grade7.docx'),
        'x.docx',
        DOCX,
        '/api/assessment/item-imports?subjectCode=1',
      ),
      400,
    );
  });

  it('refuses confirmation choices outside the proposal', async () => {
    const res = await upload(
      teacher,
      word('english-grade8.docx'),
      '八年级英语.docx',
      DOCX,
      '/api/assessment/item-imports?subjectCode=41&gradeCode=22',
    );
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Import;
    const before = await items();
    const ok = p.items.find((i) => !i.missingAnswer)!;
    expectRefused(
      await teacher.post(`/api/assessment/item-imports/${p.id}/confirm`, {
        items: [{ index: 999, draft: ok.draft }],
      }),
      400,
    );
    expectRefused(await teacher.post(`/api/assessment/item-imports/${p.id}/confirm`, { items: [] }), 400);
    expect(await items()).toBe(before);
    const gone = await teacher.post(`/api/assessment/item-imports/${p.id}/discard`);
    expect((gone.json() as Import).status).toBe('discarded');
    expectRefused(
      await teacher.post(`/api/assessment/item-imports/${p.id}/confirm`, {
        items: [{ index: ok.index, draft: ok.draft }],
      }),
      409,
    );
    expect(await items()).toBe(before);
  });
});

describe('QTI and .xlsx both ways', () => {
  let mine: string[] = [];

  it('imports a QTI package with a shared stimulus as a composite item', async () => {
    const res = await upload(teacher, zipFolder('stimulus-package'), 'passage.zip', 'application/zip');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Import;
    expect(p.format).toBe('qti');
    expect(p.items.some((i) => i.draft.content.type === 'composite')).toBe(true);
    const confirm = await teacher.post(`/api/assessment/item-imports/${p.id}/confirm`, {
      items: p.items.map((i) => ({ index: i.index, draft: i.draft })),
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    mine = (confirm.json() as Import).items.map((i) => i.itemId!);
    expect(mine).toHaveLength(p.items.length);
  });

  it('exports the teacher’s items as a QTI package that reads back, and refuses an item they do not see', async () => {
    const res = await teacher.get(`/api/assessment/item-export?format=qti&ids=${mine.join(',')}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const back = await importQti(res.rawPayload, {
      fileName: 'x.zip',
      defaults: { subjectCode: '14', gradeCode: '21' },
    });
    expect(back.ok).toBe(true);
    const [foreign] = await rows<{ id: string }>(sql`select i.id from item i where i.share = 'private'
        and i.author_id <> ${teacherId} order by i.id limit 1`);
    expectRefused(
      await teacher.get(`/api/assessment/item-export?format=qti&ids=${mine[0]},${foreign!.id}`),
      404,
    );
    expectRefused(await teacher.get('/api/assessment/item-export?format=qti&ids=not-an-id'), 400);
    expectRefused(await teacher.get(`/api/assessment/item-export?format=pdf&ids=${mine[0]}`), 400);
  });

  it('carries pictures both ways: a package’s pictures become the teacher’s, and go out again', async () => {
    const res = await upload(teacher, zipFolder('hanlin-export'), 'hanlin.zip', 'application/zip');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Import;
    const withPicture = p.items.filter((i) => JSON.stringify(i.draft).includes('hanlin-file:'));
    expect(withPicture.length).toBeGreaterThan(0);
    // The package gives one blank a share of the score and not the other: the bank wants all or
    // none, which the proposal says; the teacher drops the shares.
    const odd = withPicture.find((i) => i.warnings.some((w) => w.includes('分值比例')));
    expect(odd).toBeDefined();
    const corrected = withPicture.map((i) => {
      const c = i.draft.content;
      if (c.type !== 'fill_in') return i.draft;
      return { ...i.draft, content: { ...c, blanks: c.blanks.map(({ weight: _w, ...b }) => b) } };
    });
    const confirm = await teacher.post(`/api/assessment/item-imports/${p.id}/confirm`, {
      items: withPicture.map((i, k) => ({ index: i.index, draft: corrected[k] })),
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    const ids = (confirm.json() as Import).items.map((i) => i.itemId).filter((x): x is string => x !== null);
    const out = await teacher.get(`/api/assessment/item-export?format=qti&ids=${ids.join(',')}`);
    expect(out.statusCode, out.body.slice(0, 200)).toBe(200);
    const back = await importQti(out.rawPayload, {
      fileName: 'x.zip',
      defaults: { subjectCode: '14', gradeCode: '21' },
    });
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.pictures.length).toBeGreaterThan(0);
  });

  it('exports as the .xlsx template, which imports back with every item flagged as a duplicate', async () => {
    const res = await teacher.get(`/api/assessment/item-export?format=xlsx&ids=${mine.join(',')}`);
    expect(res.statusCode).toBe(200);
    const again = await upload(
      teacher,
      res.rawPayload,
      '导出.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(again.statusCode, again.body).toBe(200);
    const p = again.json() as Import;
    expect(p.items).toHaveLength(mine.length);
    for (const [i, item] of p.items.entries()) {
      expect(item.duplicates.map((d) => d.id)).toContain(mine[i]);
      expect(item.duplicates[0]!.similarity).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('refuses a template with a wrong answer, naming the row, writing nothing', async () => {
    const res = await teacher.get(`/api/assessment/item-export?format=xlsx&ids=${mine.join(',')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    const typeCol = COLUMNS.findIndex((c) => c.key === 'type') + 1;
    const answerCol = COLUMNS.findIndex((c) => c.key === 'answer') + 1;
    let row = 2;
    while (!String(sheet.getRow(row).getCell(typeCol).value ?? '').includes('单选')) row++;
    sheet.getRow(row).getCell(answerCol).value = 'Z';
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await imports();
    const error = expectRefused(
      await upload(
        teacher,
        bad,
        '有误.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
      400,
    );
    expect(JSON.stringify(error.details)).toContain(`第 ${row} 行`);
    expect(await imports()).toBe(before);
  });

  it('gives the blank template and a paper’s items, and refuses another school’s paper', async () => {
    const template = await teacher.get('/api/assessment/item-template.xlsx');
    expect(template.statusCode).toBe(200);
    expect(template.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const [paper] = await rows<{
      id: string;
    }>(sql`select p.id from paper p join paper_item pi on pi.paper_id = p.id
        where p.owner_id = ${teacherId} limit 1`);
    if (paper) {
      const own = await teacher.get(`/api/assessment/papers/${paper.id}/export?format=xlsx`);
      expect(own.statusCode, own.body.slice(0, 200)).toBe(200);
    }
    const [foreign] = await rows<{ id: string }>(sql`select p.id from paper p where p.owner_id <> ${teacherId}
        and p.school_id is distinct from (select school_id from teacher where person_id = ${teacherId} limit 1) limit 1`);
    if (foreign)
      expectRefused(await teacher.get(`/api/assessment/papers/${foreign.id}/export?format=qti`), 404);
  });
});

describe('the bank’s own checks, which every confirmed item passes', () => {
  const tags = {
    subjectCode: '14',
    gradeCode: '21',
    knowledgePointIds: [],
    cognitiveLevel: 'apply',
    difficulty: 0.6,
    score: 3,
    seconds: 60,
  };
  const item = (stem: string) => ({
    content: {
      type: 'single_choice',
      stem,
      options: [
        { id: 'A', body: '<p title="提示">12</p>' },
        { id: 'B', body: '<p>15</p>' },
      ],
      correct: 'A',
      explanation: '<p>一<br></br>二</p>',
    },
    tags,
  });

  it('stores every rich field in its canonical, sanitised form', async () => {
    const res = await teacher.post('/api/assessment/items', item('<p>规范化的题干</p>'));
    expect(res.statusCode, res.body).toBe(200);
    const { content } = (
      res.json() as { item: { content: { options: { body: string }[]; explanation: string } } }
    ).item;
    expect(content.options[0]!.body).toBe('<p>12</p>');
    expect(content.explanation).toBe('<p>一<br/>二</p>');
  });

  it('refuses unsafe markup in any rich field, writing nothing', async () => {
    const before = await items();
    const res = await teacher.post('/api/assessment/items', item('<p>题干<script>alert(1)</script></p>'));
    expect(expectRefused(res, 400).code).toBe('validation_failed');
    const option = item('<p>题干</p>');
    option.content.options[1]!.body = '<p><img src="javascript:alert(1)" alt=""/></p>';
    expectRefused(await teacher.post('/api/assessment/items', option), 400);
    expect(await items()).toBe(before);
  });
});
