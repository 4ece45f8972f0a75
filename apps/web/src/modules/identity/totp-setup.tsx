import { Alert, Button, Steps, Typography } from 'antd';
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
 * TOTP enrolment: the server creates a secret, the user adds it to an authenticator app
 * (by the secret or the otpauth URI, shown as text), then proves it with one code.
 */
export function TotpSetup({ onDone, required }: { onDone: () => Promise<void>; required: boolean }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setEnrolment(await unwrap(api.POST('/api/auth/totp/setup')));
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
          <Button type="primary" block size="large" loading={busy} onClick={start} data-testid="totp-start">
            {t('totp.generate')}
          </Button>
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
