import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { ApiError } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { useUpdateUser, type UserRow } from '../hooks/use-users';
import { EMAIL_HELP, EMAIL_RULE } from './email-field';

interface Values {
  displayName: string;
  email?: string;
}

/** "Sửa tài khoản": the display name and the e-mail address (blank = none). */
export function EditUserModal({ user, onClose }: { user: UserRow; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser(user.id);
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is wrong
    setError(null);
    try {
      await update.mutateAsync({ displayName: v.displayName.trim(), email: v.email?.trim().toLowerCase() || null });
      message.success(`Đã cập nhật tài khoản ${user.username}`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const known = new Set(['displayName', 'email']);
        form.setFields(err.issues.filter((i) => known.has(i.path)).map((i) => ({ name: i.path as keyof Values, errors: [i.message] })));
        const rest = err.issues.filter((i) => !known.has(i.path));
        setError(rest.length ? rest.map((i) => i.message).join('; ') : err.message);
      } else if (err instanceof ApiError && err.status === 409) {
        form.setFields([{ name: 'email', errors: [err.message] }]);
      } else notifyError(err);
    }
  };

  return (
    <Modal
      open
      title={`Sửa tài khoản ${user.username}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={update.isPending}
      width={560}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="edit-user"
        layout="vertical"
        disabled={update.isPending}
        autoComplete="off"
        initialValues={{ displayName: user.displayName, email: user.email ?? '' }}
      >
        <Form.Item name="displayName" label="Họ và tên" rules={[{ required: true, whitespace: true, message: 'Nhập họ tên' }, { max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label="Thư điện tử" rules={[EMAIL_RULE]} extra={EMAIL_HELP}>
          <Input type="email" autoComplete="off" placeholder="ten@example.org" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
