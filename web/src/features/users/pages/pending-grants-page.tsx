import { Alert, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ROLE_LABELS } from '../../../../../common/enums';
import { roleOfOwnRecord } from '../../../../../common/permissions';
import { Forbidden } from '../../../app/guards';
import { useAuth } from '../../../app/auth-context';
import { formatDateTime } from '../../../shared/format';
import { useProvince } from '../../../shared/hooks/use-province';
import { notifySuccess } from '../../../app/notify';
import { useConfirmGrant, usePendingGrants, useRevokeGrant } from '../hooks/use-users';
import type { PendingGrantsResponse } from '../../../api/types';

type Row = PendingGrantsResponse['items'][number];

/**
 * Sở Nội vụ confirms the roles the administrator proposed (a second person before an account opens personal data),
 * or refuses them. Nobody confirms their own proposal or a role on their own account (the server refuses it).
 */
export default function PendingGrantsPage() {
  const { may, me } = useAuth();
  const { level } = useProvince();
  const pending = usePendingGrants();
  const confirm = useConfirmGrant();
  const refuse = useRevokeGrant();
  if (!may('confirmGrants')) return <Forbidden />;

  const columns: ColumnsType<Row> = [
    {
      title: 'Tài khoản',
      key: 'user',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <strong>{r.displayName}</strong>
          <Typography.Text type="secondary">{r.username}</Typography.Text>
        </Space>
      ),
    },
    {
      title: 'Vai trò đề nghị',
      key: 'role',
      render: (_: unknown, r) => (
        <span>
          <Tag color="gold">{ROLE_LABELS[r.role]}</Tag>
          {r.unitName ?? (roleOfOwnRecord(r.role) ? 'Hồ sơ của chính mình' : `Toàn ${level}`)}
        </span>
      ),
    },
    { title: 'Người đề nghị', dataIndex: 'proposedByName', width: 200, render: (v: string | null) => v ?? 'Hệ thống' },
    { title: 'Thời điểm', dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
    {
      title: '',
      key: 'actions',
      width: 220,
      render: (_: unknown, r) => {
        const own = r.proposedBy === me?.user.id || r.userId === me?.user.id;
        return (
          <Space size={4}>
            <Popconfirm
              title={`Xác nhận cấp vai trò ${ROLE_LABELS[r.role]} cho ${r.displayName}?`}
              okText="Xác nhận"
              cancelText="Không"
              disabled={own}
              onConfirm={async () => {
                await confirm.mutateAsync({ id: r.userId, grantId: r.grantId });
                notifySuccess(`Đã xác nhận vai trò cho ${r.displayName}.`);
              }}
            >
              <Button size="small" type="primary" disabled={own} title={own ? 'Không tự xác nhận đề nghị của mình hoặc vai trò của chính mình' : undefined}>
                Xác nhận
              </Button>
            </Popconfirm>
            <Popconfirm
              title="Không chấp thuận vai trò này?"
              okText="Không chấp thuận"
              cancelText="Quay lại"
              onConfirm={async () => {
                await refuse.mutateAsync({ id: r.userId, grantId: r.grantId, reason: 'Sở Nội vụ không chấp thuận' });
                notifySuccess('Đã không chấp thuận.');
              }}
            >
              <Button size="small" danger>
                Không chấp thuận
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  return (
    <Card title="Xác nhận cấp quyền truy cập">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="Quản trị viên đề nghị vai trò; vai trò chỉ có hiệu lực khi một cán bộ Sở Nội vụ (người thứ hai) xác nhận. Mọi xác nhận, từ chối được ghi nhật ký."
      />
      <Table<Row>
        rowKey="grantId"
        size="middle"
        columns={columns}
        dataSource={pending.data?.items ?? []}
        loading={pending.isFetching}
        pagination={false}
        locale={{ emptyText: 'Không có đề nghị nào chờ xác nhận' }}
        scroll={{ x: 800 }}
      />
    </Card>
  );
}
