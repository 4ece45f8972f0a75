/**
 * 我的作业: the student's homework and exams, to do first, then done, with the score once the
 * teacher releases it (never a rank). Starting opens the answering page.
 */
import { Button, Card, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import { errorMessage, PageEmpty, PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { type Homework, startAttempt, useMyHomework } from './homework-api';
import { StandingTag } from './homework-standing';

const TO_DO = new Set(['not_started', 'in_progress']);

export function HomeworkCard({
  h,
  action,
}: {
  h: Omit<Homework, 'open' | 'attemptId'>;
  action?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const subject = useCodeLabel('subject');
  return (
    <Card size="small" data-testid="homework-card" data-title={h.title}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Typography.Text strong className="hanlin-wrap">
            {h.title}
          </Typography.Text>
          <Typography.Text type="secondary">
            {subject(h.subjectCode)} · {t(`homework.kind.${h.kind}`)}
            {h.minutes ? ` · ${t('homework.minutes', { n: h.minutes })}` : ''}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('homework.due', { at: formatDateTime(h.closesAt, lang) })}
          </Typography.Text>
        </Flex>
        <Flex vertical align="flex-end" gap={8}>
          <StandingTag standing={h.standing} />
          {h.released && h.score !== null && (
            <Typography.Text strong data-testid="released-score">
              {t('homework.scoreOf', { score: h.score, total: h.totalScore })}
            </Typography.Text>
          )}
          {action}
        </Flex>
      </Flex>
    </Card>
  );
}

export function StudentHomework() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useMyHomework();
  const [tab, setTab] = useState<'todo' | 'done'>('todo');
  const [starting, setStarting] = useState<string>();
  const [error, setError] = useState<string>();
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.items.filter((h) =>
    tab === 'todo' ? TO_DO.has(h.standing) : !TO_DO.has(h.standing),
  );
  const open = async (h: Homework) => {
    if (h.attemptId && h.standing !== 'not_started') return navigate(`/attempts/${h.attemptId}`);
    setStarting(h.id);
    setError(undefined);
    try {
      const attempt = await startAttempt(h.id);
      navigate(`/attempts/${attempt.id}`);
    } catch (e) {
      setError(errorMessage(e, t('homework.startFailed')));
    } finally {
      setStarting(undefined);
    }
  };
  return (
    <Stack gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('homework.mine')}
      </Typography.Title>
      <Segmented
        block
        size="large"
        value={tab}
        onChange={(v) => setTab(v as 'todo' | 'done')}
        options={[
          { value: 'todo', label: t('homework.todo') },
          { value: 'done', label: t('homework.done') },
        ]}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {items.length === 0 && (
        <PageEmpty text={tab === 'todo' ? t('homework.nothingToDo') : t('homework.nothingDone')} />
      )}
      {items.map((h) => (
        <HomeworkCard
          key={h.id}
          h={h}
          action={
            h.open && TO_DO.has(h.standing) ? (
              <Button
                type="primary"
                size="large"
                loading={starting === h.id}
                onClick={() => void open(h)}
                data-testid="start"
              >
                {h.standing === 'in_progress' ? t('homework.continue') : t('homework.start')}
              </Button>
            ) : h.attemptId ? (
              <Button onClick={() => navigate(`/attempts/${h.attemptId}`)}>{t('homework.view')}</Button>
            ) : null
          }
        />
      ))}
    </Stack>
  );
}
