import { App, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useAuth, useReturnPath } from '../../app/auth/auth-context';
import { PageLoading } from '../../app/components/page-state';
import { AuthCard } from './auth-card';
import { ChangePasswordForm } from './change-password-form';

/** A temporary or expired password must be replaced before anything else. */
export function ForcedPasswordPage() {
  const { t } = useTranslation();
  const { me, loading, refresh, logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const from = useReturnPath();
  if (loading) return <PageLoading fullscreen />;
  if (!me) return <Navigate to="/login" replace />;

  return (
    <AuthCard title={t('password.forcedTitle')}>
      <Typography.Paragraph type="secondary">{t('password.forcedHint')}</Typography.Paragraph>
      <ChangePasswordForm
        rules={me.passwordRules}
        onDone={async () => {
          message.success(t('password.changed'));
          await refresh();
          navigate(from ?? '/', { replace: true });
        }}
      />
      <Button type="link" block style={{ marginTop: 8 }} onClick={() => void logout()}>
        {t('totp.otherAccount')}
      </Button>
    </AuthCard>
  );
}
