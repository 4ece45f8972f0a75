import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Grid, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useMe } from '../../app/auth/auth-context';
import { errorMessage, PageError } from '../../app/components/page-state';
import { formatCount, formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { DecideButtons } from './export-decide';
import {
  downloadApprovedExport,
  EXPORT_REQUESTS_KEY,
  type ExportRequest,
  useExportRequests,
} from './import-api';

const STATUS_COLOR: Record<ExportRequest['status'], string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  fetched: 'default',
  expired: 'default',
};

/**
 * 导出申请 (COMPLIANCE §5.4): my requests for bulk exports (fetched once, when approved) and the
 * pending requests of other administrators in my scope, with what, why and for whom, to decide.
 */
export function ExportRequests() {
  const { t } = useTranslation();
  const me = useMe();
  const list = useExportRequests();
  const ref = useRef<HTMLDivElement>(null);
  const { hash } = useLocation();
  const mine = (list.data ?? []).filter((r) => r.requestedBy === me.personId);
  const toDecide = (list.data ?? []).filter((r) => r.requestedBy !== me.personId && r.status === 'pending');

  // The home page's to-do links here.
  useEffect(() => {
    if (hash === '#export-requests' && list.data) ref.current?.scrollIntoView({ block: 'start' });
  }, [hash, list.data]);

  return (
    <div ref={ref} id="export-requests">
      <Card size="small" title={t('exportRequests.title')} data-testid="export-requests">
        {list.isError && <PageError error={list.error} onRetry={() => void list.refetch()} />}
        <Flex vertical gap={16}>
          {toDecide.length > 0 && (
            <div>
              <Typography.Title level={5}>
                {t('exportRequests.toDecide', { n: toDecide.length })}
              </Typography.Title>
              <RequestsTable rows={toDecide} decide />
            </div>
          )}
          <div>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('exportRequests.mine')}
            </Typography.Title>
            <RequestsTable rows={mine} loading={list.isPending} />
          </div>
        </Flex>
      </Card>
    </div>
  );
}

function RequestsTable({
  rows,
  decide,
  loading,
}: {
  rows: ExportRequest[];
  decide?: boolean;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  // On a phone, one column tells the whole request and the buttons stay in sight beside it.
  const compact = !Grid.useBreakpoint().md;
  const what = (r: ExportRequest, withRequester: boolean) => (
    <Flex vertical>
      <span className="hanlin-wrap">
        {r.unitName} · {t(`import.kind.${r.kind}`)}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('exportRequests.personsN', { n: formatCount(r.persons, lang) })}
        {withRequester && ` · ${t('exportRequests.requestedBy', { name: r.requesterName })}`}
      </Typography.Text>
    </Flex>
  );
  const reason = (r: ExportRequest) => (
    <div className="hanlin-wrap" style={{ maxWidth: 280, whiteSpace: 'pre-wrap' }}>
      {r.reason}
    </div>
  );
  const actions: TableColumnsType<ExportRequest>[number] = {
    title: t('rosterAdmin.actions'),
    key: 'actions',
    render: (_, r) =>
      decide ? <DecideButtons request={r} vertical={compact} /> : <FetchButton request={r} />,
  };
  const columns: TableColumnsType<ExportRequest> = compact
    ? [
        {
          title: t('exportRequests.what'),
          key: 'all',
          render: (_, r) => (
            <Flex vertical gap={4}>
              {what(r, !!decide)}
              {reason(r)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(r.createdAt, lang)}
              </Typography.Text>
              {!decide && <Decision request={r} />}
            </Flex>
          ),
        },
        actions,
      ]
    : [
        { title: t('exportRequests.what'), key: 'what', render: (_, r) => what(r, false) },
        ...(decide
          ? [
              {
                title: t('exportRequests.requester'),
                key: 'who',
                render: (_: unknown, r: ExportRequest) => r.requesterName,
              },
            ]
          : []),
        { title: t('exportRequests.reason'), key: 'reason', render: (_, r) => reason(r) },
        {
          title: t('exportRequests.createdAt'),
          dataIndex: 'createdAt',
          render: (at: string) => formatDateTime(at, lang),
        },
        ...(decide
          ? []
          : [
              {
                title: t('exportRequests.decision'),
                key: 'decision',
                render: (_: unknown, r: ExportRequest) => <Decision request={r} />,
              },
            ]),
        actions,
      ];
  return (
    <Table<ExportRequest>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={compact ? undefined : { x: 'max-content' }}
      locale={{ emptyText: t('exportRequests.none') }}
      data-testid={decide ? 'export-requests-to-decide' : 'export-requests-mine'}
      columns={columns}
    />
  );
}

function Decision({ request: r }: { request: ExportRequest }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Flex vertical gap={2} align="flex-start" style={{ maxWidth: 260 }}>
      <Tag color={STATUS_COLOR[r.status]} data-testid="export-request-status">
        {t(`exportRequests.status.${r.status}`)}
      </Tag>
      {r.deciderName && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('exportRequests.decidedBy', { name: r.deciderName, time: formatDateTime(r.decidedAt, lang) })}
        </Typography.Text>
      )}
      {r.decisionNote && (
        <Typography.Text className="hanlin-wrap" data-testid="export-request-note">
          {r.decisionNote}
        </Typography.Text>
      )}
      {r.status === 'approved' && r.expiresAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('exportRequests.until', { time: formatDateTime(r.expiresAt, lang) })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** 下载 once the request is approved; the server hands the file out once. */
function FetchButton({ request: r }: { request: ExportRequest }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  if (r.status === 'fetched')
    return (
      <Typography.Text type="secondary" data-testid="export-fetched">
        {t('exportRequests.fetched', { time: formatDateTime(r.fetchedAt, lang) })}
      </Typography.Text>
    );
  if (r.status !== 'approved') return null;
  const fetchOnce = async () => {
    setBusy(true);
    try {
      await downloadApprovedExport(r.id);
    } catch (e) {
      void message.error(errorMessage(e, t('import.exportFailed')));
    } finally {
      setBusy(false);
      await client.invalidateQueries({ queryKey: EXPORT_REQUESTS_KEY });
    }
  };
  return (
    <Button
      type="primary"
      size="small"
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={fetchOnce}
      data-testid="export-fetch"
    >
      {t('exportRequests.download')}
    </Button>
  );
}
