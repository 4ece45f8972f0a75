import { sql } from 'drizzle-orm';
import { newId } from '../../platform/db/types.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { notifyEach } from '../notifications/notifications.service.ts';
import { shownName } from '../resources/learner-names.ts';
import { loadSpace, type Space } from './space-access.ts';
import { recordUse } from './space-use.ts';
import type { TPostKind } from './spaces.schema.ts';

export interface PostInput {
  kind: TPostKind;
  title?: string;
  body: string;
}

type PostRow = {
  id: string;
  kind: TPostKind;
  title: string;
  body: string;
  createdAt: string;
  authorId: string;
  authorName: string;
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

/** Who a notice goes to: a class's students and their parents, a school's teachers, a studio's members. */
function recipients(space: Space) {
  if (space.kind === 'class')
    return sql`with kids as (
        select s.person_id as id from student s where s.class_id = ${space.id} and s.status = 'enrolled'
        union select m.student_id from teaching_class_member m where m.teaching_class_id = ${space.id})
      select id from kids union select g.parent_id from guardian g join kids on kids.id = g.student_id`;
  if (space.kind === 'school')
    return sql`select t.person_id as id from teacher t where t.school_id = ${space.id} and t.status = 'active'`;
  return sql`select m.person_id as id from studio_member m where m.studio_id = ${space.id}`;
}

/** The space's feed, newest first, `limit` at a time (`before` = the last post's time). */
export async function listPosts(
  ctx: Ctx,
  spaceId: string,
  q: { kind?: TPostKind; before?: string; limit: number },
) {
  const space = await loadSpace(ctx, spaceId);
  const me = ctx.actor.personId;
  const rows = await ctx.db.execute<PostRow>(sql`
    select p.id, p.kind, p.title, p.body, p.created_at as "createdAt", p.author_id as "authorId",
           a.name as "authorName", exists (select 1 from student s where s.person_id = p.author_id) as "authorLearner",
           (select count(*)::int from space_like l where l.post_id = p.id) as likes,
           exists (select 1 from space_like l where l.post_id = p.id and l.person_id = ${me}) as liked,
           (select count(*)::int from space_notice_read r where r.post_id = p.id) as reads,
           exists (select 1 from space_notice_read r where r.post_id = p.id and r.person_id = ${me}) as "readByMe",
           coalesce((select json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'mime', f.mime, 'size', f.size)
                                     order by f.created_at) from space_post_file f where f.post_id = p.id), '[]') as files,
           coalesce((select json_agg(c order by c."createdAt") from (
              select c.id, c.body, c.created_at as "createdAt", c.author_id as "authorId", ca.name as "authorName",
                     exists (select 1 from student s where s.person_id = c.author_id) as "authorLearner"
                from space_comment c join person ca on ca.id = c.author_id
               where c.post_id = p.id order by c.created_at limit 100) c), '[]') as comments
      from space_post p join person a on a.id = p.author_id
     where p.space_id = ${spaceId}
       and (${q.kind ?? null}::text is null or p.kind = ${q.kind ?? null})
       and (${q.before ?? null}::timestamptz is null or p.created_at < ${q.before ?? null}::timestamptz)
     order by p.created_at desc limit ${q.limit + 1}`);
  const recipientCount = space.canNotice
    ? (await ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from (${recipients(space)}) r`))
        .rows[0]!.n
    : null;
  const name = (n: string, id: string, learner: boolean) => shownName(ctx, n, !learner, id === me);
  const items = rows.rows
    .slice(0, q.limit)
    .map(({ authorId, authorName, authorLearner, comments, reads, ...p }) => ({
      ...p,
      authorName: name(authorName, authorId, authorLearner),
      mine: authorId === me,
      canDelete: authorId === me || space.canModerate,
      // Read counts are the notice author's business (已读 x / y).
      reads: p.kind === 'notice' && recipientCount !== null ? reads : null,
      recipients: p.kind === 'notice' ? recipientCount : null,
      comments: comments.map(({ authorId: a, authorName: n, authorLearner: l, ...c }) => ({
        ...c,
        authorName: name(n, a, l),
        canDelete: a === me || space.canModerate,
      })),
    }));
  return { items, more: rows.rows.length > q.limit };
}

export async function createPost(ctx: Ctx, spaceId: string, input: PostInput) {
  const space = await loadSpace(ctx, spaceId);
  if (input.kind === 'notice' && !space.canNotice)
    throw forbidden(space.kind === 'class' ? '只有班主任可以发布班级通知' : '无权在此空间发布通知');
  if (input.kind === 'work' && !space.canAddWork) throw forbidden('作品只能放进自己的空间');
  if (input.kind === 'post' && !space.canPost) throw forbidden('无权在此空间发帖');
  const title = input.title?.trim() ?? '';
  if (input.kind !== 'post' && !title)
    throw badRequest(input.kind === 'notice' ? '通知需要标题' : '作品需要标题');
  const id = newId();
  await ctx.db.execute(sql`insert into space_post (id, space_id, space_kind, space_path, author_id, kind, title, body)
    values (${id}, ${spaceId}, ${space.kind}, ${space.path}::ltree, ${ctx.actor.personId}, ${input.kind}, ${title}, ${input.body})`);
  let notified = 0;
  if (input.kind === 'notice') {
    notified = await notifyEach(
      ctx.db,
      sql`select r.id from (${recipients(space)}) r where r.id <> ${ctx.actor.personId}`,
      {
        kind: 'space.notice',
        title: `${space.name}：${title}`,
        body: input.body,
        link: `/spaces/${spaceId}?tab=notice`,
      },
    );
  }
  await recordUse(ctx.db, ctx.actor.personId);
  await ctx.audit({
    action: input.kind === 'notice' ? 'space.notice.create' : 'space.post.create',
    targetType: 'space_post',
    targetId: id,
    orgPath: space.path,
    details: { space: spaceId, spaceKind: space.kind, kind: input.kind, notified },
  });
  return { id, notified };
}

/** The post with its space, for actions on one post (the guard has checked the space is visible). */
export async function postWithSpace(ctx: Ctx, postId: string) {
  const res = await ctx.db.execute<{ spaceId: string; authorId: string; kind: TPostKind }>(sql`
    select space_id as "spaceId", author_id as "authorId", kind from space_post where id = ${postId}`);
  const post = res.rows[0];
  if (!post) throw notFound('帖子');
  return { post, space: await loadSpace(ctx, post.spaceId) };
}

export async function deletePost(ctx: Ctx, postId: string) {
  const { post, space } = await postWithSpace(ctx, postId);
  if (post.authorId !== ctx.actor.personId && !space.canModerate) throw forbidden('只能删除自己的帖子');
  const files = await ctx.db.execute<{ storageKey: string }>(sql`
    select storage_key as "storageKey" from space_post_file where post_id = ${postId}`);
  await ctx.db.execute(sql`delete from space_post where id = ${postId}`);
  await ctx.audit({
    action: 'space.post.delete',
    targetType: 'space_post',
    targetId: postId,
    orgPath: space.path,
    details: { space: space.id, byModerator: post.authorId !== ctx.actor.personId },
  });
  return { ok: true as const, storageKeys: files.rows.map((f) => f.storageKey) };
}

export async function addComment(ctx: Ctx, postId: string, body: string) {
  const { space } = await postWithSpace(ctx, postId);
  if (!space.canComment) throw forbidden(ctx.actor.role === 'parent' ? '家长只能查看班级空间' : '无权评论');
  const id = newId();
  await ctx.db.execute(sql`insert into space_comment (id, post_id, author_id, body)
    values (${id}, ${postId}, ${ctx.actor.personId}, ${body})`);
  await recordUse(ctx.db, ctx.actor.personId);
  await ctx.audit({
    action: 'space.comment.create',
    targetType: 'space_post',
    targetId: postId,
    orgPath: space.path,
    details: { comment: id },
  });
  return { id };
}

export async function deleteComment(ctx: Ctx, postId: string, commentId: string) {
  const { space } = await postWithSpace(ctx, postId);
  const res = await ctx.db.execute<{ authorId: string }>(sql`
    select author_id as "authorId" from space_comment where id = ${commentId} and post_id = ${postId}`);
  const c = res.rows[0];
  if (!c) throw notFound('评论');
  if (c.authorId !== ctx.actor.personId && !space.canModerate) throw forbidden('只能删除自己的评论');
  await ctx.db.execute(sql`delete from space_comment where id = ${commentId}`);
  await ctx.audit({
    action: 'space.comment.delete',
    targetType: 'space_post',
    targetId: postId,
    orgPath: space.path,
    details: { comment: commentId },
  });
  return { ok: true as const };
}

/** Likes (点赞) or takes the like back; repeating either is harmless. */
export async function setLike(ctx: Ctx, postId: string, liked: boolean) {
  const { space } = await postWithSpace(ctx, postId);
  if (!space.canLike) throw forbidden('无权点赞');
  const me = ctx.actor.personId;
  const res = liked
    ? await ctx.db.execute(
        sql`insert into space_like (post_id, person_id) values (${postId}, ${me}) on conflict do nothing`,
      )
    : await ctx.db.execute(sql`delete from space_like where post_id = ${postId} and person_id = ${me}`);
  if ((res.rowCount ?? 0) > 0) {
    if (liked) await recordUse(ctx.db, me);
    await ctx.audit({
      action: liked ? 'space.like' : 'space.unlike',
      targetType: 'space_post',
      targetId: postId,
      orgPath: space.path,
    });
  }
  const n = await ctx.db.execute<{ n: number }>(
    sql`select count(*)::int as n from space_like where post_id = ${postId}`,
  );
  return { liked, likes: n.rows[0]!.n };
}

/** A recipient confirms having read a notice (家长已读). */
export async function markNoticeRead(ctx: Ctx, postId: string) {
  const { post, space } = await postWithSpace(ctx, postId);
  if (post.kind !== 'notice') throw badRequest('只有通知需要确认已读');
  const res = await ctx.db.execute(sql`insert into space_notice_read (post_id, person_id)
    values (${postId}, ${ctx.actor.personId}) on conflict do nothing`);
  if ((res.rowCount ?? 0) > 0)
    await ctx.audit({
      action: 'space.notice.read',
      targetType: 'space_post',
      targetId: postId,
      orgPath: space.path,
    });
  return { ok: true as const };
}
