/**
 * 作答情况: one assignment as its teacher follows it — per class who has started, submitted, is late
 * or missing; each student's objective score once graded; releasing the scores; and the regrade of a
 * blank (another accepted answer: every submitted attempt is graded again).
 */
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LinkButton } from '../../app/components/link-button';
import { PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { useSubmit } from '../../app/components/use-submit';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import {
  homeworkKeys,
  type Progress,
  regradeBlank,
  releaseScores,
  type Standing,
  useProgress,
} from './homework-api';
import { StandingTag } from './homework-standing';

const SHOWN: Standing[] = ['submitted', 'late', 'in_progress', 'expired', 'not_started', 'missing'];

export function HomeworkProgressPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const progress = useProgress(id);
  const queries = useQueryClient();
  const release = useSubmit(t('homework.release.failed'));
  const [regrading, setRegrading] = useState(false);
  const [classId, setClassId] = useState<string>();
  if (progress.isPending) return <PageLoading />;
  if (progress.isError) return <PageError error={progress.error} onRetry={() => void progress.refetch()} />;
  const { assignment: a, classes, students } = progress.data;
  const refresh = () => void queries.invalidateQueries({ queryKey: homeworkKeys.progress(id) });
  const shown = students.filter((s) => !classId || s.classId === classId);
  return (
    <Stack>
      <PageTitle
        title={a.title}
        subtitle={`${t(`homework.kind.${a.kind}`)} · ${t('homework.due', { at: formatDateTime(a.closesAt, lang) })}`}
        extra={
          <Flex gap={8} wrap>
            <LinkButton to={`/item-analysis/${id}`} data-testid="open-item-analysis">
              {t('itemAnalysis.open')}
            </LinkButton>
            <Button onClick={() => setRegrading(true)}>{t('homework.regrade.open')}</Button>
            <Button
              type="primary"
              disabled={a.releasedAt !== null}
              loading={release.busy}
              data-testid="release"
              onClick={() =>
                release.run(async () => {
                  await releaseScores(id);
                  refresh();
                })
              }
            >
              {a.releasedAt ? t('homework.release.done') : t('homework.release.open')}
            </Button>
          </Flex>
        }
      />
      {release.error && <Alert type="warning" showIcon title={release.error} />}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 3 }}
        items={[
          { key: 'opens', label: t('homework.opens'), children: formatDateTime(a.opensAt, lang) },
          { key: 'closes', label: t('homework.dueLabel'), children: formatDateTime(a.closesAt, lang) },
          ...(a.lateUntil
            ? [
                {
                  key: 'late',
                  label: t('homework.assign.lateUntil'),
                  children: formatDateTime(a.lateUntil, lang),
                },
              ]
            : []),
          {
            key: 'limit',
            label: t('homework.assign.limit'),
            children: a.minutes ? t('homework.minutes', { n: a.minutes }) : '—',
          },
          {
            key: 'mode',
            label: t('homework.assign.paperFree'),
            children: a.paperFree ? t('common.yes') : t('common.no'),
          },
          { key: 'by', label: t('homework.setBy'), children: a.creatorName ?? '—' },
        ]}
      />
      <Row gutter={[12, 12]}>
        {classes.map((c) => (
          <Col xs={24} md={12} xl={8} key={c.id}>
            <Card
              size="small"
              hoverable
              title={`${c.name}（${t('homework.assign.students', { n: c.students })}）`}
              onClick={() => setClassId(classId === c.id ? undefined : c.id)}
              style={classId === c.id ? { borderColor: '#1677ff' } : undefined}
              data-testid="class-progress"
            >
              <Flex wrap gap={16}>
                {SHOWN.filter((s) => (c.counts[s] ?? 0) > 0 || s === 'submitted' || s === 'missing').map(
                  (s) => (
                    <Statistic key={s} title={t(`homework.standing.${s}`)} value={c.counts[s] ?? 0} />
                  ),
                )}
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      <Table
        rowKey="studentId"
        size="small"
        scroll={{ x: 640 }}
        dataSource={shown}
        pagination={{ pageSize: 60, hideOnSinglePage: true }}
        columns={[
          { title: t('roster.studentNo'), dataIndex: 'studentNo' },
          { title: t('roster.name'), dataIndex: 'name' },
          { title: t('homework.stateLabel'), render: (_, s) => <StandingTag standing={s.standing} /> },
          { title: t('homework.submittedAt'), render: (_, s) => formatDateTime(s.submittedAt, lang) },
          { title: t('homework.objective'), render: (_, s) => s.objectiveScore ?? '—' },
          { title: t('homework.score'), render: (_, s) => s.score ?? '—' },
          ...(a.paperFree
            ? [
                {
                  title: t('homework.focusLosses'),
                  // Leaving the exam page is worth the teacher's glance: any loss stands out.
                  render: (_: unknown, s: (typeof students)[number]) => (
                    <Typography.Text type={s.focusLosses ? 'danger' : undefined} data-testid="focus-losses">
                      {s.focusLosses ?? '—'}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RegradeDialog assignment={a} open={regrading} onClose={() => setRegrading(false)} onDone={refresh} />
    </Stack>
  );
}

function RegradeDialog(props: {
  assignment: Progress['assignment'];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const submit = useSubmit(t('homework.regrade.failed'));
  const [outcome, setOutcome] = useState<string>();
  const released = props.assignment.releasedAt !== null;
  return (
    <Modal
      open={props.open}
      title={t('homework.regrade.title')}
      okText={t('homework.regrade.submit')}
      cancelText={t('common.cancel')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      confirmLoading={submit.busy}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ part: 0, blankId: 'b1' }}
        onFinish={(v: {
          number: number;
          part: number;
          blankId: string;
          accepted: string[];
          reason?: string;
        }) =>
          submit.run(async () => {
            const r = await regradeBlank(props.assignment.id, v);
            setOutcome(t('homework.regrade.outcome', { examined: r.examined, changed: r.changed }));
            props.onDone();
          })
        }
      >
        <Flex gap={12} wrap>
          <Form.Item name="number" label={t('homework.regrade.number')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} />
          </Form.Item>
          <Form.Item name="part" label={t('homework.regrade.part')} extra={t('homework.regrade.partHint')}>
            <InputNumber min={0} max={30} />
          </Form.Item>
          <Form.Item name="blankId" label={t('homework.regrade.blank')} rules={[{ required: true }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
        </Flex>
        <Form.Item name="accepted" label={t('homework.regrade.accepted')} rules={[{ required: true }]}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，']} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('homework.regrade.reason')}
          rules={released ? [{ required: true, message: t('homework.regrade.reasonRequired') }] : []}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
        {outcome && <Alert type="success" showIcon title={outcome} />}
        {submit.error && <Alert type="error" showIcon title={submit.error} />}
      </Form>
    </Modal>
  );
}
