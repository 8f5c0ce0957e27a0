import { Alert, Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth, useMe } from '../../../app/auth-context';
import { ChangePasswordForm } from '../components/change-password-form';

/** The first login with a password someone else chose: nothing else opens until it is changed. */
export function ChangePasswordRequired() {
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5', padding: 16 }}>
      <Card style={{ width: 440, maxWidth: '100%' }} data-testid="forced-password-change">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Đổi mật khẩu
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Xin chào ${me.user.displayName}. Mật khẩu hiện tại do quản trị viên cấp; vui lòng đặt mật khẩu của riêng bạn trước khi tiếp tục.`}
        />
        <ChangePasswordForm />
        <Button
          type="link"
          block
          style={{ marginTop: 8 }}
          onClick={async () => {
            await logout().catch(() => undefined);
            navigate('/login', { replace: true });
          }}
        >
          Đăng xuất
        </Button>
      </Card>
    </div>
  );
}
