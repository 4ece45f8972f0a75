import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Flex, Input, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';
import { PageError } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { AccountActions } from './account-actions';
import { PersonCell } from './person-cell';

type List = ApiData<'/api/accounts/lifecycle'>;
type Row = List['accounts'][number];
const FILTERS = ['all', 'locked', 'dormant', 'disabled'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE = 50;

/**
 * 账号管理: staff accounts, locked, dormant (no sign-in for 90 days) or disabled first; the system
 * administrator unlocks, disables and enables them, the security administrator unlocks and disables
 * when answering an incident. The 三员's own accounts are not here (server console only).
 */
export function StaffAccountsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  // The filter is in the address, so the home's "去处理" opens the locked or dormant accounts.
  const [params, setParams] = useSearchParams();
  const asked = params.get('filter');
  const filter: Filter = FILTERS.find((f) => f === asked) ?? 'all';
  const setFilter = (f: Filter) => setParams(f === 'all' ? {} : { filter: f }, { replace: true });
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['accounts', 'lifecycle', filter, q, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/accounts/lifecycle', {
          params: { query: { filter, q, limit: PAGE, offset: (page - 1) * PAGE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const dormantDays = list.data?.dormantDays ?? 90;

  return (
    <Stack>
      <PageTitle
        title={t('security.accounts.title')}
        subtitle={t('security.accounts.subtitle')}
        testId="accounts-title"
      />
      <Flex gap={8} wrap align="center">
        <Segmented<Filter>
          value={filter}
          options={FILTERS.map((f) => ({ value: f, label: t(`security.accounts.filter.${f}`) }))}
          onChange={(f) => {
            setFilter(f);
            setPage(1);
          }}
          data-testid="accounts-filter"
        />
        <Input.Search
          allowClear
          placeholder={t('security.accounts.search')}
          enterButton={<SearchOutlined />}
          style={{ width: 260, maxWidth: '100%' }}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage(1);
          }}
          data-testid="accounts-search"
        />
      </Flex>
      <Card size="small">
        <Table<Row>
          rowKey="personId"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.accounts}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('security.accounts.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: false,
            showTotal: (n) => t('security.accounts.total', { n }),
            onChange: setPage,
          }}
          columns={[
            {
              title: t('security.accounts.person'),
              key: 'person',
              render: (_, r) => <PersonCell name={r.name} username={r.username} />,
            },
            {
              title: t('security.accounts.roles'),
              key: 'roles',
              responsive: ['md'],
              render: (_, r) => (
                <Flex gap={4} wrap style={{ maxWidth: 360 }}>
                  {r.roles.map((role) => (
                    <Tag key={role.id} className="hanlin-wrap">
                      {t(`role.${role.role}`)} · {role.orgName}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            {
              title: t('security.accounts.state'),
              key: 'state',
              render: (_, r) => (
                <Flex gap={4} wrap data-testid={`account-state-${r.username}`}>
                  {r.status === 'disabled' ? (
                    <Tag color="red">{t('security.accounts.disabled')}</Tag>
                  ) : (
                    !r.lockedUntil && !r.dormant && <Tag color="green">{t('security.accounts.active')}</Tag>
                  )}
                  {r.lockedUntil && (
                    <Tag color="orange">
                      {t('security.accounts.locked', {
                        until: formatDateTime(r.lockedUntil, lang),
                        n: r.lockedSources,
                      })}
                    </Tag>
                  )}
                  {r.dormant && (
                    <Tag color="gold" title={t('security.accounts.dormantHint', { days: dormantDays })}>
                      {t('security.accounts.dormant')}
                    </Tag>
                  )}
                </Flex>
              ),
            },
            {
              title: t('security.accounts.lastLogin'),
              dataIndex: 'lastLoginAt',
              responsive: ['sm'],
              render: (v: string | null) => (v ? formatDateTime(v, lang) : t('security.accounts.never')),
            },
            { title: '', key: 'actions', render: (_, r) => <AccountActions row={r} /> },
          ]}
        />
      </Card>
    </Stack>
  );
}
