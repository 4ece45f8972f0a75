import { useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Empty, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { type ArbitrationItem, markingKeys, saveMark, useArbitration } from './marking-api';
import { parseScore } from './marking-page';

/**
 * 仲裁: the scripts whose two marks differ by more than the gap, with both marks beside the answer.
 * The arbiter's score counts. A score typed and Enter saves it.
 */
export function MarkingArbitrationPage() {
  const { assignmentId = '' } = useParams();
  const { t } = useTranslation();
  const queue = useArbitration(assignmentId);
  return (
    <Stack>
      <Breadcrumb
        items={[
          { key: 'm', title: <Link to="/marking">{t('marking.title')}</Link> },
          { key: 'a', title: <Link to={`/marking/${assignmentId}`}>{t('marking.overview')}</Link> },
          { key: 'q', title: t('marking.arbitrationTitle') },
        ]}
      />
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="arbitration-title">
        {t('marking.arbitrationTitle')}
      </Typography.Title>
      {queue.isPending ? (
        <PageLoading />
      ) : queue.isError ? (
        <PageError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <Empty description={t('marking.arbitrationEmpty')} />
      ) : (
        queue.data.items.map((item) => (
          <ArbitrationCard key={item.id} assignmentId={assignmentId} item={item} />
        ))
      )}
    </Stack>
  );
}

function ArbitrationCard({ assignmentId, item }: { assignmentId: string; item: ArbitrationItem }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [score, setScore] = useState(item.arbitration === null ? '' : String(item.arbitration));
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<number | null>(item.arbitration);
  const save = async () => {
    const parsed = parseScore(score, item.maxScore);
    if ('error' in parsed) {
      setError(t('marking.outOfRange', { max: item.maxScore }));
      return;
    }
    setError(undefined);
    try {
      const res = await saveMark(assignmentId, { scriptId: item.id, score: parsed.score });
      setSaved(res.myScore);
      void qc.invalidateQueries({ queryKey: markingKeys.overview(assignmentId) });
    } catch (e) {
      setError(errorMessage(e, t('marking.saveFailed')));
    }
  };
  return (
    <Card
      size="small"
      data-testid="arbitration-item"
      title={
        <Flex wrap gap={8} align="center">
          <span>
            {t('marking.itemTitle', {
              number: item.number,
              part: item.part,
              context: item.part > 0 ? 'part' : undefined,
            })}
          </span>
          <Typography.Text type="secondary">{item.label}</Typography.Text>
          <Tag color="blue">{t('marking.firstMark', { score: item.first })}</Tag>
          <Tag color="blue">{t('marking.secondMark', { score: item.second })}</Tag>
          {saved !== null && <Tag color="green">{t('marking.arbitrated', { score: saved })}</Tag>}
        </Flex>
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.answer}</Typography.Paragraph>
      <Flex gap={8} align="center" wrap>
        <Input
          value={score}
          inputMode="decimal"
          suffix={`/ ${item.maxScore}`}
          aria-label={t('marking.scoreLabel', { max: item.maxScore })}
          onChange={(e) => setScore(e.target.value.replace(/[^\d.]/g, ''))}
          onPressEnter={() => void save()}
          style={{ width: 140 }}
          data-testid="arbitration-score"
        />
        <Button type="primary" onClick={() => void save()}>
          {t('marking.arbitrate')}
        </Button>
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}
