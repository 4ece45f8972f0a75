import { CopyOutlined, KeyOutlined } from '@ant-design/icons';
import { Alert, App, Button, type ButtonProps, Input, Modal, Popconfirm, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../app/api/client';
import { errorMessage } from '../../../app/components/page-state';

interface Props {
  personId: string;
  name: string;
  testId: string;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
  /** Icon only (narrow screens); the label stays as aria-label and tooltip. */
  iconOnly?: boolean;
}

/**
 * 重置密码: the server issues a temporary password (to be changed at first sign-in) and ends the
 * person's sessions. It is shown here once and never again; people above the admin's rank or
 * outside their scope are refused with the server's message.
 */
export function ResetPasswordButton({ personId, name, testId, size, type, iconOnly }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState<string>();

  const reset = async () => {
    setBusy(true);
    try {
      const res = await unwrap(
        api.POST('/api/accounts/{personId}/reset-password', { params: { path: { personId } } }),
      );
      setPassword(res.temporaryPassword);
    } catch (e) {
      modal.error({
        title: t('rosterAdmin.resetFailed'),
        content: errorMessage(e, t('rosterAdmin.resetFailed')),
        okButtonProps: { 'data-testid': 'reset-password-error' } as ButtonProps,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Popconfirm
        title={t('rosterAdmin.resetConfirm', { name })}
        description={t('rosterAdmin.resetConfirmHint')}
        okText={t('rosterAdmin.reset')}
        okButtonProps={{ danger: true, 'data-testid': 'reset-password-confirm' } as ButtonProps}
        onConfirm={reset}
      >
        <Button
          size={size}
          type={type}
          icon={<KeyOutlined />}
          loading={busy}
          aria-label={iconOnly ? t('rosterAdmin.reset') : undefined}
          title={iconOnly ? t('rosterAdmin.reset') : undefined}
          data-testid={testId}
        >
          {iconOnly ? null : t('rosterAdmin.reset')}
        </Button>
      </Popconfirm>
      {password && (
        <TemporaryPasswordModal name={name} password={password} onClose={() => setPassword(undefined)} />
      )}
    </>
  );
}

function TemporaryPasswordModal(props: { name: string; password: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.password);
      message.success(t('rosterAdmin.copied'));
    } catch {
      // No Clipboard API (plain http, permissions): copy the selected text the old way.
      input.current?.select();
      if (document.execCommand('copy')) message.success(t('rosterAdmin.copied'));
      else message.warning(t('rosterAdmin.copyFailed'));
    }
  };

  return (
    <Modal
      open
      title={t('rosterAdmin.resetTitle', { name: props.name })}
      onCancel={props.onClose}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button type="primary" onClick={props.onClose} data-testid="reset-password-close">
          {t('rosterAdmin.resetClose')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('rosterAdmin.resetOnce')} style={{ marginBottom: 16 }} />
      <Space.Compact style={{ width: '100%' }}>
        <Input
          ref={(el) => {
            input.current = el?.input ?? null;
          }}
          readOnly
          value={props.password}
          aria-label={t('rosterAdmin.tempPassword')}
          onFocus={(e) => e.target.select()}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 16 }}
          data-testid="reset-password-value"
        />
        <Button icon={<CopyOutlined />} onClick={copy} data-testid="reset-password-copy">
          {t('rosterAdmin.copy')}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
