import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, api, onSessionEvent, setCsrfToken, unwrap } from '../api/client';
import type { Me } from './roles';

interface AuthValue {
  /** The signed-in user, `null` when signed out, `undefined` while loading. */
  me: Me | null | undefined;
  loading: boolean;
  error: Error | null;
  refresh: () => Promise<void>;
  switchRole: (roleAssignmentId: string) => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthValue | null>(null);
export const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await unwrap(api.GET('/api/auth/me'));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw e;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const query = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, retry: false, staleTime: 60_000 });

  // A lost session anywhere sends the user back to the login page, remembering where they were.
  useEffect(
    () =>
      onSessionEvent((event) => {
        if (event === 'unauthenticated') {
          setCsrfToken(undefined);
          queryClient.setQueryData(ME_KEY, null);
          if (!location.pathname.startsWith('/login')) {
            navigate('/login', { replace: true, state: { from: location.pathname } });
          }
        } else {
          void queryClient.invalidateQueries({ queryKey: ME_KEY });
        }
      }),
    [queryClient, navigate, location.pathname],
  );

  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
    await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
  }, [queryClient]);

  const switchRole = useCallback(
    async (roleAssignmentId: string) => {
      await unwrap(api.POST('/api/auth/switch-role', { body: { roleAssignmentId } }));
      await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
      navigate('/', { replace: true });
      // Everything else cached belongs to the old role's scope; reset refetches what is on screen.
      await queryClient.resetQueries({
        predicate: (q) => q.queryKey[0] !== 'codes' && q.queryKey[0] !== 'auth',
      });
    },
    [queryClient, navigate],
  );

  const logout = useCallback(async () => {
    try {
      await unwrap(api.POST('/api/auth/logout'));
    } finally {
      setCsrfToken(undefined);
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, null);
      navigate('/login', { replace: true });
    }
  }, [queryClient, navigate]);

  const value = useMemo<AuthValue>(
    () => ({
      me: query.data,
      loading: query.isPending,
      error: query.error,
      refresh,
      switchRole,
      logout,
    }),
    [query.data, query.isPending, query.error, refresh, switchRole, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user inside the authenticated shell (RequireAuth guarantees it). */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe outside RequireAuth');
  return me;
}

/** Where the sign-in flow returns to: the page the user asked for before being sent to log in. */
export function useReturnPath(): string | undefined {
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  // Only in-app paths: never bounce to another origin.
  return from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : undefined;
}
