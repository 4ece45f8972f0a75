/**
 * Steps the homework journeys share: a paper of our own in the bank of `teacher_demo`'s school
 * (tagged with knowledge points nobody else uses, so what 练一练 draws is known), the teacher's
 * assign dialog, and where a phone's answers are.
 */
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import type { ItemContent, LeafItem } from '../../server/src/modules/assessment/item-model.ts';
import { insertItem } from '../../server/src/modules/assessment/marking-flow.fixtures.ts';
import type { PaperDocument } from '../../server/src/modules/assessment/paper-model.ts';
import type { Database } from '../../server/src/platform/db/client.ts';
import { newId } from '../../server/src/platform/db/types.ts';
import { baseUrl, choose, DESKTOP, loginAs } from './browser.ts';

/** The phone of the issue: an iPhone 12–15 sized screen, touch. */
export const PHONE_390 = { width: 390, height: 844 };

export const onPhone = (browser: Browser) =>
  browser.newPage({ viewport: PHONE_390, isMobile: true, hasTouch: true });

export const rows = async <T>(db: Database, q: ReturnType<typeof sql>) =>
  (await db.db.execute(q)).rows as T[];

export async function one<T>(db: Database, q: ReturnType<typeof sql>): Promise<T> {
  const [r] = await rows<T>(db, q);
  if (!r) throw new Error('the query found nothing');
  return r;
}

/** A single-choice item of `options` (A, B, …), `correct` the right one's letter. */
export const choice = (stem: string, correct: string, options: string[], explanation?: string): LeafItem => ({
  type: 'single_choice',
  stem: `<p>${stem}</p>`,
  options: options.map((body, i) => ({ id: 'ABCD'[i]!, body: `<p>${body}</p>` })),
  correct,
  ...(explanation ? { explanation: `<p>${explanation}</p>` } : {}),
});

/** 已保存 / 保存中 / 离线 / 未能保存, as the answering page shows it. */
export const saveStatus = (page: Page) => page.getByTestId('save-status').getAttribute('data-status');

/** Whether the page is wider than the screen (a phone would scroll sideways). */
export const pageWidth = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth') as Promise<number>;

export interface OwnPaper {
  paperId: string;
  document: PaperDocument;
  /** Knowledge points tagged on the items, with no other item of the bank tagged with them. */
  points: { id: string; name: string }[];
}

/**
 * A finalised 数学 paper of `items` by `teacher_demo` at the school, each item tagged with the
 * knowledge point of its index in `kp` (fresh ones, which no other item carries); returns them.
 */
export async function insertOwnPaper(
  db: Database,
  o: {
    title: string;
    items: { content: ItemContent; score: number; kp: number }[];
    points: number;
    navigation?: 'free' | 'forward_only';
  },
): Promise<OwnPaper & { teacher: { id: string; school: string } }> {
  const teacher = await one<{ id: string; school: string }>(
    db,
    sql`select t.person_id as id, subpath(t.path, 0, 3)::text as school from teacher t
          join account a on a.person_id = t.person_id where a.username = 'teacher_demo'`,
  );
  const points = await rows<{ id: string; name: string }>(
    db,
    sql`select kp.id, kp.name from knowledge_point kp where kp.subject_code = '14' and kp.active
          and not exists (select 1 from item_knowledge_point k where k.knowledge_point_id = kp.id)
        order by kp.code desc limit ${o.points}`,
  );
  if (points.length < o.points) throw new Error('not enough untagged knowledge points in the backbone');
  const ids: string[] = [];
  for (const i of o.items)
    ids.push(
      await insertItem(db, {
        content: i.content,
        score: i.score,
        authorId: teacher.id,
        path: teacher.school,
        kps: [points[i.kp]!.id],
      }),
    );
  const document: PaperDocument = {
    title: o.title,
    subjectCode: '14',
    gradeCode: '04',
    minutes: 30,
    totalScore: o.items.reduce((s, i) => s + i.score, 0),
    navigation: o.navigation ?? 'free',
    sections: [
      {
        title: '一、练习',
        items: o.items.map((i, k) => ({
          itemId: ids[k]!,
          number: k + 1,
          score: i.score,
          content: i.content,
        })),
      },
    ],
  };
  const paperId = newId();
  // Finalised long ago: the assign dialog lists the newest first, and other journeys pick the
  // school's practice paper from the top of that list.
  await db.db.execute(sql`insert into paper (id, title, subject_code, grade_code, minutes, total_score, navigation,
      status, document, owner_id, path, school_id, finalised_at)
    select ${paperId}, ${o.title}, '14', '04', 30, ${document.totalScore}, ${document.navigation}, 'final',
           ${JSON.stringify(document)}::jsonb,
           t.person_id, ${teacher.school}::ltree, t.school_id, now() - interval '1 year'
      from teacher t where t.person_id = ${teacher.id}`);
  return { paperId, document, points, teacher };
}

/** The class of `student_demo` (the teacher's class) and its name. */
export const demoClass = (db: Database) =>
  one<{ id: string; name: string; studentId: string }>(
    db,
    sql`select c.id, c.name, s.person_id as "studentId" from student s join org_unit c on c.id = s.class_id
          join account a on a.person_id = s.person_id where a.username = 'student_demo'`,
  );

/**
 * `teacher_demo` gives `paperTitle` to the class of `student_demo` in the assign dialog, named
 * `title` (a paper-free exam with a time limit when `exam` is given); returns the teacher's page (on
 * the homework list) and the new assignment's id.
 */
export async function assignToDemoClass(
  browser: Browser,
  db: Database,
  o: { paperTitle: string; title: string; exam?: { minutes: number } },
): Promise<{ teacher: Page; assignmentId: string }> {
  const cls = await demoClass(db);
  const teacher = await browser.newPage({ viewport: DESKTOP });
  await loginAs(teacher, 'teacher_demo');
  await teacher.goto(`${baseUrl()}/homework`);
  await teacher.getByTestId('assign-open').click();
  const dialog = teacher.getByRole('dialog');
  // The list is long (other journeys add papers): search for the paper by its title.
  await choose(dialog.getByTestId('assign-paper'), o.paperTitle, { search: o.paperTitle });
  await dialog.getByLabel('名称').fill(o.title);
  if (o.exam) {
    await dialog.getByText('考试', { exact: true }).click();
    await dialog.getByLabel('限时').fill(String(o.exam.minutes));
    await dialog.getByLabel('无纸化考试').click();
  }
  const escaped = cls.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await dialog.getByRole('checkbox', { name: new RegExp(`^${escaped}`) }).check();
  await dialog.getByTestId('assign-submit').click();
  await teacher.getByRole('link', { name: o.title }).waitFor();
  const { id } = await one<{ id: string }>(db, sql`select id from assignment where title = ${o.title}`);
  return { teacher, assignmentId: id };
}
