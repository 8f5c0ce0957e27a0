import { useCallback, useState } from 'react';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { SECONDMENT_ACTION_LABELS, TERM_REVIEW_CLAUSE } from '../../../../../common/secondment';
import { comparePlacement, type ComparisonLine } from '../../../../../common/placement-not-lower';
import { DATE_INPUT_FORMAT, formatDate, toIsoDate } from '../../../shared/format';
import { useReference } from '../../../shared/hooks/use-reference';
import { UnitTreeSelect } from '../../org/components/unit-tree-select';
import { useDestinationPosts } from '../../eligibility/hooks/use-eligibility';
import { secondmentApi } from '../hooks/secondment-api';
import { useSecondmentStep } from '../hooks/use-secondments';
import { ActionModal } from './action-modal';
import { DecisionHeaderFields } from './decision-header-fields';
import { decisionHeaderBody, lastSigner, rememberSigner, type DecisionHeaderValues } from './decision-rules';
import type { ModalProps } from './step-modals';
import { TermReviewList } from './step-sections';

const HEADER_LABELS = { seq: 'Số quyết định', decidedOn: 'Ngày ký', signerName: 'Người ký', signerTitle: 'Chức vụ người ký' };
const reasonRules = [
  { required: true, whitespace: true, message: 'Nhập lý do' },
  { max: 2000, message: 'Tối đa 2.000 ký tự' },
];

/** The next decision number of the year, heard from the header fields. */
function useNextSeq() {
  const [nextSeq, setNextSeq] = useState<number | undefined>();
  return { nextSeq, onNextSeq: useCallback((s: number | undefined) => setNextSeq(s), []) };
}

/** The authority extends the secondment: a decision with a later end date and its reason. */
export function ExtendModal({ record, onClose, onStale }: ModalProps) {
  const [form] = Form.useForm<DecisionHeaderValues & { newEndDate?: dayjs.Dayjs; reason?: string }>();
  const step = useSecondmentStep();
  const { nextSeq, onNextSeq } = useNextSeq();
  const end = record.endDate ? dayjs(record.endDate) : null;
  return (
    <ActionModal
      action="extend"
      title={`${SECONDMENT_ACTION_LABELS.extend}: ${record.person.fullName}`}
      okText="Ban hành quyết định gia hạn"
      form={form}
      initialValues={{ decidedOn: dayjs(), ...lastSigner() }}
      submit={async (v) => {
        const header = decisionHeaderBody(v, nextSeq);
        const r = await step.mutateAsync(() =>
          secondmentApi.extend(record.id, { ...header, version: record.version, newEndDate: toIsoDate(v.newEndDate)!, reason: (v.reason ?? '').trim() }),
        );
        rememberSigner(header);
        return r;
      }}
      successText="Đã ban hành quyết định gia hạn"
      onClose={onClose}
      onStale={onStale}
      labels={{ ...HEADER_LABELS, newEndDate: 'Ngày kết thúc mới', reason: 'Lý do gia hạn' }}
      width={720}
    >
      <DecisionHeaderFields form={form} onNextSeq={onNextSeq} />
      <Form.Item
        name="newEndDate"
        label="Ngày kết thúc mới"
        extra={end ? `Ngày kết thúc hiện tại: ${formatDate(record.endDate)}` : undefined}
        rules={[{ required: true, message: 'Chọn ngày kết thúc mới' }]}
      >
        <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} disabledDate={(d) => !!end && !d.isAfter(end, 'day')} />
      </Form.Item>
      <Form.Item name="reason" label="Lý do gia hạn" rules={reasonRules}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
    </ActionModal>
  );
}

/** The authority ends the secondment before its term: a decision with the end date and its reason. */
export function EndEarlyModal({ record, onClose, onStale }: ModalProps) {
  const [form] = Form.useForm<DecisionHeaderValues & { endDate?: dayjs.Dayjs; reason?: string }>();
  const step = useSecondmentStep();
  const { nextSeq, onNextSeq } = useNextSeq();
  return (
    <ActionModal
      action="end_early"
      title={`${SECONDMENT_ACTION_LABELS.end_early}: ${record.person.fullName}`}
      okText="Ban hành quyết định"
      danger
      form={form}
      initialValues={{ decidedOn: dayjs(), endDate: dayjs(), ...lastSigner() }}
      submit={async (v) => {
        const header = decisionHeaderBody(v, nextSeq);
        const r = await step.mutateAsync(() =>
          secondmentApi.endEarly(record.id, { ...header, version: record.version, endDate: toIsoDate(v.endDate)!, reason: (v.reason ?? '').trim() }),
        );
        rememberSigner(header);
        return r;
      }}
      successText="Đã ban hành quyết định kết thúc tăng cường trước thời hạn"
      onClose={onClose}
      onStale={onStale}
      labels={{ ...HEADER_LABELS, endDate: 'Ngày kết thúc', reason: 'Lý do kết thúc trước thời hạn' }}
      width={720}
    >
      <DecisionHeaderFields form={form} onNextSeq={onNextSeq} />
      <Form.Item name="endDate" label="Ngày kết thúc" rules={[{ required: true, message: 'Chọn ngày kết thúc' }]}>
        <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="reason" label="Lý do kết thúc trước thời hạn" rules={reasonRules}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
    </ActionModal>
  );
}

interface PlaceValues extends DecisionHeaderValues {
  returnedOn?: dayjs.Dayjs;
  placement: {
    unitId?: string | null;
    jobPostId?: string | null;
    positionTitle?: string;
    isLeader?: boolean;
    leadershipAllowanceCoef?: number | null;
    rankCode?: string | null;
    salaryStep?: number | null;
  };
  lowerReason?: string;
  outcomeRating?: string;
  outcomeRemarks?: string;
}

/** Coefficients with the Vietnamese decimal comma (5,42); titles as they are. */
const viDecimal = (v: string, l: ComparisonLine) => (l.aspect === 'allowance' || l.aspect === 'salary' ? v.replace(/^(\d+)\.(\d+)$/, '$1,$2') : v);

const OUTCOME_TAGS: Record<ComparisonLine['outcome'], { color: string; text: string }> = {
  lower: { color: 'red', text: 'Thấp hơn' },
  same: { color: 'default', text: 'Không thấp hơn' },
  higher: { color: 'green', text: 'Cao hơn' },
  unknown: { color: 'gold', text: 'Thay đổi' },
};

/**
 * The sending unit receives the cadre back and places them in a post not lower than the reserved one (the
 * server checks it), with the outcome of the secondment (rating and remarks), by a decision.
 */
export function PlaceModal({ record, onClose, onStale }: ModalProps) {
  const [form] = Form.useForm<PlaceValues>();
  const step = useSecondmentStep();
  const reference = useReference();
  const { nextSeq, onNextSeq } = useNextSeq();
  const unitId = Form.useWatch(['placement', 'unitId'], form) as string | null | undefined;
  const isLeader = Form.useWatch(['placement', 'isLeader'], form) as boolean | undefined;
  const watched = Form.useWatch('placement', form) as PlaceValues['placement'] | undefined;
  const posts = useDestinationPosts(unitId);
  const r = record.reservedPost;
  const ranks = reference.data?.ranks ?? [];
  const rankOf = (code: string | null | undefined) => ranks.find((x) => x.code === code);
  const placedRank = rankOf(watched?.rankCode);
  const rankChanged = (watched?.rankCode ?? null) !== (r?.rankCode ?? null);
  // a new rank's coefficient is known once its step is chosen; the reserved rank keeps the reserved coefficient
  const placedCoef =
    placedRank && watched?.salaryStep ? (placedRank.coefficients[watched.salaryStep - 1] ?? null) : rankChanged ? null : (r?.salaryCoefficient ?? null);
  // the same comparison the server makes (common/placement-not-lower.ts): what is lower needs the authority's reason
  const comparison = r
    ? comparePlacement(
        { ...r, rankName: rankOf(r.rankCode)?.name, rankGrade: rankOf(r.rankCode)?.grade },
        {
          isLeader: !!watched?.isLeader,
          leadershipAllowanceCoef: watched?.isLeader ? watched?.leadershipAllowanceCoef : null,
          jobPostId: watched?.jobPostId ?? null,
          positionTitle: watched?.positionTitle ?? null,
          rankCode: watched?.rankCode ?? null,
          rankName: placedRank?.name,
          rankGrade: placedRank?.grade,
          salaryCoefficient: placedCoef,
        },
      )
    : [];
  const lower = comparison.some((l) => l.outcome === 'lower');
  const today = dayjs().format('YYYY-MM-DD');
  const ratings = (reference.data?.ratingLevels ?? []).filter((l) => (!l.effectiveFrom || l.effectiveFrom <= today) && (!l.effectiveTo || l.effectiveTo >= today));

  return (
    <ActionModal
      action="place"
      title={`${SECONDMENT_ACTION_LABELS.place}: ${record.person.fullName}`}
      okText="Ban hành quyết định"
      form={form}
      initialValues={{
        decidedOn: dayjs(),
        ...lastSigner(),
        returnedOn: returnDefault(record.actualEndDate ?? record.endDate),
        placement: {
          unitId: r?.unitId,
          jobPostId: r?.jobPostId ?? undefined,
          positionTitle: r?.positionTitle ?? '',
          isLeader: r?.isLeader ?? false,
          leadershipAllowanceCoef: r?.leadershipAllowanceCoef ? Number(r.leadershipAllowanceCoef) : null,
          rankCode: r?.rankCode ?? null,
          salaryStep: r?.salaryStep ?? null,
        },
      }}
      submit={async (v) => {
        const header = decisionHeaderBody(v, nextSeq);
        const res = await step.mutateAsync(() =>
          secondmentApi.place(record.id, {
            ...header,
            version: record.version,
            returnedOn: toIsoDate(v.returnedOn)!,
            placement: {
              unitId: v.placement.unitId!,
              jobPostId: v.placement.jobPostId || null,
              positionTitle: (v.placement.positionTitle ?? '').trim(),
              isLeader: !!v.placement.isLeader,
              leadershipAllowanceCoef: v.placement.isLeader ? (v.placement.leadershipAllowanceCoef ?? null) : null,
              // unchanged rank and step are left to the server, which keeps the person's current ones
              ...(v.placement.rankCode !== (r?.rankCode ?? null) || v.placement.salaryStep !== (r?.salaryStep ?? null)
                ? { rankCode: v.placement.rankCode ?? null, salaryStep: v.placement.salaryStep ?? null }
                : {}),
            },
            lowerReason: lower ? (v.lowerReason ?? '').trim() || null : null,
            outcomeRating: v.outcomeRating ?? '',
            outcomeRemarks: (v.outcomeRemarks ?? '').trim(),
          }),
        );
        rememberSigner(header);
        return res;
      }}
      successText="Đã ban hành quyết định tiếp nhận trở lại và bố trí công tác"
      onClose={onClose}
      onStale={onStale}
      labels={{
        ...HEADER_LABELS,
        returnedOn: 'Ngày trở về',
        placement: 'Vị trí bố trí',
        'placement.rankCode': 'Ngạch',
        'placement.salaryStep': 'Bậc lương',
        lowerReason: 'Lý do bố trí thấp hơn',
        outcomeRating: 'Kết quả',
        outcomeRemarks: 'Nhận xét kết quả',
      }}
      width={820}
    >
      <DecisionHeaderFields form={form} onNextSeq={onNextSeq} issuerUnitId={record.sendingUnit.id} />
      <Form.Item name="returnedOn" label="Ngày trở về đơn vị" rules={[{ required: true, message: 'Chọn ngày trở về' }]}>
        <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
      </Form.Item>
      <Typography.Title level={5}>Bố trí công tác</Typography.Title>
      {r && (
        <Typography.Paragraph type="secondary">
          Vị trí công tác được bảo lưu: {[r.positionTitle, r.unitName].filter(Boolean).join(', ')}. Cán bộ được bố trí vào vị trí không thấp hơn vị trí này.
        </Typography.Paragraph>
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={['placement', 'unitId']} label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị bố trí' }]}>
            <UnitTreeSelect allowClear={false} onChange={() => form.setFieldValue(['placement', 'jobPostId'], null)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['placement', 'jobPostId']} label="Vị trí việc làm">
            <Select
              allowClear
              loading={posts.isLoading}
              placeholder="Không bắt buộc"
              options={(posts.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
              onChange={(id?: string) => {
                const post = posts.data?.find((p) => p.id === id);
                if (post) form.setFieldsValue({ placement: { ...form.getFieldValue('placement'), positionTitle: post.title, isLeader: post.isLeadership } });
              }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['placement', 'positionTitle']}
            label="Chức vụ, chức danh"
            rules={[
              { required: true, whitespace: true, message: 'Nhập chức vụ, chức danh' },
              { max: 200, message: 'Tối đa 200 ký tự' },
            ]}
          >
            <Input maxLength={200} data-testid="place-position-title" />
          </Form.Item>
        </Col>
        <Col xs={12} md={5}>
          <Form.Item name={['placement', 'isLeader']} label="Lãnh đạo, quản lý" valuePropName="checked">
            <Switch checkedChildren="Có" unCheckedChildren="Không" />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item name={['placement', 'leadershipAllowanceCoef']} label="Hệ số phụ cấp chức vụ" hidden={!isLeader}>
            <InputNumber min={0} max={2} step={0.05} precision={2} decimalSeparator="," style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['placement', 'rankCode']} label="Ngạch">
            <Select
              showSearch
              optionFilterProp="label"
              loading={reference.isLoading}
              placeholder="Giữ ngạch hiện tại"
              options={ranks.map((x) => ({ value: x.code, label: `${x.name} (${x.code}, loại ${x.grade})` }))}
              onChange={() => form.setFieldValue(['placement', 'salaryStep'], null)}
              data-testid="place-rank"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['placement', 'salaryStep']}
            label="Bậc lương"
            rules={rankChanged ? [{ required: true, message: 'Chọn bậc lương của ngạch bố trí' }] : []}
          >
            <Select
              placeholder="Chọn bậc"
              options={(placedRank?.coefficients ?? []).map((c, i) => ({ value: i + 1, label: `Bậc ${i + 1} (hệ số ${c.replace('.', ',')})` }))}
              data-testid="place-salary-step"
            />
          </Form.Item>
        </Col>
      </Row>
      {r && (
        <Table<ComparisonLine>
          size="small"
          pagination={false}
          rowKey="aspect"
          data-testid="place-comparison"
          scroll={{ x: true }}
          caption={<Typography.Text strong>So sánh với vị trí được bảo lưu (Nghị định 178/2024/NĐ-CP, Điều 12 khoản 1 điểm d)</Typography.Text>}
          dataSource={comparison}
          columns={[
            { title: 'Tiêu chí', dataIndex: 'label' },
            { title: 'Vị trí được bảo lưu', dataIndex: 'reserved', render: (v: string, l) => viDecimal(v, l) },
            { title: 'Vị trí bố trí', dataIndex: 'placement', render: (v: string, l) => viDecimal(v, l) },
            { title: 'Kết quả', dataIndex: 'outcome', render: (o: ComparisonLine['outcome']) => <Tag color={OUTCOME_TAGS[o].color}>{OUTCOME_TAGS[o].text}</Tag> },
          ]}
          style={{ marginBottom: 16 }}
        />
      )}
      {lower && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message="Vị trí bố trí thấp hơn vị trí được bảo lưu"
            description="Chỉ bố trí thấp hơn khi cấp có thẩm quyền quyết định và ghi rõ lý do; lý do được ghi vào quyết định và nhật ký."
          />
          <Form.Item
            name="lowerReason"
            label="Lý do bố trí thấp hơn"
            rules={[
              { required: true, whitespace: true, message: 'Nhập lý do bố trí thấp hơn vị trí được bảo lưu' },
              { max: 2000, message: 'Tối đa 2.000 ký tự' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="place-lower-reason" />
          </Form.Item>
        </>
      )}
      <Typography.Title level={5}>Kết quả tăng cường</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Căn cứ bản tự nhận xét của cán bộ và nhận xét, đánh giá của tập thể lãnh đạo, cấp ủy nơi đến ({TERM_REVIEW_CLAUSE}):
      </Typography.Paragraph>
      <div style={{ marginBottom: 16 }} data-testid="place-term-reviews">
        <TermReviewList reviews={record.termReviews} />
      </div>
      <Form.Item name="outcomeRating" label="Kết quả đánh giá" rules={[{ required: true, message: 'Chọn kết quả đánh giá' }]}>
        <Select
          loading={reference.isLoading}
          placeholder="Chọn mức xếp loại"
          options={ratings.map((l) => ({ value: l.code, label: l.name }))}
          data-testid="place-outcome-rating"
          style={{ maxWidth: 360 }}
        />
      </Form.Item>
      <Form.Item
        name="outcomeRemarks"
        label="Nhận xét kết quả"
        rules={[
          { required: true, whitespace: true, message: 'Nhập nhận xét kết quả' },
          { max: 4000, message: 'Tối đa 4.000 ký tự' },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="place-outcome-remarks" />
      </Form.Item>
    </ActionModal>
  );
}

/** The day after the term, but never after today (the server refuses a return date in the future). */
function returnDefault(end: string | null | undefined) {
  const today = dayjs();
  if (!end) return today;
  const next = dayjs(end).add(1, 'day');
  if (!next.isAfter(today, 'day')) return next;
  return dayjs(end).isAfter(today, 'day') ? next : today;
}
