import { useQueries } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../app/api/client';
import { orgKeys } from '../../org/org-queries';
import { type UnitSummary, useUnitSearch } from './admin-queries';

interface Props {
  value?: string;
  onChange?: (id: string | undefined, unit: UnitSummary | undefined) => void;
  /** A class not to offer (the student's current class). */
  exclude?: string;
  /** Only classes under this org path (one school); the school name is then left out. */
  withinPath?: string;
  placeholder?: string;
  testId?: string;
}

const under = (path: string, root: string) => path.startsWith(`${root}.`);

/**
 * Picks an administrative class in the admin's scope by name. Class names repeat across schools
 * (四年级(1)班), so each option also names its school: from the scope's school list, or for the
 * few a large scope leaves out, from the class's ancestors.
 */
export function ClassPicker({ value, onChange, exclude, withinPath, placeholder, testId }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const classes = useUnitSearch('class', q, withinPath ? 200 : 50);
  const schools = useUnitSearch('school', '', 200, !withinPath);

  const list = useMemo(
    () => (classes.data ?? []).filter((c) => c.id !== exclude && (!withinPath || under(c.path, withinPath))),
    [classes.data, exclude, withinPath],
  );
  const schoolOf = useMemo(() => {
    const byClass = new Map<string, string>();
    if (withinPath) return byClass;
    for (const c of list) {
      const s = (schools.data ?? []).find((x) => under(c.path, x.path));
      if (s) byClass.set(c.id, s.name);
    }
    return byClass;
  }, [list, schools.data, withinPath]);

  // Fallback for classes whose school was not in the (capped) school list.
  const missing = withinPath || !schools.data ? [] : list.filter((c) => !schoolOf.has(c.id));
  const ancestors = useQueries({
    queries: missing.map((c) => ({
      queryKey: orgKeys.ancestors(c.id),
      queryFn: () => unwrap(api.GET('/api/org/units/{id}/ancestors', { params: { path: { id: c.id } } })),
      staleTime: 300_000,
    })),
  });
  const schoolName = (c: UnitSummary) => {
    const known = schoolOf.get(c.id);
    if (known) return known;
    const i = missing.indexOf(c);
    return i >= 0 ? ancestors[i]?.data?.find((a) => a.kind === 'school')?.name : undefined;
  };

  const options = list.map((c) => {
    const school = schoolName(c);
    return { value: c.id, label: school ? `${c.name} · ${school}` : c.name, unit: c };
  });
  return (
    <Select
      value={value}
      onChange={(v: string | undefined, o) => onChange?.(v, Array.isArray(o) ? undefined : o?.unit)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={classes.isFetching}
      placeholder={placeholder ?? t('rosterAdmin.classSearch')}
      notFoundContent={classes.isFetching ? t('common.loading') : t('common.empty')}
      options={options}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
