import { PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Progress, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { jobLabel } from './attention-list';
import { CheckedAt } from './checked-at';
import { formatBytes, formatDuration } from './format';
import { type Jobs, type JobView, useJobs, useRunJob } from './operations-api';
import { StatusTag } from './status-tag';

type Run = Jobs['recent'][number];

/** What a run counted, in words: rows removed per table, bytes of a backup, resources flagged. */
function summaryText(t: TFunction, summary: Record<string, number> | null): string {
  if (!summary) return '';
  return Object.entries(summary)
    .map(([k, v]) =>
      k === 'bytes' ? formatBytes(v) : `${t(`operations.jobs.count.${k}`, { defaultValue: k })} ${v}`,
    )
    .join('，');
}

/** A running job's progress as it last reported it, or its waiting and running attempts. */
function QueueCell({ job }: { job: JobView }) {
  const { t } = useTranslation();
  const p = job.last?.status === 'running' ? job.last.progress : null;
  return (
    <Flex vertical style={{ minWidth: 140 }}>
      {p && p.total > 0 && (
        <Progress
          percent={Math.round((100 * p.done) / p.total)}
          size="small"
          status="active"
          format={() => `${p.done}/${p.total}`}
          data-testid={`ops-job-progress-${job.job}`}
        />
      )}
      {job.last?.status === 'running' && job.last.attempt > 1 && (
        <Typography.Text type="warning">
          {t('operations.jobs.attempt', { attempt: job.last.attempt })}
        </Typography.Text>
      )}
      {job.queue && job.queue.waiting + job.queue.active > 0 && (
        <Typography.Text type="secondary">
          {t('operations.jobs.queueOf', job.queue)}
          {job.queue.retrying > 0 && `，${t('operations.jobs.retrying', job.queue)}`}
        </Typography.Text>
      )}
      {!p && !(job.queue && job.queue.waiting + job.queue.active > 0) && '—'}
    </Flex>
  );
}

/** 定时任务: each scheduled job's last run, result, failures and next run; the latest runs. */
export function JobsTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const jobs = useJobs();
  const runJob = useRunJob();
  if (jobs.isPending) return <PageLoading />;
  if (jobs.isError) return <PageError error={jobs.error} onRetry={() => void jobs.refetch()} />;
  const j = (k: string) => t(`operations.jobs.${k}`);
  const runNow = async (job: string) => {
    try {
      await runJob.mutateAsync(job);
      void message.success(j('runStarted'));
    } catch (e) {
      void message.error(errorMessage(e, j('runFailed')));
    }
  };
  const result = (last: JobView['last'] | Run) =>
    !last ? (
      '—'
    ) : last.error ? (
      <Typography.Text type="danger" className="hanlin-wrap">
        {last.error}
      </Typography.Text>
    ) : (
      summaryText(t, last.summary) || '—'
    );

  return (
    <Stack testId="ops-jobs">
      <CheckedAt at={jobs.data.checkedAt} />
      <Card size="small" title={j('scheduled')}>
        <Table<JobView>
          rowKey="job"
          size="small"
          dataSource={jobs.data.jobs}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="ops-jobs-table"
          columns={[
            {
              title: j('job'),
              render: (_, r) => (
                <Flex vertical>
                  <Typography.Text strong>{jobLabel(t, r.job)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {r.everyHours === null
                      ? j('onDemand')
                      : t('operations.jobs.every', { hours: r.everyHours })}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: j('status'), render: (_, r) => <StatusTag group="jobs" status={r.status} /> },
            { title: j('lastRun'), render: (_, r) => formatDateTime(r.last?.startedAt, lang) },
            { title: j('duration'), render: (_, r) => formatDuration(r.last?.durationMs, lang) },
            { title: j('result'), render: (_, r) => result(r.last) },
            {
              title: j('week'),
              render: (_, r) => t('operations.jobs.weekOf', { runs: r.runs7d, failures: r.failures7d }),
            },
            { title: j('progress'), render: (_, r) => <QueueCell job={r} /> },
            {
              title: j('lastFailure'),
              render: (_, r) =>
                r.lastFailure ? (
                  <Flex vertical>
                    <Typography.Text type="secondary">
                      {t('operations.jobs.lastFailureAt', {
                        at: formatDateTime(r.lastFailure.at, lang),
                        attempt: r.lastFailure.attempt,
                      })}
                    </Typography.Text>
                    <Typography.Text type="danger" className="hanlin-wrap">
                      {r.lastFailure.error}
                    </Typography.Text>
                  </Flex>
                ) : (
                  '—'
                ),
            },
            { title: j('nextRun'), render: (_, r) => formatDateTime(r.nextRunAt, lang) },
            {
              title: j('actions'),
              render: (_, r) =>
                r.runnable && (
                  <Popconfirm
                    title={t('operations.jobs.runNowConfirm', { job: jobLabel(t, r.job) })}
                    onConfirm={() => void runNow(r.job)}
                    okText={j('runNow')}
                  >
                    <Button
                      size="small"
                      icon={<PlayCircleOutlined />}
                      disabled={runJob.isPending || (r.queue?.waiting ?? 0) > 0}
                      data-testid={`ops-job-run-${r.job}`}
                    >
                      {j('runNow')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={j('recent')}>
        <Table<Run>
          rowKey="id"
          size="small"
          dataSource={jobs.data.recent}
          pagination={jobs.data.recent.length > 10 ? { pageSize: 10, size: 'small' } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: j('noRuns') }}
          columns={[
            { title: j('startedAt'), render: (_, r) => formatDateTime(r.startedAt, lang) },
            { title: j('job'), render: (_, r) => jobLabel(t, r.job) },
            {
              title: j('status'),
              render: (_, r) => (
                <Flex gap={4} align="center">
                  <StatusTag group="jobs" status={r.status} />
                  {r.attempt > 1 && (
                    <Typography.Text type="secondary">
                      {t('operations.jobs.attempt', { attempt: r.attempt })}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            {
              title: j('duration'),
              render: (_, r) =>
                formatDuration(
                  r.finishedAt ? Date.parse(r.finishedAt) - Date.parse(r.startedAt) : null,
                  lang,
                ),
            },
            { title: j('result'), render: (_, r) => result(r) },
          ]}
        />
      </Card>
    </Stack>
  );
}
