import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type dayjs from 'dayjs';
import type { GuidanceDocument } from '../../../api/types';
import { ApiError, type ApiIssue } from '../../../api/errors';
import { useAuth } from '../../../app/auth-context';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, formatDate, toIsoDate } from '../../../shared/format';
import { applyIssues } from '../../cadres/components/field-form';
import { useGuidance, useInspectableUnits, useIssueGuidance } from '../hooks/use-inspections';

interface GuidanceValues {
  number: string;
  issuedOn: dayjs.Dayjs;
  title: string;
  summary?: string;
  unitIds?: string[];
  issuedBy?: string;
}
const FIELDS = ['number', 'issuedOn', 'title', 'summary', 'unitIds', 'issuedBy'].map((name) => ({ name }));

/** Mounted while open: Sở Nội vụ records a guidance document it has issued, to some units or to all. */
function GuidanceFormModal({ onClose }: { onClose(): void }) {
  const [form] = Form.useForm<GuidanceValues>();
  const issue = useIssueGuidance();
  const units = useInspectableUnits(true);
  const { message } = App.useApp();
  const [other, setOther] = useState<ApiIssue[]>([]);
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setOther([]);
    try {
      await issue.mutateAsync({
        number: v.number.trim(),
        issuedOn: toIsoDate(v.issuedOn)!,
        title: v.title.trim(),
        summary: v.summary?.trim() || null,
        unitIds: v.unitIds ?? [],
        issuedBy: v.issuedBy?.trim() || null,
      });
      message.success('Đã ghi nhận văn bản hướng dẫn');
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        setOther(applyIssues(form, FIELDS, err.issues));
        message.error(err.message);
      } else notifyError(err);
    }
  };
  return (
    <Modal open title="Ghi nhận văn bản hướng dẫn" onCancel={onClose} onOk={save} okText="Lưu" cancelText="Hủy" confirmLoading={issue.isPending} width={640}>
      {other.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={other.map((i) => i.message).join('; ')} />}
      <Form form={form} name="guidance" layout="vertical" disabled={issue.isPending}>
        <Form.Item name="number" label="Số, ký hiệu" rules={[{ required: true, whitespace: true, message: 'Nhập số, ký hiệu văn bản' }]}>
          <Input maxLength={50} placeholder="Ví dụ: 123/HD-SNV" />
        </Form.Item>
        <Form.Item name="issuedOn" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày ban hành' }]}>
          <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label="Trích yếu" rules={[{ required: true, whitespace: true, message: 'Nhập trích yếu văn bản' }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="summary" label="Nội dung chính">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="unitIds" label="Nơi nhận" extra="Để trống: gửi tất cả các đơn vị, xã, phường.">
          <Select
            mode="multiple"
            allowClear
            placeholder="Tất cả các đơn vị"
            loading={units.isLoading}
            optionFilterProp="label"
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="issuedBy" label="Cơ quan ban hành" extra="Để trống: Sở Nội vụ.">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The guidance documents of Sở Nội vụ the user may read, newest first; Sở Nội vụ adds one. */
export function GuidanceTab() {
  const { may } = useAuth();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useGuidance(page, pageSize);
  const [open, setOpen] = useState(false);
  const columns: ColumnsType<GuidanceDocument> = [
    { title: 'Số, ký hiệu', dataIndex: 'number', width: 150 },
    { title: 'Ngày ban hành', dataIndex: 'issuedOn', width: 130, render: (d: string) => formatDate(d) },
    {
      title: 'Trích yếu',
      dataIndex: 'title',
      render: (title: string, g) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{title}</Typography.Text>
          <Typography.Text type="secondary">{g.units.length ? `Gửi: ${g.units.map((u) => u.name).join(', ')}` : 'Gửi: tất cả các đơn vị'}</Typography.Text>
        </Space>
      ),
    },
  ];
  return (
    <>
      {may('issueGuidance') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }} data-testid="add-guidance">
          Thêm văn bản hướng dẫn
        </Button>
      )}
      <Table<GuidanceDocument>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 520 }}
        locale={{ emptyText: 'Chưa có văn bản hướng dẫn' }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
      />
      {open && <GuidanceFormModal onClose={() => setOpen(false)} />}
    </>
  );
}
