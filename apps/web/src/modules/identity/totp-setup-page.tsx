import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useAuth, useReturnPath } from '../../app/auth/auth-context';
import { PageLoading } from '../../app/components/page-state';
import { AuthCard } from './auth-card';
import { TotpSetup } from './totp-setup';

/** Admins without a second factor must enrol one before anything else (P2). */
export function TotpSetupPage() {
  const { t } = useTranslation();
  const { me, loading, refresh, logout } = useAuth();
  const navigate = useNavigate();
  const from = useReturnPath();
  if (loading) return <PageLoading fullscreen />;
  if (!me) return <Navigate to="/login" replace />;

  return (
    <AuthCard title={t('totp.setupTitle')}>
      <TotpSetup
        required
        onDone={async () => {
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
