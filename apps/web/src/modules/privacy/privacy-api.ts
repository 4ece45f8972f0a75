import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import { downloadFile } from '../../app/api/download';
import type { ApiData } from '../../app/api/types';
import { useMe } from '../../app/auth/auth-context';

export type NoticeState = ApiData<'/api/privacy/notice'>;
export type Notice = NonNullable<NoticeState['current']>;
export type ConsentSubject = ApiData<'/api/privacy/consents'>[number];
export type ConsentPurpose = ConsentSubject['purposes'][number];
export type DataRequest = ApiData<'/api/privacy/requests/mine'>[number];
export type RequestStatus = DataRequest['status'];
export type RequestKind = DataRequest['kind'];
export type ErasureRow = ApiData<'/api/privacy/requests/{id}/erasure-preview'>[number];
export type NoticeVersion = ApiData<'/api/privacy/notices'>[number];
export type Audience = NoticeVersion['audience'];
export type InventoryTable = ApiData<'/api/privacy/inventory'>[number];

export const AUDIENCES: readonly Audience[] = ['student', 'guardian', 'staff'];
/** The kinds a person files themself; access is the self-service copy. */
export const FILED_KINDS = ['correction', 'deletion', 'explanation'] as const;
export const REQUEST_STATUSES: readonly RequestStatus[] = ['open', 'done', 'refused'];

export const PRIVACY_KEY = ['privacy'] as const;
export const REGISTER_KEY = ['privacy', 'register'] as const;
export const NOTICES_KEY = ['privacy', 'notices'] as const;

/**
 * The notice state of the signed-in person in their active role (the audience follows the role),
 * shared by the sign-in gate and the privacy page.
 */
export function useNoticeState() {
  const me = useMe();
  return useQuery({
    queryKey: ['privacy', 'notice', me.personId, me.role],
    queryFn: () => unwrap(api.GET('/api/privacy/notice')),
    staleTime: 5 * 60_000,
  });
}

export const useConsents = () =>
  useQuery({
    queryKey: ['privacy', 'consents'],
    queryFn: () => unwrap(api.GET('/api/privacy/consents')),
  });

export const useMyRequests = () =>
  useQuery({
    queryKey: ['privacy', 'requests', 'mine'],
    queryFn: () => unwrap(api.GET('/api/privacy/requests/mine')),
  });

/** The register of the actor's unit; `status` undefined means every status. */
export const useRegister = (status: RequestStatus | undefined, enabled = true) =>
  useQuery({
    queryKey: [...REGISTER_KEY, status ?? 'all'],
    queryFn: () => unwrap(api.GET('/api/privacy/requests', { params: { query: { status } } })),
    enabled,
  });

/** Downloads the copy of everything held about a person (oneself or one's child). */
export const downloadCopy = (personId: string, format: 'json' | 'xlsx') =>
  downloadFile(
    api.GET('/api/privacy/subjects/{id}/copy', {
      params: { path: { id: personId }, query: { format } },
      parseAs: 'blob',
    }),
    `personal-data.${format}`,
  );

export const downloadInventory = () =>
  downloadFile(api.GET('/api/privacy/inventory.xlsx', { parseAs: 'blob' }), 'inventory.xlsx');
