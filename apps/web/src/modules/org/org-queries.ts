import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';
import { ROSTER_ROLES, type Role } from '../../app/auth/roles';

export type OrgUnit = ApiData<'/api/org/units/{id}'>;
export type OrgChild = ApiData<'/api/org/units/{id}/children'>[number];
export type OrgKind = OrgUnit['kind'];

export const orgKeys = {
  all: ['org'] as const,
  roots: ['org', 'roots'] as const,
  unit: (id: string) => ['org', 'unit', id] as const,
  children: (id: string) => ['org', 'children', id] as const,
  ancestors: (id: string) => ['org', 'ancestors', id] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export const useOrgRoots = () =>
  useQuery({ queryKey: orgKeys.roots, queryFn: () => unwrap(api.GET('/api/org/roots')) });

export const useOrgUnit = (id: string) =>
  useQuery({ queryKey: orgKeys.unit(id), queryFn: () => unwrap(api.GET('/api/org/units/{id}', path(id))) });

export const useOrgChildren = (id: string) =>
  useQuery({
    queryKey: orgKeys.children(id),
    queryFn: () => unwrap(api.GET('/api/org/units/{id}/children', path(id))),
  });

export const useOrgAncestors = (id: string, enabled = true) =>
  useQuery({
    queryKey: orgKeys.ancestors(id),
    queryFn: () => unwrap(api.GET('/api/org/units/{id}/ancestors', path(id))),
    enabled,
  });

/** The kinds of unit an admin may create under a parent of the given kind. */
export function childKinds(kind: OrgKind): Exclude<OrgKind, 'city'>[] {
  switch (kind) {
    case 'city':
      return ['district'];
    case 'district':
      return ['school'];
    case 'school':
      return ['grade', 'teaching_class'];
    case 'grade':
      return ['class'];
    default:
      return [];
  }
}

/** The kind of parent a unit may be moved under. */
export function parentKindOf(kind: OrgKind): OrgKind | undefined {
  const parents: Partial<Record<OrgKind, OrgKind>> = {
    district: 'city',
    school: 'district',
    grade: 'school',
    class: 'grade',
    teaching_class: 'school',
  };
  return parents[kind];
}

export const isClassKind = (kind: OrgKind) => kind === 'class' || kind === 'teaching_class';

/** Where a unit opens: a class its roster for those who may read one, anything else its org page. */
export const unitLink = (u: { id: string; kind: OrgKind }, role: Role) =>
  isClassKind(u.kind) && ROSTER_ROLES.includes(role) ? `/classes/${u.id}` : `/org/${u.id}`;
