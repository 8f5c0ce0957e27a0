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

/**
 * The theme: links in the primary blue and secondary text at 0.6 (antd's defaults, #1677ff and 0.45, fall short of
 * the 4.5:1 contrast of WCAG AA on white).
 */
const THEME = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
  },
};

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <ConfigProvider locale={viVN} theme={THEME}>
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
