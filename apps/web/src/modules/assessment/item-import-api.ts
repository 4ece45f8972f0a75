import { useQuery } from '@tanstack/react-query';
import { api, toApiError, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';

export type ItemImport = ApiData<'/api/assessment/item-imports/{id}'>;
export type ProposedItem = ItemImport['items'][number];
export type ImportDraft = ProposedItem['draft'];

export const importKeys = { one: (id: string) => ['assessment', 'item-import', id] as const };

export const useItemImport = (id: string | undefined) =>
  useQuery({
    queryKey: importKeys.one(id ?? ''),
    enabled: !!id,
    queryFn: () =>
      unwrap(api.GET('/api/assessment/item-imports/{id}', { params: { path: { id: id ?? '' } } })),
  });

/** Uploads a Word paper, an .xlsx template or a QTI package; the proposal comes back. */
export async function uploadImport(file: File, subjectCode: string, gradeCode: string): Promise<ItemImport> {
  const form = new FormData();
  form.append('file', file);
  const res = await api.POST('/api/assessment/item-imports', {
    params: { query: { subjectCode, gradeCode } },
    body: form as never,
    bodySerializer: (body: unknown) => body as FormData,
  });
  if (res.error !== undefined || !res.response.ok) throw toApiError(res.error, res.response.status);
  return res.data as ItemImport;
}

/** Where the browser downloads the chosen items (a plain link: the session cookie goes with it). */
export const exportUrl = (ids: string[], format: 'qti' | 'xlsx') =>
  `/api/assessment/item-export?format=${format}&ids=${ids.join(',')}`;

export const paperExportUrl = (paperId: string, format: 'qti' | 'xlsx') =>
  `/api/assessment/papers/${paperId}/export?format=${format}`;

export const TEMPLATE_URL = '/api/assessment/item-template.xlsx';
