import { useState } from 'react';
import { Alert, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { GRANT_STATUS_LABELS, ROLE_LABELS } from '../../../../../common/enums';
import { roleOfOwnRecord } from '../../../../../common/permissions';
import { formatNumber } from '../../../shared/format';
import { CreateUserModal } from '../components/create-user-modal';
import { EditUserModal } from '../components/edit-user-modal';
import { useRevokeGrant, useSetActive, useUsers, type UserRow } from '../hooks/use-users';
import { useProvince } from '../../../shared/hooks/use-province';

/**
 * Accounts and their roles (administrators only); new accounts are created with one role and scope. The e-mail
 * address (where reminders go) and the display name can be changed; accounts deactivated and grants revoked. A
 * role that opens personal data waits for Sở Nội vụ's confirmation.
 */
export default function UsersPage() {
  const { level } = useProvince();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const users = useUsers(page, pageSize);
  const setActive = useSetActive();
  const revoke = useRevokeGrant();

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
          {u.grants.map((g) => (
            <span key={g.id} style={g.status === 'revoked' ? { textDecoration: 'line-through', opacity: 0.6 } : undefined}>
              <Tag color={g.status === 'active' ? 'blue' : g.status === 'proposed' ? 'gold' : 'default'}>{ROLE_LABELS[g.role] ?? g.role}</Tag>
              {g.unitName ?? (g.unitId ? '' : roleOfOwnRecord(g.role) ? 'Hồ sơ của chính mình' : `Toàn ${level}`)}
              {g.status !== 'active' && (
                <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                  ({GRANT_STATUS_LABELS[g.status]})
                </Typography.Text>
              )}
              {g.status !== 'revoked' && (
                <Popconfirm
                  title={g.status === 'proposed' ? 'Hủy đề nghị cấp vai trò này?' : 'Thu hồi vai trò này? Các phiên đăng nhập của tài khoản sẽ kết thúc.'}
                  okText="Thu hồi"
                  cancelText="Không"
                  onConfirm={() => revoke.mutateAsync({ id: u.id, grantId: g.id })}
                >
                  <Button size="small" type="link" danger aria-label={`Thu hồi vai trò ${ROLE_LABELS[g.role]} của ${u.username}`}>
                    Thu hồi
                  </Button>
                </Popconfirm>
              )}
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
      render: (v: boolean, u) => (
        <Space orientation="vertical" size={2}>
          {v ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Đã khóa</Tag>}
          {u.mustChangePassword && <Typography.Text type="secondary">Chưa đổi mật khẩu ban đầu</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 180,
      render: (_: unknown, u) => (
        <Space size={4}>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)} aria-label={`Sửa tài khoản ${u.username}`}>
            Sửa
          </Button>
          <Popconfirm
            title={u.isActive ? 'Khóa tài khoản này? Các phiên đăng nhập kết thúc ngay.' : 'Mở lại tài khoản này?'}
            okText={u.isActive ? 'Khóa' : 'Mở lại'}
            cancelText="Không"
            onConfirm={() => setActive.mutateAsync({ id: u.id, isActive: !u.isActive })}
          >
            <Button size="small" danger={u.isActive} aria-label={`${u.isActive ? 'Khóa' : 'Mở lại'} tài khoản ${u.username}`}>
              {u.isActive ? 'Khóa' : 'Mở lại'}
            </Button>
          </Popconfirm>
        </Space>
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
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="Vai trò mở dữ liệu cá nhân cán bộ (mọi vai trò trừ quản trị hệ thống) chỉ có hiệu lực khi Sở Nội vụ xác nhận. Tài khoản mới phải đổi mật khẩu ở lần đăng nhập đầu."
      />
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
