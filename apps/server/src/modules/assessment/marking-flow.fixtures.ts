/**
 * Test fixtures of marking and the notebook (not used by the server): a finalised paper, an
 * assignment given to a class, and submitted attempts with objective answers graded and subjective
 * ones waiting for a marker, inserted directly with the owner's connection until attempts can be
 * made through the homework routes. Also a bank of similar items to practise.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import type { TAssignmentKind } from './attempts.schema.ts';
import { gradeLeaf } from './grading.ts';
import type { AnswerValue, ItemContent, LeafItem } from './item-model.ts';
import { leafKeyOf, paperLeaves } from './marking-flow.paper.ts';
import type { PaperDocument } from './paper-model.ts';

/** Key and explanation words: none of them may reach a student before release. */
export const KEY_WORDS = ['解析子丑寅', '参考答案卯辰', '评分细则巳午'];

const choice = (stem: string, correct: string, explanation = `<p>${KEY_WORDS[0]}</p>`): LeafItem => ({
  type: 'single_choice',
  stem: `<p>${stem}</p>`,
  options: ['A', 'B', 'C', 'D'].map((id) => ({ id, body: `<p>${id} 项</p>` })),
  correct,
  explanation,
});

/** Leaves on the paper: 1 choice, 2 fill-in, 3 short answer, 4 essay, 5 composite (choice + short answer). */
export function paperItems(): { content: ItemContent; score: number; kp: 'a' | 'b' }[] {
  return [
    { content: choice('3/4 和 2/3 哪个大？', 'B'), score: 3, kp: 'a' },
    {
      content: {
        type: 'fill_in',
        stem: '<p>1/2 = <span data-blank="b1"></span>（填小数）</p>',
        blanks: [{ id: 'b1', accepted: ['0.5'], kind: 'number', caseSensitive: false }],
        explanation: `<p>${KEY_WORDS[0]}</p>`,
      },
      score: 4,
      kp: 'a',
    },
    {
      content: {
        type: 'short_answer',
        stem: '<p>说说分数的意义。</p>',
        reference: `<p>${KEY_WORDS[1]}</p>`,
        rubric: [{ points: 6, description: KEY_WORDS[2]! }],
      },
      score: 6,
      kp: 'b',
    },
    {
      content: {
        type: 'essay',
        stem: '<p>以“我喜欢的数学题”为题写一段话。</p>',
        reference: `<p>${KEY_WORDS[1]}</p>`,
        rubric: [{ points: 10, description: KEY_WORDS[2]! }],
      },
      score: 10,
      kp: 'b',
    },
    {
      content: {
        type: 'composite',
        stem: '<p>小明把一个蛋糕平均分成 8 份。</p>',
        parts: [
          { content: choice('他吃了 3 份，吃了几分之几？', 'C'), score: 2 },
          {
            content: { type: 'short_answer', stem: '<p>还剩几分之几？说明理由。</p>', rubric: [] },
            score: 4,
          },
        ],
      },
      score: 6,
      kp: 'a',
    },
  ];
}

export interface Fixture {
  assignmentId: string;
  paperId: string;
  document: PaperDocument;
  /** Item ids in paper order (number − 1). */
  itemIds: string[];
  knowledgePoints: { a: string; b: string };
  attempts: { id: string; studentId: string }[];
  /** Response ids by `number.part`, per attempt. */
  responses: Map<string, Map<string, string>>;
}

const one = async <T>(db: Database, q: ReturnType<typeof sql>) => {
  const r = (await db.db.execute(q)).rows[0] as T | undefined;
  if (!r) throw new Error(`fixture query returned nothing: ${JSON.stringify(q)}`);
  return r;
};

/** Two knowledge points of the demo's 数学 backbone. */
export async function mathPoints(db: Database): Promise<{ a: string; b: string }> {
  const r = await db.db.execute<{ id: string }>(
    sql`select id from knowledge_point where subject_code = '14' and active order by code limit 2`,
  );
  return { a: r.rows[0]!.id, b: r.rows[1]!.id };
}

/** Inserts a bank item of `authorId` at `path`, tagged with knowledge points. */
export async function insertItem(
  db: Database,
  o: {
    content: ItemContent;
    score: number;
    authorId: string;
    path: string;
    kps: string[];
    difficulty?: number;
    share?: 'private' | 'school' | 'district' | 'city';
  },
): Promise<string> {
  const id = newId();
  await db.db.execute(sql`insert into item (id, type, content, stem_text, subject_code, grade_code, cognitive_level,
      difficulty, score, seconds, author_id, path, share, share_status)
    values (${id}, ${o.content.type}, ${JSON.stringify(o.content)}::jsonb, ${o.content.stem}, '14', '04', 'understand',
      ${o.difficulty ?? 0.6}, ${o.score}, 60, ${o.authorId}, ${o.path}::ltree, ${o.share ?? 'private'},
      ${o.share && o.share !== 'private' ? 'approved' : 'none'})`);
  for (const kp of o.kps)
    await db.db.execute(
      sql`insert into item_knowledge_point (item_id, knowledge_point_id) values (${id}, ${kp})`,
    );
  return id;
}

/** A student's answer per leaf (`number.part`); a leaf left out is not answered. */
export type Answers = Record<string, AnswerValue>;

/**
 * A finalised paper of `paperItems()` by `teacherUsername`, given to `classId` as `kind`, and one
 * submitted attempt per answer set (the class's students in order of student number), objective
 * answers graded, subjective ones waiting for marking.
 */
export async function markingFixture(
  db: Database,
  o: {
    teacherUsername: string;
    classId: string;
    kind?: TAssignmentKind;
    doubleMarking?: boolean;
    markGap?: number;
    /** The unit that sets it (a 统考: the district); the teacher's school by default. */
    path?: string;
    /** Who sets it (a 统考: a district administrator); the teacher by default. */
    creatorUsername?: string;
    /** The students who answer, in order; the class's first ones by student number by default. */
    studentIds?: string[];
    answers: Answers[];
  },
): Promise<Fixture> {
  const who = await one<{ id: string; path: string }>(
    db,
    sql`select a.person_id as id, subpath(t.path, 0, 3)::text as path
          from account a join teacher t on t.person_id = a.person_id where a.username = ${o.teacherUsername}`,
  );
  const cls = await one<{ path: string; schoolId: string; districtId: string }>(
    db,
    sql`select path::text, school_id as "schoolId", district_id as "districtId" from org_unit where id = ${o.classId}`,
  );
  const knowledgePoints = await mathPoints(db);
  const items = paperItems();
  const itemIds: string[] = [];
  for (const i of items)
    itemIds.push(
      await insertItem(db, { ...i, authorId: who.id, path: who.path, kps: [knowledgePoints[i.kp]] }),
    );
  let number = 0;
  const document: PaperDocument = {
    title: '四年级数学 分数的初步认识',
    subjectCode: '14',
    gradeCode: '04',
    minutes: 40,
    totalScore: items.reduce((s, i) => s + i.score, 0),
    navigation: 'free',
    sections: [
      {
        title: '一、练习',
        items: items.map((i, k) => ({
          itemId: itemIds[k]!,
          number: ++number,
          score: i.score,
          content: i.content,
        })),
      },
    ],
  };
  const paperId = newId();
  await db.db.execute(sql`insert into paper (id, title, subject_code, grade_code, minutes, total_score, status,
      document, owner_id, path, finalised_at)
    values (${paperId}, ${document.title}, '14', '04', 40, ${document.totalScore}, 'final',
      ${JSON.stringify(document)}::jsonb, ${who.id}, ${who.path}::ltree, now())`);
  const assignmentId = newId();
  const setBy = o.path ?? who.path;
  const creator = o.creatorUsername
    ? (
        await one<{ id: string }>(
          db,
          sql`select person_id as id from account where username = ${o.creatorUsername}`,
        )
      ).id
    : who.id;
  await db.db.execute(sql`insert into assignment (id, paper_id, title, kind, opens_at, closes_at, double_marking,
      mark_gap, closed_at, created_by, path, district_id, school_id)
    values (${assignmentId}, ${paperId}, ${document.title}, ${o.kind ?? 'homework'}, now() - interval '2 days',
      now() - interval '1 hour', ${o.doubleMarking ?? false}, ${o.markGap ?? null}, now(), ${creator},
      ${setBy}::ltree, ${cls.districtId}, ${o.path ? null : cls.schoolId})`);
  await db.db.execute(sql`insert into assignment_class (assignment_id, class_id, path)
    values (${assignmentId}, ${o.classId}, ${cls.path}::ltree)`);
  const students =
    o.studentIds?.map((id) => ({ id })) ??
    (
      await db.db.execute<{ id: string }>(
        sql`select person_id as id from student where class_id = ${o.classId} and status = 'enrolled'
             order by student_no limit ${o.answers.length}`,
      )
    ).rows;
  const leaves = paperLeaves(document);
  const attempts: Fixture['attempts'] = [];
  const responses = new Map<string, Map<string, string>>();
  for (const [k, answers] of o.answers.entries()) {
    const studentId = students[k]!.id;
    const attemptId = newId();
    await db.db.execute(sql`insert into attempt (id, assignment_id, student_id, class_id, path, started_at,
        deadline_at, submitted_at, status)
      values (${attemptId}, ${assignmentId}, ${studentId}, ${o.classId}, ${cls.path}::ltree, now() - interval '1 day',
        now() - interval '1 hour', now() - interval '20 hours', 'submitted')`);
    const ids = new Map<string, string>();
    let objective = 0;
    for (const leaf of leaves) {
      const key = leafKeyOf(leaf.number, leaf.part);
      const value = answers[key];
      if (!value) continue;
      const subjective = leaf.content.type === 'short_answer' || leaf.content.type === 'essay';
      const score = subjective ? null : gradeLeaf(leaf.content, value, leaf.maxScore).score;
      objective += score ?? 0;
      const id = newId();
      ids.set(key, id);
      await db.db.execute(sql`insert into response (id, attempt_id, number, part, value, seq, saved_at, auto_score,
          needs_marking, score, max_score)
        values (${id}, ${attemptId}, ${leaf.number}, ${leaf.part}, ${JSON.stringify(value)}::jsonb, 1, now(),
          ${score}, ${subjective}, ${score}, ${leaf.maxScore})`);
    }
    await db.db.execute(sql`update attempt set objective_score = ${objective} where id = ${attemptId}`);
    attempts.push({ id: attemptId, studentId });
    responses.set(attemptId, ids);
  }
  return { assignmentId, paperId, document, itemIds, knowledgePoints, attempts, responses };
}

/** A full set of answers: objective ones right or wrong, subjective ones as text. */
export function answersOf(o: { right: boolean; text?: string }): Answers {
  return {
    '1.0': { choice: o.right ? 'B' : 'A' },
    '2.0': { blanks: { b1: o.right ? '0.50' : '0.2' } },
    '3.0': { text: o.text ?? '分数表示把一个整体平均分成若干份，取其中的几份。' },
    '4.0': { text: o.text ?? '我喜欢分蛋糕的题，因为……' },
    '5.1': { choice: o.right ? 'C' : 'D' },
    '5.2': { text: o.text ?? '还剩 5/8。' },
  };
}

/** Releases the assignment's scores, as the homework flow's release will (until its route lands). */
export async function release(db: Database, assignmentId: string): Promise<void> {
  await db.db.execute(sql`update assignment set released_at = now() where id = ${assignmentId}`);
}
