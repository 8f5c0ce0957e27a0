import { AutoComplete, Checkbox, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  COMMENDATION_FORMS,
  FOLLOW_UP_PLANNING,
  FOLLOW_UP_PLANNING_LABELS,
  PARTY_OPINION_OUTCOMES,
  PARTY_OPINION_OUTCOME_LABELS,
  POLITICAL_CONCLUSIONS,
  POLITICAL_CONCLUSION_LABELS,
  TERM_REVIEW_CLAUSE,
  TERM_REVIEW_KIND_LABELS,
  type FollowUpPlanning,
  type PartyOpinionOutcome,
  type PoliticalConclusion,
  type TermReviewKind,
} from '../../../../../common/secondment';
import { COURSE_KINDS, COURSE_KIND_LABELS, NEED_PERIODS, NEED_PERIOD_LABELS, type CourseKind, type NeedPeriod } from '../../../../../common/training';
import { DATE_INPUT_FORMAT, toIsoDate } from '../../../shared/format';
import { useReference } from '../../../shared/hooks/use-reference';
import { useCurrentPlan } from '../../plans/hooks/use-plans';
import { secondmentApi } from '../hooks/secondment-api';
import { useSecondmentStep } from '../hooks/use-secondments';
import { ActionModal } from './action-modal';
import { ACTIVITY_LABELS } from './secondment-labels';
import type { ModalProps } from './step-modals';

const optionalRule = (max: number) => [{ max, message: `Tối đa ${max.toLocaleString('vi-VN')} ký tự` }];
const requiredRules = (message: string, max: number) => [{ required: true, whitespace: true, message }, ...optionalRule(max)];
const trimOrNull = (s?: string) => s?.trim() || null;
const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');
const dateInput = <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} disabledDate={notFuture} />;

/** Sở Nội vụ records the Party committee's opinion and its conclusion on political standards (Plan 131 II.1). */
export function PartyOpinionModal({ record, onClose, onStale }: ModalProps) {
  const [form] = Form.useForm<{
    committeeName?: string;
    givenOn?: dayjs.Dayjs;
    documentNo?: string;
    outcome?: PartyOpinionOutcome;
    politicalConclusion?: PoliticalConclusion;
    note?: string;
  }>();
  const step = useSecondmentStep();
  const last = record.partyOpinions.at(-1);
  return (
    <ActionModal
      action="record_party_opinion"
      title={`${ACTIVITY_LABELS.record_party_opinion}: ${record.person.fullName}`}
      okText="Lưu ý kiến"
      form={form}
      initialValues={{ committeeName: last?.committeeName, givenOn: dayjs() }}
      submit={(v) =>
        step.mutateAsync(() =>
          secondmentApi.recordPartyOpinion(record.id, {
            committeeName: (v.committeeName ?? '').trim(),
            givenOn: toIsoDate(v.givenOn)!,
            documentNo: (v.documentNo ?? '').trim(),
            outcome: v.outcome!,
            politicalConclusion: v.politicalConclusion!,
            note: trimOrNull(v.note),
          }),
        )
      }
      successText="Đã ghi nhận ý kiến của cấp ủy"
      onClose={onClose}
      onStale={onStale}
      labels={{
        committeeName: 'Cấp ủy',
        givenOn: 'Ngày văn bản',
        documentNo: 'Số văn bản',
        outcome: 'Ý kiến',
        politicalConclusion: 'Kết luận tiêu chuẩn chính trị',
        note: 'Ghi chú',
      }}
    >
      <Typography.Paragraph type="secondary">
        Ý kiến của cấp ủy có thẩm quyền và kết luận về tiêu chuẩn chính trị trước khi cấp có thẩm quyền quyết định cử (Kế hoạch mục II.1; Điều 46 Nghị định
        170/2025/NĐ-CP). Ý kiến ghi sau thay thế ý kiến trước; các ý kiến trước vẫn được lưu.
      </Typography.Paragraph>
      <Form.Item name="committeeName" label="Cấp ủy" rules={requiredRules('Nhập tên cấp ủy cho ý kiến', 200)}>
        <Input maxLength={200} placeholder="Ví dụ: Ban Thường vụ Đảng ủy Sở" data-testid="opinion-committee" />
      </Form.Item>
      <Form.Item name="documentNo" label="Số văn bản" rules={requiredRules('Nhập số văn bản', 60)}>
        <Input maxLength={60} style={{ maxWidth: 240 }} placeholder="Ví dụ: 15-CV/ĐU" data-testid="opinion-document" />
      </Form.Item>
      <Form.Item name="givenOn" label="Ngày văn bản" rules={[{ required: true, message: 'Chọn ngày văn bản' }]}>
        {dateInput}
      </Form.Item>
      <Form.Item name="outcome" label="Ý kiến" rules={[{ required: true, message: 'Chọn ý kiến của cấp ủy' }]}>
        <Radio.Group options={PARTY_OPINION_OUTCOMES.map((o) => ({ value: o, label: PARTY_OPINION_OUTCOME_LABELS[o] }))} data-testid="opinion-outcome" />
      </Form.Item>
      <Form.Item name="politicalConclusion" label="Kết luận về tiêu chuẩn chính trị" rules={[{ required: true, message: 'Chọn kết luận về tiêu chuẩn chính trị' }]}>
        <Radio.Group options={POLITICAL_CONCLUSIONS.map((o) => ({ value: o, label: POLITICAL_CONCLUSION_LABELS[o] }))} data-testid="opinion-political" />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú" rules={optionalRule(2000)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </ActionModal>
  );
}

/**
 * An end-of-term review (Decree 170/2025 Art. 49): the cadre's self-review (by the cadre or the sending unit for
 * them), or the host's collective / Party committee's evaluation. Saving a kind again replaces it.
 */
export function TermReviewModal({ record, kinds, onClose, onStale }: ModalProps & { kinds: TermReviewKind[] }) {
  const [form] = Form.useForm<{
    kind?: TermReviewKind;
    reviewedOn?: dayjs.Dayjs;
    proposedRating?: string;
    content?: string;
    strengths?: string;
    weaknesses?: string;
  }>();
  const step = useSecondmentStep();
  const reference = useReference();
  const today = dayjs().format('YYYY-MM-DD');
  const ratings = (reference.data?.ratingLevels ?? []).filter((l) => (!l.effectiveFrom || l.effectiveFrom <= today) && (!l.effectiveTo || l.effectiveTo >= today));
  const kind = Form.useWatch('kind', form) ?? kinds[0];
  const existing = record.termReviews.find((r) => r.kind === kind);
  return (
    <ActionModal
      action={kinds.includes('self_review') ? 'review_self' : 'review_host'}
      title={`Nhận xét, đánh giá khi kết thúc tăng cường: ${record.person.fullName}`}
      okText={existing ? 'Lưu (thay thế bản trước)' : 'Lưu'}
      form={form}
      initialValues={{ kind: kinds[0], reviewedOn: dayjs() }}
      submit={(v) =>
        step.mutateAsync(() =>
          secondmentApi.recordTermReview(record.id, {
            kind: v.kind ?? kinds[0],
            reviewedOn: toIsoDate(v.reviewedOn)!,
            proposedRating: v.proposedRating ?? null,
            content: (v.content ?? '').trim(),
            strengths: trimOrNull(v.strengths),
            weaknesses: trimOrNull(v.weaknesses),
          }),
        )
      }
      successText="Đã lưu nhận xét, đánh giá"
      onClose={onClose}
      onStale={onStale}
      labels={{ kind: 'Loại', reviewedOn: 'Ngày', proposedRating: 'Mức xếp loại đề xuất', content: 'Nội dung', strengths: 'Ưu điểm', weaknesses: 'Hạn chế' }}
      width={720}
    >
      <Typography.Paragraph type="secondary">
        Khi kết thúc thời gian tăng cường: cán bộ tự nhận xét, đánh giá; tập thể lãnh đạo và cấp ủy nơi đến nhận xét, đánh giá ({TERM_REVIEW_CLAUSE}). Đơn vị cử xem
        các nhận xét này khi đánh giá kết quả và bố trí công tác.
      </Typography.Paragraph>
      <Form.Item name="kind" label="Loại nhận xét, đánh giá" rules={[{ required: true, message: 'Chọn loại nhận xét, đánh giá' }]} hidden={kinds.length < 2}>
        <Radio.Group options={kinds.map((k) => ({ value: k, label: TERM_REVIEW_KIND_LABELS[k] }))} />
      </Form.Item>
      {kinds.length < 2 && <Typography.Paragraph strong>{TERM_REVIEW_KIND_LABELS[kinds[0]]}</Typography.Paragraph>}
      <Form.Item name="reviewedOn" label="Ngày nhận xét, đánh giá" rules={[{ required: true, message: 'Chọn ngày' }]}>
        {dateInput}
      </Form.Item>
      <Form.Item name="proposedRating" label="Mức xếp loại đề xuất">
        <Select
          allowClear
          loading={reference.isLoading}
          placeholder="Không bắt buộc"
          options={ratings.map((l) => ({ value: l.code, label: l.name }))}
          style={{ maxWidth: 360 }}
        />
      </Form.Item>
      <Form.Item name="content" label="Nội dung nhận xét, đánh giá" rules={requiredRules('Nhập nội dung nhận xét, đánh giá', 8000)}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={8000} data-testid="term-review-content" />
      </Form.Item>
      <Form.Item name="strengths" label="Ưu điểm" rules={optionalRule(4000)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="weaknesses" label="Hạn chế" rules={optionalRule(4000)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
    </ActionModal>
  );
}

/** The sending unit proposes a commendation for a term completed well, or records why it proposes none. */
export function CommendationModal({ record, onClose, onStale }: ModalProps) {
  const [form] = Form.useForm<{ declined?: boolean; documentNo?: string; proposedOn?: dayjs.Dayjs; form?: string; note?: string; reason?: string }>();
  const step = useSecondmentStep();
  const declined = Form.useWatch('declined', form) ?? false;
  return (
    <ActionModal
      action="record_commendation"
      title={`${ACTIVITY_LABELS.record_commendation}: ${record.person.fullName}`}
      okText="Lưu"
      form={form}
      initialValues={{ declined: false, proposedOn: dayjs() }}
      submit={(v) =>
        step.mutateAsync(() =>
          secondmentApi.recordCommendation(
            record.id,
            v.declined
              ? { declined: true, reason: (v.reason ?? '').trim() }
              : {
                  declined: false,
                  documentNo: (v.documentNo ?? '').trim(),
                  proposedOn: toIsoDate(v.proposedOn)!,
                  form: (v.form ?? '').trim(),
                  note: trimOrNull(v.note),
                },
          ),
        )
      }
      successText="Đã ghi nhận"
      onClose={onClose}
      onStale={onStale}
      labels={{ documentNo: 'Số văn bản đề nghị', proposedOn: 'Ngày văn bản', form: 'Hình thức khen thưởng', reason: 'Lý do không đề nghị' }}
    >
      <Typography.Paragraph type="secondary">
        Cán bộ hoàn thành tốt nhiệm vụ khi kết thúc tăng cường được xem xét khen thưởng theo quy định của pháp luật về thi đua, khen thưởng (Điều 12 Nghị định
        178/2024/NĐ-CP, sửa đổi bởi Nghị định 67/2025/NĐ-CP).
      </Typography.Paragraph>
      <Form.Item name="declined" valuePropName="checked">
        <Checkbox data-testid="commendation-declined">Không đề nghị khen thưởng</Checkbox>
      </Form.Item>
      {declined ? (
        <Form.Item name="reason" label="Lý do không đề nghị" rules={requiredRules('Nhập lý do không đề nghị khen thưởng', 2000)}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="form" label="Hình thức khen thưởng đề nghị" rules={requiredRules('Nhập hình thức khen thưởng', 200)}>
            <AutoComplete options={COMMENDATION_FORMS.map((f) => ({ value: f }))} placeholder="Chọn hoặc nhập hình thức" data-testid="commendation-form" />
          </Form.Item>
          <Form.Item name="documentNo" label="Số văn bản đề nghị" rules={requiredRules('Nhập số văn bản đề nghị', 60)}>
            <Input maxLength={60} style={{ maxWidth: 240 }} data-testid="commendation-document" />
          </Form.Item>
          <Form.Item name="proposedOn" label="Ngày văn bản" rules={[{ required: true, message: 'Chọn ngày văn bản' }]}>
            {dateInput}
          </Form.Item>
          <Form.Item name="note" label="Ghi chú" rules={optionalRule(2000)}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </>
      )}
    </ActionModal>
  );
}

interface FollowUpValues {
  planning?: FollowUpPlanning;
  entryTitle?: string;
  entryTerm?: string;
  entryDecisionNo?: string;
  entryApprovedOn?: dayjs.Dayjs;
  withNeed?: boolean;
  needPeriod?: NeedPeriod;
  needKind?: CourseKind;
  needFields?: string[];
  needDescription?: string;
  note?: string;
}

/** Plan 131 II.2: the result offered back to the planning review and to the person's training needs. */
export function FollowUpModal({ record, onClose, onStale }: ModalProps) {
  const [form] = Form.useForm<FollowUpValues>();
  const step = useSecondmentStep();
  const plan = useCurrentPlan();
  const planning = Form.useWatch('planning', form);
  const withNeed = Form.useWatch('withNeed', form) ?? false;
  return (
    <ActionModal
      action="record_follow_up"
      title={`${ACTIVITY_LABELS.record_follow_up}: ${record.person.fullName}`}
      okText="Lưu"
      form={form}
      initialValues={{ planning: 'keep', withNeed: false, entryApprovedOn: dayjs(), needPeriod: '2026-2030', needKind: 'short_course' }}
      submit={(v) =>
        step.mutateAsync(() =>
          secondmentApi.recordFollowUp(record.id, {
            planning: v.planning!,
            planningEntry:
              v.planning === 'add_title'
                ? {
                    title: (v.entryTitle ?? '').trim(),
                    term: (v.entryTerm ?? '').trim(),
                    decisionNo: trimOrNull(v.entryDecisionNo),
                    approvedOn: toIsoDate(v.entryApprovedOn)!,
                  }
                : null,
            trainingNeed: v.withNeed
              ? { period: v.needPeriod!, kind: v.needKind!, fields: v.needFields ?? [], description: (v.needDescription ?? '').trim() }
              : null,
            note: trimOrNull(v.note),
          }),
        )
      }
      successText="Đã ghi nhận việc sử dụng kết quả đánh giá"
      onClose={onClose}
      onStale={onStale}
      labels={{ planning: 'Quy hoạch', planningEntry: 'Chức danh quy hoạch', trainingNeed: 'Nhu cầu đào tạo', note: 'Ghi chú' }}
      width={720}
    >
      <Typography.Paragraph type="secondary">
        Kết quả đánh giá sau thời gian tăng cường được sử dụng trong rà soát, bổ sung quy hoạch và xác định nhu cầu đào tạo, bồi dưỡng (Kế hoạch mục II.2).
      </Typography.Paragraph>
      <Form.Item name="planning" label="Kết quả xem xét quy hoạch" rules={[{ required: true, message: 'Chọn kết quả xem xét quy hoạch' }]}>
        <Radio.Group options={FOLLOW_UP_PLANNING.map((p) => ({ value: p, label: FOLLOW_UP_PLANNING_LABELS[p] }))} data-testid="follow-up-planning" />
      </Form.Item>
      {planning === 'add_title' && (
        <>
          <Form.Item name="entryTitle" label="Chức danh quy hoạch" rules={requiredRules('Nhập chức danh quy hoạch', 200)}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="entryTerm" label="Nhiệm kỳ" rules={requiredRules('Nhập nhiệm kỳ quy hoạch', 40)}>
            <Input maxLength={40} style={{ maxWidth: 200 }} placeholder="Ví dụ: 2026-2031" />
          </Form.Item>
          <Form.Item name="entryDecisionNo" label="Số quyết định phê duyệt" rules={optionalRule(60)}>
            <Input maxLength={60} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item name="entryApprovedOn" label="Ngày phê duyệt" rules={[{ required: true, message: 'Chọn ngày phê duyệt' }]}>
            {dateInput}
          </Form.Item>
        </>
      )}
      <Form.Item name="withNeed" valuePropName="checked">
        <Checkbox>Ghi nhận nhu cầu đào tạo, bồi dưỡng của cán bộ</Checkbox>
      </Form.Item>
      {withNeed && (
        <>
          <Form.Item name="needPeriod" label="Giai đoạn" rules={[{ required: true, message: 'Chọn giai đoạn' }]}>
            <Select options={NEED_PERIODS.map((p) => ({ value: p, label: NEED_PERIOD_LABELS[p] }))} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item name="needKind" label="Hình thức" rules={[{ required: true, message: 'Chọn hình thức' }]}>
            <Select options={COURSE_KINDS.map((k) => ({ value: k, label: COURSE_KIND_LABELS[k] }))} style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item name="needFields" label="Lĩnh vực" rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một lĩnh vực' }]}>
            <Select mode="multiple" options={(plan.data?.params.priorityFields ?? []).map((f) => ({ value: f, label: f }))} loading={plan.isLoading} />
          </Form.Item>
          <Form.Item name="needDescription" label="Nội dung cần đào tạo, bồi dưỡng" rules={requiredRules('Nhập nội dung cần đào tạo, bồi dưỡng', 2000)}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </>
      )}
      <Form.Item name="note" label="Ghi chú" rules={optionalRule(2000)}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
      </Form.Item>
    </ActionModal>
  );
}
