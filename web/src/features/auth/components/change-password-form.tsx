import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { ApiError, errorMessage, unwrap } from '../../../api/errors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Changes the signed-in user's password: the current one, the new one twice. The server's policy (12 characters or
 * a passphrase, not the user name, not a common password) answers on the field; the other sessions end.
 */
export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const me = await unwrap(api.POST('/api/auth/password', { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }));
      queryClient.setQueryData(['auth', 'me'], me);
      form.resetFields();
      onDone?.();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) {
        const known = new Set(['currentPassword', 'newPassword']);
        form.setFields(err.issues.filter((i) => known.has(i.path)).map((i) => ({ name: i.path as keyof Values, errors: [i.message] })));
        const rest = err.issues.filter((i) => !known.has(i.path));
        if (rest.length) setError(rest.map((i) => i.message).join('; '));
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values> form={form} name="change-password" layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: 'Nhập mật khẩu hiện tại' }]}>
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        label="Mật khẩu mới"
        name="newPassword"
        extra="Tối thiểu 12 ký tự; nên dùng một cụm nhiều từ dễ nhớ. Không dùng tên đăng nhập hoặc mật khẩu phổ biến."
        rules={[
          { required: true, message: 'Nhập mật khẩu mới' },
          { min: 12, message: 'Mật khẩu tối thiểu 12 ký tự' },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="Nhập lại mật khẩu mới"
        name="confirm"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: 'Nhập lại mật khẩu mới' },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('Hai lần nhập không khớp'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        Đổi mật khẩu
      </Button>
    </Form>
  );
}
