import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { api, setCsrfToken, unwrap } from '../../app/api/client';
import { useAuth, useReturnPath } from '../../app/auth/auth-context';
import { pathForNext } from '../../app/auth/roles';
import { errorMessage } from '../../app/components/page-state';
import { AuthCard } from './auth-card';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { me, refresh } = useAuth();
  const navigate = useNavigate();
  const from = useReturnPath();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (me && me.next === 'done' && !busy) return <Navigate to={from ?? '/'} replace />;

  const onFinish = async (values: LoginForm) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await unwrap(api.POST('/api/auth/login', { body: values }));
      setCsrfToken(result.csrfToken);
      await refresh();
      navigate(pathForNext(result.next) ?? from ?? '/', { replace: true, state: { from } });
    } catch (e) {
      setError(errorMessage(e, t('login.failed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('login.title')}>
      <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form.Item
          label={t('login.username')}
          name="username"
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            data-testid="login-username"
            size="large"
            autoFocus
            maxLength={64}
          />
        </Form.Item>
        <Form.Item
          label={t('login.password')}
          name="password"
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            data-testid="login-password"
            size="large"
            maxLength={128}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
          {t('login.submit')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.notice')}
        </Typography.Paragraph>
      </Form>
    </AuthCard>
  );
}
