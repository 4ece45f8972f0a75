import { SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, DatePicker, Form, Row, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from './audit-api';
import { useAuditActions } from './audit-api';
import { PersonPicker, type PickedPerson, UnitPicker } from './audit-pickers';

type Role = NonNullable<AuditFilter['actorRoles']>[number];
type Outcome = NonNullable<AuditFilter['outcomes']>[number];
type Code = NonNullable<AuditFilter['actions']>[number];
type Group = NonNullable<AuditFilter['groups']>[number];

const ROLES: Role[] = [
  'system_admin',
  'security_admin',
  'auditor',
  'city_admin',
  'district_admin',
  'school_admin',
  'head_teacher',
  'teacher',
  'researcher',
  'expert',
  'student',
  'parent',
  'system',
];
const OUTCOMES: Outcome[] = ['success', 'failure', 'denied'];
/** Tree values: a whole group, or one action. */
const GROUP = 'group:';

interface Values {
  person?: PickedPerson;
  actions?: string[];
  actorRoles?: Role[];
  outcomes?: Outcome[];
  orgUnitId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  hideOwnAudit?: boolean;
}

/** The picker's wall-clock time is read as Beijing time, whatever the browser's own zone. */
const beijing = (d: Dayjs | null | undefined) => (d ? `${d.format('YYYY-MM-DDTHH:mm:00')}+08:00` : undefined);
const fromBeijing = (iso: string | undefined) => (iso ? dayjs(iso.slice(0, 16)) : null);
/** Now as Beijing wall-clock time in the picker, whatever the browser's own zone. */
const beijingNow = () => dayjs().add(480 + new Date().getTimezoneOffset(), 'minute');

function toValues(f: AuditFilter, personLabel: string | undefined): Values {
  const now = beijingNow();
  return {
    person: f.personId ? { value: f.personId, label: personLabel ?? f.personId } : undefined,
    actions: [...(f.groups ?? []).map((g) => `${GROUP}${g}`), ...(f.actions ?? [])],
    actorRoles: f.actorRoles,
    outcomes: f.outcomes,
    orgUnitId: f.orgUnitId,
    range: f.days
      ? [now.subtract(f.days, 'day'), now]
      : f.from || f.to
        ? [fromBeijing(f.from), fromBeijing(f.to)]
        : null,
    hideOwnAudit: f.hideOwnAudit ?? false,
  };
}

function toFilter(v: Values, days: number | undefined): AuditFilter {
  const picked = v.actions ?? [];
  const nonEmpty = <T,>(xs: T[] | undefined) => (xs && xs.length > 0 ? xs : undefined);
  return {
    personId: v.person?.value,
    groups: nonEmpty(picked.filter((x) => x.startsWith(GROUP)).map((x) => x.slice(GROUP.length) as Group)),
    actions: nonEmpty(picked.filter((x) => !x.startsWith(GROUP)) as Code[]),
    actorRoles: nonEmpty(v.actorRoles),
    outcomes: nonEmpty(v.outcomes),
    orgUnitId: v.orgUnitId,
    days,
    from: days ? undefined : beijing(v.range?.[0]),
    to: days ? undefined : beijing(v.range?.[1]),
    hideOwnAudit: v.hideOwnAudit || undefined,
  };
}

interface Props {
  /** The filter in force; the form follows it when it changes from outside (a preset). */
  value: AuditFilter;
  /** The name of the person the filter names, when the page knows it. */
  personLabel?: string;
  onSearch: (filter: AuditFilter, personLabel?: string) => void;
  onReset: () => void;
}

/** The audit filter: person, grouped actions, roles, outcomes, unit, time, the own-searches switch. */
export function AuditFilters({ value, personLabel, onSearch, onReset }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { groups, lang } = useAuditActions();
  // A window of days ("the last 7 days") stays relative until the range is changed by hand.
  const [days, setDays] = useState(value.days);
  useEffect(() => {
    form.setFieldsValue(toValues(value, personLabel));
    setDays(value.days);
  }, [form, value, personLabel]);

  const tree = useMemo(
    () =>
      groups.map((g) => ({
        title: lang === 'en' ? g.en : g.zh,
        value: `${GROUP}${g.key}`,
        key: `${GROUP}${g.key}`,
        children: g.actions.map((a) => ({
          title: lang === 'en' ? a.en : a.zh,
          value: a.code,
          key: a.code,
          code: a.code,
        })),
      })),
    [groups, lang],
  );

  return (
    <Form
      form={form}
      layout="vertical"
      onValuesChange={(changed: Values) => {
        if ('range' in changed) setDays(undefined);
      }}
      onFinish={(v) => onSearch(toFilter(v, days), v.person?.label)}
      data-testid="audit-form"
    >
      <Row gutter={12}>
        <Col xs={24} sm={12} xl={8}>
          <Form.Item label={t('audit.person')} name="person" tooltip={t('audit.personLookupNote')}>
            <PersonPicker />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={8}>
          <Form.Item label={t('audit.action')} name="actions">
            <TreeSelect
              treeData={tree}
              treeCheckable
              showCheckedStrategy={TreeSelect.SHOW_PARENT}
              allowClear
              maxTagCount="responsive"
              placeholder={t('audit.actionHint')}
              showSearch={{
                filterTreeNode: (input, node) =>
                  `${String(node.title)} ${String(node.value)}`.toLowerCase().includes(input.toLowerCase()),
              }}
              listHeight={320}
              data-testid="audit-actions"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={8}>
          <Form.Item label={t('audit.actorRole')} name="actorRoles">
            <Select
              mode="multiple"
              allowClear
              maxTagCount="responsive"
              placeholder={t('audit.actorRoleHint')}
              options={ROLES.map((r) => ({
                value: r,
                label: r === 'system' ? t('audit.systemActor') : t(`role.${r}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={8}>
          <Form.Item label={t('audit.outcome')} name="outcomes">
            <Select
              mode="multiple"
              allowClear
              placeholder={t('audit.outcomeHint')}
              options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcomeValue.${o}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={8}>
          <Form.Item label={t('audit.orgUnit')} name="orgUnitId">
            <UnitPicker />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={8}>
          <Form.Item
            label={t('audit.range')}
            name="range"
            extra={days ? t('audit.rangeDays', { count: days }) : undefined}
          >
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              allowEmpty={[true, true]}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12} align="middle" style={{ rowGap: 8 }}>
        <Col flex="auto">
          <Form.Item name="hideOwnAudit" valuePropName="checked" noStyle>
            <Checkbox data-testid="audit-hide-own">{t('audit.hideOwnAudit')}</Checkbox>
          </Form.Item>
        </Col>
        <Col style={{ display: 'flex', gap: 8 }}>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
            {t('audit.search')}
          </Button>
          <Button onClick={onReset}>{t('common.reset')}</Button>
        </Col>
      </Row>
    </Form>
  );
}
