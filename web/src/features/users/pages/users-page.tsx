import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '../../../../../common/enums';
import { roleOfOwnRecord } from '../../../../../common/permissions';
import { formatNumber } from '../../../shared/format';
import { CreateUserModal } from '../components/create-user-modal';
import { EditUserModal } from '../components/edit-user-modal';
import { useUsers, type UserRow } from '../hooks/use-users';
import { useProvince } from '../../../shared/hooks/use-province';

/**
 * Accounts and their roles (administrators only); new accounts are created with one role and scope. The e-mail
 * address (where reminders go) and the display name can be changed.
 */
export default function UsersPage() {
  const { level } = useProvince();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const users = useUsers(page, pageSize);

  const columns: ColumnsType<UserRow> = [
    { title: 'Tên đăng nhập', dataIndex: 'username', width: 180 },
    { title: 'Họ và tên', dataIndex: 'displayName' },
    {
      title: 'Thư điện tử',
      dataIndex: 'email',
      width: 240,
      render: (v: string | null) => (v ? v : <Typography.Text type="secondary">Chưa có</Typography.Text>),
    },
    {
      title: 'Vai trò, phạm vi',
      key: 'grants',
      render: (_: unknown, u) => (
        <Space orientation="vertical" size={2}>
          {u.grants.length === 0 && <Tag>Chưa có vai trò</Tag>}
          {u.grants.map((g, i) => (
            <span key={i}>
              <Tag color="blue">{ROLE_LABELS[g.role] ?? g.role}</Tag>
              {g.unitName ?? (g.unitId ? '' : roleOfOwnRecord(g.role) ? 'Hồ sơ của chính mình' : `Toàn ${level}`)}
            </span>
          ))}
        </Space>
      ),
    },
    { title: 'Gắn hồ sơ', dataIndex: 'personId', width: 110, render: (v: string | null) => (v ? 'Có' : '') },
    {
      title: 'Trạng thái',
      dataIndex: 'isActive',
      width: 130,
      render: (v: boolean) => (v ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Đã khóa</Tag>),
    },
    {
      title: '',
      key: 'actions',
      width: 90,
      render: (_: unknown, u) => (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)} aria-label={`Sửa tài khoản ${u.username}`}>
          Sửa
        </Button>
      ),
    },
  ];

  return (
    <Card
      title="Người dùng"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          Tạo tài khoản
        </Button>
      }
    >
      <Table<UserRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        pagination={{
          current: page,
          pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
          showTotal: (t) => `${formatNumber(t)} tài khoản`,
        }}
      />
      {creating && <CreateUserModal onClose={() => setCreating(false)} />}
      {editing && <EditUserModal user={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
