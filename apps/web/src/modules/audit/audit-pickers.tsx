import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The text typed, once typing pauses: one look-up per name, not per keystroke (each is audited). */
function useSettled(text: string, ms = 400): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

export interface PickedPerson {
  value: string;
  label: string;
}

/**
 * Picks a person by name among those the audit trail mentions (the server looks them up and records
 * whom it showed), or takes a pasted person ID as it is.
 */
export function PersonPicker({
  value,
  onChange,
  id,
}: {
  value?: PickedPerson;
  onChange?: (v: PickedPerson | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [text, setText] = useState('');
  const name = useSettled(text.trim());
  const byId = UUID.test(name);
  const people = useQuery({
    queryKey: ['audit', 'persons', name],
    queryFn: () => unwrap(api.GET('/api/audit/persons', { params: { query: { name } } })),
    enabled: name.length > 0 && !byId,
    staleTime: 60_000,
  });
  const kind = (p: { learner: boolean; staff: boolean }) =>
    p.learner ? t('audit.personLearner') : p.staff ? t('audit.personStaff') : t('audit.personOther');
  type Option = { value: string; label: string; hint?: string };
  const options: Option[] = byId
    ? [{ value: name, label: name }]
    : (people.data ?? []).map((p) => ({
        value: p.personId,
        label: p.name,
        hint: [
          kind(p),
          p.orgNames.join(' / '),
          p.lastAt && t('audit.personLastSeen', { at: formatDateTime(p.lastAt, lang) }),
        ]
          .filter(Boolean)
          .join(' · '),
      }));
  // The chosen person stays shown (by name) after the search text is gone.
  if (value && !options.some((o) => o.value === value.value)) options.unshift(value);
  return (
    <Select<string, Option>
      id={id}
      allowClear
      value={value?.value}
      onChange={(v, option) => {
        const picked = Array.isArray(option) ? option[0] : option;
        onChange?.(v ? { value: v, label: picked?.label ?? v } : undefined);
      }}
      optionRender={(o) => (
        <div>
          <div>{o.data.label}</div>
          {o.data.hint && (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
              {o.data.hint}
            </Typography.Text>
          )}
        </div>
      )}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={people.isFetching}
      placeholder={t('audit.personHint')}
      notFoundContent={name && !people.isFetching && !byId ? t('audit.personNone') : null}
      options={options}
      data-testid="audit-person"
    />
  );
}

/** Picks a district, school or class by name for the audit filter. */
export function UnitPicker({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useSettled(text.trim(), 250);
  const units = useQuery({
    queryKey: ['audit', 'units', q],
    queryFn: () => unwrap(api.GET('/api/audit/units', { params: { query: { q: q || undefined } } })),
    staleTime: 5 * 60_000,
  });
  return (
    <Select
      id={id}
      allowClear
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={units.isFetching}
      placeholder={t('audit.orgUnitHint')}
      notFoundContent={null}
      options={(units.data ?? []).map((u) => ({
        value: u.id,
        label: `${u.name}（${t(`org.kind.${u.kind}`, { defaultValue: u.kind })}）`,
      }))}
    />
  );
}
