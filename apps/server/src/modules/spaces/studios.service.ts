import { codeExists } from '../../platform/codes/codes.repository.ts';
import { newId } from '../../platform/db/types.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { scopeCovers } from '../../platform/scope/scope.ts';
import * as repo from './studios.repository.ts';

export interface StudioInput {
  name: string;
  description?: string;
  subjectCode?: string | null;
  leadId: string;
  memberIds?: string[];
}

/** Active studios (名师工作室): those of the viewer's own unit (above or below it) first; everyone may visit them. */
export async function listStudios(ctx: Ctx) {
  const rows = await repo.listStudios(ctx.db, ctx.scope, ctx.actor.orgPath);
  const admin = ['city_admin', 'district_admin', 'school_admin'].includes(ctx.actor.role);
  return { items: rows.map((r) => ({ ...r, manageable: admin && r.manageable })) };
}

/** Checks that every person named is an active teacher inside the administrator's unit. */
async function assertTeachers(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) return;
  // Someone outside the unit is not found, as anywhere else (no hint that the id exists).
  if ((await repo.countActiveTeachersInScope(ctx.db, ctx.scope, ids)) !== ids.length)
    throw notFound('本单位在职教师');
}

/** A bureau or school sets up a studio under its own unit, naming the lead and the first members. */
export async function createStudio(ctx: Ctx, input: StudioInput) {
  const members = [...new Set(input.memberIds ?? [])].filter((m) => m !== input.leadId);
  await assertTeachers(ctx, [input.leadId, ...members]);
  if (input.subjectCode && !(await codeExists(ctx.db, 'subject', input.subjectCode)))
    throw badRequest('学科代码不在国家代码表中');
  const id = newId();
  await repo.insertStudio(ctx.db, {
    id,
    name: input.name,
    description: input.description ?? '',
    leadId: input.leadId,
    subjectCode: input.subjectCode ?? null,
    orgUnitId: ctx.actor.orgUnitId,
    path: ctx.actor.orgPath,
  });
  for (const m of members) await repo.insertMember(ctx.db, id, m);
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
  const st = await repo.findActiveStudio(ctx.db, id);
  if (!st) throw notFound('工作室');
  if (!scopeCovers(ctx.scope, st.path)) throw forbidden('只有设立工作室的单位可以管理它');
  return st;
}

export async function addMember(ctx: Ctx, id: string, personId: string) {
  const st = await managed(ctx, id);
  if (st.leadId === personId) throw conflict('主持人已在工作室中');
  await assertTeachers(ctx, [personId]);
  if (!(await repo.insertMember(ctx.db, id, personId))) throw conflict('该教师已是成员');
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
  if (!(await repo.deleteMember(ctx.db, id, personId))) throw notFound('成员');
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
  await repo.retireStudio(ctx.db, id);
  await ctx.audit({ action: 'studio.retire', targetType: 'studio', targetId: id, orgPath: st.path });
  return { ok: true as const };
}
