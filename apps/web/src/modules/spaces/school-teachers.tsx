import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../app/api/client';
import { useMe } from '../../app/auth/auth-context';
import { useCodeLabel } from '../../app/codes/use-codes';

/**
 * Teachers an administrator may name for a studio: a school administrator's own teachers; a bureau
 * first picks one of its schools.
 */
export function useSchoolTeachers(enabled: boolean) {
  const me = useMe();
  const subject = useCodeLabel('subject');
  const atSchool = me.role === 'school_admin';
  const [schoolId, setSchoolId] = useState<string | undefined>(atSchool ? me.orgUnitId : undefined);
  const schools = useQuery({
    queryKey: ['org', 'schools'],
    enabled: enabled && !atSchool,
    queryFn: () => unwrap(api.GET('/api/org/units', { params: { query: { kind: 'school', limit: 200 } } })),
  });
  const teachers = useQuery({
    queryKey: ['spaces', 'teachers', schoolId],
    enabled: enabled && !!schoolId,
    queryFn: () =>
      unwrap(api.GET('/api/schools/{id}/teachers', { params: { path: { id: schoolId ?? '' } } })),
  });
  const options = (teachers.data ?? []).map((x) => ({
    value: x.personId,
    label: `${x.name}（${x.subjects.map((s) => subject(s)).join('、') || x.staffNo}）`,
  }));
  const schoolSelect = (onChange?: () => void) =>
    atSchool ? null : (
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        value={schoolId}
        onChange={(v) => {
          setSchoolId(v);
          onChange?.();
        }}
        loading={schools.isPending}
        options={(schools.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        style={{ minWidth: 200 }}
        data-testid="studio-school"
      />
    );
  return { atSchool, options, loading: teachers.isFetching, schoolSelect };
}
