import { type SQL, sql } from 'drizzle-orm';
import { ADMINS } from '../../platform/http/policy.ts';
import { firstId, type ScopeMatrix } from '../../platform/scope/matrix.ts';
import type { ScopeKind, Viewer } from '../../platform/scope/registry.ts';
import { inScope } from '../../platform/scope/scope.ts';
import { BANK_ROLES } from './assessment.policy.ts';

declare module '../../platform/scope/registry.ts' {
  interface ScopedEntityKinds {
    /** An item of the bank (试题), addressed by its id. */
    item: true;
    /** A paper (试卷). */
    paper: true;
    /** A blueprint (双向细目表 template). */
    blueprint: true;
  }
}
declare module '../../platform/scope/matrix.ts' {
  interface MatrixTargets {
    /** a private item of another school's teacher */
    item: string;
    /** a paper of another school */
    paper: string;
    /** an unshared blueprint of another school */
    blueprint: string;
  }
}

const isAdmin = (viewer: Viewer) => (ADMINS as readonly string[]).includes(viewer.actor.role);
const isBankRole = (viewer: Viewer) => (BANK_ROLES as readonly string[]).includes(viewer.actor.role);

/** The first `levels` labels of the actor's unit: their district (2) or school (3). */
const ownUnit = (viewer: Viewer, levels: number) =>
  viewer.actor.orgPath.split('.').slice(0, levels).join('.');

/**
 * Items the viewer sees in the bank (the `item` row policy for the bank's roles): their own; what
 * their unit's teachers wrote, for administrators; what is shared to their school, district or the
 * city; and, for reviewers, what waits for a decision in their unit or was returned by it. Learners see no bank item.
 * `i` is the alias of an `item` row.
 */
export function itemVisible(viewer: Viewer, i: SQL): SQL {
  if (!isBankRole(viewer)) return sql`false`;
  const admin = isAdmin(viewer) ? sql` or ${inScope(viewer.scope, sql`${i}.path`)}` : sql``;
  const reviewer =
    isAdmin(viewer) || viewer.actor.role === 'researcher'
      ? sql` or (${i}.share_status in ('pending', 'returned') and ${i}.path <@ ${viewer.actor.orgPath}::ltree)`
      : sql``;
  return sql`(${i}.author_id = ${viewer.actor.personId} or ${i}.share = 'city'
    or (${i}.share = 'district' and ${i}.path <@ ${ownUnit(viewer, 2)}::ltree)
    or (${i}.share = 'school' and ${i}.path <@ ${ownUnit(viewer, 3)}::ltree)${admin}${reviewer})`;
}

/** Papers: the owner's, those of administrators' units, and a researcher's unit's. `p`: a `paper` row. */
export function paperVisible(viewer: Viewer, p: SQL): SQL {
  if (!isBankRole(viewer)) return sql`false`;
  const admin = isAdmin(viewer) ? sql` or ${inScope(viewer.scope, sql`${p}.path`)}` : sql``;
  const researcher =
    viewer.actor.role === 'researcher' ? sql` or ${p}.path <@ ${viewer.actor.orgPath}::ltree` : sql``;
  return sql`(${p}.owner_id = ${viewer.actor.personId}${admin}${researcher})`;
}

/** Blueprints: the owner's, those shared with the viewer's school, and administrators' units'. */
export function blueprintVisible(viewer: Viewer, b: SQL): SQL {
  if (!isBankRole(viewer)) return sql`false`;
  const admin = isAdmin(viewer) ? sql` or ${inScope(viewer.scope, sql`${b}.path`)}` : sql``;
  return sql`(${b}.owner_id = ${viewer.actor.personId}
    or (${b}.shared and ${b}.path <@ ${ownUnit(viewer, 3)}::ltree)${admin})`;
}

export const bankKinds: ScopeKind[] = [
  {
    kind: 'item',
    visible: (viewer, id) =>
      sql`exists (select 1 from item i where i.id = ${id} and ${itemVisible(viewer, sql`i`)})`,
    tables: ['item'],
    matrix: { outOfScope: (t) => [t.item] },
  },
  {
    kind: 'paper',
    visible: (viewer, id) =>
      sql`exists (select 1 from paper p where p.id = ${id} and ${paperVisible(viewer, sql`p`)})`,
    tables: ['paper'],
    matrix: { outOfScope: (t) => [t.paper] },
  },
  {
    kind: 'blueprint',
    visible: (viewer, id) =>
      sql`exists (select 1 from blueprint b where b.id = ${id} and ${blueprintVisible(viewer, sql`b`)})`,
    tables: ['blueprint'],
    matrix: { outOfScope: (t) => [t.blueprint] },
  },
];

/**
 * Where the matrix finds out-of-scope bank data: in the school of `staffClassId` (another school's
 * for every role; for a teacher, the class's own school would hold the teacher's own items).
 */
export const bankMatrix: ScopeMatrix = {
  targets: async (tx, places) => {
    const school = sql`(select c.school_id from org_unit c where c.id = ${places.staffClassId})`;
    return {
      item: await firstId(
        tx,
        sql`select i.id from item i where i.school_id = ${school} and i.share = 'private'
             and i.share_status <> 'pending' order by i.id limit 1`,
      ),
      paper: await firstId(
        tx,
        sql`select p.id from paper p where p.school_id = ${school} order by p.id limit 1`,
      ),
      blueprint: await firstId(
        tx,
        sql`select b.id from blueprint b join org_unit s on s.id = ${school}
             where b.path = s.path and not b.shared order by b.id limit 1`,
      ),
    };
  },
  writes: {
    'PATCH /api/assessment/items/:id': (t) => [
      { url: `/api/assessment/items/${t.item}`, body: { tags: { difficulty: 0.5 } } },
    ],
    'POST /api/assessment/items/:id/copy': (t) => [{ url: `/api/assessment/items/${t.item}/copy` }],
    'POST /api/assessment/items/:id/retire': (t) => [{ url: `/api/assessment/items/${t.item}/retire` }],
    'POST /api/assessment/items/:id/restore': (t) => [{ url: `/api/assessment/items/${t.item}/restore` }],
    'POST /api/assessment/items/:id/share': (t) => [
      { url: `/api/assessment/items/${t.item}/share`, body: { level: 'school' } },
    ],
    'POST /api/assessment/items/:id/unshare': (t) => [{ url: `/api/assessment/items/${t.item}/unshare` }],
    'POST /api/assessment/items/:id/share-decision': (t) => [
      { url: `/api/assessment/items/${t.item}/share-decision`, body: { decision: 'approve' } },
    ],
    'PATCH /api/assessment/blueprints/:id': (t) => [
      { url: `/api/assessment/blueprints/${t.blueprint}`, body: { name: '改名' } },
    ],
    'POST /api/assessment/blueprints/:id/delete': (t) => [
      { url: `/api/assessment/blueprints/${t.blueprint}/delete` },
    ],
    'PATCH /api/assessment/papers/:id': (t) => [
      { url: `/api/assessment/papers/${t.paper}`, body: { title: '改名' } },
    ],
    'POST /api/assessment/papers/:id/finalise': (t) => [
      { url: `/api/assessment/papers/${t.paper}/finalise` },
    ],
    'POST /api/assessment/papers/:id/copy': (t) => [{ url: `/api/assessment/papers/${t.paper}/copy` }],
    'POST /api/assessment/papers/:id/delete': (t) => [{ url: `/api/assessment/papers/${t.paper}/delete` }],
  },
  selfOnly: [
    // Writes a new item of the actor's own; the knowledge points it names are the city's backbone.
    'POST /api/assessment/items',
    // A read with the draft in the body: near-identical stems among the items the actor sees.
    'POST /api/assessment/items/similar',
    // A picture of the actor's own, not yet part of an item.
    'POST /api/assessment/item-files',
    // A template of the actor's own.
    'POST /api/assessment/blueprints',
    // A draft paper of the actor's own.
    'POST /api/assessment/papers',
  ],
};
