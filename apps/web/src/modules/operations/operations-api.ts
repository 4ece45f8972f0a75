import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';

export type Attention = ApiData<'/api/operations/attention'>;
export type AttentionItem = Attention['items'][number];
export type Health = ApiData<'/api/operations/health'>;
export type Jobs = ApiData<'/api/operations/jobs'>;
export type JobView = Jobs['jobs'][number];
export type Backups = ApiData<'/api/operations/backups'>;
export type BackupEvent = Backups['history'][number];
export type StorageUse = ApiData<'/api/operations/storage'>;
export type CodeTables = ApiData<'/api/operations/code-tables'>;

const keys = {
  all: ['operations'] as const,
  of: (what: string) => ['operations', what] as const,
};

/** State the server measures when asked: refetched on focus, and every 10 s while work runs. */
export const useAttention = () =>
  useQuery({ queryKey: keys.of('attention'), queryFn: () => unwrap(api.GET('/api/operations/attention')) });
export const useHealth = () =>
  useQuery({ queryKey: keys.of('health'), queryFn: () => unwrap(api.GET('/api/operations/health')) });
export const useJobs = () =>
  useQuery({
    queryKey: keys.of('jobs'),
    queryFn: () => unwrap(api.GET('/api/operations/jobs')),
    // While a job runs or waits in the queue, follow its progress.
    refetchInterval: (q) =>
      q.state.data?.jobs.some(
        (j) => j.status === 'running' || (j.queue && j.queue.waiting + j.queue.active > 0),
      )
        ? 3000
        : false,
  });
export const useStorageUse = () =>
  useQuery({ queryKey: keys.of('storage'), queryFn: () => unwrap(api.GET('/api/operations/storage')) });
export const useCodeTables = () =>
  useQuery({
    queryKey: keys.of('code-tables'),
    queryFn: () => unwrap(api.GET('/api/operations/code-tables')),
  });
export const useBackups = () =>
  useQuery({
    queryKey: keys.of('backups'),
    queryFn: () => unwrap(api.GET('/api/operations/backups')),
    // While a backup or a verification runs in the background, follow it.
    refetchInterval: (q) => (q.state.data?.activity ? 3000 : false),
  });

/** Starts a base backup, or the verification of one; afterwards everything is read again. */
export function useBackupAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (verify?: string) =>
      verify
        ? unwrap(api.POST('/api/operations/backups/{id}/verify', { params: { path: { id: verify } } }))
        : unwrap(api.POST('/api/operations/backups')),
    onSettled: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

/** Queues a job to run now (system administrator); afterwards everything is read again. */
export function useRunJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (job: string) =>
      unwrap(api.POST('/api/operations/jobs/{job}/run', { params: { path: { job } } })),
    onSettled: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}
