import { CloudUploadOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage, PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { formatCount, formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { BackupHistory } from './backup-history';
import { CheckedAt } from './checked-at';
import { formatBytes } from './format';
import { type Backups, useBackupAction, useBackups } from './operations-api';
import { RestoreHowTo } from './restore-how-to';

type Backup = Backups['backups'][number];

/**
 * 备份与恢复: the base backups with time, size and last verification; a backup now and a
 * verification by trial restore, each audited and run in the background; the WAL archive and the
 * moments a restore can reach; how to restore (a console action: never the live database from a
 * web page); and the history of backups, verifications and restores.
 */
export function BackupsTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const backups = useBackups();
  const action = useBackupAction();
  if (backups.isPending) return <PageLoading />;
  if (backups.isError) return <PageError error={backups.error} onRetry={() => void backups.refetch()} />;
  const d = backups.data;
  const b = (k: string) => t(`operations.backups.${k}`);

  if (d.mode !== 'embedded') {
    return (
      <Stack testId="ops-backups">
        <CheckedAt at={d.checkedAt} />
        <Alert
          type={d.mode === 'off' ? 'warning' : 'info'}
          showIcon
          title={b(`mode.${d.mode}`)}
          description={b(`mode.${d.mode}Hint`)}
          data-testid={`ops-backups-${d.mode}`}
        />
      </Stack>
    );
  }

  const start = async (verify?: string) => {
    try {
      await action.mutateAsync(verify);
      void message.success(verify ? b('verifyStarted') : b('backupStarted'));
    } catch (e) {
      void message.error(errorMessage(e, b('startFailed')));
    }
  };
  const busy = !!d.activity || action.isPending;
  const s = d.settings!;
  const a = d.archiver!;

  return (
    <Stack testId="ops-backups">
      <Flex wrap justify="space-between" align="center" gap={8}>
        <CheckedAt at={d.checkedAt} />
        <Popconfirm title={b('backupNowConfirm')} onConfirm={() => void start()} okText={b('backupNow')}>
          <Button type="primary" icon={<CloudUploadOutlined />} disabled={busy} data-testid="ops-backup-now">
            {b('backupNow')}
          </Button>
        </Popconfirm>
      </Flex>
      {d.activity && (
        <Alert
          type="info"
          showIcon
          title={t(`operations.backups.activity.${d.activity.kind}`, {
            at: formatDateTime(d.activity.startedAt, lang),
            id: d.activity.backupId ?? '',
          })}
          data-testid="ops-backup-activity"
        />
      )}
      <Card size="small" title={b('settings')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'every',
              label: b('every'),
              children: t('operations.backups.everyHours', { n: s.everyHours }),
            },
            {
              key: 'keep',
              label: b('keep'),
              children: t('operations.backups.keepOf', { days: s.keepDays, count: s.keepCount }),
            },
            {
              key: 'offsite',
              label: b('offsite'),
              children: s.offsiteBucket ?? <Tag color="orange">{b('noOffsite')}</Tag>,
            },
            {
              key: 'archiver',
              label: b('archiver'),
              children: a.failing ? (
                <Tag color="red">{t('operations.backups.archiverFailing', { wal: a.lastFailedWal })}</Tag>
              ) : (
                <Tag color="green">{b('archiverOk')}</Tag>
              ),
            },
            {
              key: 'lastArchived',
              label: b('lastArchived'),
              children: formatDateTime(a.lastArchivedAt ?? d.wal?.newest?.at, lang),
            },
            {
              key: 'wal',
              label: b('walArchive'),
              children: t('operations.backups.walOf', {
                n: formatCount(d.wal?.segments ?? 0, lang),
                size: formatBytes(d.wal?.bytes ?? 0),
              }),
            },
            {
              key: 'window',
              label: b('restoreWindow'),
              children: d.restoreWindow
                ? `${formatDateTime(d.restoreWindow.from, lang)} — ${formatDateTime(d.restoreWindow.to, lang)}`
                : '—',
            },
            {
              key: 'dir',
              label: b('dir'),
              children: <Typography.Text className="hanlin-wrap">{s.dir}</Typography.Text>,
            },
          ]}
        />
      </Card>
      <Card size="small" title={b('list')}>
        <Table<Backup>
          rowKey="id"
          size="small"
          dataSource={d.backups}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: b('none') }}
          data-testid="ops-backup-list"
          columns={[
            {
              title: b('finishedAt'),
              render: (_, r) => (
                <Flex vertical>
                  <span>{formatDateTime(r.finishedAt, lang)}</span>
                  {!r.current && <Typography.Text type="secondary">{b('otherCluster')}</Typography.Text>}
                </Flex>
              ),
            },
            {
              title: b('lastVerify'),
              render: (_, r) =>
                r.lastVerify ? (
                  <Tag color={r.lastVerify.ok ? 'green' : 'red'}>
                    {t(
                      r.lastVerify.ok ? 'operations.backups.verifiedAt' : 'operations.backups.verifyFailedAt',
                      {
                        at: formatDateTime(r.lastVerify.at, lang),
                      },
                    )}
                  </Tag>
                ) : (
                  <Tag>{b('notVerified')}</Tag>
                ),
            },
            {
              title: b('actions'),
              render: (_, r) => (
                <Button
                  size="small"
                  icon={<SafetyOutlined />}
                  disabled={busy || !r.current}
                  onClick={() => void start(r.id)}
                  data-testid={`ops-verify-${r.id}`}
                >
                  {b('verify')}
                </Button>
              ),
            },
            { title: b('size'), align: 'right', render: (_, r) => formatBytes(r.bytes) },
            {
              title: b('files'),
              align: 'right',
              render: (_, r) =>
                r.files ? `${formatCount(r.files.count, lang)} · ${formatBytes(r.files.bytes)}` : '—',
            },
            { title: b('kind'), render: () => b('base') },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {b('verifyHint')}
        </Typography.Paragraph>
      </Card>
      <RestoreHowTo window={d.restoreWindow} />
      <BackupHistory events={d.history} />
    </Stack>
  );
}
