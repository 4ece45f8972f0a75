import { DownloadOutlined, FilterOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Collapse, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage, PageError } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { type AuditEntry, type AuditFilter, conditionCount, downloadAudit, toQuery } from './audit-api';
import { AuditFilters } from './audit-filters';
import { AuditPresets } from './audit-presets';
import { AuditSubjects } from './audit-subjects';
import { AuditTable } from './audit-table';

/** What the page opens with: the last week of everyone's actions, without the auditor's own searches. */
const START: AuditFilter = { days: 7, hideOwnAudit: true };

/**
 * 审计查询 (P4, 等保 2.0 三员): the whole trail, every user's actions (the system and security
 * administrators' included), with the searches an auditor starts from on top, filters by person,
 * action group, role, outcome, unit and time, and the view as a workbook.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<AuditFilter>(START);
  const [personLabel, setPersonLabel] = useState<string>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  // Folded at first: the presets and the latest records are what an auditor reads first.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [subjectsOf, setSubjectsOf] = useState<AuditEntry>();
  const [exporting, setExporting] = useState(false);
  const result = useQuery({
    queryKey: ['audit', 'search', filter, page, pageSize],
    queryFn: () =>
      unwrap(
        api.GET('/api/audit', {
          params: { query: { ...toQuery(filter), limit: pageSize, offset: (page - 1) * pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const apply = (f: AuditFilter, label?: string) => {
    setFilter(f);
    setPersonLabel(label);
    setPage(1);
  };
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadAudit(filter);
    } catch (e) {
      void message.error(errorMessage(e, t('audit.exportFailed')));
    } finally {
      setExporting(false);
    }
  };
  const conditions = conditionCount(filter);
  // What the folded filter holds besides its conditions: the window and the own-searches switch.
  const summary = [
    filter.days
      ? t('audit.rangeDays', { count: filter.days })
      : filter.from || filter.to
        ? `${filter.from?.slice(0, 16).replace('T', ' ') ?? '…'} – ${filter.to?.slice(0, 16).replace('T', ' ') ?? '…'}`
        : '',
    filter.hideOwnAudit ? t('audit.hideOwnAuditShort') : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const filters = (
    <AuditFilters value={filter} personLabel={personLabel} onSearch={apply} onReset={() => apply(START)} />
  );

  return (
    <Stack>
      <PageTitle
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        testId="audit-title"
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={exportXlsx}
            data-testid="audit-export"
          >
            {t('audit.export')}
          </Button>
        }
      />
      <Card size="small" title={t('audit.presets')}>
        <AuditPresets filter={filter} onApply={(f) => apply(f)} />
      </Card>
      <Collapse
        size="small"
        activeKey={filtersOpen ? ['filters'] : []}
        onChange={(keys) => setFiltersOpen(keys.includes('filters'))}
        items={[
          {
            key: 'filters',
            label: (
              <span data-testid="audit-filters-toggle">
                <FilterOutlined style={{ marginRight: 8 }} />
                {conditions > 0 ? t('audit.filtersActive', { count: conditions }) : t('audit.filters')}
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                  {summary}
                </Typography.Text>
              </span>
            ),
            children: filters,
            forceRender: true,
          },
        ]}
        style={{ background: 'var(--ant-color-bg-container, #fff)' }}
      />
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
          onSubjects={setSubjectsOf}
        />
      </Card>
      <AuditSubjects entry={subjectsOf} onClose={() => setSubjectsOf(undefined)} />
    </Stack>
  );
}
