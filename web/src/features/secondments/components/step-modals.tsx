import { useState } from 'react';
import { DatePicker, Form, Input, Typography } from 'antd';
import dayjs from 'dayjs';
import { SECONDMENT_ACTION_LABELS } from '../../../../../common/secondment';
import { DATE_INPUT_FORMAT, toIsoDate } from '../../../shared/format';
import type { SecondmentDetail } from '../hooks/secondment-api';
import { secondmentApi } from '../hooks/secondment-api';
import { useSecondmentStep } from '../hooks/use-secondments';
import { ActionModal } from './action-modal';
import { PROPOSAL_LABELS, ProposalFields, proposalBody, type ProposalValues } from './proposal-fields';

/** What every action modal is given. */
export interface ModalProps {
  record: SecondmentDetail;
  onClose(): void;
  /** The record changed in between: read it again. */
  onStale(): void;
}

const dateRule = (message: string) => [{ required: true, message }];
const textRules = (message: string, max = 2000) => [
  { required: true, whitespace: true, message },
  { max, message: `Tối đa ${max.toLocaleString('vi-VN')} ký tự` },
];

/** The sending unit revises a proposal sent back and submits it again. */
export function ResubmitModal({ record, onClose, onStale }: ModalProps) {
  const [form] = Form.useForm<ProposalValues & { note?: string }>();
  const step = useSecondmentStep();
  const justificationNeeded = record.proposalVerdict ? record.proposalVerdict.verdict !== 'eligible' : record.eligibleAtProposal === false;
  return (
    <ActionModal
      action="resubmit"
      title={`${SECONDMENT_ACTION_LABELS.resubmit}: ${record.person.fullName}`}
      okText="Gửi lại đề xuất"
      form={form}
      initialValues={{
        targetGroup: (record.targetGroup ?? undefined) as 1 | 2 | 3 | undefined,
        remarks: record.remarks ?? '',
        suggestedHostUnitId: record.hostUnit?.id ?? undefined,
        suggestedRole: record.suggestedRole ?? '',
        justification: record.justification ?? '',
      }}
      submit={(v) =>
        step.mutateAsync(() => secondmentApi.resubmit(record.id, { ...proposalBody(v, justificationNeeded), version: record.version, note: v.note?.trim() || null }))
      }
      successText="Đã gửi lại đề xuất"
      onClose={onClose}
      onStale={onStale}
      labels={PROPOSAL_LABELS}
      width={720}
    >
      <ProposalFields justificationNeeded={justificationNeeded} />
      <Form.Item name="note" label="Nội dung đã bổ sung, giải trình" rules={[{ max: 2000, message: 'Tối đa 2.000 ký tự' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </ActionModal>
  );
}

const REASON_TEXTS = {
  withdraw: { ok: 'Rút đề xuất', label: 'Lý do rút đề xuất', done: 'Đã rút đề xuất', danger: true },
  send_back: { ok: 'Trả lại đề xuất', label: 'Lý do trả lại, nội dung cần bổ sung', done: 'Đã trả lại đề xuất cho đơn vị', danger: true },
  reject: { ok: 'Không cử', label: 'Lý do không cử', done: 'Đã ghi nhận không cử cán bộ', danger: true },
} as const;

const REASON_CALLS = { withdraw: secondmentApi.withdraw, send_back: secondmentApi.sendBack, reject: secondmentApi.reject };

/** Withdraw, send back or reject: each needs its reason. */
export function ReasonModal({ record, onClose, onStale, action }: ModalProps & { action: keyof typeof REASON_TEXTS }) {
  const [form] = Form.useForm<{ reason?: string }>();
  const step = useSecondmentStep();
  const t = REASON_TEXTS[action];
  return (
    <ActionModal
      action={action}
      title={`${SECONDMENT_ACTION_LABELS[action]}: ${record.person.fullName}`}
      okText={t.ok}
      danger={t.danger}
      form={form}
      submit={(v) => step.mutateAsync(() => REASON_CALLS[action](record.id, { version: record.version, reason: (v.reason ?? '').trim() }))}
      successText={t.done}
      onClose={onClose}
      onStale={onStale}
      labels={{ reason: t.label }}
    >
      <Form.Item name="reason" label={t.label} rules={textRules(`Nhập ${t.label.toLowerCase()}`)}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid={`${action}-reason`} />
      </Form.Item>
    </ActionModal>
  );
}

/**
 * Sở Nội vụ appraises and forwards to the authority. The server checks eligibility and the unit's quota again;
 * when either fails it answers 422 naming overrideReason, and the field appears with the server's message.
 */
export function ForwardModal({ record, onClose, onStale }: ModalProps) {
  const [form] = Form.useForm<{ note?: string; overrideReason?: string }>();
  const step = useSecondmentStep();
  const [needsOverride, setNeedsOverride] = useState(record.proposalVerdict ? record.proposalVerdict.verdict !== 'eligible' : false);
  // once the API has said the re-check fails (422 on overrideReason), the reason is required
  const [overrideRequired, setOverrideRequired] = useState(false);
  return (
    <ActionModal
      action="forward"
      title={`${SECONDMENT_ACTION_LABELS.forward}: ${record.person.fullName}`}
      okText="Trình quyết định"
      form={form}
      submit={(v) =>
        step.mutateAsync(() =>
          secondmentApi.forward(record.id, { version: record.version, note: v.note?.trim() || null, overrideReason: v.overrideReason?.trim() || null }),
        )
      }
      successText="Đã thẩm định và trình quyết định"
      onClose={onClose}
      onStale={onStale}
      onIssues={(issues) => {
        if (!issues.some((i) => i.path === 'overrideReason')) return;
        setNeedsOverride(true);
        setOverrideRequired(true);
      }}
      labels={{ note: 'Ý kiến thẩm định', overrideReason: 'Lý do vẫn trình' }}
    >
      <Typography.Paragraph type="secondary">
        Khi trình, hệ thống kiểm tra lại điều kiện của cán bộ và chỉ tiêu của đơn vị theo kế hoạch đang áp dụng.
      </Typography.Paragraph>
      <Form.Item name="note" label="Ý kiến thẩm định" rules={[{ max: 2000, message: 'Tối đa 2.000 ký tự' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="overrideReason"
        label="Lý do vẫn trình (cán bộ chưa đủ điều kiện hoặc đơn vị vượt chỉ tiêu)"
        hidden={!needsOverride}
        rules={
          needsOverride
            ? [
                { required: overrideRequired, whitespace: true, message: 'Ghi rõ lý do vẫn trình quyết định' },
                { max: 2000, message: 'Tối đa 2.000 ký tự' },
              ]
            : []
        }
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="forward-override-reason" />
      </Form.Item>
    </ActionModal>
  );
}

/** The host commune confirms reception: date received, start date, assigned work and role. */
export function ReceiveModal({ record, onClose, onStale }: ModalProps) {
  const [form] = Form.useForm<{ receivedOn?: dayjs.Dayjs; startDate?: dayjs.Dayjs; assignedWork?: string; hostRole?: string }>();
  const step = useSecondmentStep();
  return (
    <ActionModal
      action="receive"
      title={`${SECONDMENT_ACTION_LABELS.receive}: ${record.person.fullName}`}
      okText="Xác nhận tiếp nhận"
      form={form}
      initialValues={{ receivedOn: dayjs(), startDate: record.startDate ? dayjs(record.startDate) : dayjs() }}
      submit={(v) =>
        step.mutateAsync(() =>
          secondmentApi.receive(record.id, {
            version: record.version,
            receivedOn: toIsoDate(v.receivedOn)!,
            startDate: toIsoDate(v.startDate)!,
            assignedWork: (v.assignedWork ?? '').trim(),
            hostRole: (v.hostRole ?? '').trim(),
          }),
        )
      }
      successText="Đã xác nhận tiếp nhận cán bộ"
      onClose={onClose}
      onStale={onStale}
      labels={{
        receivedOn: 'Ngày tiếp nhận',
        startDate: 'Ngày bắt đầu công tác',
        assignedWork: 'Công việc được phân công',
        hostRole: 'Chức vụ, chức danh tại cơ sở',
      }}
    >
      <Form.Item name="receivedOn" label="Ngày tiếp nhận" rules={dateRule('Chọn ngày tiếp nhận')}>
        <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="startDate" label="Ngày bắt đầu công tác tại cơ sở" rules={dateRule('Chọn ngày bắt đầu')} extra="Thời gian tăng cường tính từ ngày này.">
        <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="hostRole" label="Chức vụ, chức danh tại cơ sở" rules={textRules('Nhập chức vụ, chức danh được bố trí', 200)}>
        <Input maxLength={200} data-testid="receive-host-role" />
      </Form.Item>
      <Form.Item name="assignedWork" label="Công việc được phân công" rules={textRules('Nhập công việc được phân công')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="receive-assigned-work" />
      </Form.Item>
    </ActionModal>
  );
}

/** Records that the secondment's term is over (normally the daily job does it on the end date). */
export function CompleteModal({ record, onClose, onStale }: ModalProps) {
  const [form] = Form.useForm<{ note?: string }>();
  const step = useSecondmentStep();
  return (
    <ActionModal
      action="complete"
      title={`${SECONDMENT_ACTION_LABELS.complete}: ${record.person.fullName}`}
      okText="Ghi nhận hết thời hạn"
      form={form}
      submit={(v) => step.mutateAsync(() => secondmentApi.complete(record.id, { version: record.version, note: v.note?.trim() || null }))}
      successText="Đã ghi nhận hết thời hạn tăng cường"
      onClose={onClose}
      onStale={onStale}
      labels={{ note: 'Ghi chú' }}
    >
      <Typography.Paragraph type="secondary">
        Sau khi ghi nhận, đơn vị cử tiếp nhận cán bộ trở lại và bố trí công tác không thấp hơn vị trí được bảo lưu.
      </Typography.Paragraph>
      <Form.Item name="note" label="Ghi chú" rules={[{ max: 2000, message: 'Tối đa 2.000 ký tự' }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </ActionModal>
  );
}
