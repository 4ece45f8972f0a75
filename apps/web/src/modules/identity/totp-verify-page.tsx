import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useAuth, useReturnPath } from '../../app/auth/auth-context';
import { PageLoading } from '../../app/components/page-state';
import { AuthCard } from './auth-card';
import { TotpCodeForm } from './totp-code-form';

/** Second step of an admin sign-in (P2): the TOTP code. */
export function TotpVerifyPage() {
  const { t } = useTranslation();
  const { me, loading, refresh, logout } = useAuth();
  const navigate = useNavigate();
  const from = useReturnPath();
  if (loading) return <PageLoading fullscreen />;
  if (!me) return <Navigate to="/login" replace />;
  if (me.next === 'totp_setup') return <Navigate to="/login/totp-setup" replace />;

  return (
    <AuthCard title={t('totp.verifyTitle')}>
      <Typography.Paragraph type="secondary">{t('totp.verifyHint')}</Typography.Paragraph>
      <TotpCodeForm
        submitLabel={t('totp.verify')}
        onVerified={async () => {
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
