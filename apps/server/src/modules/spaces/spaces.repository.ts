import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { TODAY } from '../../platform/db/types.ts';
import type { TSpaceKind } from './spaces.schema.ts';

/**
 * Counts one use of learning spaces by a person today (a visit, a post, a comment, a like, a
 * collection). One row per person and day, so the S3 measure (used on at least 4 of the last 30
 * days) is a count of rows.
 */
export async function recordUse(tx: Tx, personId: string): Promise<void> {
  await tx.execute(sql`insert into space_use_day (person_id, day) values (${personId}, ${TODAY})
    on conflict (person_id, day) do update set uses = space_use_day.uses + 1`);
}

/** A space as stored, seen from one viewer. */
export interface SpaceRow {
  kind: TSpaceKind;
  name: string;
  unitName: string;
  path: string;
  ownerId: string | null;
  headTeacherIds: string[];
  /** The viewer heads, teaches or learns in the class; is a member of the studio; works at the school. */
  member: boolean;
  [key: string]: unknown;
}

/** The space of whatever `id` names (teacher, student, school, class, active studio) for `viewerId`. */
export async function findSpace(tx: Tx, id: string, viewerId: string): Promise<SpaceRow | undefined> {
  const me = viewerId;
  const res = await tx.execute<SpaceRow>(sql`
    select 'teacher' as kind, p.name, coalesce(sc.name, '') as "unitName", t.path::text as path,
           t.person_id as "ownerId", '{}'::uuid[] as "headTeacherIds", false as member
      from teacher t join person_directory p on p.id = t.person_id left join org_unit sc on sc.id = t.school_id
     where t.person_id = ${id}
    union all
    select 'student', p.name, concat_ws(' ', sc.name, cl.name), s.path::text, s.person_id, '{}', false
      from student s join person p on p.id = s.person_id
      left join org_unit sc on sc.id = s.school_id left join org_unit cl on cl.id = s.class_id
     where s.person_id = ${id}
    union all
    select case when o.kind = 'school' then 'school' else 'class' end, o.name,
           coalesce(sc.name, ''), o.path::text, null,
           coalesce((select array_agg(ra.person_id) from role_assignment ra
                      where ra.role = 'head_teacher' and ra.active and ra.path = o.path), '{}'),
           case when o.kind = 'school' then exists (select 1 from teacher t where t.person_id = ${me} and t.school_id = o.id)
             else exists (select 1 from role_assignment ra where ra.person_id = ${me} and ra.role = 'head_teacher'
                            and ra.active and ra.path = o.path)
               or exists (select 1 from teaching_assignment ta join term tm on tm.id = ta.term_id and tm.current
                           where ta.teacher_id = ${me} and ta.class_id = o.id)
               or exists (select 1 from student s where s.person_id = ${me} and s.class_id = o.id)
               or exists (select 1 from teaching_class_member m where m.student_id = ${me} and m.teaching_class_id = o.id)
           end
      from org_unit o left join org_unit sc on sc.id = o.school_id
     where o.id = ${id} and o.kind in ('school', 'class', 'teaching_class')
    union all
    select 'studio', st.name, u.name, st.path::text, st.lead_id, '{}',
           exists (select 1 from studio_member m where m.studio_id = st.id and m.person_id = ${me})
      from studio st join org_unit u on u.id = st.org_unit_id
     where st.id = ${id} and st.active`);
  return res.rows[0];
}

/** How the viewer is related to a space in their list. */
export type SpaceRelation = 'own' | 'child' | 'head' | 'teach' | 'member' | 'teacher' | 'school' | 'lead';

export type ListedSpace = {
  id: string;
  kind: TSpaceKind;
  name: string;
  unitName: string;
  relation: SpaceRelation;
};

/** Which spaces to list for a person: one part per kind of relation (see listSpaces). */
export type SpacePart =
  | 'own_teacher'
  | 'head_classes'
  | 'taught_classes'
  | 'teacher_school'
  | 'studios'
  | 'own_student'
  | 'my_classes'
  | 'student_school'
  | 'my_teachers'
  | 'children'
  | 'children_classes'
  | 'children_teachers'
  | 'admin_school'
  | 'admin_studios';

const unitOf = (o: SQL) => sql`coalesce((select sc.name from org_unit sc where sc.id = ${o}), '')`;

/**
 * The spaces of the given parts for a person, in the order of the parts (a space may come twice,
 * under two relations). `orgPath` is the unit of the person's active role, for administrators.
 */
export async function listSpaces(
  tx: Tx,
  me: string,
  orgPath: string,
  parts: readonly SpacePart[],
): Promise<ListedSpace[]> {
  if (parts.length === 0) return [];
  const myClasses = sql`select s.class_id as id from student s where s.person_id = ${me}
    union select m.teaching_class_id from teaching_class_member m where m.student_id = ${me}`;
  const childClasses = sql`select s.class_id as id from guardian g join student s on s.person_id = g.student_id
     where g.parent_id = ${me}`;
  const classRows = (ids: SQL, relation: SpaceRelation) =>
    sql`select o.id, 'class' as kind, o.name, ${unitOf(sql`o.school_id`)} as "unitName", ${relation}::text as relation
          from org_unit o where o.id in (${ids})`;
  const teacherRows = (classIds: SQL) =>
    sql`select distinct p.id, 'teacher', p.name, ${unitOf(sql`t.school_id`)}, 'teacher'
          from teaching_assignment ta join term tm on tm.id = ta.term_id and tm.current
          join teacher t on t.person_id = ta.teacher_id join person_directory p on p.id = t.person_id
         where ta.class_id in (${classIds})`;
  const queries: Record<SpacePart, () => SQL> = {
    own_teacher: () => sql`select p.id, 'teacher', p.name, ${unitOf(sql`t.school_id`)}, 'own'
      from teacher t join person_directory p on p.id = t.person_id where t.person_id = ${me}`,
    head_classes: () =>
      classRows(
        sql`select o2.id from role_assignment ra join org_unit o2 on o2.path = ra.path
             where ra.person_id = ${me} and ra.role = 'head_teacher' and ra.active`,
        'head',
      ),
    taught_classes: () =>
      classRows(
        sql`select ta.class_id from teaching_assignment ta join term tm on tm.id = ta.term_id and tm.current
             where ta.teacher_id = ${me}`,
        'teach',
      ),
    teacher_school: () => sql`select o.id, 'school', o.name, '', 'school' from org_unit o
      where o.id = (select school_id from teacher where person_id = ${me})`,
    studios:
      () => sql`select st.id, 'studio', st.name, ${unitOf(sql`st.org_unit_id`)}, case when st.lead_id = ${me} then 'lead' else 'member' end
      from studio st where st.active and (st.lead_id = ${me}
        or exists (select 1 from studio_member m where m.studio_id = st.id and m.person_id = ${me}))`,
    own_student: () => sql`select p.id, 'student', p.name, ${unitOf(sql`s.school_id`)}, 'own'
      from student s join person p on p.id = s.person_id where s.person_id = ${me}`,
    my_classes: () => classRows(myClasses, 'member'),
    student_school: () => sql`select o.id, 'school', o.name, '', 'school' from org_unit o
      where o.id = (select school_id from student where person_id = ${me})`,
    my_teachers: () => teacherRows(myClasses),
    children: () => sql`select p.id, 'student', p.name, ${unitOf(sql`s.school_id`)}, 'child'
      from guardian g join student s on s.person_id = g.student_id join person p on p.id = s.person_id
     where g.parent_id = ${me}`,
    children_classes: () => classRows(childClasses, 'child'),
    children_teachers: () => teacherRows(childClasses),
    admin_school: () => sql`select o.id, 'school', o.name, '', 'school' from org_unit o
      where o.kind = 'school' and o.path = ${orgPath}::ltree`,
    admin_studios: () => sql`select st.id, 'studio', st.name, ${unitOf(sql`st.org_unit_id`)}, 'member'
      from studio st where st.active and st.path = ${orgPath}::ltree`,
  };
  const res = await tx.execute<ListedSpace>(
    sql`select * from (${sql.join(
      parts.map((p) => queries[p]()),
      sql` union all `,
    )}) as s(id, kind, name, "unitName", relation)`,
  );
  return res.rows;
}

export type SpaceCounts = {
  posts: number;
  works: number;
  notices: number;
  collections: number;
  members: number;
  headTeachers: string[];
  lead: string | null;
  studioMembers: { id: string; name: string }[];
};

/** A space's counts and people for its header. */
export async function findSpaceCounts(
  tx: Tx,
  space: { id: string; kind: TSpaceKind; headTeacherIds: string[]; ownerId: string | null },
): Promise<SpaceCounts> {
  const { id } = space;
  const counts = await tx.execute<SpaceCounts>(sql`
    select count(*) filter (where p.kind = 'post')::int as posts,
           count(*) filter (where p.kind = 'work')::int as works,
           count(*) filter (where p.kind = 'notice')::int as notices,
           (select count(*)::int from space_collection c join resource r on r.id = c.resource_id
             where c.person_id = ${id} and r.status = 'published') as collections,
           case ${space.kind}::text
             when 'class' then (select count(*)::int from student s where s.class_id = ${id} and s.status = 'enrolled')
                             + (select count(*)::int from teaching_class_member m where m.teaching_class_id = ${id})
             when 'studio' then (select count(*)::int from studio_member m where m.studio_id = ${id})
             when 'school' then (select count(*)::int from teacher t where t.school_id = ${id} and t.status = 'active')
             else 0 end as members,
           coalesce((select array_agg(pp.name order by pp.name) from person_directory pp
                      where pp.id = any(string_to_array(${space.headTeacherIds.join(',')}, ',')::uuid[])), '{}') as "headTeachers",
           (select pp.name from person_directory pp where ${space.kind}::text = 'studio' and pp.id = ${space.ownerId}::uuid) as lead,
           coalesce((select json_agg(json_build_object('id', pp.id, 'name', pp.name) order by pp.name)
                       from studio_member m join person_directory pp on pp.id = m.person_id
                      where m.studio_id = ${id}), '[]') as "studioMembers"
      from space_post p where p.space_id = ${id}`);
  return counts.rows[0]!;
}

export type CollectionRow = {
  id: string;
  kind: string;
  title: string;
  subjectCode: string | null;
  gradeCode: string | null;
  collectedAt: string;
};

/** The published resources a person collected, newest first. */
export async function listCollections(tx: Tx, personId: string): Promise<CollectionRow[]> {
  const res = await tx.execute<CollectionRow>(sql`
    select r.id, r.kind, r.title, r.subject_code as "subjectCode", r.grade_code as "gradeCode", c.created_at as "collectedAt"
      from space_collection c join resource r on r.id = c.resource_id
     where c.person_id = ${personId} and r.status = 'published' order by c.created_at desc limit 200`);
  return res.rows;
}

/** A resource's status and unit, to collect it. */
export async function findResourceToCollect(tx: Tx, resourceId: string) {
  const r = await tx.execute<{ status: string; path: string }>(sql`
    select status, path::text as path from resource where id = ${resourceId}`);
  return r.rows[0];
}

/** Collects a resource or takes it out; false when that was already so. */
export async function setCollected(
  tx: Tx,
  personId: string,
  resourceId: string,
  collected: boolean,
): Promise<boolean> {
  const changed = collected
    ? await tx.execute(sql`insert into space_collection (person_id, resource_id) values (${personId}, ${resourceId})
        on conflict do nothing`)
    : await tx.execute(
        sql`delete from space_collection where person_id = ${personId} and resource_id = ${resourceId}`,
      );
  return (changed.rowCount ?? 0) > 0;
}

export async function isCollected(tx: Tx, personId: string, resourceId: string): Promise<boolean> {
  const res = await tx.execute(sql`select 1 from space_collection
    where person_id = ${personId} and resource_id = ${resourceId}`);
  return res.rows.length > 0;
}
