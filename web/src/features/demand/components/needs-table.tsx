import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import { DEMAND_FIELD_LABELS, NEED_STATUS_LABELS, NEED_URGENCY_LABELS } from '../../../../../common/demand';
import { ApiError } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { formatDate } from '../../../shared/format';
import { useNeedStep, type Need } from '../hooks/use-demand';
import { NEED_STATUS_COLORS, URGENCY_COLORS } from './need-labels';

type Review = { need: Need; kind: 'approve' | 'reject' | 'withdraw' };

/** Needs with the steps the user may take on each (from `allowedActions`): submit, edit, withdraw; approve, reject. */
export function NeedsTable({
  needs,
  loading,
  showUnit,
  onEdit,
  pagination,
  onPage,
  selection,
}: {
  needs: Need[];
  loading?: boolean;
  showUnit?: boolean;
  onEdit?(n: Need): void;
  pagination?: TablePaginationConfig | false;
  onPage?(page: number, pageSize: number): void;
  selection?: { keys: string[]; onChange(keys: string[]): void };
}) {
  const step = useNeedStep();
  const { message } = App.useApp();
  const [review, setReview] = useState<Review | null>(null);
  const [form] = Form.useForm<{ approvedCount?: number; text?: string }>();

  const run = async (n: Need, s: Parameters<typeof step.mutateAsync>[0]['s'], done: string) => {
    try {
      await step.mutateAsync({ id: n.id, s });
      message.success(done);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && review) {
        form.setFields(err.issues.map((i) => ({ name: i.path === 'approvedCount' ? 'approvedCount' : 'text', errors: [i.message] })));
      } else notifyError(err);
      return false;
    }
  };

  const confirmReview = async () => {
    if (!review) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const { need: n, kind } = review;
    const ok =
      kind === 'approve'
        ? await run(n, { step: 'approve', version: n.version, approvedCount: v.approvedCount!, note: v.text?.trim() || undefined }, 'Đã chấp thuận nhu cầu')
        : kind === 'reject'
          ? await run(n, { step: 'reject', version: n.version, reason: v.text!.trim() }, 'Đã ghi không chấp thuận')
          : await run(n, { step: 'withdraw', version: n.version, reason: v.text?.trim() || undefined }, 'Đã rút nhu cầu');
    if (ok) setReview(null);
  };

  const columns: ColumnsType<Need> = [
    ...(showUnit ? [{ title: 'Xã, phường', key: 'unit', width: 170, render: (_: unknown, r: Need) => r.unitName }] : []),
    {
      title: 'Vị trí / lĩnh vực',
      key: 'post',
      render: (_: unknown, r) => (
        <>
          <Typography.Text strong>{r.postTitle ?? DEMAND_FIELD_LABELS[r.field]}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {DEMAND_FIELD_LABELS[r.field]}
            {r.wantedFrom && ` · từ ${formatDate(r.wantedFrom)}`}
            {r.wantedUntil && ` đến ${formatDate(r.wantedUntil)}`}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis={{ tooltip: r.reason }}>
            {r.reason}
          </Typography.Text>
          {r.assigned?.map((a) => (
            <Typography.Text key={a.secondmentId} style={{ display: 'block', fontSize: 12 }} data-testid="need-assigned">
              Cán bộ được cử: <Link to={`/secondments/${a.secondmentId}`}>{a.fullName}</Link> ({a.sendingUnitName}) — {a.statusLabel}
            </Typography.Text>
          ))}
        </>
      ),
    },
    {
      title: 'Số người',
      key: 'count',
      width: 100,
      align: 'right',
      render: (_: unknown, r) => (r.approvedCount !== null ? `${r.approvedCount}/${r.count}` : r.count),
    },
    { title: 'Mức độ', dataIndex: 'urgency', width: 110, render: (v: Need['urgency']) => <Tag color={URGENCY_COLORS[v]}>{NEED_URGENCY_LABELS[v]}</Tag> },
    {
      title: 'Trạng thái',
      key: 'status',
      width: 180,
      render: (_: unknown, r) => (
        <>
          <Tag color={NEED_STATUS_COLORS[r.status]} data-testid="need-status">
            {NEED_STATUS_LABELS[r.status]}
          </Tag>
          {r.roundName && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {r.roundName}
              {r.frozen && ' (đã phê duyệt)'}
            </Typography.Text>
          )}
          {r.reviewNote && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              Ý kiến: {r.reviewNote}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 200,
      render: (_: unknown, r) => (
        <Space wrap size={4}>
          {r.allowedActions.includes('submit') && (
            <Button size="small" type="primary" onClick={() => run(r, { step: 'submit', version: r.version }, 'Đã gửi nhu cầu đến Sở Nội vụ')}>
              Gửi
            </Button>
          )}
          {r.allowedActions.includes('edit') && onEdit && (
            <Button size="small" onClick={() => onEdit(r)}>
              Sửa
            </Button>
          )}
          {r.allowedActions.includes('approve') && (
            <Button
              size="small"
              type="primary"
              data-testid="need-approve"
              onClick={() => {
                form.setFieldsValue({ approvedCount: r.count, text: '' });
                setReview({ need: r, kind: 'approve' });
              }}
            >
              Chấp thuận
            </Button>
          )}
          {r.allowedActions.includes('reject') && (
            <Button
              size="small"
              danger
              onClick={() => {
                form.setFieldsValue({ text: '' });
                setReview({ need: r, kind: 'reject' });
              }}
            >
              Không chấp thuận
            </Button>
          )}
          {r.allowedActions.includes('withdraw') && (
            <Button
              size="small"
              danger
              onClick={() => {
                form.setFieldsValue({ text: '' });
                setReview({ need: r, kind: 'withdraw' });
              }}
            >
              Rút
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Table<Need>
        data-testid="needs-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={needs}
        loading={loading}
        pagination={pagination ?? false}
        onChange={(p) => onPage?.(p.current ?? 1, p.pageSize ?? 20)}
        rowSelection={selection ? { selectedRowKeys: selection.keys, onChange: (k) => selection.onChange(k as string[]) } : undefined}
        locale={{ emptyText: 'Chưa có nhu cầu nào' }}
        scroll={{ x: 820 }}
      />
      <Modal
        open={!!review}
        title={review?.kind === 'approve' ? 'Chấp thuận nhu cầu' : review?.kind === 'reject' ? 'Không chấp thuận nhu cầu' : 'Rút nhu cầu'}
        okText="Xác nhận"
        cancelText="Hủy"
        onOk={confirmReview}
        onCancel={() => setReview(null)}
        confirmLoading={step.isPending}
        destroyOnHidden
        forceRender
      >
        {review && (
          <Typography.Paragraph>
            {review.need.unitName}: {review.need.postTitle ?? DEMAND_FIELD_LABELS[review.need.field]} — {review.need.count} người
          </Typography.Paragraph>
        )}
        <Form form={form} layout="vertical" name="need-review">
          {review?.kind === 'approve' && (
            <Form.Item name="approvedCount" label="Số người chấp thuận" rules={[{ required: true, message: 'Nhập số người' }]}>
              <InputNumber min={1} max={review.need.count} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item
            name="text"
            label={review?.kind === 'reject' ? 'Lý do không chấp thuận' : 'Ghi chú'}
            rules={review?.kind === 'reject' ? [{ required: true, whitespace: true, message: 'Nêu lý do' }] : []}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
