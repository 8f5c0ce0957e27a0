import { useState } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { ROLE_LABELS } from '../../../../../common/enums';
import { formatNumber } from '../../../shared/format';
import { CreateUserModal } from '../components/create-user-modal';
import { useUsers, type UserRow } from '../hooks/use-users';

/** Accounts and their roles (administrators only); new accounts are created with one role and scope. */
export default function UsersPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const users = useUsers(page, pageSize);

  const columns: ColumnsType<UserRow> = [
    { title: 'Tên đăng nhập', dataIndex: 'username', width: 180 },
    { title: 'Họ và tên', dataIndex: 'displayName' },
    {
      title: 'Vai trò, phạm vi',
      key: 'grants',
      render: (_: unknown, u) => (
        <Space orientation="vertical" size={2}>
          {u.grants.length === 0 && <Tag>Chưa có vai trò</Tag>}
          {u.grants.map((g, i) => (
            <span key={i}>
              <Tag color="blue">{ROLE_LABELS[g.role] ?? g.role}</Tag>
              {g.unitName ?? (g.unitId ? '' : g.role === 'cadre' ? 'Hồ sơ của chính mình' : 'Toàn thành phố')}
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
    </Card>
  );
}
