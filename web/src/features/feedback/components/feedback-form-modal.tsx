import { useMemo, useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { FEEDBACK_KINDS, FEEDBACK_KIND_LABELS, SECONDMENT_STATUS_LABELS, type FeedbackKind } from '../../../../../common/secondment';
import { ApiError, type ApiIssue } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { formatDate } from '../../../shared/format';
import { accentInsensitiveSearch } from '../../../shared/select-search';
import { applyIssues } from '../../cadres/components/field-form';
import { BODY_MAX, SUBJECT_MAX, type FeedbackDetail } from '../hooks/feedback-types';
import { useLinkableSecondments, useRaiseFeedback } from '../hooks/use-feedback';
import { useProvince } from '../../../shared/hooks/use-province';

interface Values {
  kind: FeedbackKind;
  subject: string;
  body: string;
  secondmentId?: string;
}

const FIELDS = [{ name: 'kind' }, { name: 'subject' }, { name: 'body' }, { name: 'secondmentId' }];
const LABELS: Record<string, string> = { kind: 'Loại', subject: 'Tiêu đề', body: 'Nội dung', secondmentId: 'Cán bộ tăng cường liên quan', unitId: 'Đơn vị gửi' };

/**
 * Mounted while open. A sending unit or a host commune sends Sở Nội vụ a difficulty met in carrying out the plan
 * or a proposal to amend it (Plan 131, closing paragraph), optionally about one of its secondments.
 */
export function FeedbackFormModal({ onClose, onSent }: { onClose(): void; onSent(item: FeedbackDetail): void }) {
  const [form] = Form.useForm<Values>();
  const raise = useRaiseFeedback();
  const province = useProvince();
  const secondments = useLinkableSecondments(true);
  const { message } = App.useApp();
  const [otherIssues, setOtherIssues] = useState<ApiIssue[]>([]);
  const options = useMemo(
    () =>
      (secondments.data ?? []).map((s) => ({
        value: s.id,
        label: `${s.personName} (${s.personCode}) — ${s.hostUnitName ?? 'chưa có nơi đến'}`,
        title: `${SECONDMENT_STATUS_LABELS[s.status]}${s.startDate ? `, từ ${formatDate(s.startDate)}` : ''}${s.endDate ? ` đến ${formatDate(s.endDate)}` : ''}`,
      })),
    [secondments.data],
  );

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setOtherIssues([]);
    try {
      const item = await raise.mutateAsync({ kind: v.kind, subject: v.subject.trim(), body: v.body.trim(), secondmentId: v.secondmentId ?? null });
      message.success('Đã gửi kiến nghị đến Sở Nội vụ');
      onSent(item);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        setOtherIssues(applyIssues(form, FIELDS, err.issues));
        message.error(err.message);
      } else notifyError(err);
    }
  };

  return (
    <Modal open title="Gửi kiến nghị, đề xuất" okText="Gửi kiến nghị" cancelText="Hủy" onOk={submit} onCancel={onClose} confirmLoading={raise.isPending} width={720}>
      <Typography.Paragraph type="secondary">
        Phản ánh khó khăn, vướng mắc trong quá trình thực hiện hoặc đề xuất sửa đổi, bổ sung {province.plan} để Sở Nội vụ tổng hợp, trả lời hoặc báo cáo{' '}
        {province.committee} xem xét, quyết định.
      </Typography.Paragraph>
      {otherIssues.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={otherIssues.map((i) => `${LABELS[i.path] ?? i.path}: ${i.message}`).join('; ')} />
      )}
      <Form form={form} name="feedback" layout="vertical" initialValues={{ kind: 'difficulty' }} disabled={raise.isPending}>
        <Form.Item name="kind" label="Loại" rules={[{ required: true, message: 'Chọn loại kiến nghị' }]}>
          <Radio.Group aria-label="Loại" options={FEEDBACK_KINDS.map((k) => ({ value: k, label: FEEDBACK_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item
          name="subject"
          label="Tiêu đề"
          rules={[
            { required: true, whitespace: true, message: 'Nhập tiêu đề' },
            { max: SUBJECT_MAX, message: `Tối đa ${SUBJECT_MAX} ký tự` },
          ]}
        >
          <Input maxLength={SUBJECT_MAX} showCount placeholder="Tóm tắt nội dung kiến nghị" />
        </Form.Item>
        <Form.Item
          name="body"
          label="Nội dung"
          rules={[
            { required: true, whitespace: true, message: 'Nhập nội dung kiến nghị' },
            { max: BODY_MAX, message: `Tối đa ${BODY_MAX.toLocaleString('vi-VN')} ký tự` },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 5, maxRows: 14 }}
            maxLength={BODY_MAX}
            showCount
            placeholder="Nêu rõ khó khăn, vướng mắc hoặc nội dung đề xuất và lý do"
          />
        </Form.Item>
        <Form.Item name="secondmentId" label="Cán bộ tăng cường liên quan (nếu có)">
          <Select
            allowClear
            showSearch={accentInsensitiveSearch}
            loading={secondments.isLoading}
            placeholder={options.length ? 'Chọn cán bộ' : 'Đơn vị chưa có cán bộ tăng cường'}
            disabled={!options.length}
            options={options}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
