import { Card, Input, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { PageError } from '../../app/components/page-state';
import { formatCount } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { type OrgChild, type OrgUnit, unitLink, useOrgChildren } from './org-queries';

/** The units one level down; a district can hold hundreds of schools, so it filters by name. */
export function ChildrenTable({ unit }: { unit: OrgUnit }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const children = useOrgChildren(unit.id);
  const [q, setQ] = useState('');
  const rows = useMemo(
    () => (children.data ?? []).filter((c) => !q || c.name.includes(q.trim())),
    [children.data, q],
  );
  if (children.isError) return <PageError error={children.error} onRetry={() => void children.refetch()} />;

  return (
    <Card
      size="small"
      title={t('org.children')}
      extra={
        <Input.Search
          allowClear
          size="small"
          placeholder={t('org.filter')}
          aria-label={t('org.filter')}
          onChange={(e) => setQ(e.target.value)}
          style={{ width: 160 }}
        />
      }
    >
      <Table<OrgChild>
        rowKey="id"
        size="small"
        loading={children.isPending}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={rows.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
        data-testid="org-children"
        columns={[
          {
            title: t('org.name'),
            dataIndex: 'name',
            render: (name: string, c) => <Link to={unitLink(c, me.role)}>{name}</Link>,
          },
          { title: t('org.kindLabel'), dataIndex: 'kind', render: (k: string) => t(`org.kind.${k}`) },
          {
            title: t('portal.students'),
            align: 'right',
            render: (_, c) => formatCount(c.counts.students, lang),
          },
          {
            title: t('portal.teachers'),
            align: 'right',
            render: (_, c) => formatCount(c.counts.teachers, lang),
          },
          {
            title: t('org.status'),
            dataIndex: 'active',
            render: (active: boolean) =>
              active ? <Tag color="green">{t('org.active')}</Tag> : <Tag>{t('org.inactive')}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
