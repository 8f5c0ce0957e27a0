import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type dayjs from 'dayjs';
import { ROUND_STATUS_LABELS } from '../../../../../common/demand';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, formatDate, formatNumber, toIsoDate } from '../../../shared/format';
import { useApproveRound, useArrangeRound, useCreateRound, useNeeds, useRound, useRounds } from '../hooks/use-demand';
import { NeedsTable } from './needs-table';

/** Sở Nội vụ's demand rounds: open one, put approved needs in it, approve it by a decision (its needs then freeze). */
export function RoundsPanel({ mayManage }: { mayManage: boolean }) {
  const rounds = useRounds();
  const [selected, setSelected] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const create = useCreateRound();
  const [form] = Form.useForm<{ name: string; note?: string }>();
  const { message } = App.useApp();
  const current = selected ?? rounds.data?.[0]?.id;

  const submitCreate = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const r = await create.mutateAsync({ name: v.name.trim(), note: v.note?.trim() || null });
      message.success('Đã mở đợt tổng hợp');
      setCreating(false);
      setSelected(r.id);
    } catch (err) {
      notifyError(err);
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {mayManage && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="round-new">
            Mở đợt tổng hợp
          </Button>
        )}
      </Space>
      <List
        size="small"
        bordered
        loading={rounds.isLoading}
        dataSource={rounds.data ?? []}
        locale={{ emptyText: 'Chưa có đợt tổng hợp nào' }}
        renderItem={(r) => (
          <List.Item onClick={() => setSelected(r.id)} style={{ cursor: 'pointer', background: r.id === current ? '#e6f4ff' : undefined }}>
            <Space wrap>
              <Typography.Text strong>{r.name}</Typography.Text>
              <Tag color={r.status === 'approved' ? 'success' : 'processing'}>{ROUND_STATUS_LABELS[r.status]}</Tag>
              {r.decisionNo && (
                <Typography.Text type="secondary">
                  QĐ {r.decisionNo} ngày {formatDate(r.approvedOn)}
                </Typography.Text>
              )}
              <Typography.Text type="secondary">
                {formatNumber(r.needs)} nhu cầu · {formatNumber(r.people)} người · {formatNumber(r.communes)} xã, phường
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {current && <RoundDetail id={current} />}
      <Modal
        open={creating}
        title="Mở đợt tổng hợp nhu cầu"
        okText="Tạo"
        cancelText="Hủy"
        onOk={submitCreate}
        onCancel={() => setCreating(false)}
        confirmLoading={create.isPending}
      >
        <Form form={form} layout="vertical" name="round">
          <Form.Item name="name" label="Tên đợt" rules={[{ required: true, whitespace: true, message: 'Nhập tên đợt' }]}>
            <Input maxLength={200} placeholder="Ví dụ: Đợt 2 năm 2026" />
          </Form.Item>
          <Form.Item name="note" label="Ghi chú">
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function RoundDetail({ id }: { id: string }) {
  const round = useRound(id);
  const r = round.data;
  const draft = r?.status === 'draft';
  const unassigned = useNeeds({ unassigned: 'true', page: 1, pageSize: 200 }, !!r?.allowedActions.includes('arrange'));
  const arrange = useArrangeRound(id);
  const approve = useApproveRound(id);
  const [adding, setAdding] = useState<string[]>([]);
  const [removing, setRemoving] = useState<string[]>([]);
  const [approving, setApproving] = useState(false);
  const [form] = Form.useForm<{ decisionNo: string; approvedOn: dayjs.Dayjs }>();
  const { message } = App.useApp();
  if (!r) return null;

  const doArrange = async (body: { add?: string[]; remove?: string[] }) => {
    try {
      await arrange.mutateAsync({ version: r.version, ...body });
      message.success('Đã cập nhật danh sách nhu cầu của đợt');
      setAdding([]);
      setRemoving([]);
    } catch (err) {
      notifyError(err);
    }
  };
  const doApprove = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await approve.mutateAsync({ version: r.version, decisionNo: v.decisionNo.trim(), approvedOn: toIsoDate(v.approvedOn)! });
      message.success('Đã phê duyệt đợt tổng hợp');
      setApproving(false);
    } catch (err) {
      notifyError(err);
    }
  };

  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      title={r.name}
      extra={
        r.allowedActions.includes('approve') && (
          <Button type="primary" onClick={() => setApproving(true)} disabled={r.needs === 0} data-testid="round-approve">
            Phê duyệt đợt
          </Button>
        )
      }
    >
      {r.note && <Typography.Paragraph type="secondary">{r.note}</Typography.Paragraph>}
      <Typography.Title level={5}>Nhu cầu trong đợt</Typography.Title>
      <NeedsTable needs={r.items} showUnit selection={draft && r.allowedActions.includes('arrange') ? { keys: removing, onChange: setRemoving } : undefined} />
      {removing.length > 0 && (
        <Button danger style={{ marginTop: 8 }} onClick={() => doArrange({ remove: removing })} loading={arrange.isPending}>
          Bỏ {removing.length} nhu cầu ra khỏi đợt
        </Button>
      )}
      {r.allowedActions.includes('arrange') && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            Nhu cầu đã chấp thuận, chưa thuộc đợt nào
          </Typography.Title>
          {unassigned.data?.items.length ? (
            <>
              <NeedsTable needs={unassigned.data.items} showUnit loading={unassigned.isFetching} selection={{ keys: adding, onChange: setAdding }} />
              <Button
                type="primary"
                style={{ marginTop: 8 }}
                disabled={!adding.length}
                onClick={() => doArrange({ add: adding })}
                loading={arrange.isPending}
                data-testid="round-add"
              >
                Đưa {adding.length || ''} nhu cầu vào đợt
              </Button>
            </>
          ) : (
            <Empty description="Không có nhu cầu đã chấp thuận nào đang chờ tổng hợp" />
          )}
        </>
      )}
      <Modal
        open={approving}
        title="Phê duyệt đợt tổng hợp nhu cầu"
        okText="Phê duyệt"
        cancelText="Hủy"
        onOk={doApprove}
        onCancel={() => setApproving(false)}
        confirmLoading={approve.isPending}
      >
        <Typography.Paragraph>
          Sau khi phê duyệt, {formatNumber(r.needs)} nhu cầu ({formatNumber(r.people)} người) của đợt không thay đổi được nữa.
        </Typography.Paragraph>
        <Form form={form} layout="vertical" name="round-approve">
          <Form.Item name="decisionNo" label="Số quyết định" rules={[{ required: true, whitespace: true, message: 'Nhập số quyết định' }]}>
            <Input maxLength={50} placeholder="Ví dụ: 245/QĐ-SNV" />
          </Form.Item>
          <Form.Item name="approvedOn" label="Ngày quyết định" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
