import { Card, Empty, Flex, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../app/codes/use-codes';
import { LinkButton } from '../../app/components/link-button';
import { PageError } from '../../app/components/page-state';
import { useNotebookSummary } from './notebook-api';

/**
 * 错题本 in figures, on the parent's child card, the child's page and the student's home: open
 * entries, this month's new and mastered ones, by subject and the knowledge points with most open
 * entries. This child's own counts, compared with no one (no ranking, COMPLIANCE §3).
 */
export function NotebookSummaryCard({
  studentId,
  own = false,
  bordered = true,
}: {
  studentId: string;
  /** The student's own card: 查看错题 opens their notebook (a guardian's, the child's when allowed). */
  own?: boolean;
  bordered?: boolean;
}) {
  const { t } = useTranslation();
  const subject = useCodeLabel('subject');
  const summary = useNotebookSummary(studentId);
  const body = summary.isPending ? null : summary.isError ? (
    <PageError error={summary.error} />
  ) : summary.data.open + summary.data.closedThisMonth === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notebook.summaryEmpty')} />
  ) : (
    <Flex vertical gap={8}>
      <Flex gap={24} wrap>
        <Statistic
          title={t('notebook.openNow')}
          value={summary.data.open}
          valueRender={(v) => <span data-testid="summary-open">{v}</span>}
        />
        <Statistic title={t('notebook.openedThisMonth')} value={summary.data.openedThisMonth} />
        <Statistic
          title={t('notebook.closedThisMonth')}
          value={summary.data.closedThisMonth}
          valueRender={(v) => <span data-testid="summary-closed">{v}</span>}
        />
      </Flex>
      <Flex wrap gap={6}>
        {summary.data.subjects.map((s) => (
          <Tag key={s.subjectCode} data-testid="summary-subject">
            {t('notebook.subjectCount', { subject: subject(s.subjectCode), n: s.open })}
          </Tag>
        ))}
      </Flex>
      {summary.data.knowledgePoints.some((k) => k.open > 0) && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('notebook.pointsToReview')}
          </Typography.Text>
          <Flex wrap gap={6}>
            {summary.data.knowledgePoints
              .filter((k) => k.open > 0)
              .slice(0, 8)
              .map((k) => (
                <Tag key={k.id} color="orange" className="hanlin-wrap" data-testid="summary-point">
                  {k.name} · {k.open}
                </Tag>
              ))}
          </Flex>
        </>
      )}
    </Flex>
  );
  return (
    <Card
      size="small"
      variant={bordered ? 'outlined' : 'borderless'}
      title={t('notebook.summaryTitle')}
      data-testid="notebook-summary"
      extra={
        summary.data?.entriesVisible ? (
          <LinkButton
            size="small"
            to={own ? '/notebook' : `/notebook/children/${studentId}`}
            data-testid="summary-view"
          >
            {t('notebook.view')}
          </LinkButton>
        ) : undefined
      }
    >
      {body}
    </Card>
  );
}
