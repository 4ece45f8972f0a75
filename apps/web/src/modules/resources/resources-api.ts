import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';

export type ResourceList = ApiData<'/api/resources'>;
export type ResourceItem = ResourceList['items'][number];
export type ResourceDetail = ApiData<'/api/resources/{id}'>;
export type ResourceKind = ResourceItem['kind'];

export const KINDS: ResourceKind[] = [
  'lesson_package',
  'micro_lesson',
  'video',
  'courseware',
  'exercise_set',
  'theme',
  'third_party',
];
export const THEMES = [
  'patriotism',
  'law',
  'mental_health',
  'labor',
  'safety',
  'tradition',
  'ecology',
  'family',
] as const;

export interface ResourceQuery {
  kind?: ResourceKind;
  subjectCode?: string;
  gradeCode?: string;
  mine?: 'true';
  offset?: number;
}

export const resourceKeys = {
  all: ['resources'] as const,
  list: (q: ResourceQuery) => ['resources', 'list', q] as const,
  one: (id: string) => ['resources', 'one', id] as const,
};

export type SearchResult = ApiData<'/api/resources/search'>;

/** Chinese full-text search; the server segments the words (jieba) and ranks. */
export const useSearch = (q: ResourceQuery & { q?: string }) =>
  useQuery({
    queryKey: ['resources', 'search', q],
    enabled: !!q.q,
    queryFn: () =>
      unwrap(
        api.GET('/api/resources/search', {
          params: {
            query: {
              q: q.q ?? '',
              kind: q.kind,
              subjectCode: q.subjectCode,
              gradeCode: q.gradeCode,
              offset: q.offset,
              limit: 12,
            },
          },
        }),
      ),
  });

export const useResources = (q: ResourceQuery, enabled = true) =>
  useQuery({
    queryKey: resourceKeys.list(q),
    enabled,
    queryFn: () => unwrap(api.GET('/api/resources', { params: { query: { ...q, limit: 12 } } })),
  });

export const useResource = (id: string) =>
  useQuery({
    queryKey: resourceKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/resources/{id}', { params: { path: { id } } })),
  });

export type ReviewHistory = ApiData<'/api/resources/{id}/review'>;
export type QueueItem = ApiData<'/api/reviews/queue'>[number];

export const useReviewHistory = (id: string) =>
  useQuery({
    queryKey: ['resources', 'review', id],
    queryFn: () => unwrap(api.GET('/api/resources/{id}/review', { params: { path: { id } } })),
  });

export const useReviewQueue = () =>
  useQuery({ queryKey: ['resources', 'queue'], queryFn: () => unwrap(api.GET('/api/reviews/queue')) });

export const fileUrl = (resourceId: string, fileId: string) =>
  `/api/resources/${encodeURIComponent(resourceId)}/files/${encodeURIComponent(fileId)}`;

/** Uploads one file; the server sniffs its real type and streams it to storage. */
export async function uploadResourceFile(id: string, role: 'main' | 'cover', file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST('/api/resources/{id}/files', {
      params: { path: { id }, query: { role } },
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    }),
  );
}
