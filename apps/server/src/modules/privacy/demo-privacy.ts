import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';

/**
 * The demo city's privacy records, so the pages show a working bureau: most people have read the
 * notice of their audience (the fixed demo logins have not, so a first sign-in shows it); about a
 * third of the guardians let their child's space join the showcase and a tenth turned on
 * recommendations; the demo school has requests waiting (one overdue) and answered; a school of the
 * demo district waits for its bulk export to be approved. Deterministic (hashes of ids, not random).
 */
export async function seedDemoPrivacy(database: Database, log: (m: string) => void): Promise<void> {
  const t0 = Date.now();
  const fixed = sql`(select person_id from account where username in ('student_demo', 'parent_demo', 'teacher_demo',
      'school_admin', 'district_yuexiu', 'city_admin', 'student_haizhu', 'researcher_demo', 'expert_school',
      'expert_city', 'auditor', 'sysadmin', 'secadmin'))`;
  const bucket = (col: string) => sql.raw(`abs(hashtext(${col}::text)) % 100`);
  await database.db.transaction(async (tx) => {
    // Acknowledgements: the current notice of each person's main audience, 85% of people.
    await tx.execute(sql`
      insert into notice_ack (person_id, notice_id, acknowledged_at)
      select x.person_id, n.id, n.published_at + make_interval(days => ${bucket('x.person_id')} % 60, hours => 8 + ${bucket('x.person_id')} % 12)
        from (select distinct on (ra.person_id) ra.person_id,
                     case when ra.role = 'student' then 'student' when ra.role = 'parent' then 'guardian' else 'staff' end as audience
                from role_assignment ra where ra.active order by ra.person_id, ra.role = 'parent', ra.role = 'student') x
        join lateral (select id, published_at from privacy_notice where audience = x.audience order by version desc limit 1) n on true
       where ${bucket('x.person_id')} < 85 and x.person_id not in ${fixed}
      on conflict do nothing`);
    // Guardians' consents for their children (the primary guardian decides).
    await tx.execute(sql`
      insert into consent_record (id, subject_id, purpose, granted, decided_by, decided_as, notice_id, path, decided_at)
      select gen_random_uuid(), g.student_id, p.purpose, true, g.parent_id, 'guardian',
             (select id from privacy_notice where audience = 'guardian' order by version desc limit 1), g.path,
             now() - make_interval(days => ${bucket('g.student_id')} % 90)
        from guardian g
        cross join (values ('showcase', 33), ('recommendation', 10)) as p(purpose, share)
       where g.is_primary and ${bucket('g.student_id')} < p.share and g.student_id not in ${fixed}`);
    // Requests in every school: an open correction, an overdue explanation, an answered deletion.
    await tx.execute(sql`
      with schools as (select path as p from org_unit where kind = 'school'),
           kids as (select g.student_id, g.parent_id, g.path,
                           row_number() over (partition by schools.p order by g.student_id) as n
                      from guardian g join schools on g.path <@ schools.p
                     where g.is_primary and g.student_id not in ${fixed})
      insert into data_request (id, subject_id, requested_by, requested_as, kind, details, path, status, due_at,
                                response, handled_by, handled_at, created_at)
      select gen_random_uuid(), k.student_id, k.parent_id, 'guardian', r.kind, r.details, k.path, r.status,
             now() + make_interval(days => r.due), r.response,
             case when r.status = 'open' then null else (select person_id from account where username = 'school_admin') end,
             case when r.status = 'open' then null else now() - interval '2 days' end,
             now() - make_interval(days => 15 - r.due)
        from kids k join (values
          (1, 'correction', '孩子的出生地登记有误，应为广州市越秀区', 'open', 9, null),
          (2, 'explanation', '请说明学校为什么需要保存孩子的健康状况，谁能看到', 'open', -2, null),
          (3, 'deletion', '请删除孩子上学期在班级空间上传的照片', 'done', -5,
             '已删除孩子在学习空间发布的内容；学籍等依法须保存的记录未删除。')
        ) as r(n, kind, details, status, due, response) on r.n = k.n
       where k.n <= 3`);
    // In every district, a bulk export a school (not the demo school) asked for, waiting for the district.
    await tx.execute(sql`
      insert into export_request (id, kind, org_unit_id, path, persons, reason, requested_by, requester_role, created_at)
      select distinct on (u.district_id) gen_random_uuid(), 'students', u.id, u.path,
             (select count(*)::int from student s where s.school_id = u.id and s.status = 'enrolled'),
             '核对新学年学籍信息，报区教育局备案', ra.person_id, 'school_admin', now() - interval '3 hours'
        from org_unit u join role_assignment ra on ra.org_unit_id = u.id and ra.role = 'school_admin' and ra.active
       where u.kind = 'school' and ra.person_id not in ${fixed}
       order by u.district_id, u.path desc`);
  });
  log(
    `[hanlin] demo privacy records (notices read, consents, requests) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}
