import {
  AUDIT_ACTIONS,
  AUDIT_GROUPS,
  actionsOfGroup,
  type TAuditGroup,
} from '../../platform/audit/actions.ts';
import { newId } from '../../platform/db/types.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { listUnitsOnPaths } from '../org/org.repository.ts';
import * as repo from './audit.repository.ts';
import { AUDIT_PRESETS, type TAuditFilter } from './audit-filter.ts';

/** Every action code, grouped, with its labels: the auditor's action filter. */
export function listAuditActions() {
  return (Object.keys(AUDIT_GROUPS) as TAuditGroup[]).map((g) => ({
    key: g,
    ...AUDIT_GROUPS[g],
    actions: actionsOfGroup(g).map((code) => {
      const { zh, en } = AUDIT_ACTIONS[code];
      return { code, zh, en, sensitive: 'sensitive' in AUDIT_ACTIONS[code] };
    }),
  }));
}

/**
 * The names along each org path, the deployment's root left out (every row lies under it), and a
 * grade left out when a class follows (the class's name says its grade):
 * 「越秀区 / 东风西路小学 / 四年级(1)班」 instead of `c440100.d440104.s….g04.k01`.
 */
export async function unitNamesOf(ctx: Ctx, paths: (string | null)[]): Promise<Map<string, string[]>> {
  const wanted = [...new Set(paths.filter((p): p is string => !!p))];
  const units = new Map((await listUnitsOnPaths(ctx.db, wanted)).map((u) => [u.path, u]));
  const out = new Map<string, string[]>();
  for (const path of wanted) {
    const labels = path.split('.');
    const chain = labels.flatMap((_, i) => {
      const u = units.get(labels.slice(0, i + 1).join('.'));
      return u ? [u] : [];
    });
    const names = chain
      .filter((_, i) => i > 0 || chain.length === 1)
      .filter((u) => u.kind !== 'grade' || u === chain.at(-1))
      .map((u) => u.name);
    out.set(path, names);
  }
  return out;
}

export type TPage = { limit: number; offset: number };

/** Rows counted exactly; beyond, the answer says "more than". */
export const COUNT_CAP = 10_000;
type Filter = repo.Filter;

/**
 * The auditor's search over the whole trail (every user, the other administrators included). The
 * subjects' names it shows are personal data read, so the search records whose they were.
 */
export async function searchAudit(ctx: Ctx, q: Filter, page: TPage) {
  const now = new Date();
  const counted = await repo.countAuditLog(ctx.db, q, ctx.actor.personId, now, COUNT_CAP);
  const total = Math.min(counted, COUNT_CAP);
  const rows = await repo.listAuditLog(ctx.db, q, ctx.actor.personId, now, page);
  const units = await unitNamesOf(
    ctx,
    rows.map((r) => r.orgPath),
  );
  const shown = [...new Set(rows.flatMap((r) => (r.subjectName ? [r.subjectPersonId!] : [])))];
  await ctx.audit({
    action: 'audit.search',
    subjectIds: shown,
    details: { query: q, offset: page.offset, results: rows.length, total },
  });
  return {
    total,
    /** More rows match than `total` says (it stops counting at COUNT_CAP). */
    more: counted > COUNT_CAP,
    items: rows.map((r) => ({
      ...r,
      at: r.at.toISOString(),
      orgNames: r.orgPath ? (units.get(r.orgPath) ?? []) : [],
    })),
  };
}

/** The built-in saved searches with the number of rows each finds now (counts only: no personal data). */
export async function listPresets(ctx: Ctx) {
  const now = new Date();
  const out = [];
  for (const p of AUDIT_PRESETS)
    out.push({
      ...p,
      count: Math.min(
        await repo.countAuditLog(ctx.db, p.filter, ctx.actor.personId, now, COUNT_CAP),
        COUNT_CAP,
      ),
    });
  return out;
}

/** Rows of a page of subjects of a bulk event. */
const SUBJECT_PAGE_MAX = 500;

/** The persons a bulk event (an export) touched, by name: a read of personal data, audited. */
export async function listAuditEventSubjects(ctx: Ctx, id: string, page: TPage) {
  const event = await repo.findAuditEvent(ctx.db, id);
  if (!event) throw notFound('审计记录');
  const items = await repo.listEventSubjects(ctx.db, id, {
    limit: Math.min(page.limit, SUBJECT_PAGE_MAX),
    offset: page.offset,
  });
  await ctx.audit({
    action: 'audit.subjects.read',
    targetType: 'audit_log',
    targetId: id,
    subjectIds: items.map((p) => p.personId),
    details: { action: event.action, offset: page.offset, shown: items.length, total: event.count },
  });
  return { total: event.count, items };
}

/**
 * Persons of a name who appear in the trail, with where they last appeared, for the search by
 * person. The names and units shown are personal data: the look-up records whom it showed, not
 * the name typed.
 */
export async function lookupPersons(ctx: Ctx, name: string) {
  const found = await repo.findPersonsInTrail(ctx.db, name, 20);
  const units = await unitNamesOf(
    ctx,
    found.map((p) => p.lastOrgPath),
  );
  await ctx.audit({
    action: 'audit.person_lookup',
    subjectIds: found.map((p) => p.personId),
    details: { results: found.length },
  });
  return found.map(({ lastOrgPath, lastAt, ...p }) => ({
    ...p,
    lastAt: lastAt?.toISOString() ?? null,
    orgNames: lastOrgPath ? (units.get(lastOrgPath) ?? []) : [],
  }));
}

/** Saved searches an auditor may keep. */
const MAX_SAVED = 50;

export async function listSavedSearches(ctx: Ctx) {
  const rows = await repo.listSavedSearches(ctx.db, ctx.actor.personId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    query: r.query as TAuditFilter,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function saveSearch(ctx: Ctx, input: { name: string; query: TAuditFilter }) {
  if ((await repo.countSavedSearches(ctx.db, ctx.actor.personId)) >= MAX_SAVED)
    throw new AppError('conflict', `常用查询最多保存 ${MAX_SAVED} 个，请先删除不用的`);
  const id = newId();
  await repo.insertSavedSearch(ctx.db, { id, ownerId: ctx.actor.personId, ...input });
  await ctx.audit({
    action: 'audit.saved_search.create',
    targetType: 'audit_saved_search',
    targetId: id,
    details: { query: input.query },
  });
  return { id };
}

export async function deleteSavedSearch(ctx: Ctx, id: string) {
  if (!(await repo.deleteSavedSearch(ctx.db, id, ctx.actor.personId))) throw notFound('常用查询');
  await ctx.audit({ action: 'audit.saved_search.delete', targetType: 'audit_saved_search', targetId: id });
  return { ok: true as const };
}
