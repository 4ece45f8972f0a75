import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';

/**
 * 互动答疑 in the demo city, so the home pages have something waiting: two pupils of the demo
 * teacher's classes asked about her micro-lesson and wait for an answer, and the demo student's
 * own question was answered the day before yesterday. The questions fit any mathematics lesson:
 * which micro-lesson is hers depends on the size of the city. Nothing when the demo accounts or the
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
               ((select id from pupils where n = 1), '老师，视频里第二道例题我没听懂，能再讲一遍吗？', interval '20 hours'),
               ((select id from pupils where n = 2), '课后练习最后一题可以用画图的方法做吗？', interval '3 days 2 hours'),
               ((select id from me), '做应用题时，怎么检查自己算得对不对？', interval '4 days 5 hours')) as q(asker, body, ago)
            where q.asker is not null
           returning id, asker_id, created_at)
    insert into resource_answer (id, question_id, answerer_id, body, created_at)
    select gen_random_uuid(), asked.id, teacher.id,
           '可以把算出的结果代回题目里再算一遍，看是否符合题意；也可以先估算，看结果的大小是否合理。',
           asked.created_at + interval '1 day 18 hours'
      from asked join me on asked.asker_id = me.id, teacher`);
}
