import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { toIsoDate } from '../../../shared/format';
import { minTermClause, partyOpinionBar } from '../../../../../common/secondment';
import { useCurrentPlan } from '../../plans/hooks/use-plans';
import { useDecide, useHostCommunes } from '../hooks/use-secondments';
import { ActionModal } from './action-modal';
import { DecisionHeaderFields } from './decision-header-fields';
import { DecisionItems, type DecisionItemValues, type DecisionRowInfo } from './decision-items';
import { decisionHeaderBody, lastSigner, needsShortReason, rememberSigner, type DecisionHeaderValues } from './decision-rules';

/** A secondment to include in the decision. */
export interface DecisionCandidate extends DecisionRowInfo {
  version: number;
  hostUnitId: string | null;
  startDate: string | null;
}

interface Values extends DecisionHeaderValues {
  items: DecisionItemValues[];
}

/**
 * Mounted while open. The authority decides to send one or more appraised cadres in one decision: the number
 * (next of the year), date and signer, and per cadre the host commune, start date and duration.
 */
export function DecisionModal(props: { candidates: DecisionCandidate[]; onClose(): void; onStale(): void; onDone?(): void }) {
  const { candidates, onClose, onStale, onDone } = props;
  const [form] = Form.useForm<Values>();
  const decide = useDecide();
  const destinations = useHostCommunes();
  const plan = useCurrentPlan();
  // the plan's minimum (III.1.c) comes from the plan in force; until it arrives the durations stay empty
  const minMonths = plan.data?.params.minSecondmentMonths;
  // Plan 131 II.1: without the Party committee's agreement (when the plan requires it) the server refuses the whole
  // decision; the same words are shown here first, and the decision waits until each cadre has it
  const opinionRequired = plan.data?.params.partyOpinionRequired ?? false;
  const bars = plan.data && opinionRequired ? candidates.map((c) => partyOpinionBar(c.fullName, c.partyOpinion, plan.data.code)).filter((b) => b !== null) : [];
  const [nextSeq, setNextSeq] = useState<number | undefined>();
  const onNextSeq = useCallback((s: number | undefined) => setNextSeq(s), []);
  const hostOptions = (destinations.data ?? []).map((d) => ({ value: d.id, label: d.isEspeciallyDisadvantaged ? `${d.name} (ĐBKK)` : d.name }));
  const startDefault = dayjs().add(1, 'month').startOf('month');

  // the plan may arrive after the form: durations still empty or at the previous minimum follow the plan's minimum
  const shownMin = useRef(minMonths);
  useEffect(() => {
    if (shownMin.current === minMonths || minMonths === undefined) return;
    const items = (form.getFieldValue('items') as DecisionItemValues[] | undefined) ?? [];
    items.forEach((i, index) => {
      if (i.durationMonths === shownMin.current || i.durationMonths == null) form.setFieldValue(['items', index, 'durationMonths'], minMonths);
    });
    shownMin.current = minMonths;
  }, [minMonths, form]);

  const initialValues: Values = {
    decidedOn: dayjs(),
    ...lastSigner(),
    items: candidates.map((c) => ({
      secondmentId: c.id,
      version: c.version,
      hostUnitId: c.hostUnitId ?? undefined,
      startDate: c.startDate ? dayjs(c.startDate) : startDefault,
      durationMonths: minMonths,
    })),
  };

  const submit = async (v: Values) => {
    const header = decisionHeaderBody(v, nextSeq);
    const r = await decide.mutateAsync({
      ...header,
      // the id and version are no inputs of the form (validateFields leaves them out): they come from the candidates
      items: v.items.map((i, index) => ({
        secondmentId: candidates[index].id,
        version: candidates[index].version,
        hostUnitId: i.hostUnitId!,
        startDate: toIsoDate(i.startDate)!,
        durationMonths: i.durationMonths!,
        shortDurationReason: needsShortReason(i.durationMonths, minMonths) ? i.shortDurationReason?.trim() || null : null,
      })),
    });
    rememberSigner(header);
    onDone?.();
    return r;
  };

  return (
    <ActionModal<Values>
      action="decide"
      title={`Quyết định cử cán bộ tăng cường về cơ sở (${candidates.length} người)`}
      okText="Ban hành quyết định"
      form={form}
      initialValues={initialValues}
      submit={submit}
      successText="Đã ban hành quyết định cử cán bộ tăng cường"
      onClose={onClose}
      onStale={onStale}
      labels={{ seq: 'Số quyết định', decidedOn: 'Ngày ký', signerName: 'Người ký', signerTitle: 'Chức vụ người ký', items: 'Danh sách cán bộ' }}
      issueLabel={(path) => {
        const m = /^items\.(\d+)/.exec(path);
        return m ? candidates[Number(m[1])]?.fullName : undefined;
      }}
      width={900}
      okDisabled={bars.length > 0}
    >
      {bars.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="Chưa thể ban hành quyết định: Sở Nội vụ cần ghi nhận ý kiến đồng ý của cấp ủy trước (bỏ chọn các cán bộ dưới đây hoặc chờ ý kiến)"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {bars.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          }
          data-testid="decision-opinion-bars"
        />
      )}
      <DecisionHeaderFields form={form} onNextSeq={onNextSeq} />
      <Typography.Paragraph type="secondary">
        Thời gian tăng cường tối thiểu {minMonths ?? '…'} tháng kể từ ngày bắt đầu ({plan.data ? minTermClause(plan.data.code) : 'theo kế hoạch'}); thời gian ngắn
        hơn phải ghi rõ lý do trường hợp đặc biệt.
      </Typography.Paragraph>
      <DecisionItems rows={candidates} hostOptions={hostOptions} hostLoading={destinations.isLoading} minMonths={minMonths} opinionRequired={opinionRequired} />
    </ActionModal>
  );
}
