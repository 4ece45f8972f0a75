import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, toApiError, unwrap } from '../../app/api/client';
import type { ApiBody, ApiData } from '../../app/api/types';

export type SearchResult = ApiData<'/api/assessment/items'>;
export type Item = SearchResult['items'][number];
export type ItemContent = Item['content'];
export type ItemType = Item['type'];
export type ItemDraft = ApiBody<'/api/assessment/items', 'post'>;
export type ItemTags = ItemDraft['tags'];
export type Similar = ApiData<'/api/assessment/items/similar', 'post'>['similar'][number];
export type Paper = ApiData<'/api/assessment/papers/{id}'>;
export type PaperList = ApiData<'/api/assessment/papers'>;
export type Blueprint = ApiData<'/api/assessment/blueprints/{id}'>;
export type BlueprintSpec = Blueprint['spec'];

export const ITEM_TYPES: ItemType[] = [
  'single_choice',
  'multiple_choice',
  'true_false',
  'fill_in',
  'short_answer',
  'essay',
  'composite',
];
export const LEVELS = ['remember', 'understand', 'apply', 'analyse'] as const;
export const BANDS = ['easy', 'medium', 'hard'] as const;
export const SHARES = ['private', 'school', 'district', 'city'] as const;

export interface ItemQuery {
  q?: string;
  subjectCode?: string;
  gradeCode?: string;
  type?: ItemType;
  cognitiveLevel?: (typeof LEVELS)[number];
  knowledgePointId?: string;
  band?: (typeof BANDS)[number];
  share?: (typeof SHARES)[number];
  year?: number;
  source?: string;
  mine?: 'true';
  retired?: 'true';
  offset?: number;
}

export const bankKeys = {
  all: ['assessment'] as const,
  search: (q: ItemQuery) => ['assessment', 'items', q] as const,
  item: (id: string) => ['assessment', 'item', id] as const,
  shares: ['assessment', 'shares'] as const,
  papers: (q: object) => ['assessment', 'papers', q] as const,
  paper: (id: string) => ['assessment', 'paper', id] as const,
  blueprints: (q: object) => ['assessment', 'blueprints', q] as const,
};

export const PAGE = 12;

export const useItemSearch = (q: ItemQuery) =>
  useQuery({
    queryKey: bankKeys.search(q),
    queryFn: () => unwrap(api.GET('/api/assessment/items', { params: { query: { ...q, limit: PAGE } } })),
    placeholderData: (prev) => prev,
  });

export const useItem = (id: string | undefined) =>
  useQuery({
    queryKey: bankKeys.item(id ?? ''),
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/assessment/items/{id}', { params: { path: { id: id ?? '' } } })),
  });

export const useShareQueue = () =>
  useQuery({ queryKey: bankKeys.shares, queryFn: () => unwrap(api.GET('/api/assessment/item-shares')) });

export const usePapers = (q: { mine?: 'true'; status?: 'draft' | 'final'; offset?: number }) =>
  useQuery({
    queryKey: bankKeys.papers(q),
    queryFn: () => unwrap(api.GET('/api/assessment/papers', { params: { query: { ...q, limit: 20 } } })),
  });

export const usePaper = (id: string) =>
  useQuery({
    queryKey: bankKeys.paper(id),
    queryFn: () => unwrap(api.GET('/api/assessment/papers/{id}', { params: { path: { id } } })),
  });

export const useBlueprints = (q: { subjectCode?: string; gradeCode?: string } = {}) =>
  useQuery({
    queryKey: bankKeys.blueprints(q),
    queryFn: () => unwrap(api.GET('/api/assessment/blueprints', { params: { query: q } })),
  });

/** Runs an item action (copy, retire, share …) and refreshes what shows items. */
export function useItemAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (a: { id: string; action: 'copy' | 'retire' | 'restore' | 'unshare' }) => {
      const path = { path: { id: a.id } };
      switch (a.action) {
        case 'copy':
          return unwrap(api.POST('/api/assessment/items/{id}/copy', { params: path }));
        case 'retire':
          return unwrap(api.POST('/api/assessment/items/{id}/retire', { params: path }));
        case 'restore':
          return unwrap(api.POST('/api/assessment/items/{id}/restore', { params: path }));
        default:
          return unwrap(api.POST('/api/assessment/items/{id}/unshare', { params: path }));
      }
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: bankKeys.all }),
  });
}

/** Uploads a picture for an item; its key goes into the rich text as 【图:key】. */
export async function uploadPicture(file: File): Promise<{ key: string }> {
  const form = new FormData();
  form.append('file', file);
  const res = await api.POST('/api/assessment/item-files', {
    body: form as never,
    bodySerializer: (body: unknown) => body as FormData,
  });
  if (res.error !== undefined || !res.response.ok) throw toApiError(res.error, res.response.status);
  return res.data as { key: string };
}
