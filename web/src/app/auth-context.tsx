import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, setUnauthenticatedHandler } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import type { Capability, Feature, Me } from '../api/types';
import { notifyWarning } from './notify';

interface AuthState {
  /** The signed-in user, or null on the login page. */
  me: Me | null;
  isLoading: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  can(feature: Feature): boolean;
  /** Whether the user holds a capability (derived from the policies on the server). */
  may(capability: Capability): boolean;
}

const AuthContext = createContext<AuthState | null>(null);
const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await unwrap(api.GET('/api/auth/me'));
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const meQuery = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: false });
  const me = meQuery.data ?? null;

  useEffect(() => {
    setCsrfToken(me?.csrfToken ?? '');
  }, [me?.csrfToken]);

  const signedOut = useCallback(() => {
    setCsrfToken('');
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    queryClient.setQueryData(ME_KEY, null);
  }, [queryClient]);

  useEffect(() => {
    setUnauthenticatedHandler((message) => {
      if (queryClient.getQueryData(ME_KEY)) notifyWarning(message, 'session');
      signedOut();
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient, signedOut]);

  const login = useCallback(
    async (username: string, password: string) => {
      const r = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
      setCsrfToken(r.csrfToken);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, r);
      return r;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await unwrap(api.POST('/api/auth/logout'));
    } finally {
      signedOut();
    }
  }, [signedOut]);

  const value = useMemo<AuthState>(
    () => ({ me, isLoading: meQuery.isLoading, login, logout, can: (f) => !!me?.features.includes(f), may: (c) => !!me?.capabilities.includes(c) }),
    [me, meQuery.isLoading, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user (inside the authenticated layout, where it is never null). */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
