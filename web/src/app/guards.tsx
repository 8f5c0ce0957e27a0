import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Feature } from '../api/types';
import { useAuth } from './auth-context';
import { homePath } from './menu';
import { ChangePasswordRequired } from '../features/auth/pages/change-password-page';

/** Shows the login page (remembering where the user was going) when there is no session. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, isLoading } = useAuth();
  const location = useLocation();
  const queryClient = useQueryClient();
  const meState = queryClient.getQueryState(['auth', 'me']);
  if (isLoading) return <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;
  if (!me && meState?.status === 'error') {
    return (
      <Result
        status="500"
        title="Không kết nối được máy chủ"
        subTitle="Vui lòng kiểm tra kết nối mạng rồi thử lại."
        extra={<Button onClick={() => queryClient.refetchQueries({ queryKey: ['auth', 'me'] })}>Thử lại</Button>}
      />
    );
  }
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />;
  }
  // a password someone else chose: changed before anything else (the API refuses the rest meanwhile)
  if (me.user.mustChangePassword) return <ChangePasswordRequired />;
  return <>{children}</>;
}

/** A screen of a feature the user's roles do not include answers "no permission" (the API refuses it too). */
export function FeatureGate({ anyOf, children }: { anyOf: Feature[]; children: ReactNode }) {
  const { can } = useAuth();
  if (!anyOf.some(can)) return <Forbidden />;
  return <>{children}</>;
}

export function Forbidden() {
  return <Result status="403" title="Không có quyền" subTitle="Vai trò của bạn không được sử dụng chức năng này." />;
}

export function NotFound() {
  return <Result status="404" title="Không tìm thấy trang" subTitle="Đường dẫn không đúng hoặc trang đã được chuyển." />;
}

/** The start page: the first feature of the user's menu. */
export function HomeRedirect() {
  const { me } = useAuth();
  const path = me ? homePath(me) : null;
  if (path) return <Navigate to={path} replace />;
  return <Result status="info" title="Chưa có chức năng nào" subTitle="Tài khoản của bạn chưa được giao vai trò. Vui lòng liên hệ quản trị viên." />;
}
