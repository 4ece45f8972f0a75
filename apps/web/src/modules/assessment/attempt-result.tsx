/**
 * An attempt after it closed: 已交卷 (or closed by the server at the deadline), and once the teacher
 * releases the scores, the student's score, each item's score and the worked explanations. Never a
 * ranking (COMPLIANCE §3).
 */
import { Card, Flex, Result, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RichText } from './attempt-rich';
import type { Attempt } from './homework-api';

type KeyItem = {
  number: number;
  content: { explanation?: string; parts?: { content: { explanation?: string } }[] };
};

export function AttemptResult({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation();
  const expired = attempt.status === 'expired';
  if (!attempt.released) {
    return (
      <Result
        status="success"
        title={expired ? t('homework.expired') : t('homework.submitted')}
        subTitle={t('homework.waitRelease')}
        data-testid="attempt-closed"
      />
    );
  }
  const key = attempt.key as { sections?: { items: KeyItem[] }[] } | undefined;
  const explanations = (key?.sections ?? []).flatMap((s) => s.items).filter((i) => i.content.explanation);
  return (
    <Flex vertical gap={16} data-testid="attempt-result">
      <Card>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Title level={4} style={{ margin: 0 }} className="hanlin-wrap">
            {attempt.title}
          </Typography.Title>
          <Statistic
            title={t('homework.score')}
            value={attempt.score ?? '—'}
            suffix={`/ ${attempt.totalScore}`}
          />
        </Flex>
      </Card>
      <Table
        size="small"
        rowKey={(r) => `${r.number}.${r.part}`}
        pagination={false}
        dataSource={attempt.results ?? []}
        columns={[
          {
            title: t('homework.item'),
            render: (_, r) => (r.part ? `${r.number}（${r.part}）` : r.number),
          },
          {
            title: t('homework.score'),
            render: (_, r) => (
              <Tag color={r.score === r.maxScore ? 'success' : r.score ? 'warning' : 'error'}>
                {r.score ?? '—'} / {r.maxScore}
              </Tag>
            ),
          },
        ]}
      />
      {explanations.length > 0 && (
        <Card title={t('homework.explanations')} size="small">
          <Flex vertical gap={12}>
            {explanations.map((i) => (
              <div key={i.number}>
                <Typography.Text strong>{t('homework.itemNo', { n: i.number })}</Typography.Text>
                <RichText xhtml={i.content.explanation!} />
              </div>
            ))}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
