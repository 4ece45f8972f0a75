import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Progress, Steps, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../app/components/link-button';
import { Stack } from '../../app/components/stack';
import { errorsUrl, type ImportJob } from './import-api';

const STEP: Record<string, number> = { validating: 0, importing: 1, done: 2, failed: 0 };

/** Where an import stands: steps, a progress bar, and the row errors that stopped it. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const failed = job.status === 'failed';
  const percent =
    job.total > 0 ? Math.round((job.processed / job.total) * 100) : job.status === 'done' ? 100 : 0;

  return (
    <Stack testId="import-progress">
      <Steps
        size="small"
        current={STEP[job.status] ?? 0}
        status={failed ? 'error' : job.status === 'done' ? 'finish' : 'process'}
        items={[
          { title: t('import.step.validating') },
          { title: t('import.step.importing') },
          { title: t('import.step.done') },
        ]}
      />
      <Progress
        percent={percent}
        status={failed ? 'exception' : job.status === 'done' ? 'success' : 'active'}
        format={() => `${job.processed} / ${job.total}`}
      />
      {job.status === 'done' && (
        <Alert type="success" showIcon title={t('import.done', { count: job.total })} />
      )}
      {failed && (
        <Alert
          type="error"
          showIcon
          title={t('import.failed', { count: job.errorCount })}
          description={
            <>
              <div>{t('import.nothingWritten')}</div>
              <DownloadButton
                url={errorsUrl(job.id)}
                size="small"
                icon={<DownloadOutlined />}
                data-testid="import-errors-xlsx"
                style={{ marginTop: 8 }}
              >
                {t('import.errorsXlsx')}
              </DownloadButton>
            </>
          }
        />
      )}
      {job.status === 'done' && (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 3 }}
          data-testid="import-summary"
          items={(['created', 'updated', 'unchanged'] as const).map((k) => ({
            key: k,
            label: t(`import.summary.${k}`),
            children: job.summary[k],
          }))}
        />
      )}
      {job.errors.length > 0 && (
        <>
          <Typography.Text strong>
            {job.errorCount > job.errors.length
              ? t('import.errorsFirst', { shown: job.errors.length, count: job.errorCount })
              : t('import.errors')}
          </Typography.Text>
          <Table
            rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
            size="small"
            dataSource={job.errors}
            pagination={
              job.errors.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false
            }
            data-testid="import-errors"
            // Fixed layout: the reason column takes what is left and wraps, even on a phone.
            tableLayout="fixed"
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 56 },
              { title: t('import.column'), dataIndex: 'column', width: 104 },
              {
                title: t('import.reason'),
                dataIndex: 'message',
                render: (m: string) => <span className="hanlin-wrap">{m}</span>,
              },
            ]}
          />
        </>
      )}
    </Stack>
  );
}
