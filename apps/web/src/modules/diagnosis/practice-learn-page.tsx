import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { PracticeItemCard } from '../assessment/practice-item-card';
import { answerPractice, type PracticeResult, practiceKeys, usePracticeSet } from './practice-api';
import { LevelTag, MasteryChange, useReasons } from './practice-reason';

/**
 * 个性化练习 (phone first): the items of a recommended point (`?kp=`) or of a teacher's push
 * (`?push=`), one by one; each is graded at once with its explanation, and the point's mastery
 * moves with every answer (shown from where it stood when the page opened).
 */
export function PracticeLearnPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = { kp: params.get('kp') ?? undefined, push: params.get('push') ?? undefined };
  const set = usePracticeSet(query);
  const qc = useQueryClient();
  const reasons = useReasons();
  const [results, setResults] = useState<Record<string, PracticeResult>>({});
  const [at, setAt] = useState<number>();
  if (set.isPending) return <PageLoading />;
  if (set.isError) return <PageError error={set.error} />;
  const s = set.data;
  const items = s.items;
  const first = items.findIndex((i) => i.answered === null);
  const index = at ?? (first < 0 ? items.length : first);
  const item = items[index];
  const last = Object.values(results).at(-1);
  const start = s.mastery?.p ?? null;
  const now = last?.mastery?.p ?? start;
  const answer = async (itemId: string, value: Parameters<typeof answerPractice>[0]['value']) => {
    const r = await answerPractice({
      itemId,
      knowledgePointId: s.knowledgePoint.id,
      ...(s.pushId ? { pushId: s.pushId } : {}),
      value,
    });
    setResults((x) => ({ ...x, [itemId]: r }));
    void qc.invalidateQueries({ queryKey: practiceKeys.all, predicate: (q) => q.queryKey[1] !== 'set' });
  };
  return (
    <Stack>
      <Link to="/">{t('practice.backHome')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="practice-title">
        {t('practice.learnTitle', { name: s.knowledgePoint.name })}
      </Typography.Title>
      {s.push && (
        <Typography.Text data-testid="practice-push-reason">
          {reasons.push({ ...s.push, knowledgePoint: s.knowledgePoint })}
        </Typography.Text>
      )}
      {s.reason && (
        <Flex vertical gap={2}>
          <Typography.Text>
            {reasons.weak({ knowledgePoint: s.knowledgePoint, p: s.reason.p, recent: s.reason.recent })}
          </Typography.Text>
          {s.reason.cause && (
            <Typography.Text type="warning">
              {reasons.cause(s.reason.cause)}{' '}
              <Link to={`/diagnosis/practice/learn?kp=${s.reason.cause.id}`} reloadDocument>
                {t('practice.practiseCause')}
              </Link>
            </Typography.Text>
          )}
        </Flex>
      )}
      <Card size="small">
        <Flex gap={8} align="center" wrap data-testid="practice-mastery">
          <Typography.Text type="secondary">{t('practice.mastery')}</Typography.Text>
          <LevelTag p={now} />
          {last && <MasteryChange before={start} now={now} />}
        </Flex>
      </Card>
      {items.length === 0 ? (
        <Result
          status="info"
          title={t('practice.noItems')}
          extra={<Link to="/">{t('practice.backHome')}</Link>}
        />
      ) : item ? (
        <>
          <Typography.Text type="secondary">
            {t('practice.itemOf', { n: index + 1, total: items.length })}
          </Typography.Text>
          <PracticeItemCard
            key={item.id}
            item={item}
            result={results[item.id]}
            onAnswer={(v) => answer(item.id, v)}
          />
          {results[item.id] && (
            <Button type="primary" onClick={() => setAt(index + 1)} data-testid="practice-next">
              {index + 1 < items.length ? t('practice.next') : t('practice.finish')}
            </Button>
          )}
        </>
      ) : (
        <Alert
          type="success"
          showIcon
          data-testid="practice-finished"
          title={t('practice.finished')}
          description={
            <Flex vertical gap={4}>
              <span data-testid="practice-score">
                {t('practice.score', {
                  correct: Object.values(results).filter((r) => r.correct).length,
                  n: Object.keys(results).length,
                })}
              </span>
              <Link to="/">{t('practice.backHome')}</Link>
            </Flex>
          }
        />
      )}
    </Stack>
  );
}
