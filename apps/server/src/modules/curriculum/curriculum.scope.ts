import { type MatrixSample, NO_SUCH_ID } from '../../platform/scope/matrix.ts';
import type { ScopeRules } from '../../platform/scope/registry.ts';

/** Curriculum writes: only a city researcher may; every role of the matrix must be refused. */
const writes: Record<string, MatrixSample> = {
  'POST /api/curriculum/editions': () => [
    { url: '/api/curriculum/editions', body: { subjectCode: '14', name: '测试版', publisher: '测试出版社' } },
  ],
  'POST /api/curriculum/nodes': () => [
    { url: '/api/curriculum/nodes', body: { editionId: NO_SUCH_ID, gradeCode: '14', term: 1 } },
  ],
  'PATCH /api/curriculum/nodes/:id': () => [
    { url: `/api/curriculum/nodes/${NO_SUCH_ID}`, body: { title: '改名' } },
  ],
  'POST /api/curriculum/nodes/:id/delete': () => [{ url: `/api/curriculum/nodes/${NO_SUCH_ID}/delete` }],
  'POST /api/curriculum/lessons/:id/knowledge-points': () => [
    { url: `/api/curriculum/lessons/${NO_SUCH_ID}/knowledge-points`, body: { knowledgePointIds: [] } },
  ],
  'POST /api/curriculum/knowledge-points': () => [
    {
      url: '/api/curriculum/knowledge-points',
      body: { subjectCode: '14', code: 'X-1', name: '测试', gradeCode: '14', strand: '数与代数' },
    },
  ],
  'PATCH /api/curriculum/knowledge-points/:id': () => [
    { url: `/api/curriculum/knowledge-points/${NO_SUCH_ID}`, body: { name: '改名' } },
  ],
  'POST /api/curriculum/knowledge-points/:id/prerequisites': () => [
    {
      url: `/api/curriculum/knowledge-points/${NO_SUCH_ID}/prerequisites`,
      body: { prerequisiteId: NO_SUCH_ID },
    },
  ],
  'POST /api/curriculum/knowledge-points/:id/prerequisites/remove': () => [
    {
      url: `/api/curriculum/knowledge-points/${NO_SUCH_ID}/prerequisites/remove`,
      body: { prerequisiteId: NO_SUCH_ID },
    },
  ],
  'POST /api/curriculum/import': () => [{ url: '/api/curriculum/import' }],
};

/** The curriculum is public to everyone signed in; it names no scoped entity kind. */
export const curriculumScope: ScopeRules = { module: 'curriculum', matrix: { writes } };
