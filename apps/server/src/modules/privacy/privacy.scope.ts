import { NO_SUCH_ID } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';

/**
 * Privacy names no scoped entity kind: consents, copies and requests are checked against the
 * actor's relation to the subject (oneself, or a recorded guardian), requests and their answers
 * against the handler's scope, in the services (404 otherwise). Its part of the matrix.
 */
export const privacyScope: ScopeRules = {
  module: 'privacy',
  matrix: {
    writes: {
      'POST /api/privacy/consents': (t) => [
        { url: '/api/privacy/consents', body: { subjectId: t.student, purpose: 'showcase', granted: false } },
      ],
      'POST /api/privacy/requests': (t) => [
        { url: '/api/privacy/requests', body: { subjectId: t.student, kind: 'deletion', details: '删除' } },
      ],
      'POST /api/privacy/requests/:id/answer': () => [
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
