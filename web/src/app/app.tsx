import { useEffect, useMemo, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, type ThemeConfig } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { AuthProvider } from './auth-context';
import { connectNotifier } from './notify';
import { createQueryClient } from './query-client';
import { router } from './router';
import { useReducedMotion } from '../shared/hooks/use-reduced-motion';

dayjs.locale('vi');

/** Hands antd's context-aware message and notification instances to the global error handler. */
function NotifierBridge() {
  const { message, notification } = AntdApp.useApp();
  useEffect(() => connectNotifier(message, notification), [message, notification]);
  return null;
}

/**
 * The theme, held to the 4.5:1 text contrast of WCAG AA (antd's defaults fall short on white and on the light
 * backgrounds of tags and alerts): links in the primary blue; secondary, tertiary and placeholder text at 0.6 black
 * (antd: 0.45 and 0.25); the error red one shade darker (#cf1322, not #ff4d4f), which danger text, dangerous buttons
 * and form errors use; success and warning text in darker green and amber.
 */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    colorError: '#cf1322',
    colorSuccessText: '#237804',
    colorWarningText: '#874d00',
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif",
  },
  components: {
    // a tag writes its colour's 7th shade on the 1st: too light for orange, gold, green, cyan, lime, volcano; and the
    // status tags (success, processing, warning) write the seed colour itself
    Tag: {
      volcano7: '#ad2102',
      orange7: '#ad4e00',
      gold7: '#874d00',
      yellow7: '#876800',
      lime7: '#3f6600',
      green7: '#237804',
      cyan7: '#006d75',
      colorSuccess: '#237804',
      colorInfo: '#0958d9',
      colorWarning: '#874d00',
    },
    // the figure of a completed progress bar ("7/2") is written in the success colour
    Progress: { colorSuccess: '#237804' },
    // "Không có dữ liệu" of an empty table is information, not a disabled control
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  },
};

export function App() {
  const [queryClient] = useState(createQueryClient);
  const reducedMotion = useReducedMotion();
  const theme = useMemo<ThemeConfig>(() => ({ ...THEME, token: { ...THEME.token, motion: !reducedMotion } }), [reducedMotion]);
  return (
    <ConfigProvider locale={viVN} theme={theme}>
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
