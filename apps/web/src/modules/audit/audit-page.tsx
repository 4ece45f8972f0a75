import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { PageError } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { AuditFilters, type AuditFilterValues } from './audit-filters';
import { AuditTable } from './audit-table';

type Query = {
  personId?: string;
  action?: string;
  outcome?: 'success' | 'failure' | 'denied';
  orgUnitId?: string;
  from?: string;
  to?: string;
};

/** The picker's wall-clock time is read as Beijing time, whatever the browser's own zone. */
const beijing = (d: { format: (f: string) => string } | null | undefined) =>
  d ? `${d.format('YYYY-MM-DDTHH:mm:00')}+08:00` : undefined;

function toQuery(v: AuditFilterValues): Query {
  return {
    personId: v.personId?.trim() || undefined,
    action: v.action?.trim() || undefined,
    outcome: v.outcome,
    orgUnitId: v.orgUnitId,
    from: beijing(v.range?.[0]),
    to: beijing(v.range?.[1]),
  };
}

/** 审计查询 (P4): search the append-only audit trail by person, action, unit and time. */
export function AuditPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState<Query>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const result = useQuery({
    queryKey: ['audit', query, page, pageSize],
    queryFn: () =>
      unwrap(
        api.GET('/api/audit', {
          params: { query: { ...query, limit: pageSize, offset: (page - 1) * pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="audit-title">
          {t('audit.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('audit.subtitle')}</Typography.Text>
      </div>
      <Card size="small">
        <AuditFilters
          onSearch={(values) => {
            setQuery(toQuery(values));
            setPage(1);
          }}
        />
      </Card>
      {result.isError && <PageError error={result.error} onRetry={() => void result.refetch()} />}
      <Card size="small">
        <AuditTable
          data={result.data}
          loading={result.isFetching}
          page={page}
          pageSize={pageSize}
          onPage={(p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          }}
        />
      </Card>
    </Stack>
  );
}
