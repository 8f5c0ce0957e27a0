import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Grid, Layout, Menu, Modal, Space, Spin, Tag, Typography, theme, type MenuProps } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '../../../common/enums';
import { useAuth, useMe } from './auth-context';
import { menuFor } from './menu';
import { InboxBadge } from '../features/inbox/components/inbox-badge';
import { SetupGate } from '../features/setup/components/setup-gate';
import { ChangePasswordForm } from '../features/auth/components/change-password-form';
import { notifySuccess } from './notify';

const { Header, Sider, Content } = Layout;

/** The frame of every signed-in screen: title, user and role, logout, and the menu of the user's features. */
export function AppLayout() {
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();
  // on a phone the header keeps the short title, the role's tooltip and an icon-only logout: nothing wider than the screen
  const narrow = !Grid.useBreakpoint().md;
  const [changing, setChanging] = useState(false);

  const entries = useMemo(() => menuFor(me), [me]);
  const items: MenuProps['items'] = entries.map((m) => {
    if (m.children) {
      const children = m.children.map((c) => ({ key: c.path, icon: c.icon, label: <Link to={c.path}>{c.label}</Link> }));
      return { key: `group:${m.feature}`, icon: m.icon, label: m.label, children };
    }
    const path = m.path(me);
    return {
      key: path ?? m.feature,
      icon: m.icon,
      disabled: !path,
      label: path ? <Link to={path}>{m.label}</Link> : m.label,
    };
  });
  const groupKeys = entries.filter((m) => m.children).map((m) => `group:${m.feature}`);
  // the entry whose path is the longest prefix of the current location is the selected one
  const selected = entries
    .flatMap((m) => (m.children ? m.children.map((c) => c.path) : [m.path(me) ?? m.feature]))
    .filter((k) => location.pathname === k || location.pathname.startsWith(k + '/'))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  const roleText = me.grants.map((g) => (g.unitName ? `${ROLE_LABELS[g.role]} — ${g.unitName}` : ROLE_LABELS[g.role])).join('; ');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 20,
          background: '#8b1a1a',
        }}
      >
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {narrow ? 'Tăng cường' : `Tăng cường — ${me.planCode ? `Kế hoạch ${me.planCode}` : (me.province?.committeeShortName ?? 'chưa thiết lập')}`}
        </Link>
        {me.demo && <Tag color="gold">Dữ liệu mẫu</Tag>}
        <div style={{ flex: 1 }} />
        <Space size={narrow ? 'small' : 'middle'} style={{ color: '#fff', minWidth: 0 }}>
          {me.features.includes('inbox') && <InboxBadge />}
          {narrow ? (
            // on a phone the user's icon opens the password change (no room for one more button)
            <Button
              type="text"
              icon={<UserOutlined />}
              style={{ color: '#fff' }}
              aria-label="Đổi mật khẩu"
              title={`${me.user.displayName} — ${roleText}`}
              onClick={() => setChanging(true)}
            />
          ) : (
            <UserOutlined />
          )}
          <span data-testid="current-user" style={{ display: narrow ? 'none' : 'flex', flexDirection: 'column', lineHeight: 1.3, minWidth: 0 }}>
            <Typography.Text strong style={{ color: '#fff' }} ellipsis>
              {me.user.displayName}
            </Typography.Text>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.8)', fontSize: 12 }} ellipsis={{ tooltip: roleText }}>
              {roleText}
            </Typography.Text>
          </span>
          {!narrow && <Button icon={<KeyOutlined />} aria-label="Đổi mật khẩu" title="Đổi mật khẩu" onClick={() => setChanging(true)} />}
          <Button
            icon={<LogoutOutlined />}
            aria-label={narrow ? 'Đăng xuất' : undefined}
            onClick={async () => {
              await logout().catch(() => undefined);
              navigate('/login', { replace: true });
            }}
          >
            {!narrow && 'Đăng xuất'}
          </Button>
        </Space>
      </Header>
      <Layout>
        <Sider width={260} breakpoint="lg" collapsedWidth={0} style={{ background: token.colorBgContainer }}>
          <Menu
            mode="inline"
            selectedKeys={selected}
            defaultOpenKeys={groupKeys}
            items={items}
            style={{ height: '100%', borderInlineEnd: 0 }}
            aria-label="Chức năng"
          />
        </Sider>
        <Content style={{ padding: 20, minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
            <SetupGate>
              <Outlet />
            </SetupGate>
          </Suspense>
        </Content>
      </Layout>
      <Modal title="Đổi mật khẩu" open={changing} onCancel={() => setChanging(false)} footer={null} destroyOnHidden>
        <ChangePasswordForm
          onDone={() => {
            setChanging(false);
            notifySuccess('Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.');
          }}
        />
      </Modal>
    </Layout>
  );
}
