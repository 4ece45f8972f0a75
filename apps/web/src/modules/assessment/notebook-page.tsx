import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageError, PageLoading } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { useChildNotebook, useMyNotebook } from './notebook-api';
import { NotebookEntries } from './notebook-entries';

/** 错题本 (phone first): the student's wrong answers after release, by subject and knowledge point. */
export function NotebookPage() {
  const { t } = useTranslation();
  const notebook = useMyNotebook();
  return (
    <Stack>
      <PageTitle title={t('notebook.title')} subtitle={t('notebook.subtitle')} testId="notebook-title" />
      {notebook.isPending ? (
        <PageLoading />
      ) : notebook.isError ? (
        <PageError error={notebook.error} onRetry={() => void notebook.refetch()} />
      ) : (
        <NotebookEntries items={notebook.data.items} practise />
      )}
    </Stack>
  );
}

/** A child's notebook as their guardian reads it (children under 14; the server says why not otherwise). */
export function ChildNotebookPage() {
  const { studentId = '' } = useParams();
  const { t } = useTranslation();
  const notebook = useChildNotebook(studentId, true);
  return (
    <Stack>
      <PageTitle
        title={t('notebook.childTitle')}
        subtitle={t('notebook.childSubtitle')}
        testId="notebook-title"
      />
      {notebook.isPending ? (
        <PageLoading />
      ) : notebook.isError ? (
        <PageError error={notebook.error} />
      ) : (
        <NotebookEntries items={notebook.data.items} practise={false} />
      )}
    </Stack>
  );
}
