import { BulbOutlined, ReadOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../app/components/link-button';
import { PageError, PageLoading } from '../../app/components/page-state';
import { type Advice, useAdvice } from './practice-api';
import { LevelTag, MasteryChange, useReasons } from './practice-reason';

/**
 * 为你推荐 (A8): what the student should practise today — their teachers' pushes first, with the
 * teacher's name as the reason, then their weakest points with why and what to practise them on.
 * On a guardian's home (`child`), the same advice read-only: done or not, and how mastery moved.
 */
export function PracticeAdviceCard({ studentId, child = false }: { studentId: string; child?: boolean }) {
  const { t } = useTranslation();
  const q = useAdvice(studentId);
  const title = child ? t('practice.childCard') : t('practice.card');
  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <BulbOutlined />
          {title}
        </Flex>
      }
      size="small"
      variant={child ? 'borderless' : 'outlined'}
      data-testid="practice-card"
      extra={
        child ? (
          <Link to={`/diagnosis/practice/children/${studentId}`}>{t('practice.viewAll')}</Link>
        ) : undefined
      }
      styles={child ? { header: { paddingInline: 0 }, body: { paddingInline: 0 } } : undefined}
    >
      {q.isPending ? (
        <PageLoading />
      ) : q.isError ? (
        <PageError error={q.error} />
      ) : (
        <AdviceList advice={q.data} child={child} limit={child ? 3 : 4} />
      )}
    </Card>
  );
}

/** Pushes, then recommendations; `limit` caps the recommendations shown (a card), none for a page. */
export function AdviceList({ advice, child, limit }: { advice: Advice; child: boolean; limit?: number }) {
  const { t } = useTranslation();
  const reasons = useReasons();
  const pushes = limit ? advice.pushes.filter((p) => child || !p.done).slice(0, 2) : advice.pushes;
  const recs = limit ? advice.recommendations.slice(0, limit) : advice.recommendations;
  if (pushes.length === 0 && recs.length === 0)
    return (
      <Typography.Text type="secondary">{t(child ? 'practice.childNone' : 'practice.none')}</Typography.Text>
    );
  return (
    <Flex vertical gap={12}>
      {pushes.map((p) => (
        <Flex key={p.id} vertical gap={4} data-testid="practice-push" className="hanlin-wrap">
          <Flex gap={8} align="center" wrap>
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {t('practice.pushed')}
            </Tag>
            <Typography.Text strong>{p.knowledgePoint.name}</Typography.Text>
            <Tag color={p.done ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
              {p.done ? t('practice.done') : t('practice.progress', { n: p.answered, total: p.items })}
            </Tag>
          </Flex>
          <Typography.Text data-testid="practice-reason">{reasons.push(p)}</Typography.Text>
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">{t('practice.mastery')}</Typography.Text>
            <MasteryChange before={p.answered > 0 ? p.pBefore : null} now={p.pNow} />
            {!child && !p.done && (
              <LinkButton
                to={`/diagnosis/practice/learn?push=${p.id}`}
                size="small"
                type="primary"
                data-testid="practice-go"
              >
                {t('practice.go')}
              </LinkButton>
            )}
          </Flex>
        </Flex>
      ))}
      {recs.map((r) => (
        <Flex
          key={r.knowledgePoint.id}
          vertical
          gap={4}
          data-testid="practice-recommendation"
          className="hanlin-wrap"
        >
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>{r.knowledgePoint.name}</Typography.Text>
            <LevelTag p={r.p} />
          </Flex>
          <Typography.Text data-testid="practice-reason">{reasons.weak(r)}</Typography.Text>
          {r.cause && (
            <Typography.Text type="warning">
              {reasons.cause(r.cause)}
              {!child && (
                <>
                  {' '}
                  <Link to={`/diagnosis/practice/learn?kp=${r.cause.id}`}>{t('practice.practiseCause')}</Link>
                </>
              )}
            </Typography.Text>
          )}
          <Flex gap={8} align="center" wrap>
            {!child && r.items > 0 && (
              <LinkButton
                to={`/diagnosis/practice/learn?kp=${r.knowledgePoint.id}`}
                size="small"
                type="primary"
                data-testid="practice-go"
              >
                {t('practice.practise', { n: r.items })}
              </LinkButton>
            )}
            {r.resources.map((x) => (
              <Link
                key={x.id}
                to={`/resources/${x.id}`}
                className="hanlin-wrap"
                data-testid="practice-resource"
              >
                <ReadOutlined /> {t('practice.resource', { title: x.title })}
              </Link>
            ))}
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}
