import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';

export type Roster = ApiData<'/api/classes/{id}/roster'>;
export type RosterStudent = Roster['students'][number];
export type Student = ApiData<'/api/students/{id}'>;
export type StudentSensitive = ApiData<'/api/students/{id}/sensitive'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const useRoster = (classId: string, enabled = true) =>
  useQuery({
    queryKey: ['roster', 'class', classId],
    queryFn: () => unwrap(api.GET('/api/classes/{id}/roster', byId(classId))),
    enabled: enabled && !!classId,
  });

export const useStudent = (personId: string) =>
  useQuery({
    queryKey: ['roster', 'student', personId],
    queryFn: () => unwrap(api.GET('/api/students/{id}', byId(personId))),
  });

/** Sensitive fields are fetched only on an explicit click: every read is audited (P4, P5). */
export const fetchSensitive = (personId: string) =>
  unwrap(api.GET('/api/students/{id}/sensitive', byId(personId)));

/** The full 全国学籍号 or ID number: a POST, because every reveal is recorded in the audit trail. */
export const revealNumber = (personId: string, field: 'nationalNo' | 'idNumber') =>
  unwrap(api.POST('/api/students/{id}/reveal', { ...byId(personId), body: { field } }));

/** GB/T 2261.1 labels are 男性/女性; rosters use the short form. */
export const GENDER_SHORT: Record<string, string> = { '1': 'gender.male', '2': 'gender.female' };
