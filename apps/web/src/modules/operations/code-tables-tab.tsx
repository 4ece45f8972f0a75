import { Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { CheckedAt } from './checked-at';
import { type CodeTables, useCodeTables } from './operations-api';
import { StatusTag } from './status-tag';

type Row = CodeTables['tables'][number];

/** 代码表: each national code table's version in the database against the one this release ships. */
export function CodeTablesTab() {
  const { t } = useTranslation();
  const codes = useCodeTables();
  if (codes.isPending) return <PageLoading />;
  if (codes.isError) return <PageError error={codes.error} onRetry={() => void codes.refetch()} />;
  const c = (k: string) => t(`operations.codes.${k}`);
  const off = codes.data.tables.filter((x) => x.status !== 'current').length;
  return (
    <Stack testId="ops-codes">
      <Flex wrap justify="space-between" gap={8}>
        <CheckedAt at={codes.data.checkedAt} />
        <Typography.Text type={off > 0 ? 'warning' : 'success'}>
          {off > 0
            ? t('operations.codes.off', { n: off })
            : t('operations.codes.allCurrent', { n: codes.data.tables.length })}
        </Typography.Text>
      </Flex>
      <Card size="small">
        <Table<Row>
          rowKey="category"
          size="small"
          dataSource={codes.data.tables}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="ops-codes-table"
          columns={[
            {
              title: c('table'),
              render: (_, r) => (
                <Flex vertical>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  <Typography.Text type="secondary">{r.category}</Typography.Text>
                </Flex>
              ),
            },

            { title: c('status'), render: (_, r) => <StatusTag group="codes" status={r.status} /> },
            { title: c('installed'), render: (_, r) => r.installedVersion ?? '—' },
            { title: c('shipped'), render: (_, r) => r.shippedVersion ?? '—' },
            {
              title: c('entries'),
              align: 'right',
              render: (_, r) =>
                r.installedEntries === r.shippedEntries
                  ? r.installedEntries
                  : `${r.installedEntries} / ${r.shippedEntries}`,
            },
            { title: c('older'), align: 'right', dataIndex: 'olderVersions' },

            {
              title: c('standard'),
              render: (_, r) => (
                <Typography.Text className="hanlin-wrap" style={{ display: 'inline-block', maxWidth: 260 }}>
                  {r.standard}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </Stack>
  );
}
