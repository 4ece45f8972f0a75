import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';

/** Asks for the 6-digit code from the authenticator app and verifies it with the server. */
export function TotpCodeForm({
  onVerified,
  submitLabel,
}: {
  onVerified: () => Promise<void>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const onFinish = async ({ code }: { code: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(api.POST('/api/auth/totp/verify', { body: { code } }));
      await onVerified();
    } catch (e) {
      setError(errorMessage(e, t('totp.failed')));
      form.setFieldValue('code', '');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item
        label={t('totp.code')}
        name="code"
        normalize={(v: string) => v.replace(/\D/g, '').slice(0, 6)}
        rules={[{ required: true, pattern: /^\d{6}$/, message: t('totp.codeRule') }]}
      >
        <Input
          inputMode="numeric"
          autoComplete="one-time-code"
          size="large"
          maxLength={6}
          placeholder="000000"
          data-testid="totp-code"
          style={{ letterSpacing: 6, fontVariantNumeric: 'tabular-nums' }}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="totp-submit">
        {submitLabel}
      </Button>
    </Form>
  );
}
