import { Alert, Breadcrumb, Card, Col, Flex, Progress, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { ADMIN_ROLES } from '../../app/auth/roles';
import { LinkButton } from '../../app/components/link-button';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { type MarkingItem, useMarkingOverview } from './marking-api';
import { MarkersPanel } from './marking-markers';
import { RichText } from './rich-text';

/**
 * One assignment's subjective items: how far marking has come on each ("已批 23/45"), where the
 * teacher marks and, in double marking, what waits for arbitration. The exam's leader also assigns
 * the markers of a 统考 here.
 */
export function MarkingOverviewPage() {
  const { assignmentId = '' } = useParams();
  const { t } = useTranslation();
  const overview = useMarkingOverview(assignmentId);
  const me = useMe();
  if (overview.isPending) return <PageLoading />;
  if (overview.isError) return <PageError error={overview.error} onRetry={() => void overview.refetch()} />;
  const o = overview.data;
  const waiting = o.items.reduce((s, i) => s + (i.canArbitrate ? i.progress.awaitingArbitration : 0), 0);
  const itemTitle = (i: MarkingItem) =>
    t('marking.itemTitle', { number: i.number, part: i.part, context: i.part > 0 ? 'part' : undefined });
  return (
    <Stack>
      <Breadcrumb
        items={[
          { key: 'm', title: <Link to="/marking">{t('marking.title')}</Link> },
          { key: 'a', title: o.title },
        ]}
      />
      <Flex wrap gap={8} align="center">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="overview-title">
          {o.title}
        </Typography.Title>
        <Tag>{t(`marking.kind.${o.kind}`)}</Tag>
        {o.doubleMarking && (
          <Tag color="purple">
            {o.markGap === null ? t('marking.double') : t('marking.doubleGap', { gap: o.markGap })}
          </Tag>
        )}
        {o.anonymous && <Tag color="geekblue">{t('marking.anonymous')}</Tag>}
        {o.releasedAt && <Tag color="green">{t('marking.released')}</Tag>}
        {ADMIN_ROLES.includes(me.role) && (
          <LinkButton size="small" to={`/item-analysis/${assignmentId}`} data-testid="open-item-analysis">
            {t('itemAnalysis.open')}
          </LinkButton>
        )}
      </Flex>
      {waiting > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('marking.arbitrationWaiting', { n: waiting })}
          action={
            <LinkButton
              size="small"
              to={`/marking/${assignmentId}/arbitration`}
              data-testid="open-arbitration"
            >
              {t('marking.arbitrate')}
            </LinkButton>
          }
        />
      )}
      {o.items.length === 0 && <Alert type="info" showIcon title={t('marking.noSubjective')} />}
      <Row gutter={[16, 16]}>
        {o.items.map((i) => {
          const p = i.progress;
          return (
            <Col xs={24} md={12} xl={8} key={`${i.number}.${i.part}`}>
              <Card
                size="small"
                data-testid="marking-item"
                title={
                  <Flex gap={8} align="center">
                    <span>{itemTitle(i)}</span>
                    <Tag>{t(`marking.type.${i.type}`)}</Tag>
                    <Typography.Text type="secondary">
                      {t('marking.points', { n: i.maxScore })}
                    </Typography.Text>
                  </Flex>
                }
                extra={
                  i.canMark ? (
                    <LinkButton
                      type="primary"
                      size="small"
                      to={`/marking/${assignmentId}/items/${i.number}/${i.part}`}
                      data-testid="start-marking"
                    >
                      {p.counted === p.total && p.total > 0 ? t('marking.review') : t('marking.start')}
                    </LinkButton>
                  ) : (
                    <Typography.Text type="secondary">{t('marking.notYours')}</Typography.Text>
                  )
                }
              >
                <div style={{ maxHeight: 72, overflow: 'hidden', marginBottom: 8 }}>
                  <RichText value={i.stem} />
                </div>
                <Typography.Text data-testid="item-progress">
                  {t('marking.progress', { done: p.counted, total: p.total })}
                </Typography.Text>
                <Progress percent={p.total ? Math.round((p.counted / p.total) * 100) : 0} size="small" />
                {o.doubleMarking && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('marking.doubleProgress', {
                      mine: p.mine,
                      second: p.awaitingSecond,
                      arbitration: p.awaitingArbitration,
                    })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
      {o.lead && o.items.length > 0 && (o.anonymous || o.doubleMarking) && (
        <MarkersPanel assignmentId={assignmentId} items={o.items} />
      )}
    </Stack>
  );
}
