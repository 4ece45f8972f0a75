import { AppError, badRequest, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { findChildren, findDataSubject, isGuardianOf } from '../roster/students.service.ts';
import { consentGranted, findConsents, insertConsent } from './consent.repository.ts';
import { findCurrentNotice } from './notices.repository.ts';
import { audienceOf, OPTIONAL_PURPOSES, PURPOSES, type TPurpose } from './privacy.policy.ts';

export { consentGranted };

/** How the actor stands to a subject: the subject themself, or a recorded guardian of a child. */
async function relationTo(ctx: Ctx, subjectId: string): Promise<'self' | 'guardian' | null> {
  if (subjectId === ctx.actor.personId) return 'self';
  return (await isGuardianOf(ctx.db, ctx.actor.personId, subjectId)) ? 'guardian' : null;
}

/**
 * 授权管理: the optional purposes of the actor and, for a guardian, of each child, with the decision
 * in force and what the actor may do about it. A child under 14 sees their settings but only a
 * guardian can turn a purpose on; anyone may turn one off for themselves.
 */
export async function consentOverview(ctx: Ctx) {
  const subjects: { personId: string; relation: 'self' | 'guardian' }[] = [
    { personId: ctx.actor.personId, relation: 'self' },
  ];
  for (const c of await findChildren(ctx.db, ctx.actor.personId))
    subjects.push({ personId: c.personId, relation: 'guardian' });
  const out = [];
  for (const s of subjects) {
    const subject = await findDataSubject(ctx.db, ctx.deps.crypto, s.personId);
    if (!subject) continue;
    const states = new Map((await findConsents(ctx.db, s.personId)).map((c) => [c.purpose, c]));
    const mayGrant = s.relation === 'guardian' || !subject.under14;
    out.push({
      personId: subject.personId,
      name: subject.name,
      relation: s.relation,
      under14: subject.under14,
      isStudent: subject.isStudent,
      purposes: PURPOSES.map((p) => {
        const st = states.get(p);
        return {
          purpose: p,
          title: OPTIONAL_PURPOSES[p].title,
          description: OPTIONAL_PURPOSES[p].description,
          granted: st?.granted ?? false,
          decidedAs: st?.decidedAs ?? null,
          decidedAt: st?.decidedAt ?? null,
          decidedByName: st?.decidedByName ?? null,
          mayGrant,
          mayWithdraw: true,
        };
      }),
    });
  }
  return out;
}

/**
 * Turns an optional purpose on or off for the actor or a child of theirs. Turning on for a child
 * under 14 takes a linked guardian (COMPLIANCE §3); turning off is always one step, for the subject
 * or a guardian, and takes effect at once. Recorded with the notice version in force, and audited.
 */
export async function setConsent(ctx: Ctx, opts: { subjectId: string; purpose: TPurpose; granted: boolean }) {
  if (!PURPOSES.includes(opts.purpose)) throw badRequest('未知的处理目的');
  const relation = await relationTo(ctx, opts.subjectId);
  if (!relation) throw notFound('人员');
  const subject = await findDataSubject(ctx.db, ctx.deps.crypto, opts.subjectId);
  if (!subject) throw notFound('人员');
  if (opts.granted && relation === 'self' && subject.under14) {
    await ctx.audit({
      action: 'privacy.consent',
      outcome: 'denied',
      targetType: 'person',
      targetId: subject.personId,
      subjectPersonId: subject.personId,
      details: { purpose: opts.purpose, reason: 'under_14_needs_guardian' },
    });
    throw forbidden('未满 14 周岁，须由监护人同意后才能开启');
  }
  const audience = relation === 'guardian' ? 'guardian' : audienceOf(ctx.actor.role);
  const notice = await findCurrentNotice(ctx.db, audience);
  await insertConsent(ctx.db, {
    subjectId: subject.personId,
    purpose: opts.purpose,
    granted: opts.granted,
    decidedBy: ctx.actor.personId,
    decidedAs: relation,
    noticeId: notice?.id ?? null,
    path: subject.path,
  });
  await ctx.audit({
    action: opts.granted ? 'privacy.consent' : 'privacy.consent_withdrawn',
    targetType: 'person',
    targetId: subject.personId,
    subjectPersonId: subject.personId,
    orgPath: subject.path,
    details: { purpose: opts.purpose, as: relation, noticeVersion: notice?.version ?? null },
  });
  return { ok: true as const };
}

/** Whether the subject's optional purpose is on (for services that offer it). */
export async function hasConsent(
  ctx: Pick<Ctx, 'db'>,
  subjectId: string,
  purpose: TPurpose,
): Promise<boolean> {
  const states = await findConsents(ctx.db, subjectId);
  return states.find((s) => s.purpose === purpose)?.granted ?? false;
}

export const assertPurpose = (p: string): TPurpose => {
  if (!PURPOSES.includes(p as TPurpose)) throw new AppError('bad_request', '未知的处理目的');
  return p as TPurpose;
};
