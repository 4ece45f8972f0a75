import { mkdirSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFile } from '../../testing/multipart.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { admitPrint, forgetPrints, MAX_PRINT_JOBS, printJobsRunning } from './paper-print.queue.ts';
import { FIGURE_KEY, m, sampleImages } from './print/fixtures/sample-paper.ts';
import { closePrinter } from './print/paper-print.ts';
import { inspectPdf } from './print/pdf-inspect.ts';
import { forPrint } from './print/print-layout.ts';
import { openDocx } from './word/docx-package.ts';

/** Where the files go to look at (not committed). */
const OUT = 'test-results/paper-print';
const PT_PER_MM = 72 / 25.4;
/** Text as a reader sees it: Chromium's font maps name some CJK glyphs by their radical forms. */
const readable = (t: string) =>
  t
    .normalize('NFKC')
    .replace(/\u2ec6/g, '角')
    .replace(/\s+/g, '');
const TITLE = '七年级数学第二单元检测';
const SUBTITLE = '海珠区 · 单元练习';
/** The file name: the title, then the subtitle (a 统考's says which district, grade and subject). */
const FILE = `${TITLE} ${SUBTITLE}`;

let t: TestApp;
let teacher: Client;
let student: Client;
let parent: Client;
let otherSchool: Client;
let paper: string;
let draft: string;

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;

async function item(content: Record<string, unknown>, score: number, kp: string) {
  const res = await teacher.post('/api/assessment/items', {
    content,
    tags: {
      subjectCode: '14',
      gradeCode: '21',
      knowledgePointIds: [kp],
      cognitiveLevel: 'apply',
      difficulty: 0.6,
      score,
      seconds: 90,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().item.id as string;
}

async function makePaper(
  title: string,
  sections: { title: string; items: { itemId: string; score: number }[] }[],
) {
  const created = await teacher.post('/api/assessment/papers', {
    title,
    subtitle: SUBTITLE,
    subjectCode: '14',
    gradeCode: '21',
    minutes: 60,
  });
  expect(created.statusCode, created.body).toBe(200);
  const id = created.json().id as string;
  const laid = await teacher.request('PATCH', `/api/assessment/papers/${id}`, { sections });
  expect(laid.statusCode, laid.body).toBe(200);
  return id;
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  t = await createTestApp();
  [teacher, student, parent] = await Promise.all([
    t.login('teacher_demo'),
    t.login('student_demo'),
    t.login('parent_demo'),
  ]);
  const [other] = await rows<{ username: string }>(sql`
    select a.username from account a join teacher tt on tt.person_id = a.person_id
     where a.username like 't%' and tt.school_id <> (select tt2.school_id from teacher tt2 join account a2
       on a2.person_id = tt2.person_id where a2.username = 'teacher_demo') order by a.username limit 1`);
  otherSchool = await t.login(other!.username);
  const [kp] = await rows<{ id: string }>(
    sql`select id from knowledge_point where subject_code = '14' and grade_code = '21' order by code limit 1`,
  );
  const png = (await (await sampleImages())(FIGURE_KEY))!.bytes;
  const up = await uploadFile(teacher, '/api/assessment/item-files', png, '三角形.png', 'image/png');
  expect(up.statusCode, up.body).toBe(200);
  const picture = up.json().key as string;

  const choice = await item(
    {
      type: 'single_choice',
      stem: `<p>${m('-3')} 的相反数是（　　）</p>`,
      options: [
        { id: 'A', body: '<p>−3</p>' },
        { id: 'B', body: '<p>3</p>' },
        { id: 'C', body: `<p>${m('-\\frac{1}{3}')}</p>` },
        { id: 'D', body: `<p>${m('\\frac{1}{3}')}</p>` },
      ],
      correct: 'B',
    },
    3,
    kp!.id,
  );
  const fill = await item(
    {
      type: 'fill_in',
      stem: `<p>如图，三角形的内角和是 <span data-blank="b1"></span> 度。</p><p><img src="hanlin-file:${picture}" alt="三角形"/></p>`,
      blanks: [{ id: 'b1', accepted: ['180'], kind: 'number' }],
    },
    4,
    kp!.id,
  );
  const written = await item(
    {
      type: 'short_answer',
      stem: `<p>解方程：${m('2x+3=11')}。</p>`,
      reference: `<p>${m('x=4')}</p>`,
      rubric: [
        { points: 3, description: '移项正确' },
        { points: 3, description: '求出 x = 4' },
      ],
    },
    6,
    kp!.id,
  );
  const sections = [
    { title: '一、选择题（每小题 3 分）', items: [{ itemId: choice, score: 3 }] },
    { title: '二、填空题', items: [{ itemId: fill, score: 4 }] },
    { title: '三、解答题', items: [{ itemId: written, score: 6 }] },
  ];
  paper = await makePaper(TITLE, sections);
  const final = await teacher.post(`/api/assessment/papers/${paper}/finalise`);
  expect(final.statusCode, final.body).toBe(200);
  draft = await makePaper('单元检测（修改中）', sections);
}, 120_000);
afterAll(async () => {
  await closePrinter();
  await t.close();
});

const pdfText = (bytes: Buffer) =>
  readable(
    inspectPdf(bytes)
      .map((p) => p.text)
      .join(''),
  );

describe('printing a paper', () => {
  it('A4 PDF: the items, the formula, the picture, a Chinese file name', async () => {
    const res = await teacher.get(`/api/assessment/papers/${paper}/print?format=pdf&size=A4`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${FILE.replace(/[^ -~]/g, '_')}.pdf"; filename*=UTF-8''${encodeURIComponent(FILE)}.pdf`,
    );
    const pdf = res.rawPayload;
    writeFileSync(`${OUT}/paper-a4.pdf`, pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = inspectPdf(pdf);
    for (const p of pages) {
      expect(p.mediaBox[2]! / PT_PER_MM).toBeCloseTo(210, 0);
      expect(p.mediaBox[3]! / PT_PER_MM).toBeCloseTo(297, 0);
    }
    const text = pdfText(pdf);
    expect(text).toContain(TITLE);
    for (const s of ['的相反数是', '三角形的内角和是', '解方程', '选择题', '填空题', '解答题'])
      expect(text).toContain(s);
    for (const n of [1, 2, 3]) expect(text).toContain(`${n}.`);
    // KaTeX set the formula (its fonts), and the figure came from the store.
    expect(pdf.toString('latin1')).toMatch(/KaTeX/);
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    // No answer on the paper.
    expect(text).not.toContain('移项正确');
  });

  it('A3 PDF: landscape with the sealing line and the student fields in it', async () => {
    const res = await teacher.get(`/api/assessment/papers/${paper}/print?size=A3`);
    expect(res.statusCode, res.body).toBe(200);
    expect(decodeURIComponent(res.headers['content-disposition'] as string)).toContain(
      `${FILE}（A3 双栏）.pdf`,
    );
    writeFileSync(`${OUT}/paper-a3.pdf`, res.rawPayload);
    const pages = inspectPdf(res.rawPayload);
    expect(pages[0]!.mediaBox[2]! / PT_PER_MM).toBeCloseTo(420, 0);
    expect(pages[0]!.mediaBox[3]! / PT_PER_MM).toBeCloseTo(297, 0);
    for (const p of pages) expect(readable(p.text)).toContain('密封线内不要答题');
    for (const f of ['学校', '班级', '姓名', '考号']) expect(readable(pages[0]!.text)).toContain(f);
  });

  it('Word: the paper and the key open and hold the items', async () => {
    const res = await teacher.get(`/api/assessment/papers/${paper}/print?format=docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    writeFileSync(`${OUT}/paper-a4.docx`, res.rawPayload);
    const xml = (await openDocx(res.rawPayload)).text('word/document.xml')!;
    for (const s of [TITLE, '的相反数是', '三角形的内角和是', '解方程']) expect(xml).toContain(s);
    expect(xml).toContain('<m:oMath');
    expect(xml).toContain('<w:drawing>');

    const key = await teacher.get(`/api/assessment/papers/${paper}/key?format=docx`);
    expect(key.statusCode, key.body).toBe(200);
    const keyXml = (await openDocx(key.rawPayload)).text('word/document.xml')!;
    expect(keyXml).toContain('参考答案及评分标准');
    expect(keyXml).toContain('移项正确');
  });

  it('the key as PDF, for the owner, audited each time', async () => {
    const res = await teacher.get(`/api/assessment/papers/${paper}/key`);
    expect(res.statusCode, res.body).toBe(200);
    expect(decodeURIComponent(res.headers['content-disposition'] as string)).toContain(
      `${FILE} 参考答案及评分标准.pdf`,
    );
    writeFileSync(`${OUT}/key.pdf`, res.rawPayload);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('参考答案及评分标准');
    expect(text).toContain('180');
    expect(text).toContain('移项正确');
    const audit = await rows<{ details: { format: string } }>(
      sql`select details from audit_log where action = 'paper.key.print' and target_id = ${paper}`,
    );
    expect(audit.map((a) => a.details.format).sort()).toEqual(['docx', 'pdf']);
  });

  it('never gives the key or the paper to a student, a parent or another school’s teacher', async () => {
    // Given to the student's class, the paper's row is readable by the student and the parent (row
    // security lets them answer it): the routes' roles and the paper's scope must still refuse.
    const [cls] = await rows<{ id: string }>(sql`select s.class_id as id from student s
        join account a on a.person_id = s.person_id where a.username = 'student_demo'`);
    const given = await teacher.post('/api/assignments', {
      paperId: paper,
      kind: 'homework',
      classIds: [cls!.id],
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(given.statusCode, given.body).toBe(200);
    const before = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action in ('paper.key.print', 'paper.print')`,
    );
    for (const url of [
      `/api/assessment/papers/${paper}/key`,
      `/api/assessment/papers/${paper}/key?format=docx`,
      `/api/assessment/papers/${paper}/print`,
      `/api/assessment/papers/${paper}/preview.png`,
    ]) {
      for (const c of [student, parent]) {
        const res = await c.get(url);
        expect(res.statusCode, url).toBe(403);
        expect(res.headers['content-type']).toContain('application/json');
        expect(res.json().error.code).toBe('forbidden');
      }
      const res = await otherSchool.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('%PDF');
    }
    const after = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action in ('paper.key.print', 'paper.print')`,
    );
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('answers bad ids and options with a 4xx in the one error shape', async () => {
    const cases: [string, number][] = [
      ['/api/assessment/papers/not-a-uuid/print', 400],
      ['/api/assessment/papers/0193a000-0000-7000-8000-000000000000/key', 404],
      [`/api/assessment/papers/${paper}/print?size=A5`, 400],
      [`/api/assessment/papers/${paper}/print?format=exe`, 400],
      [`/api/assessment/papers/${paper}/key?size=A3`, 400],
      [`/api/assessment/papers/${paper}/preview.png?size=`, 400],
    ];
    for (const [url, status] of cases) {
      const res = await teacher.get(url);
      expect(res.statusCode, url).toBe(status);
      expect(res.json().error.code, url).toBeTypeOf('string');
    }
  });

  it('a draft prints as a preview labelled 草稿', async () => {
    const res = await teacher.get(`/api/assessment/papers/${draft}/print`);
    expect(res.statusCode, res.body).toBe(200);
    expect(decodeURIComponent(res.headers['content-disposition'] as string)).toContain('【草稿】');
    writeFileSync(`${OUT}/draft-a4.pdf`, res.rawPayload);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('草稿');
    expect(text).toContain('未定稿');
    const png = await teacher.get(`/api/assessment/papers/${draft}/preview.png`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['content-disposition']).toMatch(/^inline;/);
    expect(png.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
    writeFileSync(`${OUT}/draft-page1.png`, png.rawPayload);
  });

  it('serves a finalised paper again from memory, and refuses with 429 while the printer is full', async () => {
    const first = await teacher.get(`/api/assessment/papers/${paper}/print?size=A3`);
    const again = await teacher.get(`/api/assessment/papers/${paper}/print?size=A3`);
    // Chromium stamps each PDF with its creation time: equal bytes are the kept file.
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);

    forgetPrints();
    const releases: (() => void)[] = [];
    const held = Array.from({ length: MAX_PRINT_JOBS }, () =>
      admitPrint(() => new Promise<void>((resolve) => releases.push(resolve))),
    );
    expect(printJobsRunning()).toBe(MAX_PRINT_JOBS);
    const busy = await teacher.get(`/api/assessment/papers/${paper}/print`);
    expect(busy.statusCode).toBe(429);
    expect(busy.json().error).toMatchObject({ code: 'rate_limited', details: { reason: 'printer_busy' } });
    // Word needs no Chromium and is not held up.
    expect((await teacher.get(`/api/assessment/papers/${paper}/print?format=docx`)).statusCode).toBe(200);
    for (const r of releases) r();
    await Promise.all(held);
    expect(printJobsRunning()).toBe(0);
    expect((await teacher.get(`/api/assessment/papers/${paper}/print`)).statusCode).toBe(200);
  });
});

describe('a paper as it prints', () => {
  const tf = (stem: string) => ({
    title: '二、判断题',
    items: [
      {
        itemId: '0193a000-0000-7000-8000-000000000001',
        number: 1,
        score: 1,
        content: { type: 'true_false' as const, stem, correct: true },
      },
    ],
  });
  const doc = (stem: string) => ({
    title: '练习',
    subjectCode: '14',
    gradeCode: '14',
    minutes: 10,
    totalScore: 1,
    navigation: 'free' as const,
    sections: [tf(stem)],
  });
  const stemOf = (stem: string) => forPrint(doc(stem)).sections[0]!.items[0]!.content.stem;

  it('gives a 判断题 the （　　） to mark in, once', () => {
    expect(stemOf('<p>三角形的三条中线交于一点。</p>')).toBe('<p>三角形的三条中线交于一点。（　　）</p>');
    expect(stemOf('<p>0 既不是正数，也不是负数。（　　）</p>')).toBe(
      '<p>0 既不是正数，也不是负数。（　　）</p>',
    );
    expect(stemOf('<p>对顶角相等。( )</p>')).toBe('<p>对顶角相等。( )</p>');
  });
});
