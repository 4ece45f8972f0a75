import { useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Flex, Result, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import {
  answerPractice,
  drawPractice,
  notebookKeys,
  type PracticeDraw,
  type PracticeResult,
} from './notebook-api';
import { PracticeItemCard } from './practice-item-card';

/**
 * 练一练 (phone first): a similar item of the same knowledge point, answered and graded at once,
 * with the answer and explanation after; two right answers and the entry is mastered.
 */
export function NotebookPracticePage() {
  const { mistakeId = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [draw, setDraw] = useState<PracticeDraw>();
  const [loadError, setLoadError] = useState<unknown>();
  const [result, setResult] = useState<PracticeResult>();
  const load = useCallback(() => {
    setResult(undefined);
    setDraw(undefined);
    setLoadError(undefined);
    drawPractice(mistakeId).then(setDraw, setLoadError);
  }, [mistakeId]);
  useEffect(load, [load]);
  const done = (r: PracticeResult) => {
    setResult(r);
    void qc.invalidateQueries({ queryKey: notebookKeys.mine });
  };
  return (
    <Stack>
      <Breadcrumb
        items={[
          { key: 'n', title: <Link to="/notebook">{t('notebook.title')}</Link> },
          { key: 'p', title: t('notebook.practise') },
        ]}
      />
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="practice-title">
        {t('notebook.practiceTitle')}
      </Typography.Title>
      {loadError ? (
        <PageError error={loadError} />
      ) : !draw ? (
        <PageLoading />
      ) : !draw.item ? (
        <Result
          status="info"
          title={t('notebook.noSimilar')}
          extra={<Link to="/notebook">{t('notebook.back')}</Link>}
        />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="practice-progress">
            {t('notebook.similarProgress', {
              n: result?.correctSimilar ?? draw.correctSimilar,
              needed: draw.needed,
            })}
          </Typography.Text>
          <PracticeItemCard
            key={draw.item.id}
            item={draw.item}
            result={result}
            onAnswer={async (v) => done(await answerPractice(mistakeId, draw.item!.id, v))}
          />
          {result && (
            <Flex gap={8} wrap>
              {result.closed ? (
                <Alert
                  type="success"
                  showIcon
                  title={t('notebook.mastered')}
                  data-testid="practice-mastered"
                />
              ) : (
                <Button type="primary" onClick={load} data-testid="practice-next">
                  {t('notebook.another')}
                </Button>
              )}
              <Link to="/notebook">{t('notebook.back')}</Link>
            </Flex>
          )}
        </>
      )}
    </Stack>
  );
}
