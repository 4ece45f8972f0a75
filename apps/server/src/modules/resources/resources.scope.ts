import { type SQL, sql } from 'drizzle-orm';
import { or, RLS, roleIn, underPaths } from '../../platform/db/row-security.ts';
import { ADMINS } from '../../platform/http/policy.ts';
import { firstId, NO_SUCH_ID, notOwn } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';
import { type Actor, inScope, type Scope } from '../../platform/scope/scope.ts';

declare module '../../platform/scope/registry.ts' {
  interface ScopedEntityKinds {
    /** A resource (资源), addressed by its id. */
    resource: true;
  }
}
declare module '../../platform/scope/matrix.ts' {
  interface MatrixTargets {
    /** an unpublished resource of the class's school, by someone else */
    resource: string;
  }
}

/**
 * Resources (R1, R3): published ones are shared city-wide with everyone signed in; before that a
 * resource is its author's, visible to the administrators whose scope holds the author's unit, and,
 * while in review, to the expert groups and researchers (教研员) of that unit's school, district or
 * city, who keep sight of what they decided on. `r` is the alias of a `resource` row.
 */
export function resourceVisible(
  scope: Scope,
  actor: Pick<Actor, 'personId' | 'role' | 'orgPath'>,
  r: SQL,
): SQL {
  const admin = (ADMINS as readonly string[]).includes(actor.role)
    ? sql` or ${inScope(scope, sql`${r}.path`)}`
    : sql``;
  // Reviewers also keep sight of what they decided on (a returned or rejected resource included);
  // every decision that takes a resource out of review changes the resource row, which the guard's
  // cache watches, so review_event needs no trigger of its own.
  const reviewer =
    actor.role === 'expert' || actor.role === 'researcher'
      ? sql` or (${r}.status = 'in_review' and ${r}.path <@ ${actor.orgPath}::ltree)
             or exists (select 1 from review rv join review_event re on re.review_id = rv.id
                         where rv.resource_id = ${r}.id and re.actor_id = ${actor.personId})`
      : sql``;
  return sql`(${r}.status = 'published' or ${r}.author_id = ${actor.personId}${admin}${reviewer})`;
}

export const resourceScope: ScopeRules = {
  module: 'resources',
  // Row-level security: a resource as the guard's `resource` kind sees it; its files, questions,
  // ratings and retirement flags with it.
  rowSecurity: [
    {
      table: 'resource',
      read: or(
        "status = 'published'",
        `author_id = ${RLS.actor}`,
        `(${roleIn('city_admin', 'district_admin', 'school_admin')} and ${underPaths('path')})`,
        `(${roleIn('expert', 'researcher')} and ((status = 'in_review' and path <@ ${RLS.orgPath})
           or exists (select 1 from review rv join review_event re on re.review_id = rv.id
                       where rv.resource_id = resource.id and re.actor_id = ${RLS.actor})))`,
      ),
    },
    {
      table: 'resource_file',
      read: 'exists (select 1 from resource r where r.id = resource_file.resource_id)',
    },
    {
      table: 'resource_question',
      read: 'exists (select 1 from resource r where r.id = resource_question.resource_id)',
      write: `asker_id = ${RLS.actor}`,
    },
    {
      table: 'resource_answer',
      read: 'exists (select 1 from resource_question q where q.id = resource_answer.question_id)',
      write: `answerer_id = ${RLS.actor}`,
    },
    {
      table: 'resource_rating',
      read: 'exists (select 1 from resource r where r.id = resource_rating.resource_id)',
      write: `person_id = ${RLS.actor}`,
    },
    { table: 'resource_completion', read: `person_id = ${RLS.actor}` },
    {
      table: 'resource_retirement',
      read: 'exists (select 1 from resource r where r.id = resource_retirement.resource_id)',
    },
  ],
  kinds: [
    {
      kind: 'resource',
      visible: ({ scope, actor }, id) =>
        sql`exists (select 1 from resource r where r.id = ${id} and ${resourceVisible(scope, actor, sql`r`)})`,
      // review and review_event: see resourceVisible.
      tables: ['resource'],
      matrix: { outOfScope: (t) => [t.resource] },
    },
  ],
  matrix: {
    targets: async (tx, places) => ({
      resource: await firstId(
        tx,
        sql`select r.id from resource r join org_unit c on c.id = ${places.classId}
             where r.school_id = c.school_id and r.status <> 'published'
               and ${notOwn(sql`r.author_id`, places)} order by r.id limit 1`,
      ),
    }),
    writes: {
      'PATCH /api/resources/:id': (t) => [{ url: `/api/resources/${t.resource}`, body: { title: '改名' } }],
      'POST /api/resources/:id/files': (t) => [{ url: `/api/resources/${t.resource}/files?role=main` }],
      'POST /api/resources/:id/files/:fileId/delete': (t) => [
        { url: `/api/resources/${t.resource}/files/${NO_SUCH_ID}/delete` },
      ],
      'POST /api/resources/:id/questions': (t) => [
        { url: `/api/resources/${t.resource}/questions`, body: { body: '请问老师' } },
      ],
      'POST /api/resources/:id/questions/:questionId/answers': (t) => [
        { url: `/api/resources/${t.resource}/questions/${NO_SUCH_ID}/answers`, body: { body: '答' } },
      ],
      'POST /api/resources/:id/ratings': (t) => [
        { url: `/api/resources/${t.resource}/ratings`, body: { stars: 5 } },
      ],
      'POST /api/resources/:id/complete': (t) => [{ url: `/api/resources/${t.resource}/complete` }],
      'POST /api/resources/:id/retirement': (t) => [
        { url: `/api/resources/${t.resource}/retirement`, body: { action: 'retire' } },
      ],
    },
    selfOnly: [
      // Creates a draft of the actor's own; names no one else's data.
      'POST /api/resources',
      // The city's daily retirement check run now; names no one's data (decisions are per resource).
      'POST /api/resources/retirements/run',
    ],
  },
};
