import { sql } from 'drizzle-orm';
import { or, RLS, roleIn, underPaths } from '../../platform/db/row-security.ts';
import { firstId, NO_SUCH_ID } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';

/**
 * Privacy names no scoped entity kind: consents, copies and requests are checked against the
 * actor's relation to the subject (oneself, or a recorded guardian), requests and their answers
 * against the handler's scope, in the services (404 otherwise). Its part of the matrix.
 */
declare module '../../platform/scope/matrix.ts' {
  interface MatrixTargets {
    /** an open data-subject request of another unit */
    dataRequest: string;
  }
}

export const privacyScope: ScopeRules = {
  module: 'privacy',
  rowSecurity: [
    { table: 'privacy_notice', read: RLS.signedIn, write: roleIn('city_admin') },
    { table: 'notice_ack', read: `person_id = ${RLS.actor}` },
    {
      table: 'consent_record',
      read: or(
        `subject_id = ${RLS.actor}`,
        `subject_id = any(${RLS.persons})`,
        `decided_by = ${RLS.actor}`,
        underPaths('path'),
      ),
      write: `decided_by = ${RLS.actor}`,
    },
    {
      table: 'data_request',
      read: or(
        `subject_id = ${RLS.actor}`,
        `requested_by = ${RLS.actor}`,
        `subject_id = any(${RLS.persons})`,
        underPaths('path'),
      ),
      write: or(`requested_by = ${RLS.actor}`, underPaths('path')),
    },
  ],
  matrix: {
    // A request about someone of the school of the class outside the role's scope.
    targets: async (tx, places) => ({
      dataRequest: await firstId(
        tx,
        sql`select r.id from data_request r, org_unit c
             where c.id = ${places.classId} and r.path <@ subpath(c.path, 0, 3) and r.status = 'open'
             order by r.created_at limit 1`,
      ),
    }),
    writes: {
      'POST /api/privacy/consents': (t) => [
        { url: '/api/privacy/consents', body: { subjectId: t.student, purpose: 'showcase', granted: false } },
      ],
      'POST /api/privacy/requests': (t) => [
        { url: '/api/privacy/requests', body: { subjectId: t.student, kind: 'deletion', details: '删除' } },
      ],
      'POST /api/privacy/requests/:id/answer': (t) => [
        {
          url: `/api/privacy/requests/${t.dataRequest}/answer`,
          body: { outcome: 'done', response: '已办结' },
        },
        { url: `/api/privacy/requests/${NO_SUCH_ID}/answer`, body: { outcome: 'done', response: '已办结' } },
      ],
    },
    selfOnly: [
      // The actor's own acknowledgement of a notice everyone of their audience reads.
      'POST /api/privacy/notices/:id/acknowledge',
      // A bureau-wide notice (city administrators only) names no one's data.
      'POST /api/privacy/notices',
    ],
  },
};
