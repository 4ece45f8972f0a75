import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api/client';
import type { Me } from '../../app/auth/roles';
import { errorMessage } from '../../app/components/page-state';

interface PasswordForm {
  current: string;
  next: string;
  confirm: string;
}

/** The password rules in force (the security policy), as one sentence. */
function useRuleText(rules: Me['passwordRules']): string {
  const { t } = useTranslation();
  const parts = [
    t('password.ruleLength', { n: rules.minLength }),
    rules.minClasses > 0 && t('password.ruleClasses', { n: rules.minClasses }),
    t('password.ruleUsername'),
    rules.checkBreached && t('password.ruleBreached'),
    rules.historyDepth > 0 && t('password.ruleHistory', { n: rules.historyDepth }),
    rules.maxAgeDays !== null && t('password.ruleAge', { n: rules.maxAgeDays }),
  ].filter((p): p is string => typeof p === 'string');
  return parts.join(t('password.ruleSeparator')) + t('password.ruleEnd');
}

/**
 * Change-password form; the hint states the security policy's rules in force, and the server
 * checks them and tells what is wrong in Chinese.
 */
export function ChangePasswordForm({
  rules,
  onDone,
}: {
  rules: Me['passwordRules'];
  onDone: () => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const ruleText = useRuleText(rules);
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
        title={ruleText}
        data-testid="password-rules"
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
