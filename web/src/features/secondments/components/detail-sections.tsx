import type { ReactNode } from 'react';
import dayjs from 'dayjs';
import { Button, Card, Col, Descriptions, Empty, Row, Table, Tag, Typography } from 'antd';
import { TARGET_GROUP_LABELS, type TargetGroup } from '../../../../../common/eligibility';
import {
  CONTACT_CHANNEL_LABELS,
  DECISION_KIND_LABELS,
  REPORT_KIND_LABELS,
  type ContactChannel,
  type DecisionKind,
  type ReportKind,
} from '../../../../../common/secondment';
import { EMPTY, formatDate, formatDateTime, formatNumber } from '../../../shared/format';
import { useReference } from '../../../shared/hooks/use-reference';
import type { SecondmentDetail, SecondmentReport } from '../hooks/secondment-api';
import { PostSnapshotView } from './post-snapshot';
import { isReportOpen } from './secondment-labels';
import { VerdictSnapshotView } from './verdict-snapshot';

const text = (v: string | null | undefined) => (v ? <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> : EMPTY);

/** A titled section of the record. */
export function Section({ id, title, extra, children }: { id: string; title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card id={id} size="small" title={title} extra={extra} style={{ marginBottom: 16 }} data-testid={`section-${id}`}>
      {children}
    </Card>
  );
}

/** The proposal: target group, remarks, justification, and the verdicts at proposal and at appraisal. */
export function ProposalSection({ s }: { s: SecondmentDetail }) {
  if (s.proposalWithheld) {
    return (
      <Section id="proposal" title="Đề xuất và thẩm định">
        <Typography.Text type="secondary">Nhận xét, đánh giá và kết quả thẩm định là thông tin nội bộ của cơ quan cử và Sở Nội vụ.</Typography.Text>
      </Section>
    );
  }
  return (
    <Section id="proposal" title="Đề xuất và thẩm định">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'group',
            label: 'Nhóm đối tượng',
            children: s.targetGroup ? (TARGET_GROUP_LABELS[s.targetGroup as TargetGroup] ?? `Nhóm ${s.targetGroup}`) : EMPTY,
            span: 2,
          },
          { key: 'proposedAt', label: 'Ngày đề xuất', children: formatDate(s.proposedAt) },
          { key: 'role', label: 'Vị trí, nhiệm vụ đề nghị', children: s.suggestedRole ?? EMPTY },
          { key: 'remarks', label: 'Nhận xét của đơn vị', children: text(s.remarks), span: 2 },
          ...(s.justification ? [{ key: 'justification', label: 'Lý do đề xuất (chưa đủ điều kiện)', children: text(s.justification), span: 2 }] : []),
          { key: 'appraisedAt', label: 'Ngày thẩm định', children: formatDate(s.appraisedAt) },
          { key: 'appraisalNote', label: 'Ý kiến thẩm định', children: text(s.appraisalNote) },
        ]}
      />
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col xs={24} lg={12}>
          <VerdictSnapshotView title="Điều kiện khi đề xuất" snapshot={s.proposalVerdict} testId="verdict-proposal" />
        </Col>
        <Col xs={24} lg={12}>
          <VerdictSnapshotView title="Điều kiện khi thẩm định" snapshot={s.appraisalVerdict} testId="verdict-appraisal" />
        </Col>
      </Row>
    </Section>
  );
}

/** The decisions along the path (send, extend, end early, return) and the reserved home post. */
export function DecisionsSection({ s }: { s: SecondmentDetail }) {
  return (
    <Section id="decisions" title="Quyết định">
      {s.decisions.length === 0 ? (
        <Typography.Text type="secondary">Chưa có quyết định.</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={s.decisions}
          data-testid="decisions-table"
          columns={[
            { title: 'Số', dataIndex: 'number', width: 140 },
            { title: 'Ngày ký', dataIndex: 'decidedOn', width: 110, render: (d: string) => formatDate(d) },
            { title: 'Loại', dataIndex: 'kind', render: (k: string) => DECISION_KIND_LABELS[k as DecisionKind] ?? k },
            { title: 'Người ký', key: 'signer', render: (_: unknown, d) => `${d.signerTitle} ${d.signerName}` },
          ]}
        />
      )}
      <Descriptions
        size="small"
        style={{ marginTop: 12 }}
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'start', label: 'Ngày bắt đầu', children: formatDate(s.startDate) },
          { key: 'end', label: 'Ngày kết thúc', children: formatDate(s.endDate) },
          { key: 'duration', label: 'Thời gian', children: s.durationMonths ? `${formatNumber(s.durationMonths)} tháng` : EMPTY },
          ...(s.shortDurationReason ? [{ key: 'short', label: 'Lý do trường hợp đặc biệt', children: text(s.shortDurationReason), span: 3 }] : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        Vị trí công tác được bảo lưu
      </Typography.Title>
      <PostSnapshotView post={s.reservedPost} testId="reserved-post" />
    </Section>
  );
}

/** The reception by the host commune. */
export function ReceptionSection({ s }: { s: SecondmentDetail }) {
  return (
    <Section id="reception" title="Tiếp nhận tại cơ sở">
      {s.receivedOn ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'receivedOn', label: 'Ngày tiếp nhận', children: formatDate(s.receivedOn) },
            { key: 'start', label: 'Ngày bắt đầu công tác', children: formatDate(s.startDate) },
            { key: 'role', label: 'Chức vụ, chức danh tại cơ sở', children: s.hostRole ?? EMPTY, span: 2 },
            { key: 'work', label: 'Công việc được phân công', children: text(s.assignedWork), span: 2 },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">Xã, phường chưa xác nhận tiếp nhận.</Typography.Text>
      )}
    </Section>
  );
}

/** The cadre's reports: due date (overdue in red), submission and content; the cadre submits from here. */
export function ReportsSection({ s, onSubmit, extra }: { s: SecondmentDetail; onSubmit?(r: SecondmentReport): void; extra?: ReactNode }) {
  return (
    <Section id="reports" title="Báo cáo của cán bộ" extra={extra}>
      <Table<SecondmentReport>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={s.reports}
        data-testid="reports-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có kỳ báo cáo" /> }}
        expandable={{
          rowExpandable: (r) => !!r.submittedOn,
          expandedRowRender: (r) => (
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'results', label: 'Kết quả thực hiện nhiệm vụ', children: text(r.results) },
                { key: 'difficulties', label: 'Khó khăn, vướng mắc', children: text(r.difficulties) },
                { key: 'proposals', label: 'Đề xuất, kiến nghị', children: text(r.proposals) },
              ]}
            />
          ),
        }}
        columns={[
          {
            title: 'Loại',
            key: 'kind',
            render: (_: unknown, r) => (
              <>
                {REPORT_KIND_LABELS[r.kind as ReportKind] ?? r.kind}
                {r.kind === 'periodic' && r.periodNo ? ` kỳ ${r.periodNo}` : ''}
                {r.requestNote && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {r.requestNote}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: 'Kỳ báo cáo',
            key: 'period',
            width: 200,
            render: (_: unknown, r) => (r.periodFrom ? `${formatDate(r.periodFrom)} – ${formatDate(r.periodTo)}` : EMPTY),
          },
          {
            title: 'Hạn nộp',
            dataIndex: 'dueOn',
            width: 130,
            render: (d: string, r) =>
              r.overdue ? (
                <Typography.Text type="danger" strong data-testid="report-overdue">
                  {formatDate(d)} (quá hạn)
                </Typography.Text>
              ) : (
                formatDate(d)
              ),
          },
          {
            title: 'Đã nộp',
            key: 'submitted',
            width: 170,
            render: (_: unknown, r) =>
              r.cancelled ? (
                <Tag>Đã hủy</Tag>
              ) : r.submittedOn ? (
                <Tag color="green">Đã nộp {formatDate(r.submittedOn)}</Tag>
              ) : onSubmit && isReportOpen(r, dayjs().format('YYYY-MM-DD')) ? (
                <Button size="small" type="primary" onClick={() => onSubmit(r)} data-testid="action-submit_report" data-report-id={r.id}>
                  Nộp báo cáo
                </Button>
              ) : (
                <Typography.Text type="secondary">{r.periodFrom && r.periodFrom > dayjs().format('YYYY-MM-DD') ? 'Chưa đến kỳ' : 'Chưa nộp'}</Typography.Text>
              ),
          },
        ]}
      />
    </Section>
  );
}

/** The host commune's annual evaluations. */
export function EvaluationsSection({ s, extra }: { s: SecondmentDetail; extra?: ReactNode }) {
  const reference = useReference();
  return (
    <Section id="evaluations" title="Nhận xét, đánh giá của xã, phường" extra={extra}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={s.evaluations}
        data-testid="evaluations-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa có nhận xét, đánh giá" /> }}
        columns={[
          { title: 'Năm', dataIndex: 'year', width: 70 },
          { title: 'Ngày', dataIndex: 'evaluatedOn', width: 110, render: (d: string) => formatDate(d) },
          { title: 'Xếp loại đề xuất', dataIndex: 'proposedRating', width: 180, render: (c: string) => reference.data?.ratingName(c) ?? c },
          {
            title: 'Nhận xét',
            key: 'text',
            render: (_: unknown, e) => (
              <>
                {e.strengths && <div>Ưu điểm: {e.strengths}</div>}
                {e.weaknesses && <div>Hạn chế: {e.weaknesses}</div>}
                {e.usageProposal && <div>Đề xuất sử dụng: {e.usageProposal}</div>}
              </>
            ),
          },
          { title: 'Người đánh giá', dataIndex: 'evaluatorName', width: 160 },
        ]}
      />
    </Section>
  );
}

/** The sending unit's contact log. */
export function ContactsSection({ s, extra }: { s: SecondmentDetail; extra?: ReactNode }) {
  return (
    <Section id="contacts" title="Liên hệ của đơn vị cử" extra={extra}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={s.contacts}
        data-testid="contacts-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Chưa ghi nhận liên hệ" /> }}
        columns={[
          { title: 'Ngày', dataIndex: 'contactedOn', width: 110, render: (d: string) => formatDate(d) },
          { title: 'Hình thức', dataIndex: 'channel', width: 160, render: (c: string) => CONTACT_CHANNEL_LABELS[c as ContactChannel] ?? c },
          { title: 'Nội dung', dataIndex: 'summary', render: (t: string) => text(t) },
          { title: 'Việc cần theo dõi', dataIndex: 'followUp', render: (t: string | null) => text(t) },
          { title: 'Người ghi', dataIndex: 'authorName', width: 160 },
        ]}
      />
    </Section>
  );
}

/** The end and the return: end date and reason, placement, outcome. */
export function ReturnSection({ s }: { s: SecondmentDetail }) {
  const reference = useReference();
  if (!s.actualEndDate && !s.returnedOn && !s.placement) return null;
  return (
    <Section id="return" title="Kết thúc, trở về và bố trí công tác">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'end', label: 'Ngày kết thúc', children: formatDate(s.actualEndDate) },
          { key: 'endReason', label: 'Lý do kết thúc', children: text(s.endReason) },
          { key: 'returnedOn', label: 'Ngày trở về', children: formatDate(s.returnedOn) },
          { key: 'rating', label: 'Kết quả đánh giá', children: s.outcomeRating ? (reference.data?.ratingName(s.outcomeRating) ?? s.outcomeRating) : EMPTY },
          { key: 'remarks', label: 'Nhận xét kết quả', children: text(s.outcomeRemarks), span: 2 },
          ...(s.extraStepGranted !== null ? [{ key: 'step', label: 'Nâng bậc lương', children: s.extraStepGranted ? 'Được xét nâng một bậc lương' : 'Không' }] : []),
        ]}
      />
      {s.placement && (
        <>
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            Vị trí bố trí khi trở về
          </Typography.Title>
          <PostSnapshotView post={s.placement} testId="placement" />
        </>
      )}
    </Section>
  );
}

/** The date the record was last changed, for the header. */
export const updatedText = (s: SecondmentDetail) => `Cập nhật lần cuối ${formatDateTime(s.updatedAt)}`;
