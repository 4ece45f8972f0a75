import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';

export type Edition = ApiData<'/api/curriculum/editions'>[number];
export type Tree = ApiData<'/api/curriculum/editions/{id}/tree'>;
export type Volume = Tree['volumes'][number];
export type Unit = Volume['children'][number];
export type Lesson = Unit['children'][number];
export type PointDetail = ApiData<'/api/curriculum/knowledge-points/{id}'>;
export type PointRow = ApiData<'/api/curriculum/knowledge-points'>[number];
export type Graph = ApiData<'/api/curriculum/graph'>;
export type LessonResources = ApiData<'/api/curriculum/lessons/{id}/resources'>;

/** Subjects that have a backbone, in the order teachers expect them. */
export const SUBJECTS = ['13', '14', '41'] as const;
export const GRADES = ['11', '12', '13', '14', '15', '16', '21', '22', '23'] as const;

export const curriculumKeys = {
  all: ['curriculum'] as const,
  editions: (subject: string) => ['curriculum', 'editions', subject] as const,
  tree: (edition: string, grade: string, term: number) =>
    ['curriculum', 'tree', edition, grade, term] as const,
  points: (subject: string) => ['curriculum', 'points', subject] as const,
  point: (id: string) => ['curriculum', 'point', id] as const,
  graph: (subject: string, grade: string) => ['curriculum', 'graph', subject, grade] as const,
  lessonResources: (lesson: string) => ['curriculum', 'lesson-resources', lesson] as const,
};

export const useEditions = (subjectCode: string) =>
  useQuery({
    queryKey: curriculumKeys.editions(subjectCode),
    queryFn: () => unwrap(api.GET('/api/curriculum/editions', { params: { query: { subjectCode } } })),
  });

export const useTree = (editionId: string | undefined, gradeCode: string, term: 1 | 2) =>
  useQuery({
    queryKey: curriculumKeys.tree(editionId ?? '', gradeCode, term),
    enabled: !!editionId,
    queryFn: () =>
      unwrap(
        api.GET('/api/curriculum/editions/{id}/tree', {
          params: { path: { id: editionId ?? '' }, query: { gradeCode, term } },
        }),
      ),
  });

export const usePoints = (subjectCode: string) =>
  useQuery({
    queryKey: curriculumKeys.points(subjectCode),
    queryFn: () =>
      unwrap(api.GET('/api/curriculum/knowledge-points', { params: { query: { subjectCode } } })),
    staleTime: 60_000,
  });

export const usePoint = (id: string | undefined) =>
  useQuery({
    queryKey: curriculumKeys.point(id ?? ''),
    enabled: !!id,
    queryFn: () =>
      unwrap(api.GET('/api/curriculum/knowledge-points/{id}', { params: { path: { id: id ?? '' } } })),
  });

export const useGraph = (subjectCode: string, gradeCode: string) =>
  useQuery({
    queryKey: curriculumKeys.graph(subjectCode, gradeCode),
    queryFn: () =>
      unwrap(api.GET('/api/curriculum/graph', { params: { query: { subjectCode, gradeCode } } })),
  });

/** A lesson's published resources, newest first (the first `LESSON_RESOURCES_SHOWN`). */
export const LESSON_RESOURCES_SHOWN = 20;
export const useLessonResources = (lessonId: string | undefined) =>
  useQuery({
    queryKey: curriculumKeys.lessonResources(lessonId ?? ''),
    enabled: !!lessonId,
    queryFn: () =>
      unwrap(
        api.GET('/api/curriculum/lessons/{id}/resources', {
          params: { path: { id: lessonId ?? '' }, query: { limit: LESSON_RESOURCES_SHOWN } },
        }),
      ),
  });

export const exportUrl = (subjectCode: string) => `/api/curriculum/export?subjectCode=${subjectCode}`;

/** Uploads a backbone workbook; every row is checked before anything is written. */
export async function importBackbone(file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    api.POST('/api/curriculum/import', {
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    }),
  );
}
