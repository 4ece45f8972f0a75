import { Button, Card, Flex, Grid, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { AnswerRequestModal } from './answer-request-modal';
import { type DataRequest, REQUEST_STATUSES, type RequestStatus, useRegister } from './privacy-api';
import { KindTag, OverdueTag, StatusTag } from './request-tags';

type Filter = RequestStatus | 'all';

/**
 * 个人信息权利申请登记簿: the requests about people in the administrator's unit, overdue first
 * (the server's order), each answered as done or refused with a reason the person reads.
 */
export function RequestRegisterPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('open');
  const [handling, setHandling] = useState<DataRequest>();
  const rows = useRegister(filter === 'all' ? undefined : filter);

  return (
    <Stack>
      <PageTitle
        title={t('privacy.register.title')}
        subtitle={t('privacy.register.subtitle')}
        testId="register-title"
      />
      <Flex wrap gap={8} align="center">
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[...REQUEST_STATUSES, 'all' as const].map((s) => ({
            value: s,
            label: s === 'all' ? t('privacy.register.all') : t(`privacy.status.${s}`),
          }))}
          data-testid="register-filter"
        />
      </Flex>
      {rows.isError && <PageError error={rows.error} onRetry={() => void rows.refetch()} />}
      <Card size="small">
        <RegisterTable rows={rows.data} loading={rows.isPending} onHandle={setHandling} />
      </Card>
      {handling && <AnswerRequestModal request={handling} onClose={() => setHandling(undefined)} />}
    </Stack>
  );
}

function RegisterTable({
  rows,
  loading,
  onHandle,
}: {
  rows: DataRequest[] | undefined;
  loading: boolean;
  onHandle: (r: DataRequest) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  // On a phone, one column tells the request and the button stays in sight beside it.
  const compact = !Grid.useBreakpoint().md;
  const who = (r: DataRequest) => (
    <Flex vertical>
      <span>{r.subjectName}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {r.requestedAs === 'guardian'
          ? t('privacy.register.byGuardian', { name: r.requesterName })
          : t('privacy.register.bySelf')}
      </Typography.Text>
    </Flex>
  );
  const details = (r: DataRequest) => (
    <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.details }} style={{ margin: 0, maxWidth: 320 }}>
      {r.details}
    </Typography.Paragraph>
  );
  const actions: TableColumnsType<DataRequest>[number] = {
    title: t('rosterAdmin.actions'),
    key: 'actions',
    render: (_, r) =>
      r.status === 'open' ? (
        <Button size="small" type="primary" onClick={() => onHandle(r)} data-testid="register-handle">
          {t('privacy.register.handle')}
        </Button>
      ) : (
        <Button size="small" onClick={() => onHandle(r)}>
          {t('privacy.register.view')}
        </Button>
      ),
  };
  const columns: TableColumnsType<DataRequest> = compact
    ? [
        {
          title: t('privacy.register.request'),
          key: 'all',
          render: (_, r) => (
            <Flex vertical gap={4}>
              <Flex wrap gap={4}>
                <KindTag kind={r.kind} />
                <StatusTag status={r.status} />
                <OverdueTag request={r} />
              </Flex>
              {who(r)}
              {details(r)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('privacy.requests.due')}：{formatDateTime(r.dueAt, lang)}
              </Typography.Text>
            </Flex>
          ),
        },
        actions,
      ]
    : [
        {
          title: t('privacy.requests.due'),
          dataIndex: 'dueAt',
          render: (due: string, r) => (
            <Flex vertical gap={2} align="flex-start">
              <span>{formatDateTime(due, lang)}</span>
              <OverdueTag request={r} />
            </Flex>
          ),
        },
        { title: t('privacy.requests.kind'), dataIndex: 'kind', render: (k) => <KindTag kind={k} /> },
        { title: t('privacy.register.subject'), key: 'subject', render: (_, r) => who(r) },
        { title: t('privacy.requests.details'), key: 'details', render: (_, r) => details(r) },
        { title: t('privacy.requests.unit'), dataIndex: 'unitName', render: (u: string | null) => u ?? '—' },
        {
          title: t('privacy.requests.filedAt'),
          dataIndex: 'createdAt',
          render: (at: string) => formatDateTime(at, lang),
        },
        { title: t('privacy.register.status'), dataIndex: 'status', render: (s) => <StatusTag status={s} /> },
        actions,
      ];
  return (
    <Table<DataRequest>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={compact ? undefined : { x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
      locale={{ emptyText: t('privacy.register.empty') }}
      data-testid="register-table"
      columns={columns}
    />
  );
}
