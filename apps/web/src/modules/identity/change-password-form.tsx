import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import { errorMessage } from '../../app/components/page-state';

interface PasswordForm {
  current: string;
  next: string;
  confirm: string;
}

/** Change-password form; the server checks strength and tells what is wrong in Chinese. */
export function ChangePasswordForm({
  profile,
  onDone,
}: {
  profile: string;
  onDone: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const onFinish = async ({ current, next }: PasswordForm) => {
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(api.POST('/api/auth/password', { body: { current, next } }));
      form.resetFields();
      await onDone();
    } catch (e) {
      setError(errorMessage(e, t('password.failed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} style={{ maxWidth: 420 }}>
      <Alert
        type="info"
        role="note"
        showIcon
        title={t(profile === 'asvs' ? 'password.ruleAsvs' : 'password.ruleDjbh')}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form.Item
        label={t('password.current')}
        name="current"
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" maxLength={128} />
      </Form.Item>
      <Form.Item
        label={t('password.next')}
        name="next"
        rules={[{ required: true, message: t('password.nextRequired') }]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-next" maxLength={128} />
      </Form.Item>
      <Form.Item
        label={t('password.confirm')}
        name="confirm"
        dependencies={['next']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string) =>
              !value || getFieldValue('next') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" maxLength={128} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}
