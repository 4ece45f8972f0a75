/**
 * 作答: the student's answering page, on a phone or a desktop. The paper comes from the server
 * without its key; each answer is saved as it is given (attempt-sync), the time left is counted
 * from the server's deadline, and a reload shows the answers the server holds plus those still
 * waiting in this browser. A paper-free exam shows one item at a time (exam-mode).
 */
import { Alert, Button, Card, Flex, Modal, Typography } from 'antd';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { Countdown } from './attempt-countdown';
import { AttemptItem } from './attempt-item';
import { AttemptResult } from './attempt-result';
import { SaveStatus } from './attempt-status';
import { AnswerSync } from './attempt-sync';
import { ExamMode } from './exam-mode';
import { type AnswerValue, type Attempt, useAttempt } from './homework-api';
import './attempt-page.css';

export type PaperItem = Attempt['paper']['sections'][number]['items'][number];

export function AttemptPage() {
  const { id = '' } = useParams();
  const attempt = useAttempt(id);
  if (attempt.isPending) return <PageLoading />;
  if (attempt.isError) return <PageError error={attempt.error} onRetry={() => void attempt.refetch()} />;
  if (attempt.data.status !== 'in_progress') return <AttemptResult attempt={attempt.data} />;
  return <Answering attempt={attempt.data} onClosed={() => void attempt.refetch()} />;
}

/** The answers to show: the server's, with those still waiting in this browser on top. */
function initialAnswers(attempt: Attempt, sync: AnswerSync): Map<string, AnswerValue> {
  const map = new Map<string, AnswerValue>();
  for (const a of attempt.answers) map.set(`${a.number}.${a.part}`, a.value);
  for (const p of sync.pendingAnswers()) map.set(`${p.number}.${p.part}`, p.value);
  return map;
}

function Answering({ attempt, onClosed }: { attempt: Attempt; onClosed: () => void }) {
  const { t } = useTranslation();
  const sync = useMemo(() => new AnswerSync(attempt.id, attempt.lastSeq), [attempt.id, attempt.lastSeq]);
  useEffect(() => {
    void sync.flush();
    return () => sync.dispose();
  }, [sync]);
  const state = useSyncExternalStore(sync.subscribe, sync.snapshot);
  const [answers, setAnswers] = useState(() => initialAnswers(attempt, sync));
  const [timeUp, setTimeUp] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();
  const offsetMs = useMemo(() => new Date(attempt.serverNow).getTime() - Date.now(), [attempt.serverNow]);
  const items = attempt.paper.sections.flatMap((s) => s.items);
  const closed = timeUp || state.refusalReason === 'deadline_passed' || state.refusalReason === 'submitted';

  const onAnswer = (number: number, part: number, value: AnswerValue) => {
    if (closed) return;
    setAnswers((m) => new Map(m).set(`${number}.${part}`, value));
    sync.answer(number, part, value);
  };

  const submit = async () => {
    setSubmitting(true);
    setError(undefined);
    try {
      if (!(await sync.drain())) {
        setError(t('homework.notAllSaved'));
        return;
      }
      await unwrap(api.POST('/api/attempts/{id}/submit', { params: { path: { id: attempt.id } } }));
      onClosed();
    } catch (e) {
      setError(errorMessage(e, t('homework.submitFailed')));
    } finally {
      setSubmitting(false);
    }
  };

  const unanswered = items.filter(
    (i) => ![...answers.keys()].some((k) => k.startsWith(`${i.number}.`)),
  ).length;
  const confirmSubmit = () =>
    Modal.confirm({
      title: t('homework.submitConfirm'),
      content: unanswered > 0 ? t('homework.unanswered', { n: unanswered }) : t('homework.allAnswered'),
      okText: t('homework.submit'),
      cancelText: t('common.cancel'),
      onOk: submit,
    });

  const item = (i: PaperItem) => (
    <AttemptItem
      key={i.number}
      number={i.number}
      score={i.score}
      content={i.content as Parameters<typeof AttemptItem>[0]['content']}
      answers={answers}
      onAnswer={onAnswer}
      disabled={closed}
    />
  );

  return (
    <Stack gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }} className="hanlin-wrap">
        {attempt.title}
      </Typography.Title>
      {/* The time left and where the answers are stay in sight below the app's header. */}
      <div className="hanlin-attempt-bar">
        <Countdown deadlineAt={attempt.deadlineAt} offsetMs={offsetMs} onExpire={() => setTimeUp(true)} />
        <SaveStatus state={state} />
      </div>
      {closed && <Alert type="warning" showIcon title={t('homework.closedNotice')} />}
      {attempt.paperFree ? (
        <ExamMode attempt={attempt} items={items} answers={answers} render={item} />
      ) : (
        attempt.paper.sections.map((s) => (
          <Card key={s.title} title={<span className="hanlin-wrap">{s.title}</span>} size="small">
            {s.instructions && <Typography.Paragraph type="secondary">{s.instructions}</Typography.Paragraph>}
            <Flex vertical gap={24}>
              {s.items.map(item)}
            </Flex>
          </Card>
        ))
      )}
      {error && <Alert type="error" showIcon title={error} />}
      <Button
        type="primary"
        size="large"
        block
        loading={submitting}
        disabled={closed}
        onClick={confirmSubmit}
        data-testid="submit-attempt"
      >
        {t('homework.submit')}
      </Button>
    </Stack>
  );
}
