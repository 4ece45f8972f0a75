import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import type { StoredObject } from '../../platform/storage/index.ts';
import type { LibraryLesson } from './demo-library.ts';
import type { TTheme } from './resources.schema.ts';

/** The SQL of the demo library's seed (demo-resources.ts): what it reads of the city and how it writes. */

export type Author = { teacherId: string; schoolId: string; districtId: string; schoolPath: string };
export type Unit = { id: string | null; path: string; district: string | null; school: string | null };

export type ResourceRow = Unit & {
  id: string;
  kind: string;
  title: string;
  description: string;
  tags: string[];
  subject: string | null;
  grade: string | null;
  lesson: string | null;
  theme?: TTheme;
  provider?: string;
  license?: string;
  author: string;
  status: string;
  publishedAt: string | null;
  createdAt: string;
};

export type FileRowIn = ReturnType<typeof fileRow>;
export const fileRow = (resource: string, role: string, o: StoredObject, name: string, mime: string) => ({
  id: newId(),
  resource,
  role,
  key: o.key,
  name,
  mime,
  size: o.size,
  sha256: o.sha256,
});

export async function insertResources(
  tx: Tx,
  rows: ResourceRow[],
  files: FileRowIn[],
  kps: { resource: string; kp: string }[],
) {
  await tx.execute(sql`
    insert into resource (id, kind, title, description, tags, subject_code, grade_code, term, edition_id, lesson_id,
                          theme_code, provider, license, author_id, path, district_id, school_id, status, published_at,
                          created_at, updated_at)
    select x.id, x.kind, x.title, x.description, x.tags, x.subject, x.grade, l.term, l.edition_id, x.lesson, x.theme,
           x.provider, x.license, x.author, x.path::ltree, x.district, x.school, x.status, x."publishedAt",
           x."createdAt", coalesce(x."publishedAt", x."createdAt")
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, kind text, title text, description text,
           tags text[], subject text, grade text, lesson uuid, theme text, provider text, license text, author uuid,
           path text, district uuid, school uuid, status text, "publishedAt" timestamptz, "createdAt" timestamptz)
      left join curriculum_node l on l.id = x.lesson`);
  await tx.execute(sql`
    insert into resource_file (id, resource_id, role, storage_key, file_name, mime, size, sha256)
    select x.id, x.resource, x.role, x.key, x.name, x.mime, x.size, x.sha256
      from jsonb_to_recordset(${JSON.stringify(files)}::jsonb) as x(id uuid, resource uuid, role text, key text,
           name text, mime text, size bigint, sha256 text)`);
  await tx.execute(sql`
    insert into resource_knowledge_point (resource_id, knowledge_point_id)
    select x.resource, x.kp from jsonb_to_recordset(${JSON.stringify(kps)}::jsonb) as x(resource uuid, kp uuid)
    on conflict do nothing`);
}

/** Every lesson of the backbone with its unit, positions and knowledge points. */
export async function loadLessons(tx: Tx): Promise<LibraryLesson[]> {
  const res = await tx.execute<LibraryLesson>(sql`
    select l.id, l.title, e.subject_code as subject, l.grade_code as grade, l.term, u.title as unit,
           u.seq as "unitNo", l.seq as "lessonNo",
           coalesce(jsonb_agg(jsonb_build_object('id', k.id, 'name', k.name) order by k.code)
                      filter (where k.id is not null), '[]') as kps
      from curriculum_node l join curriculum_node u on u.id = l.parent_id
      join textbook_edition e on e.id = l.edition_id
      left join lesson_knowledge_point lk on lk.lesson_id = l.id
      left join knowledge_point k on k.id = lk.knowledge_point_id
     where l.kind = 'lesson'
     group by l.id, u.id, e.subject_code order by e.subject_code, l.grade_code, l.term, u.seq, l.seq`);
  return res.rows;
}

/**
 * The city's teachers of 语文, 数学 and 英语 (this term), in a stable order, by subject and grade
 * (`13:15`) and by subject (`13`).
 */
export async function loadAuthors(tx: Tx): Promise<Map<string, Author[]>> {
  const res = await tx.execute<Author & { subject: string; grade: string }>(sql`
    select distinct ta.teacher_id as "teacherId", c.school_id as "schoolId", c.district_id as "districtId",
           s.path::text as "schoolPath", ta.subject_code as subject, c.grade_code as grade, md5(ta.teacher_id::text) as h
      from teaching_assignment ta join org_unit c on c.id = ta.class_id join org_unit s on s.id = c.school_id
      join term t on t.id = ta.term_id and t.current
     where ta.subject_code in ('13', '14', '41')
       and ta.teacher_id not in (select person_id from account where username = 'teacher_demo')
     order by h`);
  const pools = new Map<string, Author[]>();
  for (const a of res.rows) {
    for (const key of [`${a.subject}:${a.grade}`, a.subject]) {
      const pool = pools.get(key) ?? [];
      pool.push(a);
      pools.set(key, pool);
    }
  }
  return pools;
}

/** The demo teacher, who authors a few of the library's micro-lessons of her subject and grade. */
export async function demoTeacher(tx: Tx) {
  const res = await tx.execute<Author & { subject: string; grade: string }>(sql`
    select ta.teacher_id as "teacherId", c.school_id as "schoolId", c.district_id as "districtId",
           s.path::text as "schoolPath", ta.subject_code as subject, c.grade_code as grade
      from teaching_assignment ta join org_unit c on c.id = ta.class_id join org_unit s on s.id = c.school_id
      join account a on a.person_id = ta.teacher_id and a.username = 'teacher_demo'
     where ta.subject_code in ('13', '14', '41') order by ta.subject_code, c.grade_code limit 1`);
  return res.rows[0];
}

/** One teacher per school (the seventh by subject, grade and id), who has a draft in progress. */
export async function loadDrafters(tx: Tx) {
  const res = await tx.execute<Author & { subject: string; grade: string }>(sql`
    with ranked as (
      select ta.teacher_id as "teacherId", c.school_id as "schoolId", c.district_id as "districtId",
             s.path::text as "schoolPath", ta.subject_code as subject, c.grade_code as grade,
             row_number() over (partition by c.school_id order by ta.subject_code, c.grade_code, ta.teacher_id) as rank
        from teaching_assignment ta join org_unit c on c.id = ta.class_id join org_unit s on s.id = c.school_id
        join term t on t.id = ta.term_id and t.current
       where ta.subject_code in ('13', '14', '41') and c.grade_code between '11' and '23'
         and ta.teacher_id not in (select person_id from account where username = 'teacher_demo')
    )
    select * from ranked where rank = 7 order by "schoolId"`);
  return res.rows;
}
