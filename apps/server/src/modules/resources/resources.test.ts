import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFile } from '../../testing/multipart.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';
import { demoPdf } from './demo-media.ts';

let t: TestApp;
let teacher: Client;
let student: Client;
let mp4: Buffer;
let publishedId: string;

type Detail = {
  id: string;
  status: string;
  subjectCode: string;
  gradeCode: string;
  files: { id: string; mime: string; size: number }[];
};

beforeAll(async () => {
  t = await createTestApp();
  teacher = await t.login('teacher_demo');
  student = await t.login('student_demo');
  // A real MP4: one of the demo videos generated at seed time.
  const list = (await student.get('/api/resources?kind=micro_lesson&limit=5')).json() as {
    items: { id: string }[];
  };
  publishedId = list.items[0]!.id;
  const detail = (await student.get(`/api/resources/${publishedId}`)).json() as Detail;
  const file = detail.files.find((f) => f.mime === 'video/mp4')!;
  mp4 = (await student.get(`/api/resources/${publishedId}/files/${file.id}`)).rawPayload;
});
afterAll(() => t.close());

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;

async function lessonOfGrade(grade: string) {
  const [l] = await rows<{
    id: string;
  }>(sql`select l.id from curriculum_node l join textbook_edition e on e.id = l.edition_id
    where l.kind = 'lesson' and e.subject_code = '14' and l.grade_code = ${grade} order by l.id limit 1`);
  return l!.id;
}

async function draft(c: Client, title = '测试微课') {
  const res = await c.post('/api/resources', {
    kind: 'micro_lesson',
    title,
    lessonId: await lessonOfGrade('14'),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}

describe('resources', () => {
  it('creates a draft catalogued by its lesson and stores a sniffed MP4', async () => {
    const d = await draft(teacher);
    expect(d).toMatchObject({ status: 'draft', subjectCode: '14', gradeCode: '14' });
    const up = await uploadFile(
      teacher,
      `/api/resources/${d.id}/files?role=main`,
      mp4,
      '大数的认识.mp4',
      'application/octet-stream',
    );
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ mime: 'video/mp4', size: mp4.length });
    const audit = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'resource.file.upload' and target_id = ${d.id}`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('refuses a renamed executable, a PDF named .mp4 and a script, storing nothing', async () => {
    const d = await draft(teacher);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(8192)]);
    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(8192)]);
    for (const [bytes, name] of [
      [elf, 'lesson.mp4'],
      [exe, 'lesson.mp4'],
      [demoPdf('x', [['y']]), 'lesson.mp4'],
      [Buffer.from('<script>alert(1)</script>'), 'lesson.mp4'],
    ] as const) {
      const res = await uploadFile(
        teacher,
        `/api/resources/${d.id}/files?role=main`,
        bytes,
        name,
        'video/mp4',
      );
      expect(res.statusCode, name).toBe(415);
      expect(res.json().error.code).toBe('unsupported_media_type');
    }
    const files = await rows<{ n: number }>(
      sql`select count(*)::int as n from resource_file where resource_id = ${d.id}`,
    );
    expect(files[0]!.n).toBe(0);
  });

  it('keeps drafts to their author and school administrators; published ones reach everyone', async () => {
    const d = await draft(teacher, '未发布的课件');
    const colleague = await rows<{ username: string }>(sql`
      select a.username from account a join teacher tt on tt.person_id = a.person_id
       where tt.school_id = (select school_id from resource where id = ${d.id})
         and a.username <> 'teacher_demo' order by a.username limit 1`);
    const other = await t.login(colleague[0]!.username);
    expect((await other.get(`/api/resources/${d.id}`)).statusCode).toBe(404);
    expect((await student.get(`/api/resources/${d.id}`)).statusCode).toBe(404);
    expect((await (await t.login('school_admin')).get(`/api/resources/${d.id}`)).statusCode).toBe(200);
    const mine = (await teacher.get('/api/resources?mine=true&limit=100')).json() as {
      items: { id: string }[];
    };
    expect(mine.items.map((i) => i.id)).toContain(d.id);
    const everyone = (await student.get('/api/resources?limit=100')).json() as {
      items: { id: string; status: string }[];
    };
    expect(everyone.items.every((i) => i.status === 'published')).toBe(true);
    expect((await other.request('PATCH', `/api/resources/${publishedId}`, { title: 'x' })).statusCode).toBe(
      403,
    );
  });

  it('serves byte ranges for seeking and refuses unsatisfiable ones', async () => {
    const detail = (await student.get(`/api/resources/${publishedId}`)).json() as Detail;
    const file = detail.files[0]!;
    const url = `/api/resources/${publishedId}/files/${file.id}`;
    const part = await student.request('GET', url, undefined, { range: 'bytes=100-199' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${file.size}`);
    expect(part.rawPayload.equals(mp4.subarray(100, 200))).toBe(true);
    const tail = await student.request('GET', url, undefined, { range: 'bytes=-10' });
    expect(tail.rawPayload.equals(mp4.subarray(mp4.length - 10))).toBe(true);
    expect((await student.request('GET', url, undefined, { range: `bytes=${file.size}-` })).statusCode).toBe(
      416,
    );
    expect((await student.request('GET', url, undefined, { range: 'bytes=abc' })).statusCode).toBe(416);
  });
});

describe('upload limits', () => {
  let small: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hanlin-files-'));
    small = await createTestApp({ mediaLimit: 64 * 1024, filesDir: dir });
  });
  afterAll(() => small.close());

  const leftovers = async () => {
    const all = await readdir(dir, { recursive: true, withFileTypes: true });
    return all.filter((e) => e.isFile()).map((e) => e.name);
  };

  it('stops an oversized upload at the limit and leaves nothing behind', async () => {
    const c = await small.login('teacher_demo');
    const d = (
      await c.post('/api/resources', {
        kind: 'micro_lesson',
        title: '超大视频',
        lessonId: await lessonOfGrade('14'),
      })
    ).json() as Detail;
    const big = Buffer.concat([mp4, randomBytes(256 * 1024)]);
    const res = await uploadFile(c, `/api/resources/${d.id}/files?role=main`, big, 'big.mp4');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('上限');
    expect(await leftovers()).toEqual([]);
    const n = await small.db.db.execute<{ n: number }>(
      sql`select count(*)::int as n from resource_file where resource_id = ${d.id}`,
    );
    expect(n.rows[0]!.n).toBe(0);
  });

  it('leaves nothing behind when the connection drops mid-upload', async () => {
    const c = await small.login('teacher_demo');
    const d = (
      await c.post('/api/resources', {
        kind: 'micro_lesson',
        title: '中断上传',
        lessonId: await lessonOfGrade('14'),
      })
    ).json() as Detail;
    await small.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (small.app.server.address() as { port: number }).port;
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'teacher_demo', password: 'Hanlin@2026' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const boundary = 'hanlinCut';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.mp4"\r\nContent-Type: video/mp4\r\n\r\n`;
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/resources/${d.id}/files?role=main`,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + 60_000 + 100),
        },
      });
      req.on('error', () => resolve());
      req.write(head);
      req.write(mp4.subarray(0, 30_000));
      // Half the promised bytes, then the connection is gone.
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
    // The server cleans up when it notices the cut: wait for that state, however busy the machine.
    await expect.poll(leftovers, { timeout: 60_000, interval: 50 }).toEqual([]);
    const n = await small.db.db.execute<{ n: number }>(
      sql`select count(*)::int as n from resource_file where resource_id = ${d.id}`,
    );
    expect(n.rows[0]!.n).toBe(0);
  });
});
