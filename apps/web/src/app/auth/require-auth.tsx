import { Navigate, Outlet, useLocation } from 'react-router';
import { PageError, PageLoading } from '../components/page-state';
import { useAuth } from './auth-context';
import { pathForNext } from './roles';

/** Guards the signed-in area: no session → login; a pending step (TOTP, password) → that step. */
export function RequireAuth() {
  const { me, loading, error, refresh } = useAuth();
  const location = useLocation();
  if (loading) return <PageLoading fullscreen />;
  if (error && !me) return <PageError error={error} onRetry={() => void refresh()} />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  const step = pathForNext(me.next);
  if (step) return <Navigate to={step} replace state={{ from: location.pathname }} />;
  return <Outlet />;
}
