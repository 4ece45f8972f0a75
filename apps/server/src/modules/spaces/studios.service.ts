import { sql } from 'drizzle-orm';
import { codeExists } from '../../platform/codes/codes.repository.ts';
import { newId } from '../../platform/db/types.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { inScope, scopeCovers } from '../../platform/scope/scope.ts';

export interface StudioInput {
  name: string;
  description?: string;
  subjectCode?: string | null;
  leadId: string;
  memberIds?: string[];
}

/** Active studios (名师工作室): those of the viewer's own unit (above or below it) first; everyone may visit them. */
export async function listStudios(ctx: Ctx) {
  const res = await ctx.db.execute<{
    id: string;
    name: string;
    description: string;
    subjectCode: string | null;
    leadName: string;
    unitName: string;
    members: number;
    posts: number;
    manageable: boolean;
  }>(sql`
    select st.id, st.name, st.description, st.subject_code as "subjectCode", p.name as "leadName", u.name as "unitName",
           (select count(*)::int from studio_member m where m.studio_id = st.id) as members,
           (select count(*)::int from space_post sp where sp.space_id = st.id) as posts,
           ${inScope(ctx.scope, sql`st.path`)} as manageable
      from studio st join person p on p.id = st.lead_id join org_unit u on u.id = st.org_unit_id
     where st.active
     order by (st.path <@ ${ctx.actor.orgPath}::ltree or ${ctx.actor.orgPath}::ltree <@ st.path) desc,
              nlevel(st.path), st.name limit 500`);
  const admin = ['city_admin', 'district_admin', 'school_admin'].includes(ctx.actor.role);
  return { items: res.rows.map((r) => ({ ...r, manageable: admin && r.manageable })) };
}

/** Checks that every person named is an active teacher inside the administrator's unit. */
async function assertTeachers(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) return;
  const res = await ctx.db.execute<{ n: number }>(sql`
    select count(*)::int as n from teacher t
     where t.person_id = any(string_to_array(${ids.join(',')}, ',')::uuid[]) and t.status = 'active'
       and ${inScope(ctx.scope, sql`t.path`)}`);
  // Someone outside the unit is not found, as anywhere else (no hint that the id exists).
  if (res.rows[0]!.n !== ids.length) throw notFound('本单位在职教师');
}

/** A bureau or school sets up a studio under its own unit, naming the lead and the first members. */
export async function createStudio(ctx: Ctx, input: StudioInput) {
  const members = [...new Set(input.memberIds ?? [])].filter((m) => m !== input.leadId);
  await assertTeachers(ctx, [input.leadId, ...members]);
  if (input.subjectCode && !(await codeExists(ctx.db, 'subject', input.subjectCode)))
    throw badRequest('学科代码不在国家代码表中');
  const id = newId();
  await ctx.db.execute(sql`insert into studio (id, name, description, lead_id, subject_code, org_unit_id, path)
    values (${id}, ${input.name}, ${input.description ?? ''}, ${input.leadId}, ${input.subjectCode ?? null},
            ${ctx.actor.orgUnitId}, ${ctx.actor.orgPath}::ltree)`);
  for (const m of members)
    await ctx.db.execute(sql`insert into studio_member (studio_id, person_id) values (${id}, ${m})`);
  await ctx.audit({
    action: 'studio.create',
    targetType: 'studio',
    targetId: id,
    orgPath: ctx.actor.orgPath,
    details: { name: input.name, lead: input.leadId, members: members.length },
  });
  return { id };
}

async function managed(ctx: Ctx, id: string) {
  const res = await ctx.db.execute<{ path: string; leadId: string }>(sql`
    select path::text as path, lead_id as "leadId" from studio where id = ${id} and active`);
  const st = res.rows[0];
  if (!st) throw notFound('工作室');
  if (!scopeCovers(ctx.scope, st.path)) throw forbidden('只有设立工作室的单位可以管理它');
  return st;
}

export async function addMember(ctx: Ctx, id: string, personId: string) {
  const st = await managed(ctx, id);
  if (st.leadId === personId) throw conflict('主持人已在工作室中');
  await assertTeachers(ctx, [personId]);
  const res =
    await ctx.db.execute(sql`insert into studio_member (studio_id, person_id) values (${id}, ${personId})
    on conflict do nothing`);
  if ((res.rowCount ?? 0) === 0) throw conflict('该教师已是成员');
  await ctx.audit({
    action: 'studio.member.add',
    targetType: 'studio',
    targetId: id,
    orgPath: st.path,
    details: { personId },
  });
  return { ok: true as const };
}

export async function removeMember(ctx: Ctx, id: string, personId: string) {
  const st = await managed(ctx, id);
  const res = await ctx.db.execute(
    sql`delete from studio_member where studio_id = ${id} and person_id = ${personId}`,
  );
  if ((res.rowCount ?? 0) === 0) throw notFound('成员');
  await ctx.audit({
    action: 'studio.member.remove',
    targetType: 'studio',
    targetId: id,
    orgPath: st.path,
    details: { personId },
  });
  return { ok: true as const };
}

/** Closes a studio: its space is no longer shown; its posts stay for the record. */
export async function retireStudio(ctx: Ctx, id: string) {
  const st = await managed(ctx, id);
  await ctx.db.execute(sql`update studio set active = false, updated_at = now() where id = ${id}`);
  await ctx.audit({ action: 'studio.retire', targetType: 'studio', targetId: id, orgPath: st.path });
  return { ok: true as const };
}
