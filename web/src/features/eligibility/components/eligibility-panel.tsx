import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined, IdcardOutlined, ReloadOutlined } from '@ant-design/icons';
import { CRITERION_LABELS, RESULT_LABELS, TARGET_GROUP_LABELS, VERDICT_LABELS, type TargetGroup } from '../../../../../common/eligibility';
import type { CriterionItem, PersonScreening } from '../../../api/types';
import { errorMessage, isApiError } from '../../../api/errors';
import { useAuth } from '../../../app/auth-context';
import { formatDate, formatNumber } from '../../../shared/format';
import { useReference } from '../../../shared/hooks/use-reference';
import { useOrgUnits } from '../../org/hooks/use-org-units';
import { planVersionText } from '../../plans/components/plan-version';
import { usePersonScreening, type PersonScreeningOptions } from '../hooks/use-eligibility';
import { AssessmentModal } from './assessment-modal';
import { RESULT_COLORS, RESULT_DOT_COLORS, VERDICT_COLORS } from './eligibility-labels';
import { describeFacts, viDates, type FactLookups } from './facts';

/** Roles of the sending unit that record the assessment (server: eligibility.policy canAssess). */

interface Props extends PersonScreeningOptions {
  personId: string;
  /** A link to the cadre's résumé, and the name at the top (not shown on the résumé itself). */
  showProfileLink?: boolean;
}

/** The explanation of one person's verdict: target group, priority, then each criterion with its reason, clause and the data used. */
export function EligibilityPanel({ personId, referenceDate, destinationPostId, showProfileLink }: Props) {
  const { can, may } = useAuth();
  const screening = usePersonScreening(personId, { referenceDate, destinationPostId });
  const reference = useReference();
  // the unit names of the facts (destination, home communes); a cadre has no access to the unit tree
  const units = useOrgUnits(undefined, can('org'));
  const [assessing, setAssessing] = useState(false);
  const canAssess = may('assess');

  if (screening.isLoading) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (screening.isError || !screening.data) {
    const notFound = isApiError(screening.error, 404);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? 'Không tìm thấy cán bộ' : 'Không tải được kết quả đánh giá điều kiện'}
        subTitle={notFound ? 'Cán bộ không tồn tại hoặc nằm ngoài phạm vi bạn được xem.' : errorMessage(screening.error)}
        extra={
          !notFound && (
            <Button icon={<ReloadOutlined />} onClick={() => screening.refetch()}>
              Thử lại
            </Button>
          )
        }
      />
    );
  }

  const p = screening.data;
  const lookups: FactLookups = {
    ratingName: (code) => reference.data?.ratingName(code) ?? null,
    disciplineFormName: (code) => reference.data?.disciplineForms.find((f) => f.code === code)?.name ?? null,
    unitName: (id) => units.data?.byId.get(id)?.name,
  };
  const fails = p.criteria.filter((c) => c.result === 'fail').length;
  const unknowns = p.criteria.filter((c) => c.result === 'unknown').length;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="eligibility-panel">
      {showProfileLink && (
        <div>
          <Space wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="eligibility-name">
              {p.fullName}
            </Typography.Title>
            <Tag>{p.code}</Tag>
          </Space>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {[p.positionTitle, p.unitName, p.sendingUnitName && p.sendingUnitName !== p.unitName ? `(${p.sendingUnitName})` : null].filter(Boolean).join(' — ')}
          </Typography.Text>
        </div>
      )}

      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 170 } }}
        items={[
          {
            key: 'verdict',
            label: 'Kết luận',
            children: (
              <Space wrap>
                <Tag color={VERDICT_COLORS[p.verdict]} style={{ fontSize: 14, padding: '2px 10px' }} data-testid="eligibility-verdict">
                  {VERDICT_LABELS[p.verdict]}
                </Tag>
                <Typography.Text type="secondary">{verdictSummary(fails, unknowns)}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'group',
            label: 'Nhóm đối tượng',
            children: <TargetGroupText group={p.targetGroup} reason={p.targetGroupReason} />,
          },
          {
            key: 'priority',
            label: 'Điểm ưu tiên',
            children: <PriorityText score={p.priorityScore} parts={p.priorityParts} />,
          },
          {
            key: 'basis',
            label: 'Căn cứ xét',
            children: (
              <span data-testid="eligibility-basis">
                {planVersionText(p.planVersion)}; ngày xét {formatDate(p.referenceDate)}
              </span>
            ),
          },
        ]}
      />

      {(canAssess || showProfileLink) && (
        <Space wrap>
          {canAssess && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setAssessing(true)} data-testid="assess-button">
              Nhận xét, đánh giá
            </Button>
          )}
          {showProfileLink && (
            <Link to={`/cadres/${p.personId}`}>
              <Button icon={<IdcardOutlined />}>Xem hồ sơ cán bộ</Button>
            </Link>
          )}
        </Space>
      )}

      <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
        Các tiêu chí
      </Typography.Title>
      {p.criteria.map((c) => (
        <CriterionBlock key={c.criterion} c={c} lookups={lookups} />
      ))}

      {assessing && <AssessmentModal personId={p.personId} fullName={p.fullName} onClose={() => setAssessing(false)} />}
    </Space>
  );
}

function verdictSummary(fails: number, unknowns: number) {
  const parts = [fails ? `${formatNumber(fails)} tiêu chí không đạt` : '', unknowns ? `${formatNumber(unknowns)} tiêu chí thiếu thông tin` : ''].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Đạt tất cả các tiêu chí áp dụng';
}

export function TargetGroupText({ group, reason }: { group: number; reason: string }) {
  return (
    <span>
      <Tag color="blue">Nhóm {group}</Tag>
      {TARGET_GROUP_LABELS[group as TargetGroup]?.replace(/^Nhóm \d: /, '') ?? ''}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {viDates(reason)}
      </Typography.Text>
    </span>
  );
}

function PriorityText({ score, parts }: { score: number | null; parts: PersonScreening['priorityParts'] }) {
  if (score === null) return <Typography.Text type="secondary">Chỉ xếp thứ tự ưu tiên đối với cán bộ đủ điều kiện</Typography.Text>;
  return (
    <Space wrap size={[4, 4]}>
      <Typography.Text strong>{formatNumber(score)} điểm</Typography.Text>
      {parts.length === 0 && <Typography.Text type="secondary">(không có yếu tố ưu tiên)</Typography.Text>}
      {parts.map((x) => (
        <Tag key={x.factor} color="purple">
          {x.label}: +{formatNumber(x.points)}
        </Tag>
      ))}
    </Space>
  );
}

const FACTS_STYLE: React.CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'minmax(140px, max-content) 1fr',
  columnGap: 12,
  rowGap: 2,
  margin: '6px 0 0',
  padding: '6px 8px',
  background: '#fff',
  border: '1px solid #f0f0f0',
  borderRadius: 4,
  fontSize: 12,
};

/** One criterion: its result, why, the legal clause and the data the rule used. */
function CriterionBlock({ c, lookups }: { c: CriterionItem; lookups: FactLookups }) {
  const facts = describeFacts(c.facts, lookups);
  return (
    <div
      data-testid={`criterion-${c.criterion}`}
      data-result={c.result}
      style={{ borderLeft: `4px solid ${RESULT_DOT_COLORS[c.result]}`, background: '#fafafa', padding: '8px 12px', borderRadius: 4 }}
    >
      <Space wrap align="center" style={{ marginBottom: 4 }}>
        <Typography.Text strong>{CRITERION_LABELS[c.criterion]}</Typography.Text>
        <Tag color={RESULT_COLORS[c.result]} data-testid="criterion-result">
          {RESULT_LABELS[c.result]}
        </Tag>
      </Space>
      <div>{viDates(c.reason)}</div>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="criterion-clause">
        Căn cứ: {c.clause}
      </Typography.Text>
      {facts.length > 0 && (
        <dl data-testid="criterion-facts" style={FACTS_STYLE} aria-label="Dữ liệu đã dùng">
          {facts.map((f) => (
            <div key={f.key} style={{ display: 'contents' }}>
              <dt style={{ color: 'rgba(0,0,0,0.55)' }}>{f.label}</dt>
              <dd style={{ margin: 0 }}>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
