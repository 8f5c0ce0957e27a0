import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { AuthProvider } from './auth-context';
import { connectNotifier } from './notify';
import { createQueryClient } from './query-client';
import { router } from './router';

dayjs.locale('vi');

/** Hands antd's context-aware message and notification instances to the global error handler. */
function NotifierBridge() {
  const { message, notification } = AntdApp.useApp();
  useEffect(() => connectNotifier(message, notification), [message, notification]);
  return null;
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <ConfigProvider locale={viVN} theme={{ token: { colorPrimary: '#1d4f91', borderRadius: 6, fontFamily: "'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif" } }}>
      <AntdApp>
        <NotifierBridge />
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
