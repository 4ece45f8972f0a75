import { type SQL, sql } from 'drizzle-orm';
import { conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { ADMINS, TEACHERS } from '../../platform/http/policy.ts';
import type { TRole } from '../identity/identity.schema.ts';
import { loadSpace } from './space-access.ts';
import { recordUse } from './space-use.ts';
import type { TSpaceKind } from './spaces.schema.ts';

/** How the viewer is related to a space in their list. */
export type SpaceRelation = 'own' | 'child' | 'head' | 'teach' | 'member' | 'teacher' | 'school' | 'lead';

type Listed = {
  id: string;
  kind: TSpaceKind;
  name: string;
  unitName: string;
  relation: SpaceRelation;
};

const unitOf = (o: SQL) => sql`coalesce((select sc.name from org_unit sc where sc.id = ${o}), '')`;

/**
 * The spaces a person works in under their active role: their own, their classes (headed, taught,
 * attended, or their children's), their school, their teachers' (for students and parents), and
 * the studios they lead or belong to.
 */
export async function mySpaces(ctx: Ctx): Promise<Listed[]> {
  const { role, personId: me, orgPath } = ctx.actor;
  const parts: SQL[] = [];
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
          join teacher t on t.person_id = ta.teacher_id join person p on p.id = t.person_id
         where ta.class_id in (${classIds})`;
  if ((TEACHERS as readonly TRole[]).includes(role)) {
    parts.push(sql`select p.id, 'teacher', p.name, ${unitOf(sql`t.school_id`)}, 'own'
      from teacher t join person p on p.id = t.person_id where t.person_id = ${me}`);
    parts.push(
      classRows(
        sql`select o2.id from role_assignment ra join org_unit o2 on o2.path = ra.path
             where ra.person_id = ${me} and ra.role = 'head_teacher' and ra.active`,
        'head',
      ),
    );
    parts.push(
      classRows(
        sql`select ta.class_id from teaching_assignment ta join term tm on tm.id = ta.term_id and tm.current
             where ta.teacher_id = ${me}`,
        'teach',
      ),
    );
    parts.push(sql`select o.id, 'school', o.name, '', 'school' from org_unit o
      where o.id = (select school_id from teacher where person_id = ${me})`);
    parts.push(sql`select st.id, 'studio', st.name, ${unitOf(sql`st.org_unit_id`)}, case when st.lead_id = ${me} then 'lead' else 'member' end
      from studio st where st.active and (st.lead_id = ${me}
        or exists (select 1 from studio_member m where m.studio_id = st.id and m.person_id = ${me}))`);
  } else if (role === 'student') {
    parts.push(sql`select p.id, 'student', p.name, ${unitOf(sql`s.school_id`)}, 'own'
      from student s join person p on p.id = s.person_id where s.person_id = ${me}`);
    parts.push(classRows(myClasses, 'member'));
    parts.push(sql`select o.id, 'school', o.name, '', 'school' from org_unit o
      where o.id = (select school_id from student where person_id = ${me})`);
    parts.push(teacherRows(myClasses));
  } else if (role === 'parent') {
    parts.push(sql`select p.id, 'student', p.name, ${unitOf(sql`s.school_id`)}, 'child'
      from guardian g join student s on s.person_id = g.student_id join person p on p.id = s.person_id
     where g.parent_id = ${me}`);
    parts.push(classRows(childClasses, 'child'));
    parts.push(teacherRows(childClasses));
  } else if ((ADMINS as readonly TRole[]).includes(role)) {
    parts.push(sql`select o.id, 'school', o.name, '', 'school' from org_unit o
      where o.kind = 'school' and o.path = ${orgPath}::ltree`);
    parts.push(sql`select st.id, 'studio', st.name, ${unitOf(sql`st.org_unit_id`)}, 'member'
      from studio st where st.active and st.path = ${orgPath}::ltree`);
  }
  if (parts.length === 0) return [];
  const res = await ctx.db.execute<Listed>(
    sql`select * from (${sql.join(parts, sql` union all `)}) as s(id, kind, name, "unitName", relation)`,
  );
  const seen = new Set<string>();
  return res.rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** A space's header: what it is, its people, counts, and what the viewer may do. Counts a visit. */
export async function getSpace(ctx: Ctx, id: string) {
  const space = await loadSpace(ctx, id);
  const counts = await ctx.db.execute<{
    posts: number;
    works: number;
    notices: number;
    collections: number;
    members: number;
    headTeachers: string[];
    lead: string | null;
    studioMembers: { id: string; name: string }[];
  }>(sql`
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
           coalesce((select array_agg(pp.name order by pp.name) from person pp
                      where pp.id = any(string_to_array(${space.headTeacherIds.join(',')}, ',')::uuid[])), '{}') as "headTeachers",
           (select pp.name from person pp where ${space.kind}::text = 'studio' and pp.id = ${space.ownerId}::uuid) as lead,
           coalesce((select json_agg(json_build_object('id', pp.id, 'name', pp.name) order by pp.name)
                       from studio_member m join person pp on pp.id = m.person_id
                      where m.studio_id = ${id}), '[]') as "studioMembers"
      from space_post p where p.space_id = ${id}`);
  if (ctx.actor.role !== 'parent') await recordUse(ctx.db, ctx.actor.personId);
  // A child's space is personal data: reads by anyone but the child and their parents are audited.
  if (space.kind === 'student' && !space.mine && ctx.actor.role !== 'parent')
    await ctx.audit({ action: 'space.read', targetType: 'student', targetId: id, orgPath: space.path });
  const c = counts.rows[0]!;
  const { headTeacherIds: _h, ...shown } = space;
  return {
    ...shown,
    posts: c.posts,
    works: c.works,
    notices: c.notices,
    collections: c.collections,
    members: c.members,
    headTeachers: c.headTeachers,
    lead: c.lead,
    studioMembers: space.kind === 'studio' ? c.studioMembers : [],
  };
}

/** Resources collected into a personal space (published ones; retired ones drop out). */
export async function listCollections(ctx: Ctx, id: string) {
  const space = await loadSpace(ctx, id);
  if (space.kind !== 'teacher' && space.kind !== 'student') return { items: [] };
  const res = await ctx.db.execute<{
    id: string;
    kind: string;
    title: string;
    subjectCode: string | null;
    gradeCode: string | null;
    collectedAt: string;
  }>(sql`
    select r.id, r.kind, r.title, r.subject_code as "subjectCode", r.grade_code as "gradeCode", c.created_at as "collectedAt"
      from space_collection c join resource r on r.id = c.resource_id
     where c.person_id = ${id} and r.status = 'published' order by c.created_at desc limit 200`);
  return { items: res.rows };
}

/** Collects a published resource into one's own space (收藏), or takes it out. */
export async function setCollected(ctx: Ctx, resourceId: string, collected: boolean) {
  const { role, personId: me } = ctx.actor;
  if (!(TEACHERS as readonly TRole[]).includes(role) && role !== 'student')
    throw forbidden('只有教师和学生有个人空间可以收藏');
  const r = await ctx.db.execute<{ status: string; path: string }>(sql`
    select status, path::text as path from resource where id = ${resourceId}`);
  const res = r.rows[0];
  if (!res) throw notFound('资源');
  if (collected && res.status !== 'published') throw conflict('只能收藏已发布的资源');
  const changed = collected
    ? await ctx.db.execute(sql`insert into space_collection (person_id, resource_id) values (${me}, ${resourceId})
        on conflict do nothing`)
    : await ctx.db.execute(
        sql`delete from space_collection where person_id = ${me} and resource_id = ${resourceId}`,
      );
  if ((changed.rowCount ?? 0) > 0) {
    if (collected) await recordUse(ctx.db, me);
    await ctx.audit({
      action: collected ? 'space.collect' : 'space.uncollect',
      targetType: 'resource',
      targetId: resourceId,
      orgPath: res.path,
    });
  }
  return { collected };
}

/** Whether the viewer has collected a resource (for the button on the resource page). */
export async function isCollected(ctx: Ctx, resourceId: string) {
  const res = await ctx.db.execute(sql`select 1 from space_collection
    where person_id = ${ctx.actor.personId} and resource_id = ${resourceId}`);
  return { collected: res.rows.length > 0 };
}
