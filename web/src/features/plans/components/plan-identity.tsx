import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Form, Input, Modal, Space, Tag, Typography, Upload } from 'antd';
import { EditOutlined, FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import type dayjs from 'dayjs';
import { planTemplate } from '../../../../../common/plan-templates';
import { ApiError } from '../../../api/errors';
import type { PlanSummary } from '../../../api/types';
import { notifyError } from '../../../app/notify';
import { DownloadButton } from '../../../shared/components/download-button';
import { DATE_INPUT_FORMAT, formatDate, formatNumber, fromIsoDate, toIsoDate } from '../../../shared/format';
import { downloadPlanDocument, useUpdatePlan, useUploadPlanDocument } from '../hooks/use-plans';

/** What the server accepts as the plan's text; it checks the bytes themselves too. */
const ACCEPT = '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MAX_MB = 20;

/** The status of a plan against today: in force, not yet in force, or replaced by a later one. */
export function PlanStatusTag({ plan, today }: { plan: PlanSummary; today: string }) {
  if (plan.inForce) return <Tag color="green">Đang áp dụng</Tag>;
  if (plan.effectiveFrom && plan.effectiveFrom > today) return <Tag color="blue">Chưa có hiệu lực</Tag>;
  return <Tag>Đã được thay thế</Tag>;
}

/**
 * A plan's identity as issued (number, issuing body, dates, template it started from) and its text: download for
 * everyone who reads plans; for Sở Nội vụ, correct the identity and attach or replace the text.
 */
export function PlanIdentity({ plan, canManage, today }: { plan: PlanSummary; canManage: boolean; today: string }) {
  const [editing, setEditing] = useState(false);
  const upload = useUploadPlanDocument();
  const { message } = App.useApp();
  const template = plan.template ? planTemplate(plan.template) : undefined;

  const beforeUpload = (file: File) => {
    if (file.size > MAX_MB * 1024 * 1024) {
      message.error(`Tệp vượt quá ${MAX_MB} MB`);
      return Upload.LIST_IGNORE;
    }
    upload.mutate(
      { id: plan.id, file },
      {
        onSuccess: () => message.success(`Đã đính kèm văn bản “${file.name}”`),
        onError: (err) => notifyError(err instanceof ApiError && err.issues[0] ? new Error(err.issues[0].message) : err),
      },
    );
    return false;
  };

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {plan.title}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        data-testid="plan-identity"
        items={[
          {
            key: 'code',
            label: 'Số, ký hiệu',
            children: (
              <Space size={4} wrap>
                {plan.code}
                <PlanStatusTag plan={plan} today={today} />
              </Space>
            ),
          },
          { key: 'issuedBy', label: 'Cơ quan ban hành', children: plan.issuedBy },
          { key: 'issuedOn', label: 'Ngày ban hành', children: formatDate(plan.issuedOn) },
          { key: 'effectiveFrom', label: 'Có hiệu lực từ', children: formatDate(plan.effectiveFrom) },
          ...(template ? [{ key: 'template', label: 'Lập từ mẫu', children: template.label }] : []),
          {
            key: 'document',
            label: 'Văn bản kế hoạch',
            children: plan.document ? (
              <DownloadButton size="small" download={() => downloadPlanDocument(plan.id, plan.document!.name)} data-testid="plan-document-download">
                {plan.document.name} ({formatNumber(Math.max(1, Math.round(plan.document.size / 1024)))} KB)
              </DownloadButton>
            ) : (
              <Typography.Text type="secondary">Chưa đính kèm</Typography.Text>
            ),
          },
        ]}
      />
      {canManage && (
        <Space wrap style={{ marginTop: 12 }}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-plan-identity">
            Sửa thông tin kế hoạch
          </Button>
          <Upload accept={ACCEPT} showUploadList={false} beforeUpload={beforeUpload} maxCount={1}>
            <Button icon={plan.document ? <FileTextOutlined /> : <UploadOutlined />} loading={upload.isPending} data-testid="plan-document-upload">
              {plan.document ? 'Thay văn bản kế hoạch' : 'Đính kèm văn bản kế hoạch'}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            PDF hoặc Word (.docx), tối đa {MAX_MB} MB
          </Typography.Text>
        </Space>
      )}
      {editing && <IdentityModal plan={plan} onClose={() => setEditing(false)} />}
    </>
  );
}

interface IdentityValues {
  code: string;
  title: string;
  issuedBy: string;
  issuedOn: dayjs.Dayjs | null;
}

const IDENTITY_FIELDS = ['code', 'title', 'issuedBy', 'issuedOn'] as const;

/** Corrects the number, title, issuing body or date of issue; the parameters change by versions only. */
function IdentityModal({ plan, onClose }: { plan: PlanSummary; onClose(): void }) {
  const [form] = Form.useForm<IdentityValues>();
  const update = useUpdatePlan();
  const { message } = App.useApp();
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await update.mutateAsync({ id: plan.id, body: { code: v.code.trim(), title: v.title.trim(), issuedBy: v.issuedBy.trim(), issuedOn: toIsoDate(v.issuedOn)! } });
      message.success('Đã lưu thông tin kế hoạch');
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.issues.length) {
        form.setFields(
          err.issues.flatMap((i) => {
            const name = IDENTITY_FIELDS.find((f) => f === i.path);
            return name ? [{ name, errors: [i.message] }] : [];
          }),
        );
        message.error(err.message);
      } else notifyError(err);
    }
  };
  return (
    <Modal
      open
      title={`Sửa thông tin Kế hoạch ${plan.code}`}
      okText="Lưu"
      cancelText="Hủy"
      onOk={save}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ code: plan.code, title: plan.title, issuedBy: plan.issuedBy, issuedOn: fromIsoDate(plan.issuedOn) }}
        name="plan-identity"
      >
        <Form.Item name="code" label="Số, ký hiệu" rules={[{ required: true, whitespace: true, message: 'Nhập số, ký hiệu' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="title" label="Tên kế hoạch (trích yếu)" rules={[{ required: true, whitespace: true, message: 'Nhập tên kế hoạch' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="issuedBy" label="Cơ quan ban hành" rules={[{ required: true, whitespace: true, message: 'Nhập cơ quan ban hành' }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="issuedOn" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày ban hành' }]}>
          <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
