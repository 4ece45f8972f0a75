import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import type { OrgKind } from './org-queries';

interface Props {
  value?: string;
  /** The unit's name comes along for showing the choice elsewhere. */
  onChange?: (id: string | undefined, name?: string) => void;
  kinds?: OrgKind[];
  placeholder?: string;
  id?: string;
}

/** Picks an org unit by name (districts and schools by default) within the actor's scope. */
export function OrgUnitPicker({
  value,
  onChange,
  kinds = ['city', 'district', 'school'],
  placeholder,
  id,
}: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const units = useQuery({
    queryKey: ['org', 'picker', kinds.join(','), q],
    queryFn: async () => {
      const lists = await Promise.all(
        kinds.map((kind) =>
          unwrap(api.GET('/api/org/units', { params: { query: { kind, q: q || undefined, limit: 20 } } })),
        ),
      );
      return lists.flat();
    },
    staleTime: 60_000,
  });
  return (
    <Select
      id={id}
      allowClear
      value={value}
      onChange={(v: string | undefined) => onChange?.(v, units.data?.find((u) => u.id === v)?.name)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={units.isFetching}
      placeholder={placeholder ?? t('org.searchByName')}
      notFoundContent={null}
      options={(units.data ?? []).map((u) => ({
        value: u.id,
        label: `${u.name}（${t(`org.kind.${u.kind}`)}）`,
      }))}
    />
  );
}
