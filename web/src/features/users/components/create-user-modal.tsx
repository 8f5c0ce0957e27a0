import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { ROLES, ROLE_LABELS, type Role } from '../../../../../common/enums';
import { roleOfOwnRecord, UNIT_SCOPED_ROLES } from '../../../../../common/permissions';
import { ApiError } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { UnitTreeSelect } from '../../org/components/unit-tree-select';
import { useCreateUser } from '../hooks/use-users';
import { EMAIL_HELP, EMAIL_RULE } from './email-field';

/** Roles scoped to a unit subtree must name the unit (the API checks the same). */

interface Values {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  unitId?: string | null;
  personId?: string;
  email?: string;
}

/** "Tạo tài khoản": username, display name, e-mail, password, one role and, for unit roles, the unit. */
export function CreateUserModal({ onClose }: { onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const role = Form.useWatch('role', form);
  const needsUnit = !!role && UNIT_SCOPED_ROLES.includes(role);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setError(null);
    try {
      const r = await create.mutateAsync({
        username: v.username.trim().toLowerCase(),
        displayName: v.displayName.trim(),
        password: v.password,
        role: v.role,
        unitId: v.unitId ?? null,
        personId: roleOfOwnRecord(v.role) ? v.personId?.trim() || null : null,
        email: v.email?.trim().toLowerCase() || null,
      });
      message.success(`Đã tạo tài khoản ${r.username}`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        const known = new Set(['username', 'displayName', 'password', 'role', 'unitId', 'personId', 'email']);
        form.setFields(err.issues.filter((i) => known.has(i.path)).map((i) => ({ name: i.path as keyof Values, errors: [i.message] })));
        const rest = err.issues.filter((i) => !known.has(i.path));
        setError(rest.length ? rest.map((i) => i.message).join('; ') : err.message);
      } else if (err instanceof ApiError && err.status === 409) {
        // the username or the e-mail address is taken: the message says which
        form.setFields([{ name: /thư điện tử/i.test(err.message) ? 'email' : 'username', errors: [err.message] }]);
      } else notifyError(err);
    }
  };

  return (
    <Modal open title="Tạo tài khoản" okText="Tạo tài khoản" cancelText="Hủy" onOk={submit} onCancel={onClose} confirmLoading={create.isPending} width={560}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="create-user" layout="vertical" disabled={create.isPending} autoComplete="off">
        <Form.Item
          name="username"
          label="Tên đăng nhập"
          rules={[
            { required: true, message: 'Nhập tên đăng nhập' },
            { pattern: /^[a-zA-Z0-9._-]{3,40}$/, message: 'Tên đăng nhập 3–40 ký tự: chữ không dấu, số, . _ -' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="Họ và tên" rules={[{ required: true, whitespace: true, message: 'Nhập họ tên' }, { max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label="Thư điện tử" rules={[EMAIL_RULE]} extra={EMAIL_HELP}>
          <Input type="email" autoComplete="off" placeholder="ten@example.org" />
        </Form.Item>
        <Form.Item
          name="password"
          label="Mật khẩu"
          rules={[
            { required: true, message: 'Nhập mật khẩu' },
            { min: 8, message: 'Mật khẩu tối thiểu 8 ký tự' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label="Vai trò" rules={[{ required: true, message: 'Chọn vai trò' }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} placeholder="Chọn vai trò" />
        </Form.Item>
        <Form.Item
          name="unitId"
          label="Đơn vị (phạm vi)"
          rules={[{ required: needsUnit, message: 'Vai trò này cần chọn đơn vị' }]}
          extra={needsUnit ? 'Người dùng chỉ làm việc với đơn vị này và các đơn vị trực thuộc.' : 'Không bắt buộc với vai trò này.'}
        >
          <UnitTreeSelect />
        </Form.Item>
        {!!role && roleOfOwnRecord(role) && (
          <Form.Item
            name="personId"
            label="Mã định danh hồ sơ cán bộ"
            rules={[{ required: true, message: 'Tài khoản cán bộ cần gắn với hồ sơ' }]}
            extra="Mã định danh (UUID) của hồ sơ trong hệ thống."
          >
            <Input />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
