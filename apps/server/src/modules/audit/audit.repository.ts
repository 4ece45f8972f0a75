import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import type { Tx } from '../../platform/db/client.ts';
import { textArray } from '../../platform/scope/scope.ts';
import { auditSavedSearches } from './audit.schema.ts';
import { codesOf, type TAuditFilter, windowStart } from './audit-filter.ts';

/** One row of the trail as the auditor sees it: the persons of a bulk event counted, not listed. */
export type AuditRow = {
  id: string;
  at: Date;
  actorPersonId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  subjectPersonId: string | null;
  subjectName: string | null;
  subjectCount: number;
  orgPath: string | null;
  ip: string | null;
  details: unknown;
};

export type Filter = TAuditFilter & { actionPrefix?: string };

/**
 * The person is among a bulk event's persons. `= any` compares with uuid equality, which is
 * leakproof, so under row-level security the partial index of bulk events still serves it (the
 * array operators a GIN index would serve are not, and would scan the whole trail).
 */
const inBulk = (person: SQL) =>
  sql`(${auditLog.subjectIds} is not null and ${person} = any(${auditLog.subjectIds}))`;

/** The WHERE of a filter; `viewerId` is whose own audit work `hideOwnAudit` leaves out. */
function where(q: Filter, viewerId: string, now: Date): SQL | undefined {
  const codes = codesOf(q);
  const from = windowStart(q, now);
  return and(
    q.personId
      ? sql`(${auditLog.actorPersonId} = ${q.personId} or ${auditLog.subjectPersonId} = ${q.personId}
             or ${inBulk(sql`${q.personId}::uuid`)})`
      : undefined,
    codes ? sql`${auditLog.action} = any(${sql.param(codes)}::text[])` : undefined,
    q.actionPrefix ? sql`${auditLog.action} like ${`${q.actionPrefix.replace(/_/g, '\\_')}%`}` : undefined,
    q.actorRoles?.length ? sql`${auditLog.actorRole} = any(${sql.param(q.actorRoles)}::text[])` : undefined,
    q.outcomes?.length ? sql`${auditLog.outcome} = any(${sql.param(q.outcomes)}::text[])` : undefined,
    q.orgUnitId
      ? sql`${auditLog.orgPath} <@ (select path from org_unit where id = ${q.orgUnitId})`
      : undefined,
    from ? sql`${auditLog.at} >= ${from}::timestamptz` : undefined,
    q.to && !q.days ? sql`${auditLog.at} <= ${q.to}::timestamptz` : undefined,
    q.hideOwnAudit
      ? sql`(${auditLog.actorPersonId} is distinct from ${viewerId}::uuid or ${auditLog.action} not like 'audit.%')`
      : undefined,
  );
}

/**
 * The rows a filter finds, counted up to `cap` + 1: past that the exact number is not worth a scan
 * of millions of rows (a week of a city's sign-ins), and "more than 10,000" is what the page says.
 */
export async function countAuditLog(
  tx: Tx,
  q: Filter,
  viewerId: string,
  now: Date,
  cap: number,
): Promise<number> {
  const res = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from (select 1 from ${auditLog} where ${where(q, viewerId, now) ?? sql`true`}
                                     limit ${cap + 1}) x`);
  return res.rows[0]?.n ?? 0;
}

/** Rows of the trail, newest first, with the subject's name (person_directory: names only). */
export async function listAuditLog(
  tx: Tx,
  q: Filter,
  viewerId: string,
  now: Date,
  page: { limit: number; offset: number },
): Promise<AuditRow[]> {
  const res = await tx.execute<Omit<AuditRow, 'at'> & { at: string }>(sql`
    select a.id, a.at, a.actor_person_id as "actorPersonId", a.actor_name as "actorName",
           a.actor_role as "actorRole", a.action, a.outcome, a.target_type as "targetType",
           a.target_id as "targetId", a.subject_person_id as "subjectPersonId", sp.name as "subjectName",
           coalesce(cardinality(a.subject_ids), 0)::int as "subjectCount", a.org_path::text as "orgPath",
           a.ip, a.details
      from audit_log a left join person_directory sp on sp.id = a.subject_person_id
     where a.id in (select ${auditLog.id} from ${auditLog} where ${where(q, viewerId, now) ?? sql`true`}
                     order by ${auditLog.at} desc, ${auditLog.id} desc
                     limit ${page.limit} offset ${page.offset})
     order by a.at desc, a.id desc
     limit ${page.limit} offset ${page.offset}`);
  return res.rows.map((r) => ({ ...r, at: new Date(r.at) }));
}

export async function findAuditEvent(tx: Tx, id: string) {
  const [row] = await tx
    .select({
      id: auditLog.id,
      action: auditLog.action,
      count: sql<number>`coalesce(cardinality(${auditLog.subjectIds}), 0)::int`,
    })
    .from(auditLog)
    .where(eq(auditLog.id, id));
  return row;
}

export type PersonName = {
  personId: string;
  name: string;
  learner: boolean;
  staff: boolean;
};

/** A page of the persons of a bulk event, in the order the event lists them. */
export async function listEventSubjects(
  tx: Tx,
  id: string,
  page: { limit: number; offset: number },
): Promise<PersonName[]> {
  const res = await tx.execute<PersonName>(sql`
    select u.id as "personId", coalesce(p.name, '') as name, coalesce(p.learner, false) as learner,
           coalesce(p.staff, false) as staff
      from audit_log a cross join lateral unnest(a.subject_ids) with ordinality as u(id, n)
      left join person_directory p on p.id = u.id
     where a.id = ${id}
     order by u.n limit ${page.limit} offset ${page.offset}`);
  return res.rows;
}

export type PersonInTrail = PersonName & {
  lastAt: Date | null;
  lastOrgPath: string | null;
};

/** Persons of a name looked at in the trail: a surname alone matches thousands. */
const CANDIDATES = 200;

/**
 * Persons of this name (the whole name, or its beginning) who appear in the audit trail — as the
 * one who acted, the subject, or one of a bulk event's persons — with when they last appeared and
 * the unit of their latest row that names one. Nobody outside the trail is found, and the auditors'
 * own work (which records whom it showed) does not count: the look-up serves the audit, not as a
 * directory.
 */
export async function findPersonsInTrail(tx: Tx, name: string, limit: number): Promise<PersonInTrail[]> {
  const like = `${name.replace(/[%_\\]/g, '\\$&')}%`;
  const res = await tx.execute<Omit<PersonInTrail, 'lastAt'> & { lastAt: string | null }>(sql`
    select p.id as "personId", p.name, p.learner, p.staff, last.at as "lastAt", last.path as "lastOrgPath"
      from (select * from person_directory where name like ${like}
             order by name = ${name} desc, name limit ${CANDIDATES}) p
      cross join lateral (
        select max(x.at) as at, (array_agg(x.path order by x.at desc) filter (where x.path is not null))[1] as path
          from ((select at, org_path::text as path from audit_log where actor_person_id = p.id
                    and action not like 'audit.%' order by at desc limit 5)
                union all
                (select at, org_path::text from audit_log where subject_person_id = p.id
                    and action not like 'audit.%' order by at desc limit 5)
                union all
                (select at, org_path::text from audit_log where subject_ids is not null
                    and p.id = any(subject_ids) and action not like 'audit.%' order by at desc limit 5)) x) last
     where last.at is not null
     order by p.name = ${name} desc, last.at desc
     limit ${limit}`);
  return res.rows.map((r) => ({ ...r, lastAt: r.lastAt ? new Date(r.lastAt) : null }));
}

/** Names of persons by id (person_directory), for the rows a page shows. */
export async function personNames(tx: Tx, ids: string[]): Promise<Map<string, PersonName>> {
  if (ids.length === 0) return new Map();
  const res = await tx.execute<PersonName>(sql`
    select id as "personId", name, learner, staff from person_directory
     where id = any(${textArray(ids, 'uuid')})`);
  return new Map(res.rows.map((r) => [r.personId, r]));
}

export async function listSavedSearches(tx: Tx, ownerId: string) {
  return tx
    .select({
      id: auditSavedSearches.id,
      name: auditSavedSearches.name,
      query: auditSavedSearches.query,
      createdAt: auditSavedSearches.createdAt,
    })
    .from(auditSavedSearches)
    .where(eq(auditSavedSearches.ownerId, ownerId))
    .orderBy(desc(auditSavedSearches.createdAt));
}

export async function countSavedSearches(tx: Tx, ownerId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(auditSavedSearches)
    .where(eq(auditSavedSearches.ownerId, ownerId));
  return row?.n ?? 0;
}

export async function insertSavedSearch(
  tx: Tx,
  row: { id: string; ownerId: string; name: string; query: TAuditFilter },
): Promise<void> {
  await tx.insert(auditSavedSearches).values(row);
}

/** Deletes one of the owner's saved searches; false when they have none of that id. */
export async function deleteSavedSearch(tx: Tx, id: string, ownerId: string): Promise<boolean> {
  const res = await tx
    .delete(auditSavedSearches)
    .where(and(eq(auditSavedSearches.id, id), eq(auditSavedSearches.ownerId, ownerId)))
    .returning({ id: auditSavedSearches.id });
  return res.length > 0;
}
