import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { PageError, PageLoading } from '../../app/components/page-state';
import { unitLink, useOrgRoots } from './org-queries';
import { UnitView } from './unit-view';

/** 组织机构: drill city → district → school → grade → class; a class opens its roster. */
export function OrgBrowserPage() {
  const { unitId } = useParams();
  if (unitId) return <UnitView key={unitId} id={unitId} />;
  return <OrgRoots />;
}

/** The actor's starting units; with exactly one, go straight into it. */
function OrgRoots() {
  const { t } = useTranslation();
  const me = useMe();
  const roots = useOrgRoots();
  if (roots.isPending) return <PageLoading />;
  if (roots.isError) return <PageError error={roots.error} onRetry={() => void roots.refetch()} />;
  const only = roots.data.length === 1 ? roots.data[0] : undefined;
  if (only) return <Navigate to={unitLink(only, me.role)} replace />;
  return (
    <>
      <Typography.Title level={3} data-testid="org-title">
        {t('org.title')}
      </Typography.Title>
      <Card size="small">
        <Table
          rowKey="id"
          size="small"
          dataSource={roots.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('org.name'),
              dataIndex: 'name',
              render: (name: string, r) => <Link to={`/org/${r.id}`}>{name}</Link>,
            },
            { title: t('org.kindLabel'), dataIndex: 'kind', render: (k: string) => t(`org.kind.${k}`) },
          ]}
        />
      </Card>
    </>
  );
}
