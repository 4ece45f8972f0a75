import { sql } from 'drizzle-orm';
import { firstId } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';
import { inScope, pathWithin } from '../../platform/scope/scope.ts';

declare module '../../platform/scope/registry.ts' {
  interface ScopedEntityKinds {
    /** A unit of the org tree (city … class, teaching class), addressed by its id. */
    org_unit: true;
  }
}
declare module '../../platform/scope/matrix.ts' {
  interface MatrixTargets {
    /** an administrative class */
    class: string;
    /** the school of that class */
    school: string;
  }
}

/**
 * Org units: a unit is visible inside the actor's subtrees; a pupil's or a parent's own class (and
 * teaching classes) through their membership, for the class pages; and inside the structure
 * subtrees of the roles that browse the tree without personal data (the 三员, reviewers).
 */
export const orgScope: ScopeRules = {
  module: 'org',
  kinds: [
    {
      kind: 'org_unit',
      visible: ({ scope }, id) => {
        const reach = [...scope.memberPaths, ...(scope.structurePaths ?? [])];
        const member = reach.length > 0 ? sql` or ${pathWithin(sql`o.path`, reach)}` : sql``;
        return sql`exists (select 1 from org_unit o where o.id = ${id} and (${inScope(scope, sql`o.path`)}${member}))`;
      },
      tables: ['org_unit'],
      // Units name nobody: a structure role reads those of its subtree, and the matrix checks that
      // such a read names no person.
      matrix: { outOfScope: (t) => [t.class, t.school], structure: true },
    },
  ],
  matrix: {
    targets: async (tx, places) => ({
      class: places.classId,
      school: await firstId(tx, sql`select school_id as id from org_unit where id = ${places.classId}`),
    }),
    writes: {
      'POST /api/org/units': (t) => [
        {
          url: '/api/org/units',
          body: { parentId: t.school, kind: 'grade', name: '测试年级', gradeCode: '19' },
        },
        { url: '/api/org/units', body: { parentId: t.school, kind: 'teaching_class', name: '测试教学班' } },
      ],
      'PATCH /api/org/units/:id': (t) => [
        { url: `/api/org/units/${t.class}`, body: { name: '改名' } },
        { url: `/api/org/units/${t.school}`, body: { name: '改名' } },
      ],
      'POST /api/org/units/:id/move': (t, own) => [
        { url: `/api/org/units/${t.class}/move`, body: { parentId: t.school } },
        ...(own ? [{ url: `/api/org/units/${own.class}/move`, body: { parentId: t.school } }] : []),
      ],
      'POST /api/org/units/:id/deactivate': (t) => [
        { url: `/api/org/units/${t.class}/deactivate` },
        { url: `/api/org/units/${t.school}/deactivate` },
      ],
    },
  },
};
