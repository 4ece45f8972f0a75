/**
 * 无纸化考试: one item at a time. A forward-only paper locks each item once the student moves on
 * (the server refuses going back and answers to items left behind); leaving the page (another app,
 * another tab, the window losing focus) is counted and reported to the server, which keeps the count.
 */
import { Alert, Button, Card, Flex, Modal, Typography } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import type { PaperItem } from './attempt-page';
import type { AnswerValue, Attempt } from './homework-api';

export function ExamMode(props: {
  attempt: Attempt;
  items: PaperItem[];
  answers: ReadonlyMap<string, AnswerValue>;
  render: (item: PaperItem) => ReactNode;
}) {
  const { t } = useTranslation();
  const { attempt, items } = props;
  const [index, setIndex] = useState(Math.min(attempt.furthest, items.length - 1));
  const [losses, setLosses] = useState(attempt.focusLosses);
  const away = useRef(false);
  const count = useRef(attempt.focusLosses);
  const attemptId = attempt.id;
  const path = { params: { path: { id: attemptId } } };

  useEffect(() => {
    const at = { params: { path: { id: attemptId } } };
    const leave = () => {
      if (away.current) return;
      away.current = true;
      count.current += 1;
      setLosses(count.current);
      // Best effort: the count only grows, so a later report carries one that failed.
      void unwrap(api.POST('/api/attempts/{id}/focus', { ...at, body: { count: count.current } })).catch(
        () => undefined,
      );
    };
    const back = () => {
      away.current = false;
    };
    const visibility = () => (document.hidden ? leave() : back());
    window.addEventListener('blur', leave);
    window.addEventListener('focus', back);
    document.addEventListener('visibilitychange', visibility);
    return () => {
      window.removeEventListener('blur', leave);
      window.removeEventListener('focus', back);
      document.removeEventListener('visibilitychange', visibility);
    };
  }, [attemptId]);

  const go = (to: number) => {
    setIndex(to);
    window.scrollTo({ top: 0 });
    // The server keeps the position (a forward-only paper's lock); an answer further on moves it too.
    void unwrap(api.POST('/api/attempts/{id}/position', { ...path, body: { index: to } })).catch(
      () => undefined,
    );
  };
  const next = () =>
    attempt.forwardOnly
      ? Modal.confirm({
          title: t('homework.exam.nextConfirm'),
          content: t('homework.exam.noReturn'),
          okText: t('homework.exam.next'),
          cancelText: t('common.cancel'),
          onOk: () => go(index + 1),
        })
      : go(index + 1);
  const answered = (i: PaperItem) => [...props.answers.keys()].some((k) => k.startsWith(`${i.number}.`));

  return (
    <Flex vertical gap={12}>
      {losses > 0 && <Alert type="warning" showIcon title={t('homework.exam.focusLost', { n: losses })} />}
      {attempt.forwardOnly && <Alert type="info" showIcon title={t('homework.exam.forwardOnly')} />}
      <Card
        size="small"
        title={t('homework.exam.position', { n: index + 1, total: items.length })}
        data-testid="exam-item"
      >
        {props.render(items[index]!)}
      </Card>
      <Flex gap={8}>
        <Button
          size="large"
          style={{ flex: 1 }}
          disabled={attempt.forwardOnly || index === 0}
          onClick={() => go(index - 1)}
          data-testid="exam-prev"
        >
          {t('homework.exam.prev')}
        </Button>
        <Button
          size="large"
          type="primary"
          style={{ flex: 1 }}
          disabled={index >= items.length - 1}
          onClick={next}
          data-testid="exam-next"
        >
          {t('homework.exam.next')}
        </Button>
      </Flex>
      <Card size="small" title={t('homework.exam.sheet')}>
        <Flex wrap gap={8}>
          {items.map((i, k) => (
            <Button
              key={i.number}
              shape="circle"
              type={k === index ? 'primary' : answered(i) ? 'dashed' : 'default'}
              disabled={attempt.forwardOnly && k !== index}
              onClick={() => go(k)}
              aria-label={t('homework.itemNo', { n: i.number })}
            >
              {i.number}
            </Button>
          ))}
        </Flex>
        <Typography.Text type="secondary">{t('homework.exam.sheetHint')}</Typography.Text>
      </Card>
    </Flex>
  );
}
