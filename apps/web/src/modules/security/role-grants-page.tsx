import { CloseOutlined, SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Grid, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';
import { errorMessage, PageError } from '../../app/components/page-state';
import { PageTitle } from '../../app/components/page-title';
import { Stack } from '../../app/components/stack';
import { GrantRoleModal } from './grant-role-modal';
import { PersonCell } from './person-cell';

type Staff = ApiData<'/api/security/staff'>;
type Row = Staff['staff'][number];
type Held = Row['roles'][number];

/**
 * 角色授权: the security administrator grants and withdraws the administrator, researcher and expert
 * roles of staff (安全管理员: 授权). Teachers' roles are shown but come from the roster.
 */
export function RoleGrantsPage() {
  const { t } = useTranslation();
  const compact = !Grid.useBreakpoint().md;
  const [q, setQ] = useState<string>();
  const [granting, setGranting] = useState<Row>();
  const list = useQuery({
    queryKey: ['security', 'staff', q],
    queryFn: () => unwrap(api.GET('/api/security/staff', { params: { query: { q } } })),
    placeholderData: keepPreviousData,
  });
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const grantable = new Set<string>(list.data?.grantable ?? []);
  return (
    <Stack>
      <PageTitle
        title={t('security.roles.title')}
        subtitle={t('security.roles.subtitle')}
        testId="roles-title"
      />
      <Flex vertical gap={4}>
        <Input.Search
          allowClear
          placeholder={t('security.roles.search')}
          enterButton={<SearchOutlined />}
          style={{ maxWidth: 360 }}
          onSearch={(v) => setQ(v.trim() || undefined)}
          data-testid="roles-search"
        />
        <Typography.Text type="secondary">{t('security.roles.listing')}</Typography.Text>
      </Flex>
      <Card size="small">
        <Table<Row>
          rowKey="personId"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.staff}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('security.roles.empty') }}
          columns={[
            {
              title: t('security.roles.person'),
              key: 'person',
              render: (_, r) => (
                <PersonCell
                  name={r.name}
                  username={r.username}
                  extra={r.status === 'disabled' && <Tag color="red">{t('security.roles.disabled')}</Tag>}
                />
              ),
            },
            {
              title: t('security.roles.roles'),
              key: 'roles',
              render: (_, r) => (
                <Flex gap={4} wrap style={{ maxWidth: compact ? 220 : 520 }}>
                  {r.roles.map((held) => (
                    <HeldRole key={held.id} person={r} held={held} revocable={grantable.has(held.role)} />
                  ))}
                </Flex>
              ),
            },
            {
              title: '',
              key: 'grant',
              render: (_, r) => (
                <Button
                  size="small"
                  icon={<UserAddOutlined />}
                  onClick={() => setGranting(r)}
                  aria-label={t('security.roles.grant')}
                  data-testid={`grant-${r.username}`}
                >
                  {compact ? null : t('security.roles.grant')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {granting && (
        <GrantRoleModal
          person={granting}
          roles={list.data?.grantable ?? []}
          onClose={() => setGranting(undefined)}
        />
      )}
    </Stack>
  );
}

/** One role a person holds; a granted one can be withdrawn after a confirmation. */
function HeldRole({ person, held, revocable }: { person: Row; held: Held; revocable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const label = `${t(`role.${held.role}`)} · ${held.orgName}`;
  if (!revocable) return <Tag className="hanlin-wrap">{label}</Tag>;
  const revoke = async () => {
    try {
      await unwrap(
        api.POST('/api/accounts/{personId}/roles/{roleAssignmentId}/revoke', {
          params: { path: { personId: person.personId, roleAssignmentId: held.id } },
        }),
      );
      void message.success(t('security.roles.revoked'));
      await client.invalidateQueries({ queryKey: ['security', 'staff'] });
    } catch (e) {
      void message.error(errorMessage(e, t('security.roles.revokeFailed')));
    }
  };
  return (
    <Tag color="blue" className="hanlin-wrap">
      {label}
      <Popconfirm
        title={t('security.roles.revokeConfirm', {
          name: person.name,
          org: held.orgName,
          role: t(`role.${held.role}`),
        })}
        description={t('security.roles.revokeHint')}
        okButtonProps={{ danger: true }}
        onConfirm={revoke}
      >
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined />}
          aria-label={t('security.roles.revokeConfirm', {
            name: person.name,
            org: held.orgName,
            role: t(`role.${held.role}`),
          })}
          style={{ marginInlineStart: 2, height: 18, width: 18, minWidth: 18 }}
          data-testid={`revoke-${person.username}-${held.role}`}
        />
      </Popconfirm>
    </Tag>
  );
}
