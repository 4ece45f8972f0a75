import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Viewer } from '../../platform/scope/registry.ts';
import { textArray } from '../../platform/scope/scope.ts';
import type { TPaperSectionHead, TPaperStatus } from './bank.schema.ts';
import { blueprintVisible, paperVisible } from './bank.scope.ts';
import type { BlueprintSpec } from './blueprint-model.ts';
import type { PaperDocument } from './paper-model.ts';

/** A paper's header: what the teacher sets beside its items. */
export type PaperHeader = {
  title: string;
  subtitle: string | null;
  subjectCode: string;
  gradeCode: string;
  minutes: number;
  navigation: 'free' | 'forward_only';
};

export type PaperRow = PaperHeader & {
  id: string;
  status: TPaperStatus;
  sections: TPaperSectionHead[];
  totalScore: number;
  blueprintId: string | null;
  assembly: Record<string, unknown> | null;
  formGroup: string | null;
  form: string | null;
  document: PaperDocument | null;
  ownerId: string;
  ownerName: string;
  path: string;
  finalisedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

const PAPER_COLUMNS = sql`p.id, p.title, p.subtitle, p.subject_code as "subjectCode", p.grade_code as "gradeCode",
  p.minutes, p.navigation, p.status, p.sections, p.total_score as "totalScore", p.blueprint_id as "blueprintId",
  p.assembly, p.form_group as "formGroup", p.form, p.document, p.owner_id as "ownerId", d.name as "ownerName",
  p.path::text as path, p.finalised_at as "finalisedAt", p.created_at as "createdAt", p.updated_at as "updatedAt"`;

export async function findPaper(
  tx: Tx,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<PaperRow | undefined> {
  const res = await tx.execute<PaperRow>(sql`select ${PAPER_COLUMNS}
      from paper p join person_directory d on d.id = p.owner_id where p.id = ${id}
      ${opts.lock ? sql`for update of p` : sql``}`);
  return res.rows[0];
}

export type PaperSummary = Omit<PaperRow, 'document' | 'assembly' | 'sections' | 'path'> & { items: number };

export async function listPapers(
  tx: Tx,
  viewer: Viewer,
  q: { mine?: boolean; status?: TPaperStatus; limit: number; offset: number },
): Promise<{ total: number; items: PaperSummary[] }> {
  const res = await tx.execute<{ total: number; items: PaperSummary[] | null }>(sql`
    with f as (
      select p.* from paper p
       where ${paperVisible(viewer, sql`p`)}
         ${q.mine ? sql`and p.owner_id = ${viewer.actor.personId}` : sql``}
         ${q.status ? sql`and p.status = ${q.status}` : sql``}
    )
    select (select count(*)::int from f) as total,
           (select json_agg(x order by x."updatedAt" desc) from (
              select p.id, p.title, p.subtitle, p.subject_code as "subjectCode", p.grade_code as "gradeCode",
                     p.minutes, p.navigation, p.status, p.total_score as "totalScore", p.blueprint_id as "blueprintId",
                     p.form_group as "formGroup", p.form, p.owner_id as "ownerId", d.name as "ownerName",
                     p.finalised_at as "finalisedAt", p.created_at as "createdAt", p.updated_at as "updatedAt",
                     (select count(*)::int from paper_item pi where pi.paper_id = p.id) as items
                from f p join person_directory d on d.id = p.owner_id
               order by p.updated_at desc, p.id limit ${q.limit} offset ${q.offset}) x) as items`);
  const row = res.rows[0]!;
  return { total: row.total, items: row.items ?? [] };
}

export async function insertPaper(
  tx: Tx,
  p: PaperHeader & {
    id: string;
    sections: TPaperSectionHead[];
    totalScore: number;
    ownerId: string;
    path: string;
    districtId: string | null;
    schoolId: string | null;
    blueprintId?: string | null;
    assembly?: Record<string, unknown> | null;
    formGroup?: string | null;
    form?: string | null;
  },
): Promise<void> {
  await tx.execute(sql`
    insert into paper (id, title, subtitle, subject_code, grade_code, minutes, navigation, sections, total_score,
                       blueprint_id, assembly, form_group, form, owner_id, path, district_id, school_id)
    values (${p.id}, ${p.title}, ${p.subtitle}, ${p.subjectCode}, ${p.gradeCode}, ${p.minutes}, ${p.navigation},
            ${JSON.stringify(p.sections)}::jsonb, ${p.totalScore}, ${p.blueprintId ?? null},
            ${p.assembly ? JSON.stringify(p.assembly) : null}::jsonb, ${p.formGroup ?? null}, ${p.form ?? null},
            ${p.ownerId}, ${p.path}::ltree, ${p.districtId}, ${p.schoolId})`);
}

export async function updatePaperHeader(
  tx: Tx,
  id: string,
  p: PaperHeader & { sections: TPaperSectionHead[]; totalScore: number },
): Promise<void> {
  await tx.execute(sql`update paper set title = ${p.title}, subtitle = ${p.subtitle}, subject_code = ${p.subjectCode},
      grade_code = ${p.gradeCode}, minutes = ${p.minutes}, navigation = ${p.navigation},
      sections = ${JSON.stringify(p.sections)}::jsonb, total_score = ${p.totalScore}, updated_at = now()
    where id = ${id}`);
}

/** One item of a paper's layout: in section `section` at `position` (0, 1, … across the paper). */
export type PaperSlot = { position: number; itemId: string; section: number; score: number };

export async function listSlots(tx: Tx, paperId: string): Promise<PaperSlot[]> {
  const res = await tx.execute<PaperSlot>(sql`
    select position, item_id as "itemId", section, score from paper_item where paper_id = ${paperId} order by position`);
  return res.rows;
}

export async function replaceSlots(tx: Tx, paperId: string, slots: PaperSlot[]): Promise<void> {
  await tx.execute(sql`delete from paper_item where paper_id = ${paperId}`);
  if (slots.length === 0) return;
  await tx.execute(sql`insert into paper_item (paper_id, position, item_id, section, score)
    select ${paperId}, x.position, x.item_id, x.section, x.score
      from jsonb_to_recordset(${JSON.stringify(slots.map((s) => ({ position: s.position, item_id: s.itemId, section: s.section, score: s.score })))}::jsonb)
        as x(position smallint, item_id uuid, section smallint, score real)`);
}

/** Finalises a paper: its document written once, its items' exposure counted. */
export async function finalise(
  tx: Tx,
  id: string,
  document: PaperDocument,
  itemIds: string[],
): Promise<void> {
  await tx.execute(sql`update paper set status = 'final', document = ${JSON.stringify(document)}::jsonb,
      total_score = ${document.totalScore}, finalised_at = now(), updated_at = now() where id = ${id}`);
  await tx.execute(sql`update item set exposure = exposure + 1, last_used_at = now()
    where id = any(${textArray(itemIds, 'uuid')})`);
}

export async function deletePaper(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`delete from paper where id = ${id}`);
}

export type BlueprintRow = {
  id: string;
  name: string;
  subjectCode: string;
  gradeCode: string;
  spec: BlueprintSpec;
  ownerId: string;
  ownerName: string;
  shared: boolean;
  createdAt: string;
  updatedAt: string;
};

const BLUEPRINT_COLUMNS = sql`b.id, b.name, b.subject_code as "subjectCode", b.grade_code as "gradeCode", b.spec,
  b.owner_id as "ownerId", d.name as "ownerName", b.shared, b.created_at as "createdAt", b.updated_at as "updatedAt"`;

export async function findBlueprint(tx: Tx, id: string): Promise<BlueprintRow | undefined> {
  const res = await tx.execute<BlueprintRow>(sql`select ${BLUEPRINT_COLUMNS}
      from blueprint b join person_directory d on d.id = b.owner_id where b.id = ${id}`);
  return res.rows[0];
}

export async function listBlueprints(
  tx: Tx,
  viewer: Viewer,
  q: { subjectCode?: string; gradeCode?: string },
): Promise<BlueprintRow[]> {
  const res = await tx.execute<BlueprintRow>(sql`select ${BLUEPRINT_COLUMNS}
      from blueprint b join person_directory d on d.id = b.owner_id
     where ${blueprintVisible(viewer, sql`b`)}
       ${q.subjectCode ? sql`and b.subject_code = ${q.subjectCode}` : sql``}
       ${q.gradeCode ? sql`and b.grade_code = ${q.gradeCode}` : sql``}
     order by (b.owner_id = ${viewer.actor.personId}) desc, b.updated_at desc limit 200`);
  return res.rows;
}

export async function insertBlueprint(
  tx: Tx,
  b: Pick<BlueprintRow, 'id' | 'name' | 'subjectCode' | 'gradeCode' | 'spec' | 'ownerId' | 'shared'> & {
    path: string;
  },
): Promise<void> {
  await tx.execute(sql`insert into blueprint (id, name, subject_code, grade_code, spec, owner_id, path, shared)
    values (${b.id}, ${b.name}, ${b.subjectCode}, ${b.gradeCode}, ${JSON.stringify(b.spec)}::jsonb, ${b.ownerId},
            ${b.path}::ltree, ${b.shared})`);
}

export async function updateBlueprint(
  tx: Tx,
  id: string,
  b: Pick<BlueprintRow, 'name' | 'subjectCode' | 'gradeCode' | 'spec' | 'shared'>,
): Promise<void> {
  await tx.execute(sql`update blueprint set name = ${b.name}, subject_code = ${b.subjectCode},
      grade_code = ${b.gradeCode}, spec = ${JSON.stringify(b.spec)}::jsonb, shared = ${b.shared}, updated_at = now()
    where id = ${id}`);
}

/** Deletes a blueprint; papers assembled from it keep their figures and forget the link (the key's `set null`). */
export async function deleteBlueprint(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`delete from blueprint where id = ${id}`);
}
