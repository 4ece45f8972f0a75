/**
 * 我的作业: the student's homework and exams, to do first (补交 while the late window is open, then
 * by the nearest deadline), then done, with the score once the teacher releases it (never a rank).
 * Starting opens the answering page.
 */
import { Button, Card, Flex, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCodeLabel } from '../../app/codes/use-codes';
import { errorMessage, PageEmpty, PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { type Homework, startAttempt, useMyHomework } from './homework-api';
import { doneOrder, isDueSoon, isLateWindow, isToDo, toDoOrder } from './homework-groups';
import { StandingTag } from './homework-standing';

export type CardHomework = Omit<Homework, 'open' | 'attemptId'> & { open?: boolean };

export function HomeworkCard({ h, action }: { h: CardHomework; action?: React.ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const subject = useCodeLabel('subject');
  const late = isLateWindow(h);
  const upcoming = new Date(h.opensAt).getTime() > Date.now();
  const score = h.released && h.score !== null;
  return (
    <Card size="small" data-testid="homework-card" data-title={h.title}>
      <Flex vertical gap={4}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Text strong className="hanlin-wrap" style={{ minWidth: 0 }}>
            {h.title}
          </Typography.Text>
          <Flex gap={4} wrap justify="flex-end" style={{ flexShrink: 0, maxWidth: '45%' }}>
            {late && (
              <Tag color="orange" data-testid="late-window" style={{ marginInlineEnd: 0 }}>
                {t('homework.lateWindow')}
              </Tag>
            )}
            {!late && isToDo(h) && isDueSoon(h) && (
              <Tag color="red" data-testid="due-soon" style={{ marginInlineEnd: 0 }}>
                {t('homework.dueSoon')}
              </Tag>
            )}
            <StandingTag standing={h.standing} />
          </Flex>
        </Flex>
        <Typography.Text type="secondary">
          {subject(h.subjectCode)} · {t(`homework.kind.${h.kind}`)}
          {h.minutes ? ` · ${t('homework.minutes', { n: h.minutes })}` : ''}
        </Typography.Text>
        <Typography.Text type={late ? 'warning' : 'secondary'}>
          {upcoming
            ? t('homework.opensAt', { at: formatDateTime(h.opensAt, lang) })
            : h.standing === 'in_progress' && h.deadlineAt
              ? t('homework.submitBy', { at: formatDateTime(h.deadlineAt, lang) })
              : late
                ? t('homework.lateDue', { at: formatDateTime(h.lateUntil!, lang) })
                : t('homework.due', { at: formatDateTime(h.closesAt, lang) })}
        </Typography.Text>
        {(score || action) && (
          <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 4 }}>
            {score ? (
              <Typography.Text strong data-testid="released-score">
                {t('homework.scoreOf', { score: h.score, total: h.totalScore })}
              </Typography.Text>
            ) : (
              <span />
            )}
            {action}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}

/** Starts (or continues) an attempt and opens it; a started one opens directly. */
export function useOpenHomework() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [starting, setStarting] = useState<string>();
  const [error, setError] = useState<string>();
  const open = async (h: Homework) => {
    if (h.attemptId) return navigate(`/attempts/${h.attemptId}`);
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
  return { open, starting, error };
}

/** The button of a homework card: start, continue, 补交, or look at the result. */
export function HomeworkAction({
  h,
  starting,
  onOpen,
}: {
  h: Homework;
  starting?: string;
  onOpen: (h: Homework) => void;
}) {
  const { t } = useTranslation();
  if (h.open && isToDo(h))
    return (
      <Button
        type="primary"
        size="large"
        loading={starting === h.id}
        onClick={() => onOpen(h)}
        data-testid="start"
      >
        {h.standing === 'in_progress'
          ? t('homework.continue')
          : isLateWindow(h)
            ? t('homework.lateStart')
            : t('homework.start')}
      </Button>
    );
  if (!h.attemptId || isToDo(h)) return null;
  return (
    <Button onClick={() => onOpen(h)} data-testid="view">
      {h.released ? t('homework.viewResult') : t('homework.view')}
    </Button>
  );
}

export function StudentHomework() {
  const { t } = useTranslation();
  const list = useMyHomework();
  const [tab, setTab] = useState<'todo' | 'done'>('todo');
  const { open, starting, error } = useOpenHomework();
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const todo = toDoOrder(list.data.items);
  const items = tab === 'todo' ? todo : doneOrder(list.data.items);
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
          { value: 'todo', label: `${t('homework.todo')}${todo.length ? ` ${todo.length}` : ''}` },
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
          action={<HomeworkAction h={h} starting={starting} onOpen={(x) => void open(x)} />}
        />
      ))}
    </Stack>
  );
}
