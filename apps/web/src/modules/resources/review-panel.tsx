import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, InputNumber, Steps, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { type ResourceDetail, resourceKeys, useReviewHistory } from './resources-api';

type Decision = 'approve' | 'return' | 'reject';

/** The resource's 六审 chain, its history, and what the viewer can do now (submit or decide). */
export function ReviewPanel({ res }: { res: ResourceDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const history = useReviewHistory(res.id);
  const [comment, setComment] = useState('');
  const [score, setScore] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      message.success(done);
      setComment('');
      setScore(null);
      await client.invalidateQueries({ queryKey: resourceKeys.all });
    } catch (e) {
      setError(errorMessage(e, t('common.saveFailed')));
    } finally {
      setBusy(false);
    }
  };
  const submit = () =>
    act(
      () =>
        unwrap(
          api.POST('/api/resources/{id}/submit', { params: { path: { id: res.id } }, body: { comment } }),
        ),
      t('resources.submitted'),
    );
  const decide = (action: Decision) =>
    act(
      () =>
        unwrap(
          api.POST('/api/resources/{id}/review', {
            params: { path: { id: res.id } },
            body: { action, comment, ...(score === null ? {} : { score }) },
          }),
        ),
      t('resources.decided'),
    );

  const h = history.data;
  const canSubmit = res.mine && (res.status === 'draft' || res.status === 'returned');
  const stepStatus =
    h?.status === 'approved'
      ? 'finish'
      : h?.status === 'rejected'
        ? 'error'
        : h?.status === 'returned'
          ? 'error'
          : 'process';
  return (
    <Card size="small" title={t('resources.review')} data-testid="review-panel">
      {!h || h.steps.length === 0 ? (
        <Typography.Text type="secondary">{t('resources.notSubmitted')}</Typography.Text>
      ) : (
        <>
          <Steps
            size="small"
            direction="vertical"
            current={h.status === 'approved' ? h.steps.length : (h.currentStep ?? 0)}
            status={stepStatus}
            items={h.steps.map((title) => ({ title }))}
            data-testid="review-steps"
          />
          <Typography.Text strong>{t('resources.history')}</Typography.Text>
          <Timeline
            style={{ marginTop: 12 }}
            items={h.events.map((e) => ({
              color:
                e.action === 'approve'
                  ? 'green'
                  : e.action === 'submit' || e.action === 'resubmit'
                    ? 'blue'
                    : 'red',
              children: (
                <>
                  <Typography.Text>
                    {e.stepName} · {e.actorName} · <Tag>{t(`resources.action.${e.action}`)}</Tag>
                    {e.score !== null && <Tag color="gold">{e.score}</Tag>}
                  </Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(e.at, lang)}
                  </Typography.Text>
                  {e.comment && (
                    <Typography.Paragraph style={{ margin: 0 }}>{e.comment}</Typography.Paragraph>
                  )}
                </>
              ),
            }))}
          />
        </>
      )}
      {(canSubmit || h?.canDecide) && (
        <Flex vertical gap={8}>
          <Input.TextArea
            rows={2}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={t('resources.comment')}
            data-testid="review-comment"
          />
          {h?.canDecide && (
            <InputNumber
              min={0}
              max={100}
              value={score}
              onChange={setScore}
              placeholder={t('resources.score')}
              style={{ width: 160 }}
            />
          )}
          <Flex wrap gap={8}>
            {canSubmit && (
              <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="review-submit">
                {t('resources.submit')}
              </Button>
            )}
            {h?.canDecide && (
              <>
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() => void decide('approve')}
                  data-testid="review-approve"
                >
                  {t('resources.approve')}
                </Button>
                <Button loading={busy} onClick={() => void decide('return')} data-testid="review-return">
                  {t('resources.return')}
                </Button>
                <Button
                  danger
                  loading={busy}
                  onClick={() => void decide('reject')}
                  data-testid="review-reject"
                >
                  {t('resources.reject')}
                </Button>
              </>
            )}
          </Flex>
          {error && <Alert type="error" showIcon role="alert" title={error} />}
        </Flex>
      )}
    </Card>
  );
}
