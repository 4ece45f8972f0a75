import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFile } from '../../testing/multipart.ts';
import { type Client, createTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let head: Client;
let student: Client;
let parent: Client;
let other: Client;
let classId: string;
let studentId: string;

type Mine = { items: { id: string; kind: string; name: string; relation: string }[] };
type Post = {
  id: string;
  kind: string;
  title: string;
  authorName: string;
  likes: number;
  liked: boolean;
  readByMe: boolean;
  reads: number | null;
  recipients: number | null;
  files: { id: string; mime: string }[];
  comments: { id: string; body: string; authorName: string }[];
};
type Posts = { items: Post[]; more: boolean };

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;

beforeAll(async () => {
  t = await createTestApp();
  head = await t.login('teacher_demo');
  student = await t.login('student_demo');
  parent = await t.login('parent_demo');
  other = await t.login('student_haizhu');
  const mine = (await head.get('/api/spaces/mine')).json() as Mine;
  classId = mine.items.find((s) => s.kind === 'class' && s.relation === 'head')!.id;
  studentId = ((await student.get('/api/spaces/mine')).json() as Mine).items.find(
    (s) => s.relation === 'own',
  )!.id;
});
afterAll(() => t.close());

describe('class spaces and notices (S1, S2)', () => {
  it('lists each role’s spaces: own, classes, school, teachers, children', async () => {
    const h = (await head.get('/api/spaces/mine')).json() as Mine;
    expect(h.items.map((s) => s.relation)).toEqual(expect.arrayContaining(['own', 'head', 'school']));
    const s = (await student.get('/api/spaces/mine')).json() as Mine;
    expect(s.items.filter((x) => x.kind === 'class').map((x) => x.id)).toContain(classId);
    expect(s.items.some((x) => x.kind === 'teacher')).toBe(true);
    const p = (await parent.get('/api/spaces/mine')).json() as Mine;
    expect(p.items.filter((x) => x.relation === 'child' && x.kind === 'class').map((x) => x.id)).toContain(
      classId,
    );
    expect(p.items.some((x) => x.kind === 'student' && x.id === studentId)).toBe(true);
  });

  it('lets the head teacher post a notice that reaches students and parents, who confirm reading it', async () => {
    const res = await head.post(`/api/spaces/${classId}/posts`, {
      kind: 'notice',
      title: '周五春游通知',
      body: '本周五上午 8:00 在校门口集合，请穿校服、带水壶。',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { id, notified } = res.json() as { id: string; notified: number };
    expect(notified).toBeGreaterThan(20);
    const bell = (await parent.get('/api/notifications')).json() as {
      items: { title: string; link: string }[];
    };
    expect(bell.items[0]).toMatchObject({ title: expect.stringContaining('周五春游通知') });
    const seen = (await parent.get(`/api/spaces/${classId}/posts?kind=notice`)).json() as Posts;
    expect(seen.items[0]).toMatchObject({ id, title: '周五春游通知', readByMe: false, reads: null });
    expect((await parent.post(`/api/space-posts/${id}/read`)).statusCode).toBe(200);
    expect((await parent.post(`/api/space-posts/${id}/read`)).statusCode).toBe(200);
    const own = (await head.get(`/api/spaces/${classId}/posts?kind=notice`)).json() as Posts;
    expect(own.items[0]).toMatchObject({ reads: 1, recipients: notified });
    const audit = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'space.notice.create' and target_id = ${id}`,
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('keeps parents to reading, students to posting, and other schools out', async () => {
    const before = await rows<{ n: number }>(sql`select count(*)::int as n from space_post`);
    expect((await parent.post(`/api/spaces/${classId}/posts`, { body: '家长想发言' })).statusCode).toBe(403);
    const notice = await student.post(`/api/spaces/${classId}/posts`, {
      kind: 'notice',
      title: '假通知',
      body: 'x',
    });
    expect(notice.statusCode).toBe(403);
    expect((await other.get(`/api/spaces/${classId}`)).statusCode).toBe(404);
    expect((await other.post(`/api/spaces/${classId}/posts`, { body: '路过' })).statusCode).toBe(404);
    expect((await other.get(`/api/spaces/${studentId}`)).statusCode).toBe(404);
    expect((await head.post(`/api/spaces/${classId}/posts`, { body: '' })).statusCode).toBe(400);
    const after = await rows<{ n: number }>(sql`select count(*)::int as n from space_post`);
    expect(after[0]!.n).toBe(before[0]!.n);

    const post = await student.post(`/api/spaces/${classId}/posts`, { body: '我们班的绿萝发新芽了！' });
    expect(post.statusCode).toBe(200);
    const postId = (post.json() as { id: string }).id;
    expect((await parent.post(`/api/space-posts/${postId}/comments`, { body: '真棒' })).statusCode).toBe(403);
    expect((await parent.post(`/api/space-posts/${postId}/like`, { liked: true })).statusCode).toBe(200);
  });

  it('counts one like per person, lets the head teacher moderate, and names children only to staff', async () => {
    const { id } = (
      await student.post(`/api/spaces/${classId}/posts`, { body: '今天学会了竖式乘法' })
    ).json() as {
      id: string;
    };
    const classmate = await rows<{ username: string }>(sql`
      select a.username from student s join account a on a.person_id = s.person_id
       where s.class_id = ${classId} and s.person_id <> ${studentId} limit 1`);
    const peer = await t.login(classmate[0]!.username);
    expect((await peer.post(`/api/space-posts/${id}/like`, { liked: true })).json()).toMatchObject({
      likes: 1,
    });
    expect((await peer.post(`/api/space-posts/${id}/like`, { liked: true })).json()).toMatchObject({
      likes: 1,
    });
    const c = await peer.post(`/api/space-posts/${id}/comments`, { body: '我也会了' });
    expect(c.statusCode).toBe(200);
    const [me] = await rows<{ name: string }>(sql`select name from person where id = ${studentId}`);
    const asPeer = (await peer.get(`/api/spaces/${classId}/posts`)).json() as Posts;
    expect(asPeer.items.find((p) => p.id === id)!.authorName).toBe(`${me!.name.slice(0, 1)}同学`);
    const asHead = (await head.get(`/api/spaces/${classId}/posts`)).json() as Posts;
    const seen = asHead.items.find((p) => p.id === id)!;
    expect(seen).toMatchObject({ authorName: me!.name, likes: 1 });
    expect(seen.comments).toHaveLength(1);
    const commentId = seen.comments[0]!.id;
    expect((await student.post(`/api/space-posts/${id}/comments/${commentId}/delete`)).statusCode).toBe(403);
    expect((await head.post(`/api/space-posts/${id}/comments/${commentId}/delete`)).statusCode).toBe(200);
    expect((await peer.post(`/api/space-posts/${id}/delete`)).statusCode).toBe(403);
    expect((await head.post(`/api/space-posts/${id}/delete`)).statusCode).toBe(200);
    expect((await head.get(`/api/spaces/${classId}`)).statusCode).toBe(200);
    expect((await peer.post(`/api/space-posts/${id}/like`, { liked: true })).statusCode).toBe(404);
  });
});

describe('personal spaces, portfolio, attachments and collections (S1)', () => {
  it('keeps works in the student’s own space, with sniffed attachments', async () => {
    const work = await student.post(`/api/spaces/${studentId}/posts`, {
      kind: 'work',
      title: '我的手抄报：垃圾分类',
      body: '用四种颜色画了四类垃圾桶。',
    });
    expect(work.statusCode, work.body).toBe(200);
    const { id } = work.json() as { id: string };
    const png = await uploadFile(student, `/api/space-posts/${id}/files`, PNG, '手抄报.png', 'image/png');
    expect(png.statusCode, png.body).toBe(200);
    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(4096)]);
    const bad = await uploadFile(student, `/api/space-posts/${id}/files`, exe, 'photo.png', 'image/png');
    expect(bad.statusCode).toBe(415);
    expect(
      (await uploadFile(head, `/api/space-posts/${id}/files`, PNG, 'a.png', 'image/png')).statusCode,
    ).toBe(403);
    const files = await rows<{ n: number }>(
      sql`select count(*)::int as n from space_post_file where post_id = ${id}`,
    );
    expect(files[0]!.n).toBe(1);
    const works = (await parent.get(`/api/spaces/${studentId}/posts?kind=work`)).json() as Posts;
    expect(works.items[0]!.files[0]).toMatchObject({ mime: 'image/png' });
    const img = await parent.get(`/api/space-posts/${id}/files/${works.items[0]!.files[0]!.id}`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    // A work belongs in one's own space only; a teacher may read the child's space, and that read is audited.
    expect(
      (await student.post(`/api/spaces/${classId}/posts`, { kind: 'work', title: 'x', body: 'y' }))
        .statusCode,
    ).toBe(403);
    expect((await head.get(`/api/spaces/${studentId}`)).statusCode).toBe(200);
    await t.app.auditBuffer.flush();
    const audit = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'space.read' and target_id = ${studentId}`,
    );
    expect(audit[0]!.n).toBeGreaterThan(0);
  });

  it('takes nine attachments a post at most, and stops an oversized one without keeping it', async () => {
    const { id } = (await student.post(`/api/spaces/${studentId}/posts`, { body: '春游照片' })).json() as {
      id: string;
    };
    for (let i = 0; i < 9; i++) {
      const res = await uploadFile(student, `/api/space-posts/${id}/files`, PNG, `照片${i}.png`, 'image/png');
      expect(res.statusCode, res.body).toBe(200);
    }
    const tenth = await uploadFile(student, `/api/space-posts/${id}/files`, PNG, '照片9.png', 'image/png');
    expect(tenth.statusCode).toBe(409);
    const small = await createTestApp({ documentLimit: 16 * 1024 });
    try {
      const c = await small.login('student_demo');
      const own = ((await c.get('/api/spaces/mine')).json() as Mine).items.find((x) => x.relation === 'own')!;
      const post = (await c.post(`/api/spaces/${own.id}/posts`, { body: '一张大图' })).json() as {
        id: string;
      };
      const big = Buffer.concat([PNG, randomBytes(64 * 1024)]);
      const res = await uploadFile(c, `/api/space-posts/${post.id}/files`, big, '大图.png', 'image/png');
      expect(res.statusCode).toBe(413);
      const kept = await small.db.db.execute<{ n: number }>(
        sql`select count(*)::int as n from space_post_file where post_id = ${post.id}`,
      );
      expect(kept.rows[0]!.n).toBe(0);
    } finally {
      await small.close();
    }
  });

  it('collects published resources into the own space and refuses drafts', async () => {
    const [pub] = await rows<{ id: string }>(sql`select id from resource where status = 'published' limit 1`);
    const [draft] = await rows<{ id: string; author: string }>(sql`
      select r.id, a.username as author from resource r join account a on a.person_id = r.author_id
       where r.status = 'draft' limit 1`);
    expect((await student.post(`/api/resources/${pub!.id}/collected`, { collected: true })).statusCode).toBe(
      200,
    );
    const list = (await parent.get(`/api/spaces/${studentId}/collections`)).json() as {
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toContain(pub!.id);
    expect((await student.get(`/api/resources/${pub!.id}/collected`)).json()).toEqual({ collected: true });
    const author = await t.login(draft!.author);
    expect((await author.post(`/api/resources/${draft!.id}/collected`, { collected: true })).statusCode).toBe(
      409,
    );
    expect((await parent.post(`/api/resources/${pub!.id}/collected`, { collected: true })).statusCode).toBe(
      403,
    );
  });
});

describe('studios (S1)', () => {
  it('lets a school set up a studio whose lead posts notices to its members', async () => {
    const admin = await t.login('school_admin');
    const teachers = await rows<{ id: string; username: string }>(sql`
      select t.person_id as id, a.username from teacher t join account a on a.person_id = t.person_id
       where t.school_id = (select school_id from teacher tt join account aa on aa.person_id = tt.person_id
                             where aa.username = 'teacher_demo') and a.username <> 'teacher_demo'
       order by a.username limit 2`);
    const [lead] = await rows<{ id: string }>(
      sql`select person_id as id from account where username = 'teacher_demo'`,
    );
    const res = await admin.post('/api/studios', {
      name: '小学数学思维名师工作室',
      subjectCode: '14',
      leadId: lead!.id,
      memberIds: teachers.map((x) => x.id),
    });
    expect(res.statusCode, res.body).toBe(200);
    const { id } = res.json() as { id: string };
    const mine = (await head.get('/api/spaces/mine')).json() as Mine;
    expect(mine.items.find((s) => s.id === id)).toMatchObject({ kind: 'studio', relation: 'lead' });
    const notice = await head.post(`/api/spaces/${id}/posts`, {
      kind: 'notice',
      title: '本周教研',
      body: '周三下午',
    });
    expect(notice.json()).toMatchObject({ notified: 2 });
    expect((await student.post(`/api/spaces/${id}/posts`, { body: '我也想加入' })).statusCode).toBe(403);
    expect((await head.post(`/api/studios/${id}/retire`)).statusCode).toBe(403);
    // A district's studio is the district's to manage, not a school's.
    const district = await t.login('district_yuexiu');
    const city = await district.post('/api/studios', {
      name: '越秀区语文名师工作室',
      leadId: teachers[0]!.id,
    });
    expect(city.statusCode, city.body).toBe(200);
    const districtStudio = (city.json() as { id: string }).id;
    expect((await admin.post(`/api/studios/${districtStudio}/retire`)).statusCode).toBe(403);
    expect((await district.post(`/api/studios/${districtStudio}/retire`)).statusCode).toBe(200);
    expect((await head.get(`/api/spaces/${districtStudio}`)).statusCode).toBe(404);
    const stranger = await rows<{ id: string }>(sql`select person_id as id from teacher where path <@ (
      select path from org_unit where kind = 'district' and name like '海珠%') limit 1`);
    expect((await admin.post('/api/studios', { name: '跨区', leadId: stranger[0]!.id })).statusCode).toBe(
      404,
    );
  });
});
