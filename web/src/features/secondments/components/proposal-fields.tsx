import { Form, Input, Select } from 'antd';
import { TARGET_GROUPS, TARGET_GROUP_LABELS } from '../../../../../common/eligibility';
import { accentInsensitiveSearch } from '../../../shared/select-search';
import { useHostCommunes } from '../hooks/use-secondments';
import { useProvince } from '../../../shared/hooks/use-province';

/** The form values of a proposal (new or revised). */
export interface ProposalValues {
  targetGroup?: 1 | 2 | 3;
  remarks?: string;
  suggestedHostUnitId?: string | null;
  suggestedRole?: string;
  justification?: string;
}

export const PROPOSAL_LABELS: Record<string, string> = {
  personId: 'Cán bộ',
  targetGroup: 'Nhóm đối tượng',
  remarks: 'Nhận xét của đơn vị',
  suggestedHostUnitId: 'Xã, phường đề nghị cử đến',
  suggestedRole: 'Vị trí, nhiệm vụ đề nghị',
  justification: 'Lý do đề xuất',
  note: 'Ghi chú',
};

/** The proposal body from the form (empty optional text is null). */
export function proposalBody(v: ProposalValues, justificationNeeded: boolean) {
  return {
    targetGroup: v.targetGroup!,
    remarks: (v.remarks ?? '').trim(),
    suggestedHostUnitId: v.suggestedHostUnitId || null,
    suggestedRole: v.suggestedRole?.trim() || null,
    justification: justificationNeeded ? v.justification?.trim() || null : null,
  };
}

/**
 * The inputs of a proposal. The justification is shown and required when the screening does not find the
 * person eligible: Sở Nội vụ reads it at the appraisal.
 */
export function ProposalFields({ justificationNeeded }: { justificationNeeded: boolean }) {
  const hosts = useHostCommunes();
  const province = useProvince();
  return (
    <>
      <Form.Item name="targetGroup" label={PROPOSAL_LABELS.targetGroup} rules={[{ required: true, message: 'Chọn nhóm đối tượng' }]}>
        <Select
          data-testid="proposal-target-group"
          placeholder={`Chọn nhóm đối tượng (${province.clause('III.1.a')})`}
          options={TARGET_GROUPS.map((g) => ({ value: g, label: TARGET_GROUP_LABELS[g] }))}
        />
      </Form.Item>
      <Form.Item
        name="remarks"
        label={PROPOSAL_LABELS.remarks}
        rules={[
          { required: true, whitespace: true, message: 'Nhập nhận xét của đơn vị về cán bộ' },
          { max: 4000, message: 'Tối đa 4.000 ký tự' },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={4000}
          placeholder="Phẩm chất chính trị, năng lực, uy tín, triển vọng phát triển"
          data-testid="proposal-remarks"
        />
      </Form.Item>
      <Form.Item name="suggestedHostUnitId" label={PROPOSAL_LABELS.suggestedHostUnitId}>
        <Select
          allowClear
          showSearch={accentInsensitiveSearch}
          loading={hosts.isLoading}
          placeholder="Không bắt buộc"
          options={(hosts.data ?? []).map((d) => ({ value: d.id, label: d.isEspeciallyDisadvantaged ? `${d.name} (ĐBKK)` : d.name }))}
        />
      </Form.Item>
      <Form.Item name="suggestedRole" label={PROPOSAL_LABELS.suggestedRole} rules={[{ max: 200, message: 'Tối đa 200 ký tự' }]}>
        <Input maxLength={200} placeholder="Ví dụ: Phó Chủ tịch UBND xã" />
      </Form.Item>
      {justificationNeeded && (
        <Form.Item
          name="justification"
          label={PROPOSAL_LABELS.justification}
          extra="Cán bộ chưa được đánh giá đủ điều kiện theo kết quả sàng lọc: ghi rõ lý do đơn vị vẫn đề xuất để Sở Nội vụ xem xét khi thẩm định."
          rules={[
            { required: true, whitespace: true, message: 'Ghi rõ lý do đề xuất cán bộ chưa đủ điều kiện' },
            { max: 4000, message: 'Tối đa 4.000 ký tự' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="proposal-justification" />
        </Form.Item>
      )}
    </>
  );
}
