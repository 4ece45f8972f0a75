import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { useAdvice } from './practice-api';
import { AdviceList } from './practice-home-card';

/** A guardian's page of what a child was advised: pushes (done or not, mastery change) and recommendations; no ranking. */
export function PracticeChildPage() {
  const { studentId = '' } = useParams();
  const { t } = useTranslation();
  const q = useAdvice(studentId);
  return (
    <Stack>
      <PageTitle
        title={t('practice.childTitle')}
        subtitle={t('practice.childSubtitle')}
        testId="practice-child-title"
      />
      <Card size="small">
        {q.isPending ? (
          <PageLoading />
        ) : q.isError ? (
          <PageError error={q.error} />
        ) : (
          <AdviceList advice={q.data} child />
        )}
      </Card>
    </Stack>
  );
}
