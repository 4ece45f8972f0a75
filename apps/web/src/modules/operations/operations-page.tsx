import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { AttentionList } from './attention-list';
import { BackupsTab } from './backups-tab';
import { CodeTablesTab } from './code-tables-tab';
import { HealthTab } from './health-tab';
import { JobsTab } from './jobs-tab';
import { useAttention } from './operations-api';
import { StorageTab } from './storage-tab';

const TABS = ['health', 'jobs', 'backups', 'storage', 'codes'] as const;
type Tab = (typeof TABS)[number];

/**
 * 系统运行 (issue 9 §1, 等保 2.0 三员分立): the system administrator's Monday morning — what needs
 * attention first, then the service's health, the scheduled jobs, backups and restores, storage
 * and the code tables, each with the time it was checked. The tab lives in the URL.
 */
export function OperationsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'health';
  const attention = useAttention();

  return (
    <Stack>
      <PageTitle
        title={t('operations.title')}
        subtitle={t('operations.subtitle')}
        testId="ops-title"
        extra={
          <Button
            icon={<ReloadOutlined />}
            onClick={() => void client.invalidateQueries({ queryKey: ['operations'] })}
            data-testid="ops-refresh"
          >
            {t('operations.refresh')}
          </Button>
        }
      />
      {attention.isPending ? (
        <PageLoading />
      ) : attention.isError ? (
        <PageError error={attention.error} onRetry={() => void attention.refetch()} />
      ) : (
        <AttentionList items={attention.data.items} checkedAt={attention.data.checkedAt} />
      )}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'health', label: t('operations.tab.health'), children: <HealthTab /> },
            { key: 'jobs', label: t('operations.tab.jobs'), children: <JobsTab /> },
            { key: 'backups', label: t('operations.tab.backups'), children: <BackupsTab /> },
            { key: 'storage', label: t('operations.tab.storage'), children: <StorageTab /> },
            { key: 'codes', label: t('operations.tab.codes'), children: <CodeTablesTab /> },
          ]}
          data-testid="ops-tabs"
        />
      </Card>
    </Stack>
  );
}
