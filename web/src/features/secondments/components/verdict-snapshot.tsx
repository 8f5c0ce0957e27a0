import { Space, Tag, Typography } from 'antd';
import { CRITERION_LABELS, RESULT_LABELS, VERDICT_LABELS, type Criterion, type CriterionResult, type Verdict } from '../../../../../common/eligibility';
import { formatDate } from '../../../shared/format';
import { RESULT_COLORS, RESULT_DOT_COLORS, VERDICT_COLORS } from '../../eligibility/components/eligibility-labels';
import { viDates } from '../../eligibility/components/facts';
import type { VerdictSnapshot } from '../hooks/secondment-api';

/** The eligibility verdict recorded at a step (proposal, appraisal): the conclusion and each criterion with its reason and clause. */
export function VerdictSnapshotView({ title, snapshot, testId }: { title: string; snapshot: VerdictSnapshot | null; testId: string }) {
  if (!snapshot) {
    return (
      <div data-testid={testId}>
        <Typography.Text strong>{title}: </Typography.Text>
        <Typography.Text type="secondary">chưa có</Typography.Text>
      </div>
    );
  }
  const verdict = snapshot.verdict as Verdict;
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }} data-testid={testId}>
      <Space wrap>
        <Typography.Text strong>{title}:</Typography.Text>
        <Tag color={VERDICT_COLORS[verdict] ?? 'default'} data-testid={`${testId}-verdict`}>
          {VERDICT_LABELS[verdict] ?? snapshot.verdict}
        </Tag>
        <Typography.Text type="secondary">ngày xét {formatDate(snapshot.referenceDate)}</Typography.Text>
      </Space>
      {/* older snapshots (the demo data) carry the verdict without its criteria */}
      {(snapshot.criteria ?? [])
        .filter((c) => c.result !== 'na')
        .map((c) => {
          const result = c.result as CriterionResult;
          return (
            <div
              key={c.criterion}
              data-result={c.result}
              style={{ borderLeft: `4px solid ${RESULT_DOT_COLORS[result] ?? '#bfbfbf'}`, background: '#fafafa', padding: '4px 10px', borderRadius: 4 }}
            >
              <Space wrap size={6}>
                <Typography.Text>{CRITERION_LABELS[c.criterion as Criterion] ?? c.criterion}</Typography.Text>
                <Tag color={RESULT_COLORS[result] ?? 'default'}>{RESULT_LABELS[result] ?? c.result}</Tag>
              </Space>
              <div style={{ fontSize: 13 }}>{viDates(c.reason)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                Căn cứ: {c.clause}
              </Typography.Text>
            </div>
          );
        })}
    </Space>
  );
}
