import { LogoutOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Grid, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';
import { errorMessage, PageError } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { formatDateTime } from '../../app/i18n/format';
import { useLang } from '../../app/i18n/use-lang';
import { PersonCell } from './person-cell';

type Row = ApiData<'/api/security/sessions'>['sessions'][number];
type Filter = { role?: ApiData<'/api/security/sessions'>['roles'][number]; q?: string };

/**
 * 在线会话: the staff sessions in force, with where from (network only) and whether the second
 * factor was passed; the security administrator ends a suspicious one.
 */
export function SessionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const compact = !Grid.useBreakpoint().md;
  const [filter, setFilter] = useState<Filter>({});
  const list = useQuery({
    queryKey: ['security', 'sessions', filter],
    queryFn: () => unwrap(api.GET('/api/security/sessions', { params: { query: filter } })),
    placeholderData: keepPreviousData,
  });
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Stack>
      <PageTitle
        title={t('security.sessions.title')}
        subtitle={t('security.sessions.subtitle')}
        testId="sessions-title"
      />
      <Flex gap={8} wrap>
        <Select
          allowClear
          placeholder={t('security.sessions.allRoles')}
          style={{ width: 180 }}
          options={(list.data?.roles ?? []).map((r) => ({ value: r, label: t(`role.${r}`) }))}
          onChange={(role) => setFilter((f) => ({ ...f, role }))}
          data-testid="sessions-role"
        />
        <Input.Search
          allowClear
          placeholder={t('security.sessions.search')}
          enterButton={<SearchOutlined />}
          style={{ width: 260, maxWidth: '100%' }}
          onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
          data-testid="sessions-search"
        />
      </Flex>
      {list.data && (
        <Typography.Text type="secondary" data-testid="sessions-summary">
          {t('security.sessions.others', { n: list.data.otherSessions })}；
          {t('security.sessions.idle', { n: list.data.idleMinutes })}
          {list.data.truncated ? `；${t('security.sessions.truncated')}` : ''}
        </Typography.Text>
      )}
      <Card size="small">
        <Table<Row>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.sessions}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('security.sessions.empty') }}
          columns={[
            {
              title: t('security.sessions.person'),
              key: 'person',
              render: (_, r) => <PersonCell name={r.name} username={r.username} />,
            },
            {
              title: t('security.sessions.role'),
              key: 'role',
              responsive: ['md'],
              render: (_, r) => (
                <Flex vertical>
                  <span>{t(`role.${r.role}`)}</span>
                  <Typography.Text type="secondary" className="hanlin-wrap">
                    {r.orgName}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('security.sessions.source'),
              key: 'source',
              responsive: ['sm'],
              render: (_, r) => (
                <Flex vertical>
                  <span>{r.source ?? '—'}</span>
                  <Typography.Text type="secondary">{r.device ?? ''}</Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('security.sessions.started'),
              dataIndex: 'startedAt',
              responsive: ['lg'],
              render: (v: string) => formatDateTime(v, lang),
            },
            {
              title: t('security.sessions.lastSeen'),
              dataIndex: 'lastSeenAt',
              responsive: ['sm'],
              render: (v: string) => formatDateTime(v, lang),
            },
            {
              title: t('security.sessions.mfa'),
              key: 'mfa',
              render: (_, r) =>
                !r.mfaRequired ? (
                  <Tag>{t('security.sessions.mfaNotRequired')}</Tag>
                ) : r.mfaPassed ? (
                  <Tag color="green">{t('security.sessions.mfaPassed')}</Tag>
                ) : (
                  <Tag color="orange">{t('security.sessions.mfaPending')}</Tag>
                ),
            },
            {
              title: '',
              key: 'end',
              render: (_, r) => <EndSessionButton row={r} iconOnly={compact} />,
            },
          ]}
        />
      </Card>
    </Stack>
  );
}

function EndSessionButton({ row, iconOnly }: { row: Row; iconOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const end = async () => {
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/security/sessions/{sessionId}/end', { params: { path: { sessionId: row.id } } }),
      );
      void message.success(t('security.sessions.ended'));
      await client.invalidateQueries({ queryKey: ['security', 'sessions'] });
    } catch (e) {
      void message.error(errorMessage(e, t('security.sessions.endFailed')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm
      title={t('security.sessions.endConfirm', { name: row.name })}
      description={t('security.sessions.endHint')}
      okText={t('security.sessions.end')}
      okButtonProps={{ danger: true }}
      onConfirm={end}
    >
      <Button
        size="small"
        danger
        icon={<LogoutOutlined />}
        loading={busy}
        aria-label={t('security.sessions.end')}
        data-testid={`end-session-${row.username}`}
      >
        {iconOnly ? null : t('security.sessions.end')}
      </Button>
    </Popconfirm>
  );
}
