import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type dayjs from 'dayjs';
import { ApiError, type ApiIssue } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, toIsoDate } from '../../../shared/format';
import { applyIssues } from '../../cadres/components/field-form';
import { useInspectableUnits, useRecordInspection } from '../hooks/use-inspections';

interface Values {
  unitId: string;
  fromOn: dayjs.Dayjs;
  toOn: dayjs.Dayjs;
  members?: string;
  subject: string;
  findings: string;
  recommendations?: { text: string; deadline: dayjs.Dayjs }[];
  conclusionNo?: string;
  concludedOn?: dayjs.Dayjs | null;
}
const FIELDS = ['unitId', 'fromOn', 'toOn', 'members', 'subject', 'findings', 'recommendations', 'conclusionNo', 'concludedOn'].map((name) => ({ name }));

/**
 * Mounted while open: Sở Nội vụ records an inspection of a unit or commune — when, who took part (one per line), what
 * it found, its recommendations with their deadlines, and, once concluded, the conclusion's number and date.
 */
export function InspectionFormModal({ onClose, onSaved }: { onClose(): void; onSaved(id: string): void }) {
  const [form] = Form.useForm<Values>();
  const record = useRecordInspection();
  const units = useInspectableUnits(true);
  const { message } = App.useApp();
  const [other, setOther] = useState<ApiIssue[]>([]);
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setOther([]);
    try {
      const r = await record.mutateAsync({
        unitId: v.unitId,
        fromOn: toIsoDate(v.fromOn)!,
        toOn: toIsoDate(v.toOn)!,
        members: (v.members ?? '')
          .split('\n')
          .map((m) => m.trim())
          .filter(Boolean),
        subject: v.subject.trim(),
        findings: v.findings.trim(),
        recommendations: (v.recommendations ?? []).map((x) => ({ text: x.text.trim(), deadline: toIsoDate(x.deadline)! })),
        conclusionNo: v.conclusionNo?.trim() || null,
        concludedOn: toIsoDate(v.concludedOn ?? null),
      });
      message.success(r.status === 'concluded' ? 'Đã ghi nhận cuộc kiểm tra và gửi kiến nghị đến đơn vị' : 'Đã lưu cuộc kiểm tra (chưa kết luận)');
      onSaved(r.id);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        setOther(applyIssues(form, FIELDS, err.issues));
        message.error(err.message);
      } else notifyError(err);
    }
  };
  return (
    <Modal open title="Ghi nhận cuộc kiểm tra" onCancel={onClose} onOk={save} okText="Lưu" cancelText="Hủy" confirmLoading={record.isPending} width={760}>
      {other.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={other.map((i) => i.message).join('; ')} />}
      <Form form={form} name="inspection" layout="vertical" disabled={record.isPending} initialValues={{ recommendations: [{}] }}>
        <Form.Item name="unitId" label="Đơn vị, xã, phường được kiểm tra" rules={[{ required: true, message: 'Chọn đơn vị được kiểm tra' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="Chọn đơn vị"
            loading={units.isLoading}
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="fromOn" label="Từ ngày" rules={[{ required: true, message: 'Chọn ngày bắt đầu kiểm tra' }]}>
              <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="toOn" label="Đến ngày" rules={[{ required: true, message: 'Chọn ngày kết thúc kiểm tra' }]}>
              <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="subject" label="Nội dung kiểm tra" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung kiểm tra' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="members" label="Thành phần đoàn kiểm tra" extra="Mỗi người một dòng (họ tên, chức vụ).">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="findings" label="Kết quả kiểm tra" rules={[{ required: true, whitespace: true, message: 'Nhập kết quả kiểm tra' }]}>
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
        <Typography.Title level={5}>Kiến nghị</Typography.Title>
        <Form.List name="recommendations">
          {(items, { add, remove }) => (
            <>
              {items.map((item, k) => (
                <Row key={item.key} gutter={8} align="top">
                  <Col xs={24} sm={14}>
                    <Form.Item
                      name={[item.name, 'text']}
                      label={`Kiến nghị ${k + 1}`}
                      rules={[{ required: true, whitespace: true, message: 'Nhập nội dung kiến nghị' }]}
                    >
                      <Input.TextArea rows={2} maxLength={4000} />
                    </Form.Item>
                  </Col>
                  <Col xs={18} sm={8}>
                    <Form.Item name={[item.name, 'deadline']} label="Hạn thực hiện" rules={[{ required: true, message: 'Chọn hạn thực hiện' }]}>
                      <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={6} sm={2} style={{ paddingTop: 30 }}>
                    <Button icon={<DeleteOutlined />} aria-label={`Bỏ kiến nghị ${k + 1}`} onClick={() => remove(item.name)} />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
                Thêm kiến nghị
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>Kết luận kiểm tra</Typography.Title>
        <Typography.Paragraph type="secondary">Nhập số và ngày văn bản kết luận để gửi các kiến nghị đến đơn vị; để trống nếu chưa kết luận.</Typography.Paragraph>
        <Space wrap>
          <Form.Item name="conclusionNo" label="Số văn bản kết luận">
            <Input maxLength={50} placeholder="Ví dụ: 15/KL-SNV" />
          </Form.Item>
          <Form.Item name="concludedOn" label="Ngày kết luận">
            <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
