import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { api, unwrap } from '../api/client';
import type { ApiData } from '../api/types';
import { useLang } from '../i18n/use-lang';

export type CodeTable = ApiData<'/api/codes/{category}'>;
export type CodeEntry = CodeTable['entries'][number];

/** A national code table (JY/T 1001 family); tables change only with a release, so cache forever. */
export function useCodeTable(category: string) {
  return useQuery({
    queryKey: ['codes', category],
    queryFn: () => unwrap(api.GET('/api/codes/{category}', { params: { path: { category } } })),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

/** Returns `label(code)` in the current language; unknown codes show as themselves. */
export function useCodeLabel(category: string): (code: string | null | undefined) => string {
  const { data } = useCodeTable(category);
  const lang = useLang();
  const byCode = useMemo(() => new Map((data?.entries ?? []).map((e) => [e.code, e])), [data]);
  return useCallback(
    (code) => {
      if (code === null || code === undefined || code === '') return '—';
      const entry = byCode.get(code);
      if (!entry) return code;
      return lang === 'en' ? entry.en : entry.zh;
    },
    [byCode, lang],
  );
}

/** Options for a Select over one code table, labelled in the current language. */
export function useCodeOptions(category: string) {
  const { data } = useCodeTable(category);
  const lang = useLang();
  return useMemo(
    () => (data?.entries ?? []).map((e) => ({ value: e.code, label: lang === 'en' ? e.en : e.zh })),
    [data, lang],
  );
}
