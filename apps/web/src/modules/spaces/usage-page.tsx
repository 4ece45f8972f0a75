import { Card, Col, Flex, List, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { formatCount } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { type Usage, useUsage } from './spaces-api';

const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** A share against the target: red below it, green at or above. */
function Share({ share, target }: { share: number | null; target: number }) {
  if (share === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text type={share >= target ? 'success' : 'danger'} strong>
      {pct(share)}%
    </Typography.Text>
  );
}

/**
 * 空间应用统计 (S3): the share of teachers and students who used their spaces on at least 4 of the
 * last 30 days, against the 80% target, by district, school or class; and the liveliest spaces. The
 * figures come from a nightly rollup, so the page says up to which day they run.
 */
export function SpaceUsagePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const usage = useUsage();
  if (usage.isPending) return <PageLoading />;
  if (usage.isError) return <PageError error={usage.error} onRetry={() => void usage.refetch()} />;
  const u: Usage = usage.data;
  const below = u.rows.filter(
    (r) => (r.studentShare ?? 1) < u.target || (r.teacherShare ?? 1) < u.target,
  ).length;
  const gauge = (label: string, share: number | null, active: number, total: number, testId: string) => (
    <Card size="small" data-testid={testId}>
      <Flex gap={16} align="center">
        <Progress
          type="dashboard"
          percent={pct(share) ?? 0}
          success={{ percent: 0 }}
          strokeColor={(share ?? 0) >= u.target ? '#52c41a' : '#faad14'}
          size={96}
        />
        <Flex vertical gap={2}>
          <Typography.Text strong>{label}</Typography.Text>
          <Typography.Text type="secondary">
            {t('spaces.usage.activeOf', {
              active: formatCount(active, lang),
              total: formatCount(total, lang),
            })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('spaces.usage.target', { target: Math.round(u.target * 100) })}
          </Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
  return (
    <Stack>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('spaces.usage.title')}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('spaces.usage.rule', { days: u.activeDays, window: u.windowDays })}{' '}
        <span data-testid="usage-as-of">
          {u.asOf ? t('spaces.usage.asOf', { date: u.asOf }) : t('spaces.usage.notYet')}
        </span>
      </Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          {gauge(
            t('spaces.usage.teachers'),
            u.total.teacherShare,
            u.total.activeTeachers,
            u.total.teachers,
            'usage-teachers',
          )}
        </Col>
        <Col xs={24} md={8}>
          {gauge(
            t('spaces.usage.students'),
            u.total.studentShare,
            u.total.activeStudents,
            u.total.students,
            'usage-students',
          )}
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t(`spaces.usage.below.${u.level}`)}
              value={below}
              suffix={`/ ${u.rows.length}`}
              styles={{ content: { color: below > 0 ? '#cf1322' : '#3f8600' } }}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small" title={t(`spaces.usage.by.${u.level}`)}>
            <Table
              rowKey="id"
              size="small"
              dataSource={u.rows}
              pagination={{ pageSize: 15, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              data-testid="usage-table"
              columns={[
                { title: t('spaces.usage.unit'), dataIndex: 'name' },
                ...(u.level === 'class'
                  ? []
                  : [
                      {
                        title: t('spaces.usage.teacherShare'),
                        key: 'teachers',
                        align: 'right' as const,
                        sorter: (a: Usage['rows'][number], b: Usage['rows'][number]) =>
                          (a.teacherShare ?? 0) - (b.teacherShare ?? 0),
                        render: (_: unknown, r: Usage['rows'][number]) => (
                          <>
                            <Share share={r.teacherShare} target={u.target} />{' '}
                            <Typography.Text type="secondary">
                              ({r.activeTeachers}/{r.teachers})
                            </Typography.Text>
                          </>
                        ),
                      },
                    ]),
                {
                  title: t('spaces.usage.studentShare'),
                  key: 'students',
                  align: 'right' as const,
                  defaultSortOrder: 'ascend' as const,
                  sorter: (a, b) => (a.studentShare ?? 0) - (b.studentShare ?? 0),
                  render: (_, r) => (
                    <>
                      <Share share={r.studentShare} target={u.target} />{' '}
                      <Typography.Text type="secondary">
                        ({r.activeStudents}/{r.students})
                      </Typography.Text>
                    </>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('spaces.usage.outstanding')}>
            <List
              dataSource={u.outstanding}
              locale={{ emptyText: t('common.empty') }}
              renderItem={(s, i) => (
                <List.Item data-testid="outstanding-space">
                  <Flex vertical gap={2} style={{ width: '100%' }}>
                    <Flex gap={6} align="center" wrap>
                      <Tag color={i < 3 ? 'gold' : undefined}>{i + 1}</Tag>
                      <Link to={`/spaces/${s.id}`}>{s.name}</Link>
                      <Tag>{t(`spaces.kind.${s.kind}`)}</Tag>
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {s.unitName} ·{' '}
                      {t('spaces.usage.activity', { posts: s.posts, comments: s.comments, likes: s.likes })}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Stack>
  );
}
