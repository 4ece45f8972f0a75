import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { ApiBody, ApiData } from '../../app/api/types';

export type Homework = ApiData<'/api/homework'>['items'][number];
export type Standing = Homework['standing'];
export type ChildHomework = ApiData<'/api/students/{id}/homework'>;
export type Assignment = ApiData<'/api/assignments'>['items'][number];
export type Progress = ApiData<'/api/assignments/{id}'>;
export type AssignableClass = ApiData<'/api/assignments/classes'>['items'][number];
export type AssignablePaper = ApiData<'/api/assignments/papers'>['items'][number];
export type NewAssignment = ApiBody<'/api/assignments', 'post'>;
export type Attempt = ApiData<'/api/attempts/{id}'>;
export type Answer = Attempt['answers'][number];
export type AnswerValue = Answer['value'];
export type Regrade = ApiBody<'/api/assignments/{id}/regrade', 'post'>;

export const homeworkKeys = {
  mine: ['homework', 'mine'] as const,
  child: (id: string) => ['homework', 'child', id] as const,
  assignments: ['homework', 'assignments'] as const,
  progress: (id: string) => ['homework', 'progress', id] as const,
  attempt: (id: string) => ['homework', 'attempt', id] as const,
};

export const useMyHomework = () =>
  useQuery({ queryKey: homeworkKeys.mine, queryFn: () => unwrap(api.GET('/api/homework')) });

export const useChildHomework = (id: string | undefined) =>
  useQuery({
    queryKey: homeworkKeys.child(id ?? ''),
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/students/{id}/homework', { params: { path: { id: id! } } })),
  });

export const useAssignments = () =>
  useQuery({ queryKey: homeworkKeys.assignments, queryFn: () => unwrap(api.GET('/api/assignments')) });

export const useProgress = (id: string) =>
  useQuery({
    queryKey: homeworkKeys.progress(id),
    queryFn: () => unwrap(api.GET('/api/assignments/{id}', { params: { path: { id } } })),
  });

export const useAssignableClasses = (enabled: boolean) =>
  useQuery({
    queryKey: ['homework', 'classes'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/assignments/classes')),
  });

export const useAssignablePapers = (enabled: boolean) =>
  useQuery({
    queryKey: ['homework', 'papers'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/assignments/papers')),
  });

export const useAttempt = (id: string) =>
  useQuery({
    queryKey: homeworkKeys.attempt(id),
    queryFn: () => unwrap(api.GET('/api/attempts/{id}', { params: { path: { id } } })),
    // The answering page keeps its own copy of the answers; a background refetch would overwrite them.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

export const startAttempt = (assignmentId: string) =>
  unwrap(api.POST('/api/assignments/{id}/start', { params: { path: { id: assignmentId } } }));

export const createAssignment = (body: NewAssignment) => unwrap(api.POST('/api/assignments', { body }));

export const releaseScores = (id: string) =>
  unwrap(api.POST('/api/assignments/{id}/release', { params: { path: { id } } }));

export const regradeBlank = (id: string, body: Regrade) =>
  unwrap(api.POST('/api/assignments/{id}/regrade', { params: { path: { id } }, body }));
