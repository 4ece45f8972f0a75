import { PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Segmented,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { useMe } from '../../app/auth/auth-context';
import { useCodeLabel } from '../../app/codes/use-codes';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { GRADES, SUBJECTS } from '../curriculum/curriculum-api';
import { type Blueprint, useBlueprints, usePapers } from './bank-api';

const TEACHERS: string[] = ['teacher', 'head_teacher'];

type NewPaper = { title: string; subjectCode: string; gradeCode: string; minutes: number };

/** 新建试卷: the header a draft starts from (or a template's). */
export function NewPaperModal({
  open,
  onClose,
  from,
}: {
  open: boolean;
  onClose: () => void;
  from?: Blueprint;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const [busy, setBusy] = useState(false);
  const submit = async (v: NewPaper) => {
    setBusy(true);
    try {
      const paper = await unwrap(api.POST('/api/assessment/papers', { body: v }));
      navigate(`/papers/${paper.id}${from ? `?blueprint=${from.id}` : ''}`);
    } catch (e) {
      message.error(errorMessage(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} onCancel={onClose} title={t('papers.new')} footer={null} destroyOnHidden>
      <Form<NewPaper>
        layout="vertical"
        onFinish={submit}
        initialValues={{
          title: from?.spec.title ?? '',
          subjectCode: from?.subjectCode ?? '14',
          gradeCode: from?.gradeCode ?? '14',
          minutes: from?.spec.minutes ?? 40,
        }}
      >
        <Form.Item name="title" label={t('papers.paperTitle')} rules={[{ required: true, max: 200 }]}>
          <Input placeholder={t('papers.titleHint')} data-testid="paper-title-input" />
        </Form.Item>
        <Form.Item name="subjectCode" label={t('bank.subject')} rules={[{ required: true }]}>
          <Select options={SUBJECTS.map((s) => ({ value: s, label: subject(s) }))} />
        </Form.Item>
        <Form.Item name="gradeCode" label={t('bank.grade')} rules={[{ required: true }]}>
          <Select options={GRADES.map((g) => ({ value: g, label: grade(g) }))} />
        </Form.Item>
        <Form.Item name="minutes" label={t('papers.minutes')} rules={[{ required: true }]}>
          <InputNumber min={1} max={600} addonAfter={t('papers.minuteUnit')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="paper-create">
          {t('papers.create')}
        </Button>
      </Form>
    </Modal>
  );
}

/** 试卷: my papers (drafts and finalised), the templates of the school, and a new paper. */
export function PapersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const subject = useCodeLabel('subject');
  const grade = useCodeLabel('grade');
  const lang = useLang();
  const me = useMe();
  // Teachers look for their own papers; administrators and researchers for their unit's.
  const [scope, setScope] = useState<'mine' | 'all'>(TEACHERS.includes(me.role) ? 'mine' : 'all');
  const [creating, setCreating] = useState<{ from?: Blueprint } | null>(null);
  const papers = usePapers(scope === 'mine' ? { mine: 'true' } : {});
  const templates = useBlueprints();
  return (
    <Stack>
      <PageTitle
        title={t('papers.title')}
        subtitle={t('papers.subtitle')}
        testId="papers-title"
        extra={
          <Flex gap={8} wrap>
            <Button
              type="primary"
              icon={<ThunderboltOutlined />}
              onClick={() => navigate('/papers/assemble')}
              data-testid="paper-assemble"
            >
              {t('assembly.open')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setCreating({})} data-testid="paper-new">
              {t('papers.new')}
            </Button>
          </Flex>
        }
      />
      <Segmented
        value={scope}
        onChange={(v) => setScope(v as 'mine' | 'all')}
        options={[
          { value: 'mine', label: t('papers.mine') },
          { value: 'all', label: t('papers.visible') },
        ]}
        style={{ justifySelf: 'start' }}
      />
      {papers.isPending ? (
        <PageLoading />
      ) : papers.isError ? (
        <PageError error={papers.error} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          scroll={{ x: 640 }}
          dataSource={papers.data.items}
          pagination={false}
          locale={{ emptyText: t('papers.none') }}
          columns={[
            {
              title: t('papers.paperTitle'),
              dataIndex: 'title',
              render: (v: string, p) => (
                <Link to={`/papers/${p.id}`} data-testid="paper-link">
                  {v}
                </Link>
              ),
            },
            {
              title: t('bank.subject'),
              render: (_, p) => `${subject(p.subjectCode)} · ${grade(p.gradeCode)}`,
            },
            { title: t('papers.items'), dataIndex: 'items', width: 70 },
            { title: t('papers.total'), dataIndex: 'totalScore', width: 70 },
            {
              title: t('papers.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: 'draft' | 'final') => (
                <Tag color={s === 'final' ? 'green' : 'default'}>{t(`papers.statusOf.${s}`)}</Tag>
              ),
            },
            { title: t('papers.owner'), dataIndex: 'ownerName', width: 100 },
            {
              title: t('papers.updated'),
              dataIndex: 'updatedAt',
              width: 150,
              render: (v: string) => formatDateTime(v, lang),
            },
          ]}
        />
      )}
      <Card size="small" title={t('papers.templates')}>
        {templates.isPending ? (
          <PageLoading />
        ) : (
          <List
            size="small"
            dataSource={templates.data?.items ?? []}
            locale={{ emptyText: t('papers.noTemplates') }}
            renderItem={(b) => (
              <List.Item
                actions={[
                  <Button
                    key="assemble"
                    size="small"
                    type="primary"
                    ghost
                    onClick={() => navigate(`/papers/assemble?blueprint=${b.id}`)}
                    data-testid="template-assemble"
                  >
                    {t('assembly.fromTemplate')}
                  </Button>,
                  <Button
                    key="use"
                    size="small"
                    onClick={() => setCreating({ from: b })}
                    data-testid="template-use"
                  >
                    {t('papers.useTemplate')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={b.name}
                  description={
                    <Typography.Text type="secondary">
                      {subject(b.subjectCode)} · {grade(b.gradeCode)} ·{' '}
                      {t('papers.totalN', { n: b.spec.totalScore })} ·{' '}
                      {b.mine ? t('papers.mineTemplate') : b.ownerName}
                      {b.shared && ` · ${t('papers.sharedTemplate')}`}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <NewPaperModal open={creating !== null} from={creating?.from} onClose={() => setCreating(null)} />
    </Stack>
  );
}
