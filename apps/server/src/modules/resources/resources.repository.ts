import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { Viewer } from '../../platform/scope/registry.ts';
import type { TFileRole, TResourceKind, TResourceStatus } from './resources.schema.ts';
import { resourceVisible } from './resources.scope.ts';

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

const FROM = sql`resource r join person_directory p on p.id = r.author_id
  left join org_unit s on s.id = r.school_id
  left join org_unit u on u.path = r.path`;

export async function findResource(tx: Tx, id: string): Promise<ResourceRow | undefined> {
  const res = await tx.execute<ResourceRow>(sql`select ${COLUMNS} from ${FROM} where r.id = ${id}`);
  return res.rows[0];
}

/** What the use cases around a resource (questions, ratings, use) check before they act. */
export type ResourceHead = {
  id: string;
  title: string;
  status: TResourceStatus;
  authorId: string;
  subjectCode: string | null;
  path: string;
};

/** A resource's status, author and unit; `lock` holds the row until the transaction ends. */
export async function findResourceHead(
  tx: Tx,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<ResourceHead | undefined> {
  const res = await tx.execute<ResourceHead>(sql`
    select id, title, status, author_id as "authorId", subject_code as "subjectCode", path::text as path
      from resource where id = ${id}${opts.lock ? sql` for update` : sql``}`);
  return res.rows[0];
}

/** The catalogue and content fields an author sets. */
export type ResourceFields = Pick<
  ResourceRow,
  | 'title'
  | 'description'
  | 'tags'
  | 'subjectCode'
  | 'gradeCode'
  | 'term'
  | 'editionId'
  | 'lessonId'
  | 'themeCode'
  | 'provider'
  | 'license'
  | 'analysis'
  | 'exercises'
>;

/** Tags travel as one parameter joined by the unit separator, which no tag contains. */
const tagArray = (tags: string[]) => sql`string_to_array(${tags.join('\u001f')}, ${'\u001f'})`;

export async function insertResource(
  tx: Tx,
  r: ResourceFields & {
    id: string;
    kind: TResourceKind;
    authorId: string;
    path: string;
    districtId: string | null;
    schoolId: string | null;
  },
): Promise<void> {
  await tx.execute(sql`
    insert into resource (id, kind, title, description, tags, subject_code, grade_code, term, edition_id, lesson_id,
                          theme_code, provider, license, analysis, exercises, author_id, path, district_id, school_id)
    values (${r.id}, ${r.kind}, ${r.title}, ${r.description}, ${tagArray(r.tags)}, ${r.subjectCode}, ${r.gradeCode},
            ${r.term}, ${r.editionId}, ${r.lessonId}, ${r.themeCode}, ${r.provider},
            ${r.license}, ${r.analysis}, ${r.exercises}, ${r.authorId}, ${r.path}::ltree, ${r.districtId},
            ${r.schoolId})`);
}

export async function updateResource(tx: Tx, id: string, r: ResourceFields): Promise<void> {
  await tx.execute(sql`update resource set title = ${r.title}, description = ${r.description},
      tags = ${tagArray(r.tags)}, subject_code = ${r.subjectCode},
      grade_code = ${r.gradeCode}, term = ${r.term}, edition_id = ${r.editionId}, lesson_id = ${r.lessonId},
      theme_code = ${r.themeCode}, provider = ${r.provider}, license = ${r.license},
      analysis = ${r.analysis}, exercises = ${r.exercises}, updated_at = now()
    where id = ${id}`);
}

/** Marks a resource as changed (a file added or replaced). */
export async function touchResource(tx: Tx, id: string): Promise<void> {
  await tx.execute(sql`update resource set updated_at = now() where id = ${id}`);
}

/** How many of `ids` are active knowledge points (of the subject, when one is given). */
export async function countActivePoints(tx: Tx, ids: string[], subjectCode: string | null): Promise<number> {
  const found = await tx.execute<{ n: number }>(sql`select count(*)::int as n from knowledge_point
      where active and id = any(string_to_array(${ids.join(',')}, ',')::uuid[])
        and (${subjectCode}::text is null or subject_code = ${subjectCode})`);
  return found.rows[0]!.n;
}

export interface ResourceFilter {
  viewer: Viewer;
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
      resourceVisible(f.viewer.scope, f.viewer.actor, sql`r`),
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

export async function insertFile(
  tx: Tx,
  f: {
    id: string;
    resourceId: string;
    role: TFileRole;
    storageKey: string;
    fileName: string;
    mime: string;
    size: number;
    sha256: string;
  },
): Promise<void> {
  await tx.execute(sql`insert into resource_file (id, resource_id, role, storage_key, file_name, mime, size, sha256)
      values (${f.id}, ${f.resourceId}, ${f.role}, ${f.storageKey}, ${f.fileName}, ${f.mime}, ${f.size}, ${f.sha256})`);
}

export async function deleteFile(tx: Tx, fileId: string): Promise<void> {
  await tx.execute(sql`delete from resource_file where id = ${fileId}`);
}

/** Whether other rows still point at a stored object (demo media are shared between resources). */
export async function keyInUse(tx: Tx, key: string, exceptFileId: string): Promise<boolean> {
  const res = await tx.execute(
    sql`select 1 from resource_file where storage_key = ${key} and id <> ${exceptFileId} limit 1`,
  );
  return res.rows.length > 0;
}
