import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import { downloadFile } from '../../app/api/download';
import type { ApiData } from '../../app/api/types';

export const ROSTER_KINDS = ['schools', 'classes', 'teachers', 'students', 'parents'] as const;
export type RosterKind = (typeof ROSTER_KINDS)[number];

export type ImportJob = ApiData<'/api/roster/imports/{id}'>;

/** Plain links: the browser downloads with the session cookie, no script needed. */
export const templateUrl = (kind: RosterKind) => `/api/roster/templates/${kind}`;
export const errorsUrl = (id: string) => `/api/roster/imports/${encodeURIComponent(id)}/errors.xlsx`;

/**
 * Downloads an export; without a unit the server exports the actor's own unit. Through the client
 * rather than a link, so an export that needs a second administrator (`approval_required`) can be
 * turned into a request.
 */
export const downloadExport = (kind: RosterKind, orgUnitId?: string) =>
  downloadFile(
    api.GET('/api/roster/exports/{kind}', {
      params: { path: { kind }, query: { orgUnitId } },
      parseAs: 'blob',
    }),
    `${kind}.xlsx`,
  );

export type ExportRequest = ApiData<'/api/roster/export-requests'>[number];
export const EXPORT_REQUESTS_KEY = ['roster', 'export-requests'] as const;

/** My export requests, and the pending requests of others that I may approve. */
export const useExportRequests = () =>
  useQuery({
    queryKey: EXPORT_REQUESTS_KEY,
    queryFn: () => unwrap(api.GET('/api/roster/export-requests')),
  });

/** The approved workbook, once: the server keeps only the record that it was fetched. */
export const downloadApprovedExport = (id: string) =>
  downloadFile(
    api.GET('/api/roster/export-requests/{id}/file', { params: { path: { id } }, parseAs: 'blob' }),
    'export.xlsx',
  );

/** The server's upload limit (roster-import MAX_FILE_BYTES). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Uploads one .xlsx; the server validates every row before writing any (P8). */
export async function startImport(kind: RosterKind, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST('/api/roster/imports', {
      params: { query: { kind } },
      // The body is multipart; openapi-fetch must pass FormData through untouched.
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    }),
  );
}

const RUNNING = new Set(['validating', 'importing']);
export const isRunning = (job: ImportJob | undefined) => !!job && RUNNING.has(job.status);

/** Polls an import job once a second until it is done or failed. */
export const useImportJob = (id: string | undefined) =>
  useQuery({
    queryKey: ['roster', 'import', id],
    queryFn: () => unwrap(api.GET('/api/roster/imports/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
    refetchInterval: (q) => (isRunning(q.state.data) ? 1000 : false),
  });
