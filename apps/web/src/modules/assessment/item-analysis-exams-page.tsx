import { Card, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { formatDate } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { useAnalysableExams } from './item-analysis-api';

/** Where a researcher or a bureau finds its 统考 to analyse (teachers also reach their homework's from its progress page). */
export function ItemAnalysisExamsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const q = useAnalysableExams();
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Stack>
      <PageTitle title={t('itemAnalysis.exams.title')} subtitle={t('itemAnalysis.exams.subtitle')} />
      <Card size="small">
        {q.data.items.length === 0 ? (
          <Empty description={t('itemAnalysis.exams.none')} />
        ) : (
          <List
            dataSource={q.data.items}
            renderItem={(e) => (
              <List.Item data-testid="analysis-exam">
                <List.Item.Meta
                  title={<Link to={`/item-analysis/${e.id}`}>{e.title}</Link>}
                  description={
                    <Typography.Text type="secondary">
                      {formatDate(e.opensAt, lang)} · {t('itemAnalysis.exams.classes', { n: e.classes })}{' '}
                      {e.releasedAt ? <Tag color="green">{t('itemAnalysis.exams.released')}</Tag> : null}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Stack>
  );
}
