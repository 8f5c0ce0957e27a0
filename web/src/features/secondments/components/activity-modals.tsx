import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  CONTACT_CHANNELS,
  CONTACT_CHANNEL_LABELS,
  REPORT_KIND_LABELS,
  SECONDMENT_DEADLINES,
  type ContactChannel,
  type ReportKind,
} from '../../../../../common/secondment';
import { DATE_INPUT_FORMAT, formatDate, toIsoDate } from '../../../shared/format';
import { useReference } from '../../../shared/hooks/use-reference';
import type { SecondmentReport } from '../hooks/secondment-api';
import { secondmentApi } from '../hooks/secondment-api';
import { useSecondmentStep } from '../hooks/use-secondments';
import { ActionModal } from './action-modal';
import { ACTIVITY_LABELS } from './secondment-labels';
import type { ModalProps } from './step-modals';

const optionalRule = (max: number) => [{ max, message: `Tối đa ${max.toLocaleString('vi-VN')} ký tự` }];
const requiredRules = (message: string, max: number) => [{ required: true, whitespace: true, message }, ...optionalRule(max)];
const trimOrNull = (s?: string) => s?.trim() || null;

/** The period or request a report answers, for titles. */
export function reportTitle(r: SecondmentReport) {
  const kind = REPORT_KIND_LABELS[r.kind as ReportKind] ?? r.kind;
  if (r.kind === 'periodic' && r.periodFrom && r.periodTo) return `${kind} kỳ ${r.periodNo ?? ''} (${formatDate(r.periodFrom)} – ${formatDate(r.periodTo)})`;
  return `${kind} hạn ${formatDate(r.dueOn)}`;
}

/** The cadre submits one due report: results, difficulties and proposals. */
export function SubmitReportModal({ record, report, onClose, onStale }: ModalProps & { report: SecondmentReport }) {
  const [form] = Form.useForm<{ results?: string; difficulties?: string; proposals?: string }>();
  const step = useSecondmentStep();
  return (
    <ActionModal
      action="submit_report"
      title={`${ACTIVITY_LABELS.submit_report}: ${reportTitle(report)}`}
      okText="Nộp báo cáo"
      form={form}
      submit={(v) =>
        step.mutateAsync(() =>
          secondmentApi.submitReport(record.id, report.id, {
            version: report.version,
            results: (v.results ?? '').trim(),
            difficulties: trimOrNull(v.difficulties),
            proposals: trimOrNull(v.proposals),
          }),
        )
      }
      successText="Đã nộp báo cáo"
      onClose={onClose}
      onStale={onStale}
      labels={{ results: 'Kết quả thực hiện nhiệm vụ', difficulties: 'Khó khăn, vướng mắc', proposals: 'Đề xuất, kiến nghị' }}
      width={760}
    >
      {report.requestNote && <Typography.Paragraph type="secondary">Nội dung yêu cầu: {report.requestNote}</Typography.Paragraph>}
      <Form.Item name="results" label="Kết quả thực hiện nhiệm vụ" rules={requiredRules('Nhập kết quả thực hiện nhiệm vụ', 8000)}>
        <Input.TextArea autoSize={{ minRows: 5, maxRows: 12 }} maxLength={8000} data-testid="report-results" />
      </Form.Item>
      <Form.Item name="difficulties" label="Khó khăn, vướng mắc" rules={optionalRule(4000)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="proposals" label="Đề xuất, kiến nghị" rules={optionalRule(4000)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
    </ActionModal>
  );
}

/** Sở Nội vụ or the host asks the cadre for an ad-hoc report by a date. */
export function RequestReportModal({ record, onClose, onStale }: ModalProps) {
  const [form] = Form.useForm<{ dueOn?: dayjs.Dayjs; note?: string }>();
  const step = useSecondmentStep();
  return (
    <ActionModal
      action="request_report"
      title={`${ACTIVITY_LABELS.request_report}: ${record.person.fullName}`}
      okText="Gửi yêu cầu"
      form={form}
      initialValues={{ dueOn: dayjs().add(SECONDMENT_DEADLINES.adhocReportDays, 'day') }}
      submit={(v) => step.mutateAsync(() => secondmentApi.requestReport(record.id, { dueOn: toIsoDate(v.dueOn)!, note: (v.note ?? '').trim() }))}
      successText="Đã gửi yêu cầu báo cáo đột xuất"
      onClose={onClose}
      onStale={onStale}
      labels={{ dueOn: 'Hạn báo cáo', note: 'Nội dung yêu cầu' }}
    >
      <Form.Item name="dueOn" label="Hạn báo cáo" rules={[{ required: true, message: 'Chọn hạn báo cáo' }]}>
        <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="note" label="Nội dung yêu cầu" rules={requiredRules('Nhập nội dung cần báo cáo', 2000)}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="request-report-note" />
      </Form.Item>
    </ActionModal>
  );
}

/** The host commune evaluates the cadre for a year and proposes a rating and how to use them afterwards. */
export function EvaluateModal({ record, onClose, onStale }: ModalProps) {
  const [form] = Form.useForm<{
    year?: number;
    evaluatedOn?: dayjs.Dayjs;
    proposedRating?: string;
    strengths?: string;
    weaknesses?: string;
    usageProposal?: string;
  }>();
  const step = useSecondmentStep();
  const reference = useReference();
  const today = dayjs().format('YYYY-MM-DD');
  const ratings = (reference.data?.ratingLevels ?? []).filter((l) => (!l.effectiveFrom || l.effectiveFrom <= today) && (!l.effectiveTo || l.effectiveTo >= today));
  return (
    <ActionModal
      action="evaluate"
      title={`${ACTIVITY_LABELS.evaluate}: ${record.person.fullName}`}
      okText="Lưu nhận xét, đánh giá"
      form={form}
      initialValues={{ year: dayjs().year(), evaluatedOn: dayjs() }}
      submit={(v) =>
        step.mutateAsync(() =>
          secondmentApi.evaluate(record.id, {
            year: v.year!,
            evaluatedOn: toIsoDate(v.evaluatedOn)!,
            proposedRating: v.proposedRating ?? '',
            strengths: trimOrNull(v.strengths),
            weaknesses: trimOrNull(v.weaknesses),
            usageProposal: trimOrNull(v.usageProposal),
          }),
        )
      }
      successText="Đã lưu nhận xét, đánh giá"
      onClose={onClose}
      onStale={onStale}
      labels={{
        year: 'Năm',
        evaluatedOn: 'Ngày đánh giá',
        proposedRating: 'Mức xếp loại đề xuất',
        strengths: 'Ưu điểm',
        weaknesses: 'Hạn chế',
        usageProposal: 'Đề xuất sử dụng sau tăng cường',
      }}
      width={720}
    >
      <Form.Item name="year" label="Năm đánh giá" rules={[{ required: true, message: 'Nhập năm đánh giá' }]}>
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="evaluatedOn" label="Ngày đánh giá" rules={[{ required: true, message: 'Chọn ngày đánh giá' }]}>
        <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="proposedRating" label="Mức xếp loại đề xuất" rules={[{ required: true, message: 'Chọn mức xếp loại đề xuất' }]}>
        <Select
          loading={reference.isLoading}
          placeholder="Chọn mức xếp loại"
          options={ratings.map((l) => ({ value: l.code, label: l.name }))}
          style={{ maxWidth: 360 }}
          data-testid="evaluate-rating"
        />
      </Form.Item>
      <Form.Item name="strengths" label="Ưu điểm" rules={optionalRule(4000)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="weaknesses" label="Hạn chế" rules={optionalRule(4000)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="usageProposal" label="Đề xuất sử dụng cán bộ sau tăng cường" rules={optionalRule(4000)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
    </ActionModal>
  );
}

/** The sending unit records a contact with its seconded cadre (IV.1.b: keep in regular contact). */
export function ContactModal({ record, onClose, onStale }: ModalProps) {
  const [form] = Form.useForm<{ contactedOn?: dayjs.Dayjs; channel?: ContactChannel; summary?: string; followUp?: string }>();
  const step = useSecondmentStep();
  return (
    <ActionModal
      action="log_contact"
      title={`${ACTIVITY_LABELS.log_contact}: ${record.person.fullName}`}
      okText="Lưu"
      form={form}
      initialValues={{ contactedOn: dayjs(), channel: 'phone' }}
      submit={(v) =>
        step.mutateAsync(() =>
          secondmentApi.logContact(record.id, {
            contactedOn: toIsoDate(v.contactedOn)!,
            channel: v.channel!,
            summary: (v.summary ?? '').trim(),
            followUp: trimOrNull(v.followUp),
          }),
        )
      }
      successText="Đã ghi nhận liên hệ"
      onClose={onClose}
      onStale={onStale}
      labels={{ contactedOn: 'Ngày liên hệ', channel: 'Hình thức', summary: 'Nội dung', followUp: 'Việc cần theo dõi' }}
    >
      <Form.Item name="contactedOn" label="Ngày liên hệ" rules={[{ required: true, message: 'Chọn ngày liên hệ' }]}>
        <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="channel" label="Hình thức" rules={[{ required: true, message: 'Chọn hình thức liên hệ' }]}>
        <Select options={CONTACT_CHANNELS.map((c) => ({ value: c, label: CONTACT_CHANNEL_LABELS[c] }))} style={{ maxWidth: 300 }} />
      </Form.Item>
      <Form.Item name="summary" label="Nội dung" rules={requiredRules('Nhập nội dung trao đổi', 4000)}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="contact-summary" />
      </Form.Item>
      <Form.Item name="followUp" label="Việc cần theo dõi" rules={optionalRule(2000)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </ActionModal>
  );
}
