import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';

/** 资源建设与使用: contributions and use by district (city) or by school (district, school). */
export function UsageStats() {
  const { t } = useTranslation();
  const stats = useQuery({
    queryKey: ['resources', 'stats'],
    queryFn: () => unwrap(api.GET('/api/resources/stats')),
  });
  if (!stats.data) return null;
  return (
    <Card size="small" title={t(`resources.stats.${stats.data.level}`)} data-testid="usage-stats">
      <Table
        rowKey="id"
        size="small"
        dataSource={stats.data.rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('resources.stats.unit'), dataIndex: 'name' },
          { title: t('resources.stats.published'), dataIndex: 'published', align: 'right' },
          { title: t('resources.stats.pending'), dataIndex: 'pending', align: 'right' },
          { title: t('resources.stats.views'), dataIndex: 'views', align: 'right' },
          { title: t('resources.stats.ratings'), dataIndex: 'ratings', align: 'right' },
          {
            title: t('resources.stats.rating'),
            dataIndex: 'rating',
            align: 'right',
            render: (r: number | null) => r ?? '—',
          },
          { title: t('resources.stats.usedViews'), dataIndex: 'usedViews', align: 'right' },
          { title: t('resources.stats.usedCompletions'), dataIndex: 'usedCompletions', align: 'right' },
          { title: t('resources.stats.usedDownloads'), dataIndex: 'usedDownloads', align: 'right' },
        ]}
      />
    </Card>
  );
}
