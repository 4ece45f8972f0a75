import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { ApiBody, ApiData } from '../../app/api/types';

export type Advice = ApiData<'/api/diagnosis/practice/students/{id}'>;
export type Recommendation = Advice['recommendations'][number];
export type StudentPush = Advice['pushes'][number];
export type PracticeSet = ApiData<'/api/diagnosis/practice/set'>;
export type PracticeItem = PracticeSet['items'][number];
export type PracticeResult = ApiData<'/api/diagnosis/practice/answers', 'post'>;
export type PracticeAnswer = ApiBody<'/api/diagnosis/practice/answers', 'post'>['value'];
export type ClassPractice = ApiData<'/api/diagnosis/practice/classes/{id}'>;
export type PointPractice = ApiData<'/api/diagnosis/practice/classes/{id}/points/{kpId}'>;
export type PushDetail = ApiData<'/api/diagnosis/practice/pushes/{id}'>;
export type NewPush = ApiBody<'/api/diagnosis/practice/classes/{id}/pushes', 'post'>;

export const practiceKeys = {
  all: ['practice'] as const,
  advice: (id: string) => ['practice', 'advice', id] as const,
  set: (q: { kp?: string; push?: string }) => ['practice', 'set', q] as const,
  class: (id: string) => ['practice', 'class', id] as const,
  point: (id: string, kp: string) => ['practice', 'class', id, kp] as const,
  push: (id: string) => ['practice', 'push', id] as const,
};

/** What a student was advised (their own, a child's, a pupil's). */
export const useAdvice = (studentId: string) =>
  useQuery({
    queryKey: practiceKeys.advice(studentId),
    queryFn: () =>
      unwrap(api.GET('/api/diagnosis/practice/students/{id}', { params: { path: { id: studentId } } })),
  });

/** The signed-in student's items of a recommended point or of a push (never their keys). */
export const usePracticeSet = (q: { kp?: string; push?: string }) =>
  useQuery({
    queryKey: practiceKeys.set(q),
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: () => unwrap(api.GET('/api/diagnosis/practice/set', { params: { query: q } })),
  });

export const answerPractice = (body: ApiBody<'/api/diagnosis/practice/answers', 'post'>) =>
  unwrap(api.POST('/api/diagnosis/practice/answers', { body }));

export const useClassPractice = (classId: string) =>
  useQuery({
    queryKey: practiceKeys.class(classId),
    enabled: !!classId,
    queryFn: () =>
      unwrap(api.GET('/api/diagnosis/practice/classes/{id}', { params: { path: { id: classId } } })),
  });

export const usePointPractice = (classId: string, kpId: string) =>
  useQuery({
    queryKey: practiceKeys.point(classId, kpId),
    enabled: !!classId && !!kpId,
    queryFn: () =>
      unwrap(
        api.GET('/api/diagnosis/practice/classes/{id}/points/{kpId}', {
          params: { path: { id: classId, kpId } },
        }),
      ),
  });

export const usePushDetail = (pushId: string | undefined) =>
  useQuery({
    queryKey: practiceKeys.push(pushId ?? ''),
    enabled: !!pushId,
    queryFn: () =>
      unwrap(api.GET('/api/diagnosis/practice/pushes/{id}', { params: { path: { id: pushId! } } })),
  });

export function usePush(classId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPush) =>
      unwrap(
        api.POST('/api/diagnosis/practice/classes/{id}/pushes', { params: { path: { id: classId } }, body }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: practiceKeys.class(classId) }),
  });
}

export function useMute(classId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { knowledgePointId: string; muted: boolean }) =>
      unwrap(
        api.POST('/api/diagnosis/practice/classes/{id}/mutes', { params: { path: { id: classId } }, body }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: practiceKeys.class(classId) }),
  });
}

/** 38% */
export const percent = (p: number | null | undefined) =>
  p === null || p === undefined ? '—' : `${Math.round(p * 100)}%`;
