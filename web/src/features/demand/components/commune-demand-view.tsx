import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Skeleton, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { DEMAND_FIELD_LABELS } from '../../../../../common/demand';
import { formatNumber } from '../../../shared/format';
import { useCommuneDemand, type CommuneDemand, type Need } from '../hooks/use-demand';
import { NeedFormModal } from './need-form-modal';
import { NeedsTable } from './needs-table';

type Post = CommuneDemand['posts'][number];
type KeyLeader = CommuneDemand['keyLeaders'][number];

const LOCAL_TAGS: Record<KeyLeader['local'], { color: string; text: string }> = {
  local: { color: 'orange', text: 'Người địa phương' },
  not_local: { color: 'green', text: 'Không phải người địa phương' },
  unknown: { color: 'default', text: 'Chưa rõ quê quán' },
  vacant: { color: 'red', text: 'Còn khuyết' },
};

/** One commune: its posts with norm, holders and vacancy; its key-leader team and who is local; its needs. */
export function CommuneDemandView({ unitId }: { unitId: string }) {
  const q = useCommuneDemand(unitId);
  const [form, setForm] = useState<{ need?: Need } | null>(null);
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Alert type="error" showIcon title="Không tải được thông tin của xã, phường" />;
  const d = q.data;

  const postColumns = [
    {
      title: 'Vị trí việc làm',
      key: 'title',
      render: (_: unknown, p: Post) => (
        <>
          <Typography.Text strong={p.isKeyPost}>{p.title}</Typography.Text>
          {p.isKeyPost && (
            <Tag color="gold" style={{ marginLeft: 6 }}>
              Chủ chốt
            </Tag>
          )}
          {p.field && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {DEMAND_FIELD_LABELS[p.field]}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: 'Định mức',
      dataIndex: 'norm',
      width: 90,
      align: 'right' as const,
      render: (v: number | null) => (v === null ? <Typography.Text type="secondary">Chưa có</Typography.Text> : v),
    },
    {
      title: 'Người đảm nhiệm',
      key: 'holders',
      render: (_: unknown, p: Post) =>
        p.holders.length === 0 ? (
          <Typography.Text type="secondary">Chưa có</Typography.Text>
        ) : (
          p.holders.map((h) => (
            <div key={h.personId}>
              {h.fullName}
              {h.secondedIn && (
                <Tooltip title={`Tăng cường từ ${h.sendingUnitName ?? ''}`}>
                  <Tag color="blue" style={{ marginLeft: 6 }}>
                    Tăng cường
                  </Tag>
                </Tooltip>
              )}
            </div>
          ))
        ),
    },
    {
      title: 'Còn thiếu',
      dataIndex: 'vacancy',
      width: 90,
      align: 'right' as const,
      render: (v: number | null) =>
        v === null ? (
          '—'
        ) : v > 0 ? (
          <Typography.Text type="danger" strong>
            {v}
          </Typography.Text>
        ) : (
          0
        ),
    },
  ];

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} md={6}>
          <Statistic title="Vị trí việc làm" value={d.totals.posts} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="Tổng định mức" value={d.totals.norm} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="Đang đảm nhiệm" value={d.totals.holders} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title="Còn thiếu" value={d.totals.vacancies} valueStyle={d.totals.vacancies > 0 ? { color: '#cf1322' } : undefined} />
        </Col>
      </Row>
      {d.unit.isEspeciallyDisadvantaged && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="Xã thuộc vùng đặc biệt khó khăn (ĐBKK)" />}

      <Card size="small" title="Nhu cầu tăng cường" style={{ marginBottom: 12 }}>
        {d.mayDeclare && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({})} data-testid="need-new" style={{ marginBottom: 8 }}>
            Khai báo nhu cầu
          </Button>
        )}
        <NeedsTable needs={d.needs} onEdit={(n) => setForm({ need: n })} />
      </Card>

      <Card size="small" title="Vị trí việc làm và người đảm nhiệm" style={{ marginBottom: 12 }}>
        {d.posts.length === 0 && (
          <Typography.Paragraph type="secondary">Xã, phường chưa có vị trí việc làm trong hệ thống: khai báo nhu cầu theo lĩnh vực.</Typography.Paragraph>
        )}
        <Table<Post> rowKey="id" size="small" columns={postColumns} dataSource={d.posts} pagination={false} scroll={{ x: 640 }} data-testid="commune-posts" />
        {d.unplaced.length > 0 && (
          <Typography.Paragraph style={{ marginTop: 8 }}>
            Cán bộ tăng cường chưa gắn với vị trí việc làm: {d.unplaced.map((h) => `${h.fullName}${h.sendingUnitName ? ` (${h.sendingUnitName})` : ''}`).join(', ')}
          </Typography.Paragraph>
        )}
      </Card>

      <Card size="small" title="Đội ngũ chủ chốt" style={{ marginBottom: 12 }}>
        <Table<KeyLeader>
          rowKey={(r) => `${r.postId}-${r.personId ?? 'vacant'}`}
          size="small"
          pagination={false}
          dataSource={d.keyLeaders}
          locale={{ emptyText: 'Xã, phường chưa có chức danh chủ chốt trong hệ thống' }}
          scroll={{ x: 560 }}
          columns={[
            { title: 'Chức danh', dataIndex: 'postTitle' },
            {
              title: 'Người đảm nhiệm',
              key: 'who',
              render: (_: unknown, r) => (r.fullName ? `${r.fullName}${r.secondedIn ? ' (tăng cường)' : ''}` : '—'),
            },
            {
              title: 'Người địa phương',
              key: 'local',
              render: (_: unknown, r) => (
                <Tooltip title={[r.reason, r.clause].filter(Boolean).join(' — ')}>
                  <Tag color={LOCAL_TAGS[r.local].color}>{LOCAL_TAGS[r.local].text}</Tag>
                </Tooltip>
              ),
            },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Xác định theo quê quán (xã cũ trước sắp xếp năm 2025) đối chiếu với xã hiện nay. Tổng: {formatNumber(d.keyLeaders.length)} chức danh.
        </Typography.Text>
      </Card>
      {form && <NeedFormModal commune={d} need={form.need} onClose={() => setForm(null)} />}
    </>
  );
}
