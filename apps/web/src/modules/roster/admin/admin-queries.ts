import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../../app/api/client';
import type { ApiData } from '../../../app/api/types';
import { useOrgAncestors } from '../../org/org-queries';

export type SchoolTeacher = ApiData<'/api/schools/{id}/teachers'>[number];
export type UnitSummary = ApiData<'/api/org/units'>[number];

/** The school a class belongs to; the roster carries only the school's name, so ask the org tree. */
export function useClassSchool(classId: string) {
  const ancestors = useOrgAncestors(classId);
  return {
    school: ancestors.data?.find((a) => a.kind === 'school'),
    isPending: ancestors.isPending,
    error: ancestors.error,
  };
}

/** Teachers employed by or teaching in a school (admins only). */
export const useSchoolTeachers = (schoolId: string | undefined) =>
  useQuery({
    queryKey: ['roster', 'school-teachers', schoolId],
    queryFn: () =>
      unwrap(api.GET('/api/schools/{id}/teachers', { params: { path: { id: schoolId ?? '' } } })),
    enabled: !!schoolId,
    staleTime: 60_000,
  });

/** Units of one kind in the admin's scope whose name contains `q`. */
export const useUnitSearch = (kind: UnitSummary['kind'], q: string, limit = 50, enabled = true) =>
  useQuery({
    queryKey: ['org', 'search', kind, q, limit],
    queryFn: () =>
      unwrap(api.GET('/api/org/units', { params: { query: { kind, q: q.trim() || undefined, limit } } })),
    enabled,
    staleTime: 30_000,
  });

/** After a roster change, rosters, student records, org counts and portal figures may all move. */
export function useRefreshAfterChange() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['roster'] }),
      queryClient.invalidateQueries({ queryKey: ['org'] }),
      queryClient.invalidateQueries({ queryKey: ['portal'] }),
    ]);
  }, [queryClient]);
}
