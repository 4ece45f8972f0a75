/**
 * 作业与考试 (teachers, administrators): what I set and what my classes were given, with how many
 * have submitted; 布置 opens the assign dialog.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Progress, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import { PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { homeworkKeys, useAssignments } from './homework-api';
import { AssignDialog } from './homework-assign-dialog';

const STATE_COLOR = {
  upcoming: 'default',
  open: 'processing',
  closed: 'warning',
  released: 'success',
} as const;

export function TeacherAssignments() {
  const { t } = useTranslation();
  const lang = useLang();
  const subject = useCodeLabel('subject');
  const list = useAssignments();
  const queries = useQueryClient();
  const [assigning, setAssigning] = useState(false);
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Stack>
      <PageTitle
        title={t('homework.title')}
        subtitle={t('homework.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAssigning(true)}
            data-testid="assign-open"
          >
            {t('homework.assign.open')}
          </Button>
        }
      />
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: 720 }}
        dataSource={list.data.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('homework.assignment'),
            render: (_, a) => (
              <Link to={`/homework/${a.id}`} className="hanlin-wrap">
                {a.title}
              </Link>
            ),
          },
          { title: t('homework.subject'), render: (_, a) => subject(a.subjectCode) },
          { title: t('homework.kindLabel'), render: (_, a) => t(`homework.kind.${a.kind}`) },
          { title: t('homework.classes'), render: (_, a) => a.classes.map((c) => c.name).join('、') },
          { title: t('homework.dueLabel'), render: (_, a) => formatDateTime(a.closesAt, lang) },
          {
            title: t('homework.submittedOf'),
            render: (_, a) => (
              <Progress
                size="small"
                percent={a.students ? Math.round((100 * a.submitted) / a.students) : 0}
                format={() => `${a.submitted}/${a.students}`}
              />
            ),
          },
          {
            title: t('homework.stateLabel'),
            render: (_, a) => <Tag color={STATE_COLOR[a.state]}>{t(`homework.state.${a.state}`)}</Tag>,
          },
        ]}
      />
      <AssignDialog
        open={assigning}
        onClose={() => setAssigning(false)}
        onDone={() => {
          setAssigning(false);
          void queries.invalidateQueries({ queryKey: homeworkKeys.assignments });
        }}
      />
    </Stack>
  );
}
