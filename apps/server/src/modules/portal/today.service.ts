import type { Ctx } from '../../platform/http/context.ts';
import { shownName } from '../resources/learner-names.ts';
import { queue } from '../review/review.service.ts';
import { type HomeItem, type HomeSection, item, olderThan, ordered, section } from './sections.ts';
import * as repo from './today.repository.ts';

/**
 * The notification kinds each home shows in a section of its own: the messages section leaves
 * them out, so a class notice or an answer is not listed twice.
 */
export const SHOWN_ELSEWHERE = {
  student: ['space.notice', 'qa.answer'],
  parent: ['space.notice'],
  teacher: ['space.notice', 'qa.question', 'review.return'],
  reviewer: ['review.arrival', 'review.digest'],
} as const;

/** A question unanswered for this many days makes the questions section urgent. */
const QUESTION_WAIT_DAYS = 2;

type Today = repo.StudentHomeRow;

function notices(n: Today['notices'], tagOf?: (spaceId: string) => string[]): HomeSection | null {
  const items = n.items.map((x) =>
    item({
      id: x.id,
      title: x.title,
      detail: x.body,
      link: `/spaces/${x.spaceId}?tab=notice`,
      at: x.at,
      tags: (tagOf?.(x.spaceId) ?? [x.spaceName]).map((value) => ({ type: 'text' as const, value })),
      flag: 'unread',
    }),
  );
  return section('notices', items, { count: n.count });
}

function messages(m: Today['messages']): HomeSection | null {
  const items = m.items.map((x) =>
    item({ id: x.id, title: x.title, detail: x.body || null, link: x.link, at: x.at, flag: 'unread' }),
  );
  return section('messages', items, { count: m.count });
}

function resources(rows: Today['resources']): HomeSection | null {
  const items = rows.map((r) =>
    item({
      id: r.id,
      title: r.title,
      link: `/resources/${r.id}`,
      at: r.at,
      tags: [
        { type: 'subject', value: r.subjectCode },
        { type: 'grade', value: r.gradeCode },
        { type: 'resource_kind', value: r.kind },
      ],
    }),
  );
  return section('resources', items, { link: '/resources' });
}

function news(ctx: Ctx, rows: Today['news'], shown: number): HomeSection | null {
  return section('news', newsItems(ctx, rows).slice(0, shown), { count: rows.length });
}

function newsItems(ctx: Ctx, rows: Today['news']): HomeItem[] {
  const me = ctx.actor.personId;
  return rows.map((p) =>
    item({
      id: p.id,
      title: p.body,
      link: `/spaces/${p.spaceId}`,
      at: p.at,
      tags: [
        { type: 'text', value: shownName(ctx, p.authorName, !p.authorLearner, p.authorId === me) },
        { type: 'text', value: p.spaceName },
      ],
    }),
  );
}

/** A pupil's sections: unread notices, answers to their questions, class news, new lessons, messages. */
export function studentSections(ctx: Ctx, t: repo.StudentHomeRow): HomeSection[] {
  const answers = t.answers.items.map((a) =>
    item({
      id: a.id,
      title: a.body,
      detail: a.question,
      link: `/resources/${a.resourceId}`,
      at: a.at,
      tags: [
        { type: 'text', value: a.answererName },
        { type: 'text', value: a.resourceTitle },
      ],
    }),
  );
  return ordered([
    notices(t.notices),
    section('answers', answers, { count: t.answers.count }),
    messages(t.messages),
    news(ctx, t.news, repo.SHOWN),
    resources(t.resources),
  ]);
}

/** A teacher's sections: questions to answer, resources to revise, notices, messages, new resources. */
export function teacherSections(ctx: Ctx, t: repo.TeacherHomeRow): HomeSection[] {
  const me = ctx.actor.personId;
  const questions = t.questions.items.map((q) =>
    item({
      id: q.id,
      title: q.body,
      link: `/resources/${q.resourceId}`,
      at: q.at,
      tags: [
        { type: 'text', value: shownName(ctx, q.askerName, q.askerStaff, q.askerId === me) },
        { type: 'text', value: q.resourceTitle },
      ],
      flag: olderThan(q.at, QUESTION_WAIT_DAYS) ? 'overdue' : null,
    }),
  );
  const revise = t.revise.items.map((r) =>
    item({
      id: r.id,
      title: r.title,
      link: `/resources/${r.id}`,
      at: r.at,
      tags: [{ type: 'resource_kind', value: r.kind }],
    }),
  );
  return ordered([
    notices(t.notices),
    section('questions', questions, {
      count: t.questions.count,
      urgent: questions.some((q) => q.flag === 'overdue'),
    }),
    section('revise', revise, { count: t.revise.count, link: '/resources?mine=true' }),
    messages(t.messages),
    resources(t.resources),
  ]);
}

export type ChildNews = { unreadNotices: number; news: HomeItem[] };

/**
 * A parent's sections (their children's classes' unread notices, each tagged with the child's
 * name, and their own messages) and, per class, what is new there for the child's card.
 */
export function parentSections(
  ctx: Ctx,
  t: repo.ParentHomeRow,
): { sections: HomeSection[]; byClass: Map<string, ChildNews> } {
  const children = t.children;
  const names = (classId: string) => children.filter((c) => c.classId === classId).map((c) => c.name);
  const byClass = new Map<string, ChildNews>();
  const posts = newsItems(ctx, t.news);
  for (const c of children) {
    byClass.set(c.classId, {
      unreadNotices: t.notices.perSpace[c.classId] ?? 0,
      news: posts.filter((_, i) => t.news[i]!.spaceId === c.classId),
    });
  }
  return {
    sections: ordered([notices(t.notices, (id) => names(id)), messages(t.messages)]),
    byClass,
  };
}

/**
 * A reviewer's sections (researcher, expert, and the school, district and city administrators who
 * decide steps of 六审): the queue at their steps, their messages; a researcher's curriculum work.
 */
export async function reviewerSections(ctx: Ctx): Promise<HomeSection[]> {
  const waiting = await queue(ctx);
  const { messages: m } = await repo.readMessages(ctx.db, {
    personId: ctx.actor.personId,
    exceptKinds: SHOWN_ELSEWHERE.reviewer,
  });
  const reviews = waiting.slice(0, repo.SHOWN).map((q) =>
    item({
      id: q.reviewId,
      title: q.title,
      detail: [q.unitName, q.authorName].filter(Boolean).join(' · ') || null,
      link: `/resources/${q.resourceId}`,
      at: q.stepStartedAt,
      tags: [
        { type: 'text', value: q.stepName },
        { type: 'resource_kind', value: q.kind },
      ],
      flag: q.overdue ? 'overdue' : null,
    }),
  );
  const sections = [
    section('reviews', reviews, {
      count: waiting.length,
      urgent: waiting.some((q) => q.overdue),
      link: '/reviews',
    }),
    messages(m),
  ];
  if (ctx.actor.role === 'researcher') sections.push(await curriculumSection(ctx));
  return ordered(sections);
}

/** The backbone's open work per subject: lessons without knowledge points or published resources. */
async function curriculumSection(ctx: Ctx): Promise<HomeSection | null> {
  const rows = await repo.readLessonCoverage(ctx.db);
  const open = rows.filter((r) => r.withoutPoints > 0 || r.uncovered > 0);
  const items = open.map((r) =>
    item({
      id: r.subjectCode,
      title: '',
      link: `/curriculum?subject=${r.subjectCode}`,
      tags: [{ type: 'subject', value: r.subjectCode }],
      // Only the gaps there are: 「0 课未关联知识点」 is no work.
      figures: [
        { key: 'lessons' as const, value: r.lessons },
        { key: 'withoutPoints' as const, value: r.withoutPoints },
        { key: 'uncovered' as const, value: r.uncovered },
      ].filter((f) => f.key === 'lessons' || f.value > 0),
    }),
  );
  return section('curriculum', items, { link: '/curriculum' });
}
