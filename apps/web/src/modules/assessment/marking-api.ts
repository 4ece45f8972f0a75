import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { ApiBody, ApiData } from '../../app/api/types';

export type MarkingTask = ApiData<'/api/marking/tasks'>['items'][number];
export type MarkingOverview = ApiData<'/api/marking/assignments/{id}'>;
export type MarkingItem = MarkingOverview['items'][number];
export type ScriptList = ApiData<'/api/marking/assignments/{id}/scripts'>;
export type Script = ScriptList['scripts'][number];
export type MarkResult = ApiData<'/api/marking/assignments/{id}/marks', 'post'>;
export type MarkBody = ApiBody<'/api/marking/assignments/{id}/marks', 'post'>;
export type ArbitrationItem = ApiData<'/api/marking/assignments/{id}/arbitration'>['items'][number];
export type Marker = ApiData<'/api/marking/assignments/{id}/markers'>['items'][number];

export const markingKeys = {
  tasks: ['marking', 'tasks'] as const,
  overview: (id: string) => ['marking', 'overview', id] as const,
  scripts: (id: string, number: number, part: number) => ['marking', 'scripts', id, number, part] as const,
  arbitration: (id: string) => ['marking', 'arbitration', id] as const,
  markers: (id: string) => ['marking', 'markers', id] as const,
};

export const useMarkingTasks = () =>
  useQuery({ queryKey: markingKeys.tasks, queryFn: () => unwrap(api.GET('/api/marking/tasks')) });

export const useMarkingOverview = (id: string) =>
  useQuery({
    queryKey: markingKeys.overview(id),
    queryFn: () => unwrap(api.GET('/api/marking/assignments/{id}', { params: { path: { id } } })),
  });

export const useScripts = (id: string, number: number, part: number) =>
  useQuery({
    queryKey: markingKeys.scripts(id, number, part),
    queryFn: () =>
      unwrap(
        api.GET('/api/marking/assignments/{id}/scripts', {
          params: { path: { id }, query: { number, part } },
        }),
      ),
    // The marking flow keeps its own copy while the teacher works; no refetch behind their back.
    refetchOnWindowFocus: false,
  });

export const useArbitration = (id: string) =>
  useQuery({
    queryKey: markingKeys.arbitration(id),
    queryFn: () => unwrap(api.GET('/api/marking/assignments/{id}/arbitration', { params: { path: { id } } })),
  });

export const useMarkers = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: markingKeys.markers(id),
    enabled,
    queryFn: () => unwrap(api.GET('/api/marking/assignments/{id}/markers', { params: { path: { id } } })),
  });

export const saveMark = (id: string, body: MarkBody) =>
  unwrap(api.POST('/api/marking/assignments/{id}/marks', { params: { path: { id } }, body }));

export const findMarkerCandidates = (id: string, q: string) =>
  unwrap(
    api.GET('/api/marking/assignments/{id}/marker-candidates', { params: { path: { id }, query: { q } } }),
  );

export const addMarker = (
  id: string,
  body: { number: number; part: number; personId: string; role: 'marker' | 'arbiter' },
) => unwrap(api.POST('/api/marking/assignments/{id}/markers', { params: { path: { id } }, body }));

export const removeMarker = (id: string, body: { number: number; part: number; personId: string }) =>
  unwrap(api.POST('/api/marking/assignments/{id}/markers/remove', { params: { path: { id } }, body }));
