import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';

/** 互动答疑 (R2): learners ask under a published lesson; its author or a teacher of the subject answers. */
export function QuestionsPanel({ resourceId }: { resourceId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const client = useQueryClient();
  const key = ['resources', 'questions', resourceId];
  const qa = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/resources/{id}/questions', { params: { path: { id: resourceId } } })),
  });
  const [draft, setDraft] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const run = async (work: () => Promise<unknown>, done: () => void) => {
    setError(undefined);
    try {
      await work();
      done();
      await client.invalidateQueries({ queryKey: key });
    } catch (e) {
      setError(errorMessage(e, t('common.saveFailed')));
    }
  };
  const ask = () =>
    run(
      () =>
        unwrap(
          api.POST('/api/resources/{id}/questions', {
            params: { path: { id: resourceId } },
            body: { body: draft },
          }),
        ),
      () => setDraft(''),
    );
  const reply = (questionId: string) =>
    run(
      () =>
        unwrap(
          api.POST('/api/resources/{id}/questions/{questionId}/answers', {
            params: { path: { id: resourceId, questionId } },
            body: { body: answers[questionId] ?? '' },
          }),
        ),
      () => setAnswers((a) => ({ ...a, [questionId]: '' })),
    );

  return (
    <Card size="small" title={t('resources.qa')} data-testid="qa-panel">
      <Flex gap={8} align="flex-start">
        <Input.TextArea
          rows={2}
          maxLength={1000}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('resources.askPlaceholder')}
          data-testid="qa-input"
        />
        <Button type="primary" disabled={!draft.trim()} onClick={() => void ask()} data-testid="qa-ask">
          {t('resources.ask')}
        </Button>
      </Flex>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginTop: 8 }} />}
      {qa.data && qa.data.questions.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resources.noQuestions')} />
      )}
      {qa.data && qa.data.questions.length > 0 && (
        <List
          dataSource={qa.data.questions}
          renderItem={(q) => (
            <List.Item data-testid="qa-question">
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Typography.Text>
                  <Typography.Text strong>{q.askerName}</Typography.Text>：{q.body}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(q.createdAt, lang)}
                </Typography.Text>
                {q.answers.length === 0 && (
                  <Typography.Text type="secondary">{t('resources.unanswered')}</Typography.Text>
                )}
                {q.answers.map((a) => (
                  <div
                    key={a.id}
                    style={{ background: '#f0f5ff', padding: '6px 10px', borderRadius: 6 }}
                    data-testid="qa-answer"
                  >
                    <Typography.Text strong>{a.answererName}</Typography.Text>：{a.body}
                  </div>
                ))}
                {qa.data?.canAnswer && (
                  <Flex gap={8}>
                    <Input
                      maxLength={2000}
                      value={answers[q.id] ?? ''}
                      onChange={(e) => setAnswers((s) => ({ ...s, [q.id]: e.target.value }))}
                      placeholder={t('resources.answerPlaceholder')}
                      data-testid="qa-answer-input"
                    />
                    <Button
                      disabled={!answers[q.id]?.trim()}
                      onClick={() => void reply(q.id)}
                      data-testid="qa-reply"
                    >
                      {t('resources.answer')}
                    </Button>
                  </Flex>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
