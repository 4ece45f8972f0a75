import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { recomputeAllMastery } from '../diagnosis/mastery.service.ts';
import { PRACTICE } from './assignments.demo.data.ts';
import { practiceTitle } from './assignments.demo.ts';
import { gradeLeaf } from './grading.ts';
import { itemContent } from './item-model.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rows = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await t.db.db.execute<T>(q)).rows;

describe("the demo's practice homework", () => {
  it('has valid items for grades 1–9 whose key the grader accepts and whose typical slip scores as the demo says', () => {
    expect(Object.keys(PRACTICE)).toEqual(['11', '12', '13', '14', '15', '16', '21', '22', '23']);
    for (const [grade, items] of Object.entries(PRACTICE)) {
      expect(
        items.reduce((s, i) => s + i.score, 0),
        grade,
      ).toBe(20);
      for (const [i, it] of items.entries()) {
        const where = `${grade} #${i + 1}`;
        expect(itemContent.safeParse(it.content).success, where).toBe(true);
        expect(gradeLeaf(it.content, it.right, it.score), where).toMatchObject({
          status: 'correct',
          score: it.score,
        });
        const slip = gradeLeaf(it.content, it.wrong, it.score);
        expect(slip.status, where).not.toBe('correct');
        expect(slip.score, where).toBe(it.wrongScore);
        // Points first taught in this grade: what the class learns this term.
        for (const kp of it.kps) expect(kp.slice(3, 5), where).toBe(grade);
      }
    }
  });

  it("sets each class of grades 1–9 its own grade's paper, and none to kindergartens and senior high", async () => {
    const classes = await rows<{ grade: string; sets: number; wrong: number }>(sql`
      select c.grade_code as grade, count(a.id)::int as sets,
             count(*) filter (where a.id is not null
               and (p.grade_code is distinct from c.grade_code or p.school_id <> c.school_id))::int as wrong
        from org_unit c
        left join assignment_class ac on ac.class_id = c.id
        left join assignment a on a.id = ac.assignment_id and a.title like '数学单元练习%'
        left join paper p on p.id = a.paper_id
       where c.kind = 'class' and c.active and exists (select 1 from student s where s.class_id = c.id)
       group by c.id, c.grade_code`);
    expect(classes.length).toBeGreaterThan(20);
    for (const c of classes) {
      expect(c.wrong).toBe(0);
      expect(c.sets, c.grade).toBe(c.grade in PRACTICE ? 2 : 0);
    }
    expect(new Set(classes.filter((c) => c.sets > 0).map((c) => c.grade)).size).toBe(9);
    const titles = await rows<{ grade: string; title: string }>(
      sql`select distinct grade_code as grade, title from paper where title like '数学单元练习%'`,
    );
    for (const p of titles) expect(p.title).toBe(practiceTitle(p.grade));
  });

  it('lists every paper’s items, tagged with the backbone’s points, so that diagnosis and calibration read them', async () => {
    // paper_item holds what the paper's document holds, position for position.
    const mismatched = await rows(sql`
      select p.id from paper p
       where p.title like '数学单元练习%'
         and (select array_agg(array[pi.position::text, pi.item_id::text, pi.score::text] order by pi.position)
                from paper_item pi where pi.paper_id = p.id)
             is distinct from
             (select array_agg(array[x.number::text, x."itemId"::text, x.score::text] order by x.number)
                from jsonb_to_recordset(jsonb_path_query_array(p.document, '$.sections[*].items[*]'))
                     as x("itemId" uuid, number int, score real))`);
    expect(mismatched).toEqual([]);
    const items = await rows<{ grade: string; number: number; kps: string[] }>(sql`
      select i.grade_code as grade, pi.position as number, array_agg(distinct k.code order by k.code) as kps
        from item i join paper_item pi on pi.item_id = i.id
        join paper p on p.id = pi.paper_id and p.title like '数学单元练习%'
        join item_knowledge_point ik on ik.item_id = i.id join knowledge_point k on k.id = ik.knowledge_point_id
       group by i.id, i.grade_code, pi.position`);
    expect(items).toHaveLength(54);
    for (const i of items) expect(i.kps).toEqual([...PRACTICE[i.grade]![i.number - 1]!.kps].sort());
    // The wrong answers in the notebooks carry their items' points.
    const untagged = await rows(sql`
      select 1 from mistake m join item i on i.id = m.item_id and i.source = '课堂练习'
       where cardinality(m.knowledge_point_ids) = 0 limit 1`);
    expect(untagged).toEqual([]);
  });

  it("gives every student who handed it in estimates of their grade's points", async () => {
    await t.db.db.transaction((tx) => recomputeAllMastery(tx));
    const missing = await rows<{ student: string; grade: string }>(sql`
      select distinct t.student_id as student, i.grade_code as grade
        from attempt t join assignment a on a.id = t.assignment_id and a.title like '数学单元练习%'
        join paper_item pi on pi.paper_id = a.paper_id join item i on i.id = pi.item_id
        join item_knowledge_point ik on ik.item_id = i.id
       where t.status = 'submitted' and t.score is not null
         and not exists (select 1 from knowledge_mastery km
                          where km.student_id = t.student_id and km.knowledge_point_id = ik.knowledge_point_id)`);
    expect(missing).toEqual([]);
    const districts = await rows<{ n: number }>(sql`
      select count(distinct s.district_id)::int as n from knowledge_mastery km
        join student s on s.person_id = km.student_id`);
    const withClasses = await rows<{ n: number }>(sql`
      select count(distinct c.district_id)::int as n from org_unit c
       where c.kind = 'class' and c.grade_code between '11' and '23'
         and exists (select 1 from student s where s.class_id = c.id)`);
    expect(districts[0]!.n).toBe(withClasses[0]!.n);
  });
});
