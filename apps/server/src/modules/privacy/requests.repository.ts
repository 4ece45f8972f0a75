import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import { inScope, type Scope } from '../../platform/scope/scope.ts';
import type { TRequestKind, TRequestStatus } from './privacy.schema.ts';

export type RequestRow = {
  id: string;
  subjectId: string;
  subjectName: string;
  requestedBy: string;
  requesterName: string;
  requestedAs: 'self' | 'guardian';
  kind: TRequestKind;
  details: string;
  path: string;
  unitName: string | null;
  status: TRequestStatus;
  dueAt: string;
  response: string | null;
  handledByName: string | null;
  handledAt: string | null;
  createdAt: string;
};

const SELECT = sql`
  select r.id, r.subject_id as "subjectId", sp.name as "subjectName", r.requested_by as "requestedBy",
         rp.name as "requesterName", r.requested_as as "requestedAs", r.kind, r.details, r.path::text as path,
         u.name as "unitName", r.status, r.due_at::text as "dueAt", r.response, hp.name as "handledByName",
         r.handled_at::text as "handledAt", r.created_at::text as "createdAt"
    from data_request r join person_directory sp on sp.id = r.subject_id join person_directory rp on rp.id = r.requested_by
    left join person_directory hp on hp.id = r.handled_by left join org_unit u on u.path = r.path`;

export async function insertRequest(
  tx: Tx,
  r: {
    subjectId: string;
    requestedBy: string;
    requestedAs: 'self' | 'guardian';
    kind: TRequestKind;
    details: string;
    path: string;
    dueDays: number;
    status?: TRequestStatus;
    response?: string;
  },
): Promise<string> {
  const id = newId();
  const done = r.status && r.status !== 'open';
  await tx.execute(sql`insert into data_request (id, subject_id, requested_by, requested_as, kind, details, path, status,
      due_at, response, handled_at)
    values (${id}, ${r.subjectId}, ${r.requestedBy}, ${r.requestedAs}, ${r.kind}, ${r.details}, ${r.path}::ltree,
            ${r.status ?? 'open'}, now() + make_interval(days => ${r.dueDays}), ${r.response ?? null},
            ${done ? sql`now()` : sql`null`})`);
  return id;
}

export async function findRequest(tx: Tx, id: string): Promise<RequestRow | undefined> {
  const res = await tx.execute<RequestRow>(sql`${SELECT} where r.id = ${id}`);
  return res.rows[0];
}

/** Requests made by or about a person. */
export async function listRequestsOf(tx: Tx, personId: string): Promise<RequestRow[]> {
  const res = await tx.execute<RequestRow>(sql`${SELECT}
    where r.requested_by = ${personId} or r.subject_id = ${personId} order by r.created_at desc limit 200`);
  return res.rows;
}

/** Requests the handler's scope holds: open ones first, the most overdue first. */
export async function listRequestsUnder(
  tx: Tx,
  scope: Scope,
  status: TRequestStatus | null,
): Promise<RequestRow[]> {
  const st = status ? sql` and r.status = ${status}` : sql``;
  const res = await tx.execute<RequestRow>(sql`${SELECT} where ${inScope(scope, sql`r.path`)}${st}
    order by (r.status = 'open') desc, r.due_at, r.created_at desc limit 500`);
  return res.rows;
}

/** Closes an open request; false when it was not open any more. */
export async function closeRequest(
  tx: Tx,
  id: string,
  c: { status: 'done' | 'refused'; response: string; handledBy: string },
): Promise<boolean> {
  const res = await tx.execute(sql`update data_request set status = ${c.status}, response = ${c.response},
      handled_by = ${c.handledBy}, handled_at = now()
    where id = ${id} and status = 'open'`);
  return (res.rowCount ?? 0) > 0;
}
