import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import type { TPostKind, TSpaceKind } from './spaces.schema.ts';

export type PostRow = {
  id: string;
  kind: TPostKind;
  title: string;
  body: string;
  createdAt: string;
  authorId: string;
  authorName: string;
  /** The author is a student (their name may be shortened for other learners). */
  authorLearner: boolean;
  likes: number;
  liked: boolean;
  reads: number;
  readByMe: boolean;
  files: { id: string; fileName: string; mime: string; size: number }[];
  comments: {
    id: string;
    body: string;
    createdAt: string;
    authorId: string;
    authorName: string;
    authorLearner: boolean;
  }[];
};

/**
 * Who a notice of a space goes to, as a query with a column `id`: a class's students and their
 * parents, a school's teachers, a studio's members.
 */
export function noticeRecipients(space: { id: string; kind: TSpaceKind }): SQL {
  if (space.kind === 'class')
    return sql`with kids as (
        select s.person_id as id from student s where s.class_id = ${space.id} and s.status = 'enrolled'
        union select m.student_id from teaching_class_member m where m.teaching_class_id = ${space.id})
      select id from kids union select g.parent_id from guardian g join kids on kids.id = g.student_id`;
  if (space.kind === 'school')
    return sql`select t.person_id as id from teacher t where t.school_id = ${space.id} and t.status = 'active'`;
  return sql`select m.person_id as id from studio_member m where m.studio_id = ${space.id}`;
}

/** The recipients of a space's notices other than `except`, as a query with a column `id`. */
export const noticeRecipientsExcept = (space: { id: string; kind: TSpaceKind }, except: string): SQL =>
  sql`select r.id from (${noticeRecipients(space)}) r where r.id <> ${except}`;

export async function countNoticeRecipients(
  tx: Tx,
  space: { id: string; kind: TSpaceKind },
): Promise<number> {
  const res = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from (${noticeRecipients(space)}) r`,
  );
  return res.rows[0]!.n;
}

/**
 * Posts of a space, newest first, with their files, the latest 100 comments and the viewer's likes
 * and reads; `limit` rows from before `before`.
 */
export async function listPosts(
  tx: Tx,
  spaceId: string,
  viewerId: string,
  q: { kind?: TPostKind; before?: string; limit: number },
): Promise<PostRow[]> {
  const me = viewerId;
  const rows = await tx.execute<PostRow>(sql`
    select p.id, p.kind, p.title, p.body, p.created_at as "createdAt", p.author_id as "authorId",
           a.name as "authorName", a.learner as "authorLearner",
           (select count(*)::int from space_like l where l.post_id = p.id) as likes,
           exists (select 1 from space_like l where l.post_id = p.id and l.person_id = ${me}) as liked,
           (select count(*)::int from space_notice_read r where r.post_id = p.id) as reads,
           exists (select 1 from space_notice_read r where r.post_id = p.id and r.person_id = ${me}) as "readByMe",
           coalesce((select json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'mime', f.mime, 'size', f.size)
                                     order by f.created_at) from space_post_file f where f.post_id = p.id), '[]') as files,
           coalesce((select json_agg(c order by c."createdAt") from (
              select c.id, c.body, c.created_at as "createdAt", c.author_id as "authorId", ca.name as "authorName",
                     ca.learner as "authorLearner"
                from space_comment c join person_directory ca on ca.id = c.author_id
               where c.post_id = p.id order by c.created_at limit 100) c), '[]') as comments
      from space_post p join person_directory a on a.id = p.author_id
     where p.space_id = ${spaceId}
       and (${q.kind ?? null}::text is null or p.kind = ${q.kind ?? null})
       and (${q.before ?? null}::timestamptz is null or p.created_at < ${q.before ?? null}::timestamptz)
     order by p.created_at desc limit ${q.limit}`);
  return rows.rows;
}

export async function insertPost(
  tx: Tx,
  p: {
    id: string;
    spaceId: string;
    spaceKind: TSpaceKind;
    spacePath: string;
    authorId: string;
    kind: TPostKind;
    title: string;
    body: string;
  },
): Promise<void> {
  await tx.execute(sql`insert into space_post (id, space_id, space_kind, space_path, author_id, kind, title, body)
    values (${p.id}, ${p.spaceId}, ${p.spaceKind}, ${p.spacePath}::ltree, ${p.authorId}, ${p.kind}, ${p.title}, ${p.body})`);
}

export async function findPost(tx: Tx, postId: string) {
  const res = await tx.execute<{ spaceId: string; authorId: string; kind: TPostKind }>(sql`
    select space_id as "spaceId", author_id as "authorId", kind from space_post where id = ${postId}`);
  return res.rows[0];
}

/** Deletes a post (its files, comments, likes and reads go with it); returns its files' storage keys. */
export async function deletePost(tx: Tx, postId: string): Promise<string[]> {
  const files = await tx.execute<{ storageKey: string }>(sql`
    select storage_key as "storageKey" from space_post_file where post_id = ${postId}`);
  await tx.execute(sql`delete from space_post where id = ${postId}`);
  return files.rows.map((f) => f.storageKey);
}

export async function insertComment(
  tx: Tx,
  c: { id: string; postId: string; authorId: string; body: string },
): Promise<void> {
  await tx.execute(sql`insert into space_comment (id, post_id, author_id, body)
    values (${c.id}, ${c.postId}, ${c.authorId}, ${c.body})`);
}

/** The author of a comment on this post; undefined when there is no such comment there. */
export async function findCommentAuthor(
  tx: Tx,
  postId: string,
  commentId: string,
): Promise<string | undefined> {
  const res = await tx.execute<{ authorId: string }>(sql`
    select author_id as "authorId" from space_comment where id = ${commentId} and post_id = ${postId}`);
  return res.rows[0]?.authorId;
}

export async function deleteComment(tx: Tx, commentId: string): Promise<void> {
  await tx.execute(sql`delete from space_comment where id = ${commentId}`);
}

/** Likes a post or takes the like back; false when that was already so. */
export async function setLike(tx: Tx, postId: string, personId: string, liked: boolean): Promise<boolean> {
  const res = liked
    ? await tx.execute(
        sql`insert into space_like (post_id, person_id) values (${postId}, ${personId}) on conflict do nothing`,
      )
    : await tx.execute(sql`delete from space_like where post_id = ${postId} and person_id = ${personId}`);
  return (res.rowCount ?? 0) > 0;
}

export async function countLikes(tx: Tx, postId: string): Promise<number> {
  const n = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from space_like where post_id = ${postId}`,
  );
  return n.rows[0]!.n;
}

/** Records that a person read a notice; false when they had already. */
export async function insertNoticeRead(tx: Tx, postId: string, personId: string): Promise<boolean> {
  const res = await tx.execute(sql`insert into space_notice_read (post_id, person_id)
    values (${postId}, ${personId}) on conflict do nothing`);
  return (res.rowCount ?? 0) > 0;
}

export async function countPostFiles(tx: Tx, postId: string): Promise<number> {
  const count = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from space_post_file where post_id = ${postId}`);
  return count.rows[0]!.n;
}

export async function insertPostFile(
  tx: Tx,
  f: {
    id: string;
    postId: string;
    storageKey: string;
    fileName: string;
    mime: string;
    size: number;
    sha256: string;
  },
): Promise<void> {
  await tx.execute(sql`insert into space_post_file (id, post_id, storage_key, file_name, mime, size, sha256)
      values (${f.id}, ${f.postId}, ${f.storageKey}, ${f.fileName}, ${f.mime}, ${f.size}, ${f.sha256})`);
}

export async function findPostFile(tx: Tx, postId: string, fileId: string) {
  const res = await tx.execute<{ storageKey: string; fileName: string; mime: string; size: number }>(sql`
    select storage_key as "storageKey", file_name as "fileName", mime, size
      from space_post_file where id = ${fileId} and post_id = ${postId}`);
  return res.rows[0];
}
