import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Popover, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  COURSE_KIND_LABELS,
  ENROLMENT_STATUSES,
  ENROLMENT_STATUS_LABELS,
  FUNDING_SOURCE_LABELS,
  formatVnd,
  REPAYMENT_REASON_LABELS,
  REPAYMENT_STATUS_LABELS,
  type EnrolmentStatus,
  type RepaymentStatus,
} from '../../../../../common/training';
import { RESULT_LABELS, VERDICT_LABELS } from '../../../../../common/eligibility';
import type { TrainingEnrolment } from '../../../api/types';
import { formatDate } from '../../../shared/format';
import { useEnrolments, type EnrolmentAction, type RepaymentStep } from '../hooks/use-training';
import { EnrolmentActionModal } from './enrolment-action-modal';
import { REPAYMENT_STEP_LABELS, RepaymentStepModal } from './repayment-step-modal';
import { ACTION_LABELS, StatusTag } from './labels';

function EligibilityPopover({ e }: { e: TrainingEnrolment }) {
  const shown = e.eligibility.criteria.filter((c) => c.result !== 'na');
  return (
    <Popover
      title={`${VERDICT_LABELS[e.eligibility.verdict]} (xét tại ngày ${formatDate(e.eligibility.referenceDate)}, ${e.eligibility.instrument})`}
      content={
        <ul style={{ maxWidth: 520, paddingLeft: 18, margin: 0 }}>
          {shown.map((c) => (
            <li key={c.criterion}>
              <b>{RESULT_LABELS[c.result]}</b>: {c.reason} <Typography.Text type="secondary">({c.clause})</Typography.Text>
            </li>
          ))}
        </ul>
      }
    >
      <Tag color={e.eligibility.verdict === 'eligible' ? 'green' : e.eligibility.verdict === 'needs_info' ? 'gold' : 'red'}>
        {VERDICT_LABELS[e.eligibility.verdict]}
      </Tag>
    </Popover>
  );
}

const REPAYMENT_COLORS: Record<RepaymentStatus, string> = {
  assessed: 'gold',
  council_formed: 'blue',
  decided: 'orange',
  paid: 'green',
  waived: 'default',
  not_due: 'default',
};

/** The repayment and where its procedure stands (Decree 171/2025 Art. 9–13). */
function RepaymentSummary({ r }: { r: NonNullable<TrainingEnrolment['repayment']> }) {
  return (
    <div data-testid="repayment-summary">
      <div>
        Bồi hoàn: {formatVnd(r.amountVnd)} <Tag color={REPAYMENT_COLORS[r.status]}>{REPAYMENT_STATUS_LABELS[r.status]}</Tag>
      </div>
      <div>
        {REPAYMENT_REASON_LABELS[r.reason]}; thôi việc ngày {formatDate(r.leftOn)}
      </div>
      {r.councilDecisionNo && (
        <div>
          Hội đồng: QĐ số {r.councilDecisionNo} ngày {formatDate(r.councilFormedOn)}
          {r.councilMembers?.length ? ` (${r.councilMembers.map((m) => `${m.name} – ${m.role}`).join('; ')})` : ''}
        </div>
      )}
      {r.decisionNo && (
        <div>
          Quyết định bồi hoàn số {r.decisionNo} ngày {formatDate(r.decidedOn)}; hạn nộp {formatDate(r.dueOn)}
        </div>
      )}
      {r.paidVnd !== null && (
        <div>
          Đã nộp {formatVnd(r.paidVnd)}
          {r.paidOn ? ` (lần cuối ${formatDate(r.paidOn)})` : ''}
        </div>
      )}
      <Typography.Text type="secondary">{r.explanation.clause}</Typography.Text>
    </div>
  );
}

/** The nominations and trainings in scope, each with the steps the user may take now (a cadre: their own, read only). */
export function EnrolmentsTab({ isAuthority, own }: { isAuthority: boolean; own: boolean }) {
  const [status, setStatus] = useState<EnrolmentStatus | undefined>();
  const list = useEnrolments({ status });
  const [acting, setActing] = useState<{ e: TrainingEnrolment; action: EnrolmentAction } | null>(null);
  const [stepping, setStepping] = useState<{ e: TrainingEnrolment; step: RepaymentStep } | null>(null);
  // an inbox item links here with the enrolment to follow
  const [params] = useSearchParams();
  const focused = params.get('enrolment');

  const columns: ColumnsType<TrainingEnrolment> = [
    {
      title: 'Cán bộ',
      key: 'person',
      render: (_, e) => (
        <>
          <Typography.Text strong>{e.personName}</Typography.Text>
          <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.6)' }}>{[e.positionTitle, e.personUnitName].filter(Boolean).join(', ')}</div>
        </>
      ),
    },
    {
      title: 'Khóa học',
      key: 'course',
      render: (_, e) => (
        <>
          {e.courseTitle}
          <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.6)' }}>
            {COURSE_KIND_LABELS[e.courseKind]} · {formatDate(e.startDate)} – {formatDate(e.endDate)}
          </div>
        </>
      ),
    },
    {
      title: 'Tình trạng',
      dataIndex: 'status',
      width: 130,
      render: (s: EnrolmentStatus, e) => (
        <Space orientation="vertical" size={2}>
          <StatusTag status={s} />
          {!own && <EligibilityPopover e={e} />}
        </Space>
      ),
    },
    {
      title: 'Kinh phí',
      key: 'money',
      width: 230,
      render: (_, e) => (
        <div style={{ fontSize: 12 }}>
          <div>{FUNDING_SOURCE_LABELS[e.fundingSource]}</div>
          <div>Dự kiến: {formatVnd(e.estimatedCostVnd)}</div>
          <div>Đã cam kết: {formatVnd(e.committedVnd)}</div>
          <div>Đã chi: {formatVnd(e.spentVnd)}</div>
        </div>
      ),
    },
    {
      title: 'Kết quả, cam kết',
      key: 'result',
      width: 240,
      render: (_, e) => (
        <div style={{ fontSize: 12 }}>
          {e.refusalReason && <div>Lý do không duyệt: {e.refusalReason}</div>}
          {e.overrideReason && <div>Vượt dự toán: {e.overrideReason}</div>}
          {e.commitmentTo && (
            <div>
              Cam kết phục vụ {e.commitmentMonths} tháng, đến hết {formatDate(e.commitmentTo)}
            </div>
          )}
          {e.certificateNo && (
            <div data-testid="certificate">
              Kết quả: {e.result}; văn bằng, chứng chỉ số {e.certificateNo} ({formatDate(e.completedOn)})
            </div>
          )}
          {e.endReason && <div>{e.endReason}</div>}
          {e.repayment && <RepaymentSummary r={e.repayment} />}
        </div>
      ),
    },
    ...(own
      ? []
      : [
          {
            title: 'Thao tác',
            key: 'actions',
            width: 200,
            render: (_: unknown, e: TrainingEnrolment) => (
              <Space wrap size={4}>
                {e.allowedActions.map((a) => (
                  <Button
                    key={a}
                    size="small"
                    danger={a === 'refuse' || a === 'withdraw' || a === 'fail'}
                    type={a === 'approve' ? 'primary' : 'default'}
                    onClick={() => setActing({ e, action: a as EnrolmentAction })}
                  >
                    {ACTION_LABELS[a] ?? a}
                  </Button>
                ))}
                {e.repayment?.allowedSteps.map((st) => (
                  <Button key={st} size="small" type="primary" ghost onClick={() => setStepping({ e, step: st })}>
                    {REPAYMENT_STEP_LABELS[st]}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]),
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="enrolment-status">Tình trạng</label>
        <Select<EnrolmentStatus>
          id="enrolment-status"
          allowClear
          placeholder="Tất cả"
          value={status}
          onChange={setStatus}
          style={{ width: 200 }}
          options={ENROLMENT_STATUSES.map((s) => ({ value: s, label: ENROLMENT_STATUS_LABELS[s] }))}
        />
      </Space>
      <Table<TrainingEnrolment>
        data-testid="enrolment-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(e) => ({ 'data-person': e.personName, style: e.id === focused ? { background: '#fffbe6' } : undefined }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: own ? 'Bạn chưa được cử đi đào tạo, bồi dưỡng' : 'Chưa có hồ sơ cử đi đào tạo' }}
        scroll={{ x: 1100 }}
      />
      {stepping && <RepaymentStepModal enrolment={stepping.e} step={stepping.step} onClose={() => setStepping(null)} />}
      {acting && <EnrolmentActionModal enrolment={acting.e} action={acting.action} isAuthority={isAuthority} onClose={() => setActing(null)} />}
    </>
  );
}
