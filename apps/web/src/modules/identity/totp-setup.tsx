import { Alert, Button, Form, Input, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import type { ApiData } from '../../app/api/types';
import { errorMessage } from '../../app/components/page-state';
import { Stack } from '../../app/components/stack';
import { TotpCodeForm } from './totp-code-form';

type Enrolment = ApiData<'/api/auth/totp/setup', 'post'>;

/** Groups a base32 secret in fours so it can be typed into an authenticator app by hand. */
const groupSecret = (s: string) => s.replace(/(.{4})/g, '$1 ').trim();

/**
 * TOTP enrolment: with the one-time enrolment code an administrator (or the server console) issued,
 * the server creates a secret; the user adds it to an authenticator app (by the secret or the
 * otpauth URI, shown as text), then proves it with one code. The code binds enrolment to something
 * the password alone does not give.
 */
export function TotpSetup({ onDone, required }: { onDone: () => Promise<void>; required: boolean }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const start = async ({ enrolmentCode }: { enrolmentCode: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      setEnrolment(
        await unwrap(api.POST('/api/auth/totp/setup', { body: { enrolmentCode: enrolmentCode.trim() } })),
      );
    } catch (e) {
      setError(errorMessage(e, t('totp.setupFailed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <Steps
        size="small"
        current={enrolment ? 1 : 0}
        items={[{ title: t('totp.stepSecret') }, { title: t('totp.stepVerify') }]}
      />
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {!enrolment ? (
        <>
          <Typography.Paragraph type="secondary">
            {t(required ? 'totp.setupHint' : 'totp.setupOptional')}
          </Typography.Paragraph>
          <Form layout="vertical" onFinish={start} requiredMark={false}>
            <Form.Item
              name="enrolmentCode"
              label={t('totp.enrolmentCode')}
              extra={t('totp.enrolmentCodeHint')}
              rules={[
                {
                  required: true,
                  pattern: /^\s*[0-9]{4}-?[0-9]{4}-?[0-9]{4}\s*$/,
                  message: t('totp.enrolmentCodeRule'),
                },
              ]}
            >
              <Input
                size="large"
                inputMode="numeric"
                autoComplete="one-time-code"
                placeholder="0000-0000-0000"
                data-testid="totp-enrolment-code"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={busy}
              data-testid="totp-start"
            >
              {t('totp.generate')}
            </Button>
          </Form>
        </>
      ) : (
        <>
          <Typography.Text strong>{t('totp.secret')}</Typography.Text>
          <Typography.Paragraph
            copyable={{ text: enrolment.secret }}
            code
            data-testid="totp-secret"
            className="hanlin-wrap"
            style={{ fontSize: 16 }}
          >
            {groupSecret(enrolment.secret)}
          </Typography.Paragraph>
          <Typography.Text strong>{t('totp.uri')}</Typography.Text>
          <Typography.Paragraph copyable className="hanlin-wrap" type="secondary" style={{ fontSize: 12 }}>
            {enrolment.uri}
          </Typography.Paragraph>
          <TotpCodeForm submitLabel={t('totp.enable')} onVerified={onDone} />
        </>
      )}
    </Stack>
  );
}
