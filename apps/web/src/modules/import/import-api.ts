import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';

export const ROSTER_KINDS = ['schools', 'classes', 'teachers', 'students', 'parents'] as const;
export type RosterKind = (typeof ROSTER_KINDS)[number];

export type ImportJob = ApiData<'/api/roster/imports/{id}'>;

/** Plain links: the browser downloads with the session cookie, no script needed. */
export const templateUrl = (kind: RosterKind) => `/api/roster/templates/${kind}`;
export const errorsUrl = (id: string) => `/api/roster/imports/${encodeURIComponent(id)}/errors.xlsx`;
/** Without a unit the server exports the actor's own unit. */
export const exportUrl = (kind: RosterKind, orgUnitId?: string) =>
  `/api/roster/exports/${kind}${orgUnitId ? `?orgUnitId=${encodeURIComponent(orgUnitId)}` : ''}`;

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
