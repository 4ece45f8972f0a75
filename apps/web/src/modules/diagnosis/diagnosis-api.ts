import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';

export type ClassHeatmap = ApiData<'/api/classes/{classId}/mastery'>;
export type HeatmapPoint = ClassHeatmap['points'][number];
export type ClassPoint = ApiData<'/api/classes/{classId}/mastery/{kpId}'>;
export type StudentPoint = ApiData<'/api/students/{id}/mastery/{kpId}'>;
export type MasteryReport = ApiData<'/api/students/{id}/mastery-report'>;
export type MasteryRollup = ApiData<'/api/mastery/rollup'>;
export type Level = 'weak' | 'developing' | 'mastered';

/** The levels' colours (the workbook's fills, stronger): red, amber, green; grey for no answer. */
export const LEVEL_COLOURS: Record<Level, string> = {
  weak: '#f5222d',
  developing: '#faad14',
  mastered: '#52c41a',
};
/** Lighter fills for cells with text on them. */
export const LEVEL_FILLS: Record<Level, string> = {
  weak: '#ffccc7',
  developing: '#ffe58f',
  mastered: '#b7eb8f',
};
export const NO_DATA = '#f0f0f0';

/** The level of a mastery estimate (the server's thresholds: 薄弱 below 0.5, 掌握 from 0.7). */
export const levelOf = (p: number): Level => (p < 0.5 ? 'weak' : p >= 0.7 ? 'mastered' : 'developing');

export const pct = (p: number | null | undefined) =>
  p === null || p === undefined ? '—' : `${Math.round(p * 100)}%`;

const q = (subject: string | undefined) => (subject ? { subject } : {});

export const useClassHeatmap = (classId: string | undefined, subject: string | undefined) =>
  useQuery({
    queryKey: ['mastery', 'class', classId, subject ?? ''],
    enabled: !!classId,
    queryFn: () =>
      unwrap(
        api.GET('/api/classes/{classId}/mastery', {
          params: { path: { classId: classId ?? '' }, query: q(subject) },
        }),
      ),
  });

export const useClassPoint = (classId: string, kpId: string | undefined) =>
  useQuery({
    queryKey: ['mastery', 'class-point', classId, kpId],
    enabled: !!kpId,
    queryFn: () =>
      unwrap(
        api.GET('/api/classes/{classId}/mastery/{kpId}', { params: { path: { classId, kpId: kpId ?? '' } } }),
      ),
  });

export const useStudentPoint = (studentId: string | undefined, kpId: string | undefined) =>
  useQuery({
    queryKey: ['mastery', 'student-point', studentId, kpId],
    enabled: !!studentId && !!kpId,
    queryFn: () =>
      unwrap(
        api.GET('/api/students/{id}/mastery/{kpId}', {
          params: { path: { id: studentId ?? '', kpId: kpId ?? '' } },
        }),
      ),
  });

export const useMasteryReport = (studentId: string | undefined, subject: string | undefined) =>
  useQuery({
    queryKey: ['mastery', 'report', studentId, subject ?? ''],
    enabled: !!studentId,
    queryFn: () =>
      unwrap(
        api.GET('/api/students/{id}/mastery-report', {
          params: { path: { id: studentId ?? '' }, query: q(subject) },
        }),
      ),
  });

export const useMasteryRollup = (orgUnitId: string | undefined, subject: string | undefined) =>
  useQuery({
    queryKey: ['mastery', 'rollup', orgUnitId ?? '', subject ?? ''],
    queryFn: () =>
      unwrap(
        api.GET('/api/mastery/rollup', {
          params: { query: { ...q(subject), ...(orgUnitId ? { orgUnitId } : {}) } },
        }),
      ),
  });

const query = (o: Record<string, string | undefined>) => {
  const s = new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => !!e[1])).toString();
  return s ? `?${s}` : '';
};

export const heatmapExportUrl = (classId: string, subject?: string) =>
  `/api/classes/${classId}/mastery/export${query({ subject })}`;
export const reportExportUrl = (studentId: string, subject?: string) =>
  `/api/students/${studentId}/mastery-report/export${query({ subject })}`;
export const rollupExportUrl = (orgUnitId?: string, subject?: string) =>
  `/api/mastery/rollup/export${query({ orgUnitId, subject })}`;

/** Where the practice page (another part of 学情诊断) takes a class and a point. */
export const practiceUrl = (classId: string, kpId: string) =>
  `/diagnosis/practice?class=${encodeURIComponent(classId)}&kp=${encodeURIComponent(kpId)}`;
