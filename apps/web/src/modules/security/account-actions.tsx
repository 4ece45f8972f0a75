import { CheckCircleOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Grid, Input, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';
import { useMe } from '../../app/auth/auth-context';
import { ACCOUNT_ENABLE_ROLES } from '../../app/auth/roles';
import { errorMessage } from '../../app/components/page-state';

type Row = ApiData<'/api/accounts/lifecycle'>['accounts'][number];

/** Unlock, disable (with a reason) and, for the system administrator, enable one account. */
export function AccountActions({ row }: { row: Row }) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const client = useQueryClient();
  const compact = !Grid.useBreakpoint().md;
  const [disabling, setDisabling] = useState(false);
  const [busy, setBusy] = useState(false);
  const path = { params: { path: { personId: row.personId } } };

  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await call();
      void message.success(done);
      await client.invalidateQueries({ queryKey: ['accounts'] });
      return true;
    } catch (e) {
      void message.error(errorMessage(e, t('security.accounts.failed')));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const label = (text: string) => (compact ? null : text);

  return (
    <Flex gap={4} wrap>
      {row.lockedUntil && (
        <Button
          size="small"
          icon={<UnlockOutlined />}
          loading={busy}
          aria-label={t('security.accounts.unlock')}
          data-testid={`unlock-${row.username}`}
          onClick={() =>
            void run(
              () => unwrap(api.POST('/api/accounts/{personId}/unlock', path)),
              t('security.accounts.unlocked'),
            )
          }
        >
          {label(t('security.accounts.unlock'))}
        </Button>
      )}
      {row.status === 'active' ? (
        <Button
          size="small"
          danger
          icon={<StopOutlined />}
          aria-label={t('security.accounts.disable')}
          data-testid={`disable-${row.username}`}
          onClick={() => setDisabling(true)}
        >
          {label(t('security.accounts.disable'))}
        </Button>
      ) : (
        ACCOUNT_ENABLE_ROLES.includes(me.role) && (
          <Popconfirm
            title={t('security.accounts.enableConfirm', { name: row.name })}
            onConfirm={() =>
              run(
                () => unwrap(api.POST('/api/accounts/{personId}/enable', path)),
                t('security.accounts.enabled'),
              )
            }
          >
            <Button
              size="small"
              icon={<CheckCircleOutlined />}
              loading={busy}
              aria-label={t('security.accounts.enable')}
              data-testid={`enable-${row.username}`}
            >
              {label(t('security.accounts.enable'))}
            </Button>
          </Popconfirm>
        )
      )}
      {disabling && (
        <DisableModal
          row={row}
          busy={busy}
          onClose={() => setDisabling(false)}
          onSubmit={async (reason) => {
            const ok = await run(
              () => unwrap(api.POST('/api/accounts/{personId}/disable', { ...path, body: { reason } })),
              t('security.accounts.disabledDone'),
            );
            if (ok) setDisabling(false);
          }}
        />
      )}
    </Flex>
  );
}

function DisableModal({
  row,
  busy,
  onClose,
  onSubmit,
}: {
  row: Row;
  busy: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t('security.accounts.disableTitle', { name: row.name })}
      okText={t('security.accounts.disable')}
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('security.accounts.disableHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => onSubmit(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('security.accounts.reason')}
          rules={[{ required: true, whitespace: true, message: t('security.accounts.reasonRequired') }]}
        >
          <Input maxLength={200} data-testid="disable-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
