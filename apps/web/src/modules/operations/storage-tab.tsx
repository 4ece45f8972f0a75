import { Card, Col, Descriptions, Progress, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { formatCount } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { CheckedAt } from './checked-at';
import { formatBytes } from './format';
import { type StorageUse, useStorageUse } from './operations-api';

type Disk = StorageUse['disks'][number];
type Owner = StorageUse['database']['byOwner'][number];
type Prefix = StorageUse['files']['byPrefix'][number];

/** 存储: the disks, the database by module, the file store by module, the backups. */
export function StorageTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const storage = useStorageUse();
  if (storage.isPending) return <PageLoading />;
  if (storage.isError) return <PageError error={storage.error} onRetry={() => void storage.refetch()} />;
  const d = storage.data;
  const s = (k: string) => t(`operations.storage.${k}`);
  const owner = (o: string) => t(`operations.owner.${o}`, { defaultValue: o });
  const share = (bytes: number, total: number) => (
    <Progress
      percent={total > 0 ? Math.round((bytes / total) * 1000) / 10 : 0}
      size="small"
      style={{ width: 120 }}
    />
  );

  return (
    <Stack testId="ops-storage">
      <CheckedAt at={d.checkedAt} />
      <Card size="small" title={s('disks')}>
        <Table<Disk>
          rowKey="use"
          size="small"
          dataSource={d.disks}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: s('disk'), render: (_, r) => t(`operations.storage.use.${r.use}`) },
            {
              title: s('path'),
              render: (_, r) => (
                <Typography.Text className="hanlin-wrap" style={{ display: 'inline-block', maxWidth: 280 }}>
                  {r.path}
                </Typography.Text>
              ),
            },
            { title: s('free'), align: 'right', render: (_, r) => formatBytes(r.freeBytes) },
            { title: s('total'), align: 'right', render: (_, r) => formatBytes(r.totalBytes) },
            {
              title: s('used'),
              render: (_, r) => (
                <Progress
                  percent={Math.round((1 - r.freeBytes / Math.max(r.totalBytes, 1)) * 100)}
                  status={r.freeBytes / Math.max(r.totalBytes, 1) < 0.1 ? 'exception' : 'normal'}
                  size="small"
                  style={{ width: 120 }}
                />
              ),
            },
          ]}
        />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t('operations.storage.database', { size: formatBytes(d.database.bytes) })}
          >
            <Table<Owner>
              rowKey="owner"
              size="small"
              dataSource={d.database.byOwner}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="ops-storage-db"
              columns={[
                { title: s('module'), render: (_, r) => owner(r.owner) },
                { title: s('tables'), align: 'right', dataIndex: 'tables' },
                { title: s('rows'), align: 'right', render: (_, r) => formatCount(r.rows, lang) },
                { title: s('size'), align: 'right', render: (_, r) => formatBytes(r.bytes) },
                { title: s('share'), render: (_, r) => share(r.bytes, d.database.bytes) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={t('operations.storage.files', {
              n: formatCount(d.files.files, lang),
              size: formatBytes(d.files.bytes),
            })}
          >
            <Typography.Paragraph type="secondary" className="hanlin-wrap">
              {t(`operations.storage.location.${d.files.kind}`, { at: d.files.location })}
            </Typography.Paragraph>
            <Table<Prefix>
              rowKey="prefix"
              size="small"
              dataSource={d.files.byPrefix}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: s('noFiles') }}
              data-testid="ops-storage-files"
              columns={[
                { title: s('module'), render: (_, r) => owner(r.prefix) },
                { title: s('fileCount'), align: 'right', render: (_, r) => formatCount(r.files, lang) },
                { title: s('size'), align: 'right', render: (_, r) => formatBytes(r.bytes) },
                { title: s('share'), render: (_, r) => share(r.bytes, d.files.bytes) },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {d.backup && (
        <Card size="small" title={s('backups')}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'base',
                label: s('baseBackups'),
                children: `${d.backup.baseBackups} · ${formatBytes(d.backup.baseBytes)}`,
              },
              {
                key: 'wal',
                label: s('walArchive'),
                children: `${formatCount(d.backup.walSegments, lang)} · ${formatBytes(d.backup.walBytes)}`,
              },
            ]}
          />
        </Card>
      )}
    </Stack>
  );
}
