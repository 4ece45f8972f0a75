import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';

export type ItemAnalysis = ApiData<'/api/assignments/{id}/item-analysis'>;
export type AnalysedItem = ItemAnalysis['items'][number];
export type ItemFlag = AnalysedItem['flags'][number];
export type DistractorRow = NonNullable<AnalysedItem['distractors']>[number];
export type AnalysableExam = ApiData<'/api/item-analysis/exams'>['items'][number];

export const useItemAnalysis = (id: string, classId: string | undefined) =>
  useQuery({
    queryKey: ['item-analysis', id, classId ?? ''],
    queryFn: () =>
      unwrap(
        api.GET('/api/assignments/{id}/item-analysis', {
          params: { path: { id }, query: classId ? { classId } : {} },
        }),
      ),
  });

export const useAnalysableExams = () =>
  useQuery({
    queryKey: ['item-analysis', 'exams'],
    queryFn: () => unwrap(api.GET('/api/item-analysis/exams')),
  });

export const itemAnalysisExportUrl = (id: string, classId: string | undefined) =>
  `/api/assignments/${id}/item-analysis/export${classId ? `?classId=${encodeURIComponent(classId)}` : ''}`;

/** Colour bands of the indices, as teachers read them (Ebel's bands for discrimination). */
export type Band = 'bad' | 'poor' | 'fair' | 'good' | 'best';

export const BAND_COLOURS: Record<Band, string> = {
  bad: '#cf1322',
  poor: '#d46b08',
  fair: '#d4b106',
  good: '#389e0d',
  best: '#237804',
};

/** Discrimination (D or r): below 0 wrong, below 0.2 poor, 0.2–0.3 fair, 0.3–0.4 good, 0.4 and up very good. */
export function discriminationBand(x: number | null): Band | null {
  if (x === null) return null;
  if (x < 0) return 'bad';
  if (x < 0.2) return 'poor';
  if (x < 0.3) return 'fair';
  if (x < 0.4) return 'good';
  return 'best';
}

/** Difficulty P: the extremes tell little; 0.4–0.8 suits most classroom papers. */
export function difficultyBand(
  p: number | null,
): 'veryHard' | 'hard' | 'medium' | 'easy' | 'veryEasy' | null {
  if (p === null) return null;
  if (p < 0.2) return 'veryHard';
  if (p < 0.4) return 'hard';
  if (p <= 0.8) return 'medium';
  if (p <= 0.9) return 'easy';
  return 'veryEasy';
}

export const DIFFICULTY_COLOURS = {
  veryHard: '#cf1322',
  hard: '#d46b08',
  medium: '#389e0d',
  easy: '#1677ff',
  veryEasy: '#d46b08',
} as const;

/** The reading of a reliability coefficient, as a key of `itemAnalysis.reliability.reading`. */
export function reliabilityReading(alpha: number | null): 'high' | 'good' | 'fair' | 'low' | 'poor' | 'none' {
  if (alpha === null) return 'none';
  if (alpha >= 0.9) return 'high';
  if (alpha >= 0.8) return 'good';
  if (alpha >= 0.7) return 'fair';
  if (alpha >= 0.6) return 'low';
  return 'poor';
}

/** Option letters as the page shows them (a judgement's T/F in words). */
export const optionLabel = (o: string | null, t: (k: string) => string) =>
  o === null
    ? t('itemAnalysis.blank')
    : o === 'T'
      ? t('itemAnalysis.true')
      : o === 'F'
        ? t('itemAnalysis.false')
        : o;

export const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
export const fix2 = (x: number | null) => (x === null ? '—' : x.toFixed(2));
