import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { TFileRole, TResourceKind, TResourceStatus } from './resources.schema.ts';

export type ResourceRow = {
  id: string;
  kind: TResourceKind;
  title: string;
  description: string;
  tags: string[];
  subjectCode: string | null;
  gradeCode: string | null;
  term: number | null;
  editionId: string | null;
  lessonId: string | null;
  themeCode: string | null;
  provider: string | null;
  license: string | null;
  analysis: string | null;
  exercises: string | null;
  authorId: string;
  authorName: string;
  unitName: string;
  path: string;
  status: TResourceStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

const COLUMNS = sql`r.id, r.kind, r.title, r.description, r.tags, r.subject_code as "subjectCode",
  r.grade_code as "gradeCode", r.term, r.edition_id as "editionId", r.lesson_id as "lessonId",
  r.theme_code as "themeCode", r.provider, r.license, r.analysis, r.exercises, r.author_id as "authorId", p.name as "authorName",
  coalesce(s.name, u.name, '') as "unitName", r.path::text as path, r.status,
  r.published_at as "publishedAt", r.created_at as "createdAt", r.updated_at as "updatedAt"`;

const FROM = sql`resource r join person p on p.id = r.author_id
  left join org_unit s on s.id = r.school_id
  left join org_unit u on u.path = r.path`;

export async function findResource(tx: Tx, id: string): Promise<ResourceRow | undefined> {
  const res = await tx.execute<ResourceRow>(sql`select ${COLUMNS} from ${FROM} where r.id = ${id}`);
  return res.rows[0];
}

export interface ResourceFilter {
  visible: SQL;
  kind?: TResourceKind;
  subjectCode?: string;
  gradeCode?: string;
  lessonId?: string;
  knowledgePointId?: string;
  themeCode?: string;
  status?: TResourceStatus;
  authorId?: string;
  limit: number;
  offset: number;
}

export async function listResources(tx: Tx, f: ResourceFilter) {
  const where = sql.join(
    [
      f.visible,
      f.kind ? sql`r.kind = ${f.kind}` : undefined,
      f.subjectCode ? sql`r.subject_code = ${f.subjectCode}` : undefined,
      f.gradeCode ? sql`r.grade_code = ${f.gradeCode}` : undefined,
      f.lessonId ? sql`r.lesson_id = ${f.lessonId}` : undefined,
      f.themeCode ? sql`r.theme_code = ${f.themeCode}` : undefined,
      f.status ? sql`r.status = ${f.status}` : undefined,
      f.authorId ? sql`r.author_id = ${f.authorId}` : undefined,
      f.knowledgePointId
        ? sql`exists (select 1 from resource_knowledge_point k where k.resource_id = r.id and k.knowledge_point_id = ${f.knowledgePointId})`
        : undefined,
    ].filter((x): x is SQL => x !== undefined),
    sql` and `,
  );
  const res = await tx.execute<ResourceRow & { total: number; cover: string | null }>(sql`
    select ${COLUMNS}, count(*) over ()::int as total,
           (select f.id from resource_file f where f.resource_id = r.id and f.role = 'cover' limit 1) as cover
      from ${FROM} where ${where}
     order by coalesce(r.published_at, r.updated_at) desc, r.id
     limit ${f.limit} offset ${f.offset}`);
  return { total: res.rows[0]?.total ?? 0, items: res.rows.map(({ total: _t, ...r }) => r) };
}

export type FileRow = {
  id: string;
  role: TFileRole;
  fileName: string;
  mime: string;
  size: number;
  storageKey: string;
  createdAt: string;
};

export async function listFiles(tx: Tx, resourceId: string): Promise<FileRow[]> {
  const res = await tx.execute<FileRow>(sql`
    select id, role, file_name as "fileName", mime, size::float8 as size, storage_key as "storageKey",
           created_at as "createdAt"
      from resource_file where resource_id = ${resourceId} order by role, created_at`);
  return res.rows;
}

export async function listPoints(tx: Tx, resourceId: string) {
  const res = await tx.execute<{ id: string; code: string; name: string }>(sql`
    select k.id, k.code, k.name from resource_knowledge_point rk join knowledge_point k on k.id = rk.knowledge_point_id
     where rk.resource_id = ${resourceId} order by k.code`);
  return res.rows;
}

export async function findLessonPlace(tx: Tx, lessonId: string) {
  const res = await tx.execute<{
    id: string;
    title: string;
    unitTitle: string;
    volumeTitle: string;
    subjectCode: string;
    gradeCode: string;
    term: number;
    editionId: string;
    edition: string;
  }>(sql`
    select l.id, l.title, u.title as "unitTitle", v.title as "volumeTitle", e.subject_code as "subjectCode",
           l.grade_code as "gradeCode", l.term, e.id as "editionId", e.name as edition
      from curriculum_node l join curriculum_node u on u.id = l.parent_id join curriculum_node v on v.id = u.parent_id
      join textbook_edition e on e.id = l.edition_id
     where l.id = ${lessonId} and l.kind = 'lesson'`);
  return res.rows[0];
}

export async function setPoints(tx: Tx, resourceId: string, ids: string[]) {
  await tx.execute(sql`delete from resource_knowledge_point where resource_id = ${resourceId}`);
  if (ids.length > 0)
    await tx.execute(sql`insert into resource_knowledge_point (resource_id, knowledge_point_id)
      select ${resourceId}, unnest(string_to_array(${ids.join(',')}, ',')::uuid[])`);
}

/** Whether other rows still point at a stored object (demo media are shared between resources). */
export async function keyInUse(tx: Tx, key: string, exceptFileId: string): Promise<boolean> {
  const res = await tx.execute(
    sql`select 1 from resource_file where storage_key = ${key} and id <> ${exceptFileId} limit 1`,
  );
  return res.rows.length > 0;
}
