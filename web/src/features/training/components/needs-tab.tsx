import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { COURSE_KINDS, COURSE_KIND_LABELS, NEED_PERIODS, NEED_PERIOD_LABELS, NEED_STATUS_LABELS, type NeedStatus } from '../../../../../common/training';
import { ApiError } from '../../../api/errors';
import type { TrainingNeed } from '../../../api/types';
import { notifyError } from '../../../app/notify';
import { useCadreList } from '../../cadres/hooks/use-cadres';
import { UnitTreeSelect } from '../../org/components/unit-tree-select';
import { useCurrentPlan } from '../../plans/hooks/use-plans';
import { useCreateNeed, useNeeds } from '../hooks/use-training';
import { useMe } from '../../../app/auth-context';

function NeedModal({ onClose }: { onClose(): void }) {
  const [form] = Form.useForm();
  const [q, setQ] = useState('');
  const unitId = Form.useWatch('unitId', form) as string | undefined;
  const people = useCadreList({ q: q || undefined, unitId, page: 1, pageSize: 20 });
  const plan = useCurrentPlan();
  const save = useCreateNeed();
  const { message, modal } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  // a unit's officer (who nominates) records needs of their own unit first
  const me = useMe();
  const ownUnit = (me.capabilities.includes('nominate') && me.grants.find((g) => g.unitId)?.unitId) || undefined;
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const r = await save.mutateAsync({ ...v, personId: v.personId ?? null });
      message.success('Đã ghi nhận nhu cầu đào tạo');
      if (r.standardsGap.length)
        modal.info({
          title: 'Khoảng cách so với tiêu chuẩn vị trí việc làm',
          content: (
            <ul>
              {r.standardsGap.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          ),
        });
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status < 500 && err.status > 0) setError([err.message, ...err.issues.map((i) => i.message)].join(' — '));
      else notifyError(err);
    }
  };
  return (
    <Modal
      open
      title="Ghi nhận nhu cầu đào tạo, bồi dưỡng"
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      width={680}
    >
      <Typography.Paragraph type="secondary">
        Nhu cầu gắn với vị trí việc làm sau sắp xếp (Thông tư 01/2025/TT-BNV, Điều 7). Chọn một cán bộ để hệ thống đối chiếu trình độ với tiêu chuẩn vị trí việc làm
        của người đó.
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="need" initialValues={{ unitId: ownUnit, period: '2026-2030', kind: 'short_course', headcount: 1 }}>
        <Form.Item name="unitId" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
          <UnitTreeSelect aria-label="Đơn vị" />
        </Form.Item>
        <Form.Item name="personId" label="Cán bộ (để trống nếu là nhu cầu chung của đơn vị)">
          <Select
            allowClear
            showSearch={{ filterOption: false, onSearch: setQ }}
            aria-label="Cán bộ có nhu cầu"
            options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} (${p.code}) — ${p.unitName}` }))}
          />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 120px', gap: 12 }}>
          <Form.Item name="period" label="Giai đoạn">
            <Select options={NEED_PERIODS.map((p) => ({ value: p, label: NEED_PERIOD_LABELS[p] }))} />
          </Form.Item>
          <Form.Item name="kind" label="Loại hình cần">
            <Select options={COURSE_KINDS.map((k) => ({ value: k, label: COURSE_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="headcount" label="Số người">
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="fields" label="Lĩnh vực ưu tiên" rules={[{ required: true, message: 'Chọn ít nhất một lĩnh vực' }]}>
          <Select mode="multiple" aria-label="Lĩnh vực ưu tiên" options={(plan.data?.params.priorityFields ?? []).map((f) => ({ value: f, label: f }))} />
        </Form.Item>
        <Form.Item name="description" label="Nội dung cần đào tạo, bồi dưỡng" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Training needs of the units and people in scope, with the gap against the post's standards. */
export function NeedsTab({ canRecord }: { canRecord: boolean }) {
  const needs = useNeeds();
  const [adding, setAdding] = useState(false);
  const columns: ColumnsType<TrainingNeed> = [
    {
      title: 'Đơn vị, cán bộ',
      key: 'who',
      render: (_, n) => (
        <>
          <Typography.Text strong>{n.personName ?? '(cả đơn vị)'}</Typography.Text>
          <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.6)' }}>
            {n.unitName}
            {n.jobPostTitle ? ` · ${n.jobPostTitle}` : ''}
          </div>
        </>
      ),
    },
    {
      title: 'Nội dung',
      key: 'what',
      render: (_, n) => (
        <>
          {n.description}
          <div>
            {n.fields.map((f) => (
              <Tag key={f} color="blue">
                {f}
              </Tag>
            ))}
          </div>
        </>
      ),
    },
    {
      title: 'Loại hình, giai đoạn',
      key: 'kind',
      width: 170,
      render: (_, n) => (
        <>
          {COURSE_KIND_LABELS[n.kind]}
          <br />
          {NEED_PERIOD_LABELS[n.period]}
          {n.headcount > 1 ? ` · ${n.headcount} người` : ''}
        </>
      ),
    },
    {
      title: 'Khoảng cách so với tiêu chuẩn',
      key: 'gap',
      render: (_, n) =>
        n.standardsGap.length ? (
          <ul style={{ margin: 0, paddingLeft: 16, fontSize: 12 }}>
            {n.standardsGap.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        ) : (
          '—'
        ),
    },
    {
      title: 'Tình trạng',
      dataIndex: 'status',
      width: 120,
      render: (s: string) => <Tag color={s === 'met' ? 'green' : s === 'planned' ? 'blue' : 'default'}>{NEED_STATUS_LABELS[s as NeedStatus] ?? s}</Tag>,
    },
  ];
  return (
    <>
      {canRecord && (
        <Space style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            Ghi nhận nhu cầu
          </Button>
        </Space>
      )}
      <Table<TrainingNeed>
        data-testid="need-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={needs.data ?? []}
        loading={needs.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
      />
      {adding && <NeedModal onClose={() => setAdding(false)} />}
    </>
  );
}
