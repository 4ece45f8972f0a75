import { Card, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { formatBytes, formatDuration } from './format';
import type { BackupEvent } from './operations-api';

/** What an event did, in a line: the backup and its size, the checks, the target, or the failure. */
function detail(t: TFunction, e: BackupEvent, lang: 'zh-CN' | 'en'): string {
  const parts: string[] = [];
  if (e.backupId) parts.push(e.backupId);
  if (e.bytes !== undefined) parts.push(formatBytes(e.bytes));
  if (e.target)
    parts.push(
      t('operations.history.target', {
        to: e.target === 'latest' ? t('operations.history.latest') : formatDateTime(e.target, lang),
      }),
    );
  if (e.replayedUntil)
    parts.push(t('operations.history.replayed', { at: formatDateTime(e.replayedUntil, lang) }));
  for (const c of e.checks ?? []) {
    if (!c.ok) parts.push(`${t(`operations.history.check.${c.name}`)}: ${c.detail}`);
  }
  if (e.checks?.every((c) => c.ok)) parts.push(t('operations.history.allChecks', { n: e.checks.length }));
  if (e.error) parts.push(e.error);
  return parts.join(' · ');
}

/** 备份、校验与恢复记录: newest first, kept beside the backups so a restore does not erase it. */
export function BackupHistory({ events }: { events: BackupEvent[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const h = (k: string) => t(`operations.history.${k}`);
  return (
    <Card size="small" title={h('title')}>
      <Table<BackupEvent>
        rowKey={(e) => `${e.kind}-${e.startedAt}`}
        size="small"
        dataSource={events}
        pagination={events.length > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: h('none') }}
        data-testid="ops-backup-history"
        columns={[
          { title: h('at'), render: (_, e) => formatDateTime(e.finishedAt, lang) },
          { title: h('kind'), render: (_, e) => t(`operations.history.kinds.${e.kind}`) },
          { title: h('trigger'), render: (_, e) => t(`operations.history.triggers.${e.trigger}`) },
          {
            title: h('outcome'),
            render: (_, e) => <Tag color={e.ok ? 'green' : 'red'}>{h(e.ok ? 'ok' : 'failed')}</Tag>,
          },
          {
            title: h('duration'),
            render: (_, e) => formatDuration(Date.parse(e.finishedAt) - Date.parse(e.startedAt), lang),
          },
          {
            title: h('detail'),
            render: (_, e) => (
              <Typography.Text
                type={e.ok ? undefined : 'danger'}
                className="hanlin-wrap"
                style={{ display: 'inline-block', maxWidth: 420 }}
              >
                {detail(t, e, lang)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
