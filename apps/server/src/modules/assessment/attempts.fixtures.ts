/**
 * Test fixtures of answering (not used by the server): a finalised paper with its items, inserted
 * directly until papers can be built through the item bank's routes. Every kind of item is on it,
 * and the key is spelled with words that appear nowhere else, so a test can search a response for
 * them.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import type { ItemContent, LeafItem } from './item-model.ts';
import type { PaperDocument } from './paper-model.ts';

/** Strings of the key and explanations: none of them may reach a student before release. */
export const SECRET_KEY_WORDS = [
  '等腰直角三角形',
  '四十二点五',
  '解析甲乙丙',
  '参考答案丁戊',
  '评分细则己庚',
];

const choice = (stem: string, correct: string): LeafItem => ({
  type: 'single_choice',
  stem: `<p>${stem}</p>`,
  options: ['A', 'B', 'C', 'D'].map((id) => ({ id, body: `<p>选项${id}</p>` })),
  correct,
  explanation: '<p>解析甲乙丙</p>',
});

/** Seven items, nine answerable leaves: choice, multiple choice, true/false, two fill-ins, short answer, composite. */
export function sampleItems(): { content: ItemContent; score: number }[] {
  return [
    { content: choice('下列各数中最大的是', 'C'), score: 3 },
    {
      content: {
        type: 'multiple_choice',
        stem: '<p>下列是偶数的有</p>',
        options: ['A', 'B', 'C', 'D'].map((id) => ({ id, body: `<p>${id}</p>` })),
        correct: ['A', 'C'],
        partial: 'half',
      },
      score: 4,
    },
    { content: { type: 'true_false', stem: '<p>0 是自然数。</p>', correct: true }, score: 2 },
    {
      content: {
        type: 'fill_in',
        stem: '<p>3 + 4 = <span data-blank="b1"></span>，一半是 <span data-blank="b2"></span></p>',
        blanks: [
          { id: 'b1', accepted: ['7'], kind: 'number', caseSensitive: false },
          { id: 'b2', accepted: ['3.5'], kind: 'number', caseSensitive: false },
        ],
      },
      score: 4,
    },
    {
      content: {
        type: 'fill_in',
        stem: '<p>两条直角边相等的直角三角形叫 <span data-blank="b1"></span>；85 的一半读作 <span data-blank="b2"></span>。</p>',
        blanks: [
          { id: 'b1', accepted: ['等腰直角三角形'], kind: 'text', caseSensitive: false },
          { id: 'b2', accepted: ['四十二点五'], kind: 'text', caseSensitive: false },
        ],
        explanation: '<p>解析甲乙丙</p>',
      },
      score: 4,
    },
    {
      content: {
        type: 'short_answer',
        stem: '<p>说明三角形内角和为什么是 180°。</p>',
        reference: '<p>参考答案丁戊</p>',
        rubric: [{ points: 5, description: '评分细则己庚' }],
      },
      score: 5,
    },
    {
      content: {
        type: 'composite',
        stem: '<p>阅读材料，回答问题。</p>',
        parts: [
          { content: choice('材料的主要内容是', 'B'), score: 3 },
          {
            content: {
              type: 'fill_in',
              stem: '<p>作者是 <span data-blank="b1"></span></p>',
              blanks: [{ id: 'b1', accepted: ['鲁迅'], kind: 'text', caseSensitive: false }],
            },
            score: 2,
          },
        ],
      },
      score: 5,
    },
  ];
}

/**
 * Inserts the items and a finalised paper of them, owned by the person of `ownerUsername` at their
 * school; returns the paper's id and document.
 */
export async function insertFinalPaper(
  owner: Database,
  opts: {
    ownerUsername: string;
    navigation?: 'free' | 'forward_only';
    items?: { content: ItemContent; score: number }[];
  },
): Promise<{ paperId: string; document: PaperDocument }> {
  const who = (
    await owner.db.execute<{ id: string; path: string; schoolId: string; districtId: string }>(
      sql`select a.person_id as id, subpath(t.path, 0, 3)::text as path, t.school_id as "schoolId",
                 t.district_id as "districtId"
            from account a join teacher t on t.person_id = a.person_id
           where a.username = ${opts.ownerUsername}`,
    )
  ).rows[0];
  if (!who) throw new Error(`no teacher ${opts.ownerUsername}`);
  const items = (opts.items ?? sampleItems()).map((i) => ({ ...i, id: newId() }));
  for (const i of items) {
    await owner.db.execute(sql`insert into item (id, type, content, stem_text, subject_code, grade_code,
        cognitive_level, difficulty, score, seconds, author_id, path, district_id, school_id)
      values (${i.id}, ${i.content.type}, ${JSON.stringify(i.content)}::jsonb, ${i.content.stem}, '14', '03',
        'understand', 0.6, ${i.score}, 60, ${who.id}, ${who.path}::ltree, ${who.districtId}, ${who.schoolId})`);
  }
  const totalScore = items.reduce((s, i) => s + i.score, 0);
  let number = 0;
  const document: PaperDocument = {
    title: '三年级数学练习',
    subjectCode: '14',
    gradeCode: '03',
    minutes: 40,
    totalScore,
    navigation: opts.navigation ?? 'free',
    sections: [
      {
        title: '一、练习',
        items: items.map((i) => ({ itemId: i.id, number: ++number, score: i.score, content: i.content })),
      },
    ],
  };
  const paperId = newId();
  await owner.db.execute(sql`insert into paper (id, title, subject_code, grade_code, minutes, total_score,
      navigation, status, document, owner_id, path, district_id, school_id, finalised_at)
    values (${paperId}, ${document.title}, '14', '03', 40, ${totalScore}, ${document.navigation}, 'final',
      ${JSON.stringify(document)}::jsonb, ${who.id}, ${who.path}::ltree, ${who.districtId}, ${who.schoolId}, now())`);
  return { paperId, document };
}

/** `student_demo` and the first `n - 1` of their classmates by username: a class answering together. */
export async function demoClassmates(owner: Database, n: number) {
  const r = await owner.db.execute<{ classId: string; username: string; id: string }>(
    sql`select s.class_id as "classId", a.username, s.person_id as id from student s
          join account a on a.person_id = s.person_id
         where s.class_id = (select s2.class_id from student s2 join account a2 on a2.person_id = s2.person_id
                              where a2.username = 'student_demo')
         order by a.username = 'student_demo' desc, a.username limit ${n}`,
  );
  return r.rows;
}
