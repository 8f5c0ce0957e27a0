import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { useAuth } from '../../../app/auth-context';
import { useSetupStatus } from '../hooks/use-setup';

export const SETUP_PATH = '/setup';

/**
 * Until the first setup, the system has no organisation to work on: the administrator is taken to the first-run
 * screen, everyone else is told to ask them. A status that cannot be read does not block the screens (each
 * request answers for itself).
 */
export function SetupGate({ children }: { children: ReactNode }) {
  const { may } = useAuth();
  const status = useSetupStatus();
  const { pathname } = useLocation();
  if (status.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (!status.data || status.data.setUp) return <>{children}</>;
  if (may('setUpProvince')) return pathname === SETUP_PATH ? <>{children}</> : <Navigate to={SETUP_PATH} replace />;
  return <Result status="info" title="Chưa thể sử dụng" subTitle="Hệ thống chưa được thiết lập; liên hệ quản trị viên." data-testid="not-set-up" />;
}
