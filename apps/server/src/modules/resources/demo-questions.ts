import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

/**
 * 互动答疑 in the demo city, so the home pages have something waiting: two pupils of the demo
 * teacher's classes asked about her micro-lesson and wait for an answer, and the demo student's
 * own question was answered the day before yesterday. Nothing when the demo accounts or the
 * micro-lesson are missing (a city generated for benchmarks keeps its own data).
 */
export async function seedDemoQuestions(tx: Tx): Promise<void> {
  await tx.execute(sql`
    with teacher as (select person_id as id from account where username = 'teacher_demo'),
         me as (select person_id as id from account where username = 'student_demo'),
         lesson as (select r.id from resource r join teacher on r.author_id = teacher.id
                     where r.status = 'published' and r.kind = 'micro_lesson' order by r.published_at limit 1),
         pupils as (select s.person_id as id, row_number() over (order by md5(s.person_id::text)) as n
                      from student s join me on s.class_id = (select class_id from student where person_id = me.id)
                     where s.person_id <> me.id and s.status = 'enrolled'),
         asked as (
           insert into resource_question (id, resource_id, asker_id, body, created_at)
           select gen_random_uuid(), lesson.id, q.asker, q.body, now() - q.ago
             from lesson, (values
               ((select id from pupils where n = 1), '老师，“单价×数量=总价”里的单价是什么意思？', interval '20 hours'),
               ((select id from pupils where n = 2), '视频里第二道例题为什么要先算出速度？', interval '3 days 2 hours'),
               ((select id from me), '总价一定时，单价和数量有什么关系？', interval '4 days 5 hours')) as q(asker, body, ago)
            where q.asker is not null
           returning id, asker_id, created_at)
    insert into resource_answer (id, question_id, answerer_id, body, created_at)
    select gen_random_uuid(), asked.id, teacher.id,
           '总价一定时，单价越高，能买的数量越少；单价和数量的乘积始终等于总价。六年级学“反比例”时还会详细讲。',
           asked.created_at + interval '1 day 18 hours'
      from asked join me on asked.asker_id = me.id, teacher`);
}
