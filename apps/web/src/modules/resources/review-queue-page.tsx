import { Card, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { LinkButton } from '../../app/components/link-button';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { useReviewQueue } from './resources-api';

/** 资源审核: what waits for this reviewer at their step, oldest first, overdue items in red. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const queue = useReviewQueue();
  const me = useMe();
  return (
    <Stack>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="review-queue-title">
        {t('resources.queueTitle')}
      </Typography.Title>
      {(me.role === 'city_admin' || me.role === 'district_admin') && (
        <LinkButton to="/review-chains" style={{ alignSelf: 'flex-start' }} data-testid="open-chains">
          {t('chains.title')}
        </LinkButton>
      )}
      {queue.isPending ? (
        <PageLoading />
      ) : queue.isError ? (
        <PageError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.length === 0 ? (
        <Empty description={t('resources.queueEmpty')} />
      ) : (
        <Card size="small">
          <Table
            rowKey="reviewId"
            size="small"
            dataSource={queue.data}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            data-testid="review-queue"
            rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
            columns={[
              {
                title: t('resources.titleLabel'),
                dataIndex: 'title',
                render: (title: string, r) => (
                  <Link to={`/resources/${r.resourceId}`} data-testid="review-open">
                    {title}
                  </Link>
                ),
              },
              {
                title: t('resources.kindLabel'),
                dataIndex: 'kind',
                render: (k: string) => t(`resources.kind.${k}`),
              },
              {
                title: t('resources.author'),
                key: 'a',
                render: (_: unknown, r) => `${r.authorName} · ${r.unitName}`,
              },
              {
                title: t('resources.step'),
                key: 's',
                render: (_: unknown, r) => `${r.currentStep + 1}/${r.stepCount} ${r.stepName}`,
              },
              {
                title: t('resources.waiting'),
                key: 'w',
                render: (_: unknown, r) => (
                  <>
                    {formatDateTime(r.stepStartedAt, lang)}{' '}
                    {r.overdue && (
                      <Tag color="red" data-testid="review-overdue">
                        {t('resources.overdue')}
                      </Tag>
                    )}
                  </>
                ),
              },
            ]}
          />
        </Card>
      )}
    </Stack>
  );
}
