import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { newId } from '../../platform/db/types.ts';
import { inScope, type Scope } from '../../platform/scope/scope.ts';
import type { TExportStatus, TImportKind } from './roster-import.schema.ts';

export type ExportRequestRow = {
  id: string;
  kind: TImportKind;
  orgUnitId: string;
  unitName: string;
  path: string;
  persons: number;
  reason: string;
  requestedBy: string;
  requesterName: string;
  requesterRole: string;
  status: TExportStatus;
  decidedBy: string | null;
  deciderName: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
  fetchedAt: string | null;
  expiresAt: string | null;
  createdAt: string;
};

const SELECT = sql`
  select e.id, e.kind, e.org_unit_id as "orgUnitId", u.name as "unitName", e.path::text as path, e.persons,
         e.reason, e.requested_by as "requestedBy", rp.name as "requesterName", e.requester_role as "requesterRole",
         case when e.status = 'approved' and e.expires_at < now() then 'expired' else e.status end as status,
         e.decided_by as "decidedBy", dp.name as "deciderName", e.decision_note as "decisionNote",
         e.decided_at::text as "decidedAt", e.fetched_at::text as "fetchedAt", e.expires_at::text as "expiresAt",
         e.created_at::text as "createdAt"
    from export_request e join org_unit u on u.id = e.org_unit_id join person_directory rp on rp.id = e.requested_by
    left join person_directory dp on dp.id = e.decided_by`;

export async function insertExportRequest(
  tx: Tx,
  r: {
    kind: TImportKind;
    orgUnitId: string;
    path: string;
    persons: number;
    reason: string;
    requestedBy: string;
    requesterRole: string;
  },
): Promise<string> {
  const id = newId();
  await tx.execute(sql`insert into export_request (id, kind, org_unit_id, path, persons, reason, requested_by, requester_role)
    values (${id}, ${r.kind}, ${r.orgUnitId}, ${r.path}::ltree, ${r.persons}, ${r.reason}, ${r.requestedBy}, ${r.requesterRole})`);
  return id;
}

export async function findExportRequest(tx: Tx, id: string): Promise<ExportRequestRow | undefined> {
  const res = await tx.execute<ExportRequestRow>(sql`${SELECT} where e.id = ${id}`);
  return res.rows[0];
}

/** The actor's own requests, and the pending ones of others whose unit lies in the scope. */
export async function listExportRequests(
  tx: Tx,
  personId: string,
  scope: Scope,
): Promise<ExportRequestRow[]> {
  const res = await tx.execute<ExportRequestRow>(sql`${SELECT}
    where e.requested_by = ${personId}
       or (e.status = 'pending' and e.requested_by <> ${personId} and ${inScope(scope, sql`e.path`)})
    order by (e.status = 'pending') desc, e.created_at desc limit 200`);
  return res.rows;
}

/** Records a decision on a pending request; false when it was decided before. */
export async function decideExportRequest(
  tx: Tx,
  id: string,
  d: {
    approved: boolean;
    decidedBy: string;
    note: string;
    fileName?: string;
    fileEnc?: Buffer;
    keepDays: number;
  },
): Promise<boolean> {
  const res = await tx.execute(sql`update export_request set status = ${d.approved ? 'approved' : 'rejected'},
      decided_by = ${d.decidedBy}, decision_note = ${d.note}, decided_at = now(),
      file_name = ${d.fileName ?? null}, file_enc = ${d.fileEnc ?? null},
      expires_at = ${d.approved ? sql`now() + make_interval(days => ${d.keepDays})` : sql`null`}
    where id = ${id} and status = 'pending'`);
  return (res.rowCount ?? 0) > 0;
}

/** Takes the approved file out, once: the row keeps only that it was fetched. */
export async function takeExportFile(
  tx: Tx,
  id: string,
  requestedBy: string,
): Promise<{ fileName: string; fileEnc: Buffer } | undefined> {
  const res = await tx.execute<{ fileName: string; fileEnc: Buffer }>(sql`
    update export_request e set status = 'fetched', fetched_at = now(), file_enc = null
      from (select id, file_name, file_enc from export_request where id = ${id} for update) old
     where e.id = old.id and e.requested_by = ${requestedBy} and e.status = 'approved' and e.expires_at > now()
    returning old.file_name as "fileName", old.file_enc as "fileEnc"`);
  return res.rows[0];
}

/** Approved files nobody fetched in time are dropped (the retention job). */
export async function expireExportFiles(tx: Tx): Promise<number> {
  const res = await tx.execute(sql`update export_request set status = 'expired', file_enc = null
    where status = 'approved' and expires_at < now()`);
  return res.rowCount ?? 0;
}
