import { Card, Col, Descriptions, Row, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageError, PageLoading } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { formatCount, formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { CheckedAt } from './checked-at';
import { formatBytes, formatDuration } from './format';
import { type Health, useHealth } from './operations-api';

type TableStats = Health['largestTables'][number];

/** 服务状态: the database as it answers, the connection pool, the server process, the biggest tables. */
export function HealthTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const health = useHealth();
  if (health.isPending) return <PageLoading />;
  if (health.isError) return <PageError error={health.error} onRetry={() => void health.refetch()} />;
  const { database: db, pool, process: proc, checkedAt } = health.data;
  const since = (iso: string) => formatDuration(Date.parse(checkedAt) - Date.parse(iso), lang);
  const h = (k: string) => t(`operations.health.${k}`);

  return (
    <Stack testId="ops-health">
      <CheckedAt at={checkedAt} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={h('database')} extra={<Tag color="green">{h('reachable')}</Tag>}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'version', label: h('version'), children: `PostgreSQL ${db.version}` },
                { key: 'kind', label: h('kind'), children: db.embedded ? h('embedded') : h('external') },
                { key: 'uptime', label: h('uptime'), children: since(db.startedAt) },
                { key: 'size', label: h('size'), children: formatBytes(db.bytes) },
                {
                  key: 'conn',
                  label: h('connections'),
                  children: t('operations.health.connectionsOf', {
                    n: db.connections,
                    max: db.maxConnections,
                    active: db.activeConnections,
                  }),
                },
                { key: 'ping', label: h('ping'), children: `${db.pingMs} ms` },
                {
                  key: 'xact',
                  label: h('longestTransaction'),
                  children:
                    db.longestTransactionSeconds === null
                      ? '—'
                      : formatDuration(db.longestTransactionSeconds * 1000, lang),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={h('server')}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'version', label: h('appVersion'), children: proc.version },
                { key: 'node', label: 'Node.js', children: proc.nodeVersion },
                { key: 'uptime', label: h('uptime'), children: since(proc.startedAt) },
                { key: 'rss', label: h('memory'), children: formatBytes(proc.rssBytes) },
                {
                  key: 'pool',
                  label: h('pool'),
                  children: t('operations.health.poolOf', { ...pool }),
                },
                { key: 'pid', label: 'PID', children: proc.pid },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <TablesCard title={h('largest')} rows={health.data.largestTables} kind="size" />
      <TablesCard title={h('mostScanned')} rows={health.data.mostScannedTables} kind="scans" />
    </Stack>
  );
}

function TablesCard({ title, rows, kind }: { title: string; rows: TableStats[]; kind: 'size' | 'scans' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const h = (k: string) => t(`operations.health.${k}`);
  const right = (key: string, show: (r: TableStats) => string) => ({
    title: h(key),
    align: 'right' as const,
    render: (_: unknown, r: TableStats) => show(r),
  });
  const name = { title: h('table'), dataIndex: 'name' };
  const size = right('size', (r) => formatBytes(r.bytes));
  const columns =
    kind === 'size'
      ? [
          name,
          size,
          right('indexes', (r) => formatBytes(r.indexBytes)),
          right('rows', (r) => formatCount(r.rows, lang)),
          right('deadRows', (r) => formatCount(r.deadRows, lang)),
          {
            title: h('lastVacuum'),
            render: (_: unknown, r: TableStats) => formatDateTime(r.lastVacuum, lang),
          },
        ]
      : [
          name,
          right('seqScans', (r) => formatCount(r.seqScans, lang)),
          right('seqRowsRead', (r) => formatCount(r.seqRowsRead, lang)),
          right('indexScans', (r) => formatCount(r.indexScans, lang)),
          size,
        ];
  return (
    <Card size="small" title={title}>
      <Table<TableStats>
        rowKey="name"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={columns}
      />
    </Card>
  );
}
