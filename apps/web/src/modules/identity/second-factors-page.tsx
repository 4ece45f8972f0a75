import { KeyOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Grid,
  Modal,
  Popconfirm,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';
import { errorMessage, PageError } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';

type Row = ApiData<'/api/accounts/second-factors'>[number];

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';

/**
 * 二次验证管理: who of the people that must use a second factor (the security policy's roles) has
 * enrolled an authenticator, those who have not first (or only them), and a one-time enrolment code
 * for them. The code is shown once and read out to the person.
 */
export function SecondFactorsPage() {
  const { t } = useTranslation();
  const compact = !Grid.useBreakpoint().sm;
  const [onlyMissing, setOnlyMissing] = useState(true);
  const rows = useQuery({
    queryKey: ['second-factors', onlyMissing],
    queryFn: () =>
      unwrap(
        api.GET('/api/accounts/second-factors', {
          params: { query: { missing: onlyMissing ? 'true' : undefined } },
        }),
      ),
  });
  if (rows.isError) return <PageError error={rows.error} onRetry={() => void rows.refetch()} />;
  const missing = (rows.data ?? []).filter((r) => r.mustUse && !r.totpEnabled).length;
  return (
    <Stack>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('secondFactors.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('secondFactors.intro')}
      </Typography.Paragraph>
      {rows.data && (
        <Alert
          showIcon
          type={missing > 0 ? 'warning' : 'success'}
          title={missing > 0 ? t('secondFactors.missing', { n: missing }) : t('secondFactors.allEnrolled')}
          data-testid="second-factors-summary"
        />
      )}
      <Segmented<boolean>
        value={onlyMissing}
        onChange={setOnlyMissing}
        options={[
          { value: true, label: t('secondFactors.onlyMissing') },
          { value: false, label: t('secondFactors.showAll') },
        ]}
        style={{ justifySelf: 'start' }}
        data-testid="second-factors-filter"
      />
      <Card size="small">
        <Table<Row>
          rowKey="personId"
          size="small"
          loading={rows.isFetching}
          locale={{ emptyText: onlyMissing ? t('secondFactors.noneMissing') : undefined }}
          dataSource={rows.data}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('roster.name'), dataIndex: 'name' },
            { title: t('secondFactors.username'), dataIndex: 'username' },
            {
              title: t('secondFactors.role'),
              dataIndex: 'roles',
              render: (roles: string[], r) => (
                <Space size={4} wrap>
                  {roles.map((role) => (
                    <Tag key={role}>{t(`role.${role}`, { defaultValue: role })}</Tag>
                  ))}
                  <Typography.Text type="secondary">{r.orgName}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t('secondFactors.state'),
              key: 'state',
              render: (_, r) =>
                r.totpEnabled ? (
                  <Tag color="green">{t('secondFactors.enrolled')}</Tag>
                ) : r.enrolmentPendingUntil ? (
                  <Tag color="blue">
                    {t('secondFactors.pending', { until: when(r.enrolmentPendingUntil) })}
                  </Tag>
                ) : (
                  <Tag color={r.mustUse ? 'red' : undefined}>{t('secondFactors.notEnrolled')}</Tag>
                ),
            },
            { title: t('secondFactors.lastLogin'), dataIndex: 'lastLoginAt', render: when },
            {
              title: t('rosterAdmin.actions'),
              key: 'actions',
              render: (_, r) => <IssueCodeButton row={r} iconOnly={compact} />,
            },
          ]}
        />
      </Card>
    </Stack>
  );
}

function IssueCodeButton({ row, iconOnly }: { row: Row; iconOnly: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<{ code: string; expiresAt: string }>();
  const issue = async () => {
    setBusy(true);
    try {
      setIssued(
        await unwrap(
          api.POST('/api/accounts/{personId}/totp-enrolment', {
            params: { path: { personId: row.personId } },
          }),
        ),
      );
      await client.invalidateQueries({ queryKey: ['second-factors'] });
    } catch (e) {
      void message.error(errorMessage(e, t('secondFactors.issueFailed')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Popconfirm
        title={t('secondFactors.issueConfirm', { name: row.name })}
        description={row.totpEnabled ? t('secondFactors.issueResets') : t('secondFactors.issueHint')}
        okText={t('secondFactors.issue')}
        onConfirm={issue}
      >
        <Button size="small" icon={<KeyOutlined />} loading={busy} aria-label={t('secondFactors.issue')}>
          {iconOnly ? null : t('secondFactors.issue')}
        </Button>
      </Popconfirm>
      <Modal
        open={!!issued}
        title={t('secondFactors.codeFor', { name: row.name })}
        onCancel={() => setIssued(undefined)}
        footer={<Button onClick={() => setIssued(undefined)}>{t('common.close')}</Button>}
      >
        <Typography.Paragraph copyable code style={{ fontSize: 24 }} data-testid="enrolment-code">
          {issued?.code}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {t('secondFactors.codeNote', { until: when(issued?.expiresAt ?? null) })}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
