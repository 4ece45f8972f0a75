import { newId } from '../../platform/db/types.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { markReadByLink, notifyEach } from '../notifications/notifications.service.ts';
import { shownName } from '../resources/learner-names.ts';
import * as repo from './posts.repository.ts';
import { loadSpace } from './space-access.ts';
import { recordUse } from './spaces.repository.ts';
import type { TPostKind } from './spaces.schema.ts';

/** Where a notice's message leads: the space's notices, naming the notice (so confirming it reads the message). */
const noticeLink = (spaceId: string, postId: string) => `/spaces/${spaceId}?tab=notice&post=${postId}`;

export interface PostInput {
  kind: TPostKind;
  title?: string;
  body: string;
}

/** The space's feed, newest first, `limit` at a time (`before` = the last post's time). */
export async function listPosts(
  ctx: Ctx,
  spaceId: string,
  q: { kind?: TPostKind; before?: string; limit: number },
) {
  const space = await loadSpace(ctx, spaceId);
  const me = ctx.actor.personId;
  const rows = await repo.listPosts(ctx.db, spaceId, me, { ...q, limit: q.limit + 1 });
  const recipientCount = space.canNotice ? await repo.countNoticeRecipients(ctx.db, space) : null;
  const name = (n: string, id: string, learner: boolean) => shownName(ctx, n, !learner, id === me);
  const items = rows
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
  return { items, more: rows.length > q.limit };
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
  await repo.insertPost(ctx.db, {
    id,
    spaceId,
    spaceKind: space.kind,
    spacePath: space.path,
    authorId: ctx.actor.personId,
    kind: input.kind,
    title,
    body: input.body,
  });
  let notified = 0;
  if (input.kind === 'notice') {
    notified = await notifyEach(ctx.db, repo.noticeRecipientsExcept(space, ctx.actor.personId), {
      kind: 'space.notice',
      title: `${space.name}：${title}`,
      body: input.body,
      link: noticeLink(spaceId, id),
    });
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
  const post = await repo.findPost(ctx.db, postId);
  if (!post) throw notFound('帖子');
  return { post, space: await loadSpace(ctx, post.spaceId) };
}

export async function deletePost(ctx: Ctx, postId: string) {
  const { post, space } = await postWithSpace(ctx, postId);
  if (post.authorId !== ctx.actor.personId && !space.canModerate) throw forbidden('只能删除自己的帖子');
  const storageKeys = await repo.deletePost(ctx.db, postId);
  await ctx.audit({
    action: 'space.post.delete',
    targetType: 'space_post',
    targetId: postId,
    orgPath: space.path,
    details: { space: space.id, byModerator: post.authorId !== ctx.actor.personId },
  });
  return { ok: true as const, storageKeys };
}

export async function addComment(ctx: Ctx, postId: string, body: string) {
  const { space } = await postWithSpace(ctx, postId);
  if (!space.canComment) throw forbidden(ctx.actor.role === 'parent' ? '家长只能查看班级空间' : '无权评论');
  const id = newId();
  await repo.insertComment(ctx.db, { id, postId, authorId: ctx.actor.personId, body });
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
  const authorId = await repo.findCommentAuthor(ctx.db, postId, commentId);
  if (!authorId) throw notFound('评论');
  if (authorId !== ctx.actor.personId && !space.canModerate) throw forbidden('只能删除自己的评论');
  await repo.deleteComment(ctx.db, commentId);
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
  if (await repo.setLike(ctx.db, postId, me, liked)) {
    if (liked) await recordUse(ctx.db, me);
    await ctx.audit({
      action: liked ? 'space.like' : 'space.unlike',
      targetType: 'space_post',
      targetId: postId,
      orgPath: space.path,
    });
  }
  return { liked, likes: await repo.countLikes(ctx.db, postId) };
}

/** A recipient confirms having read a notice (家长已读). */
export async function markNoticeRead(ctx: Ctx, postId: string) {
  const { post, space } = await postWithSpace(ctx, postId);
  if (post.kind !== 'notice') throw badRequest('只有通知需要确认已读');
  if (await repo.insertNoticeRead(ctx.db, postId, ctx.actor.personId)) {
    // Confirmed here or on the home page, the notice's message no longer waits in the bell.
    await markReadByLink(ctx.db, ctx.actor.personId, 'space.notice', noticeLink(space.id, postId));
    await ctx.audit({
      action: 'space.notice.read',
      targetType: 'space_post',
      targetId: postId,
      orgPath: space.path,
    });
  }
  return { ok: true as const };
}
