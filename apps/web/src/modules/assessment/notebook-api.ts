import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { ApiBody, ApiData } from '../../app/api/types';

export type NotebookEntry = ApiData<'/api/notebook'>['items'][number];
export type PracticeDraw = ApiData<'/api/notebook/mistakes/{id}/practice'>;
export type PracticeItem = NonNullable<PracticeDraw['item']>;
export type PracticeResult = ApiData<'/api/notebook/mistakes/{id}/practice', 'post'>;
export type PracticeAnswer = ApiBody<'/api/notebook/mistakes/{id}/practice', 'post'>['value'];
export type NotebookSummary = ApiData<'/api/notebook/students/{id}/summary'>;

export const notebookKeys = {
  mine: ['notebook', 'mine'] as const,
  child: (id: string) => ['notebook', 'child', id] as const,
  summary: (id: string) => ['notebook', 'summary', id] as const,
  practice: (id: string) => ['notebook', 'practice', id] as const,
};

export const useMyNotebook = () =>
  useQuery({ queryKey: notebookKeys.mine, queryFn: () => unwrap(api.GET('/api/notebook')) });

export const useChildNotebook = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: notebookKeys.child(id),
    enabled,
    retry: false,
    queryFn: () => unwrap(api.GET('/api/notebook/students/{id}', { params: { path: { id } } })),
  });

export const useNotebookSummary = (id: string) =>
  useQuery({
    queryKey: notebookKeys.summary(id),
    queryFn: () => unwrap(api.GET('/api/notebook/students/{id}/summary', { params: { path: { id } } })),
  });

/** A fresh draw each time the page asks: never cached, so "再来一题" brings the next item. */
export const drawPractice = (id: string) =>
  unwrap(api.GET('/api/notebook/mistakes/{id}/practice', { params: { path: { id } } }));

export const answerPractice = (id: string, itemId: string, value: PracticeAnswer) =>
  unwrap(
    api.POST('/api/notebook/mistakes/{id}/practice', { params: { path: { id } }, body: { itemId, value } }),
  );
