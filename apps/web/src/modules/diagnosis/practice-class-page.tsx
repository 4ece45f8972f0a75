import { Card, Col, Empty, Flex, Row, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { useAssignableClasses } from '../assessment/homework-api';
import { percent, useClassPractice, usePushDetail } from './practice-api';
import { PushPanel } from './practice-push-panel';
import { MasteryChange } from './practice-reason';

/**
 * 个性化练习 for a teacher (the menu's entry, or `/diagnosis/practice?class=…&kp=…` from the mastery
 * heatmap): what the class is recommended (points × students weak on them), one point's students
 * and items to push, and the pushes so far with who has practised and how the point's mastery
 * moved. Opened from the menu, it shows the teacher's first class; the select changes it.
 */
export function PracticeClassPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const classes = useAssignableClasses(true);
  const classId = params.get('class') ?? classes.data?.items[0]?.id ?? '';
  const kp = params.get('kp') ?? '';
  // Below the xl breakpoint the point's panel sits under the list: bring it into view when chosen.
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (kp && window.innerWidth < 1200) panel.current?.scrollIntoView({ block: 'start' });
  }, [kp]);
  const practice = useClassPractice(classId);
  const subject = useCodeLabel('subject');
  const go = (next: { class?: string; kp?: string }) => {
    const p = new URLSearchParams();
    const c = next.class ?? classId;
    if (c) p.set('class', c);
    if (next.kp) p.set('kp', next.kp);
    setParams(p);
  };
  return (
    <Stack>
      <PageTitle
        title={t('practice.teacherTitle')}
        subtitle={t('practice.teacherSubtitle')}
        testId="practice-class-title"
        extra={
          <Select
            style={{ minWidth: 220 }}
            placeholder={t('practice.pickClass')}
            value={classId || undefined}
            loading={classes.isPending}
            options={(classes.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            onChange={(v) => go({ class: v })}
            data-testid="practice-class-select"
          />
        }
      />
      {classes.isPending && !params.get('class') ? (
        <PageLoading />
      ) : !classId ? (
        <Empty description={t('practice.noClasses')} />
      ) : practice.isPending ? (
        <PageLoading />
      ) : practice.isError ? (
        <PageError error={practice.error} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={9}>
            <Card size="small" title={t('practice.classPoints', { name: practice.data.class.name })}>
              <Table
                size="small"
                rowKey="kp"
                pagination={{ pageSize: 12, hideOnSinglePage: true }}
                dataSource={practice.data.points}
                locale={{ emptyText: t('practice.classNone') }}
                onRow={(r) => ({ onClick: () => go({ kp: r.kp }), style: { cursor: 'pointer' } })}
                rowClassName={(r) => (r.kp === kp ? 'ant-table-row-selected' : '')}
                data-testid="practice-points"
                columns={[
                  {
                    title: t('practice.point'),
                    dataIndex: 'name',
                    render: (name: string, r) => (
                      <Flex vertical>
                        <Typography.Link>{name}</Typography.Link>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {subject(r.subjectCode)}
                          {r.muted && <Tag style={{ marginInlineStart: 6 }}>{t('practice.muted')}</Tag>}
                        </Typography.Text>
                      </Flex>
                    ),
                  },
                  { title: t('practice.weakStudents'), dataIndex: 'students', width: 80, align: 'right' },
                  { title: t('practice.avg'), dataIndex: 'avgP', width: 70, align: 'right', render: percent },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={15} ref={panel}>
            {kp ? (
              <PushPanel key={kp} classId={classId} kp={kp} />
            ) : (
              <Card size="small">
                <Empty description={t('practice.pickPoint')} />
              </Card>
            )}
          </Col>
          <Col span={24}>
            <Card size="small" title={t('practice.pushes')}>
              <Table
                size="small"
                rowKey="id"
                dataSource={practice.data.pushes}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: t('practice.noPushes') }}
                data-testid="practice-pushes"
                expandable={{ expandedRowRender: (r) => <PushStudents id={r.id} /> }}
                columns={[
                  { title: t('practice.point'), render: (_, r) => r.knowledgePoint.name },
                  { title: t('practice.items'), dataIndex: 'items', width: 70, align: 'right' },
                  {
                    title: t('practice.practised'),
                    width: 110,
                    align: 'right',
                    render: (_, r) => `${r.practised}/${r.students}`,
                  },
                  { title: t('practice.by'), dataIndex: 'byName', width: 100 },
                  {
                    title: t('practice.at'),
                    dataIndex: 'createdAt',
                    width: 150,
                    render: (v: string) => new Date(v).toLocaleString(),
                  },
                  { title: t('practice.note'), dataIndex: 'note', ellipsis: true },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </Stack>
  );
}

/** Who of a push has practised, and how the point's mastery moved since it was pushed. */
function PushStudents({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = usePushDetail(id);
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <PageError error={q.error} />;
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={q.data.students}
      data-testid="push-students"
      columns={[
        { title: t('roster.name'), dataIndex: 'name' },
        {
          title: t('practice.answered'),
          render: (_, s) =>
            s.answered > 0 ? (
              t('practice.answeredOf', { n: s.answered, correct: s.correct, total: q.data.items })
            ) : (
              <Typography.Text type="secondary">{t('practice.notYet')}</Typography.Text>
            ),
        },
        {
          title: t('practice.masteryChange'),
          render: (_, s) => <MasteryChange before={s.answered > 0 ? s.pBefore : null} now={s.pNow} />,
        },
      ]}
    />
  );
}
