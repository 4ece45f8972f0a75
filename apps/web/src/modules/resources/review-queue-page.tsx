import { Card, Empty, Grid, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { LinkButton } from '../../app/components/link-button';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { type QueueItem, useReviewQueue } from './resources-api';
import { waitParts } from './review-wait';

/**
 * 资源审核: what waits for this reviewer at their step, with how long it has waited there (since it
 * arrived at the step); overdue items first and in red (the server orders them).
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const wait = (r: QueueItem) => {
    const p = waitParts(r.waitedMinutes);
    return t(`resources.${p.key}`, p);
  };
  const queue = useReviewQueue();
  const me = useMe();
  // On a phone the title and the wait share the width; the step and the author go under the title.
  const compact = !Grid.useBreakpoint().sm;
  const step = (r: QueueItem) => `${r.currentStep + 1}/${r.stepCount} ${r.stepName}`;
  const author = (r: QueueItem) => `${r.authorName} · ${r.unitName}`;
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
            scroll={compact ? undefined : { x: 'max-content' }}
            data-testid="review-queue"
            rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
            columns={[
              {
                title: t('resources.titleLabel'),
                dataIndex: 'title',
                render: (title: string, r) => (
                  <>
                    <Link to={`/resources/${r.resourceId}`} data-testid="review-open">
                      {title}
                    </Link>
                    {compact && (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {step(r)} · {author(r)}
                      </Typography.Text>
                    )}
                  </>
                ),
              },
              {
                title: t('resources.waiting'),
                key: 'w',
                render: (_: unknown, r) => (
                  <Tooltip
                    title={t('resources.waitSince', {
                      at: formatDateTime(r.stepStartedAt, lang),
                      days: r.dueDays,
                    })}
                  >
                    <span
                      style={{
                        display: 'flex',
                        flexDirection: compact ? 'column' : 'row',
                        alignItems: compact ? 'flex-start' : 'center',
                        gap: 4,
                        whiteSpace: 'nowrap',
                      }}
                    >
                      <Typography.Text type={r.overdue ? 'danger' : undefined} data-testid="review-wait">
                        {wait(r)}
                      </Typography.Text>
                      {r.overdue && (
                        <Tag color="red" data-testid="review-overdue">
                          {t('resources.overdue')}
                        </Tag>
                      )}
                    </span>
                  </Tooltip>
                ),
              },
              ...(compact
                ? []
                : [
                    { title: t('resources.step'), key: 's', render: (_: unknown, r: QueueItem) => step(r) },
                    {
                      title: t('resources.author'),
                      key: 'a',
                      render: (_: unknown, r: QueueItem) => author(r),
                    },
                    {
                      title: t('resources.kindLabel'),
                      dataIndex: 'kind',
                      render: (k: string) => t(`resources.kind.${k}`),
                    },
                  ]),
            ]}
          />
        </Card>
      )}
    </Stack>
  );
}
