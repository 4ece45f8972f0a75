import { Col, Empty, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { useShareQueue } from './bank-api';
import { ItemCard } from './item-card';

/** 试题共享审核: items waiting for this reviewer's one decision, oldest first; each opens to decide. */
export function ShareQueuePage() {
  const { t } = useTranslation();
  const queue = useShareQueue();
  return (
    <Stack>
      <PageTitle title={t('bank.queueTitle')} subtitle={t('bank.queueSubtitle')} testId="share-queue-title" />
      {queue.isPending ? (
        <PageLoading />
      ) : queue.isError ? (
        <PageError error={queue.error} />
      ) : queue.data.items.length === 0 ? (
        <Empty description={queue.data.levels.length === 0 ? t('bank.queueNoLevel') : t('bank.queueEmpty')} />
      ) : (
        <Row gutter={[12, 12]}>
          {queue.data.items.map((item) => (
            <Col key={item.id} xs={24} xl={12}>
              <ItemCard
                item={item}
                extra={
                  item.shareRequested && (
                    <Tag color="orange">
                      {t('bank.pendingAt', { level: t(`bank.share.${item.shareRequested}`) })}
                    </Tag>
                  )
                }
              />
            </Col>
          ))}
        </Row>
      )}
    </Stack>
  );
}
