import { Alert, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { RESULT_LABELS, VERDICT_LABELS, VERDICTS, type CriterionResult, type Verdict } from '../../../../../common/eligibility';
import { SECONDMENT_STATUS_LABELS, type SecondmentStatus } from '../../../../../common/secondment';
import type { ReferencePreviewResult } from '../../../api/types';
import { formatDate, formatNumber } from '../../../shared/format';

const money = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${formatNumber(v)} đồng`);
const signed = (d: number) => (d === 0 ? '0 đồng' : `${d > 0 ? '+' : '−'}${formatNumber(Math.abs(d))} đồng`);
const deltaColor = (d: number) => (d === 0 ? undefined : d > 0 ? '#389e0d' : '#cf1322');
const verdictText = (v: string) => VERDICT_LABELS[v as Verdict] ?? v;
const resultText = (r: string) => RESULT_LABELS[r as CriterionResult] ?? r;
const moveCell = (before: number | null, after: number | null) =>
  before === after ? (
    money(before)
  ) : (
    <span style={{ whiteSpace: 'nowrap' }}>
      <del style={{ color: '#a8071a' }}>{money(before)}</del> → <ins style={{ color: '#237804', textDecoration: 'none' }}>{money(after)}</ins>
    </span>
  );

/** What a draft row of a reference table moves: verdicts (who and why), entitlements, supplementary budgets, repayments, with the totals. */
export function ReferencePreviewView({ p }: { p: ReferencePreviewResult }) {
  const period = `từ ${formatDate(p.period.from)}${p.period.to ? ` đến ${formatDate(p.period.to)}` : ''}`;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="reference-preview">
      <Alert
        type="info"
        showIcon
        title={`Kết quả xem trước (chưa lưu): ${p.actionLabel.toLowerCase()} — ${p.tableLabel}`}
        description={
          <>
            {p.beforeText && <div>Dòng hiện có: {p.beforeText}</div>}
            <div>Dòng dự kiến: {p.afterText}</div>
            Thời gian chịu tác động: {period}.
            {p.notes.map((n) => (
              <div key={n}>{n}</div>
            ))}
          </>
        }
      />
      {p.screening && (
        <Card size="small" title={`Kết quả sàng lọc tại ngày ${formatDate(p.screening.referenceDate)}`}>
          <Row gutter={16} style={{ marginBottom: 12 }}>
            <Col xs={24} md={6}>
              <Statistic title="Số người thay đổi kết quả" value={p.screening.changed} formatter={(v) => formatNumber(Number(v))} />
            </Col>
            {VERDICTS.map((v) => (
              <Col xs={8} md={6} key={v}>
                <Statistic title={VERDICT_LABELS[v]} value={`${formatNumber(p.screening!.current[v] ?? 0)} → ${formatNumber(p.screening!.draft[v] ?? 0)}`} />
              </Col>
            ))}
          </Row>
          {p.screening.truncated && (
            <Alert type="warning" showIcon style={{ marginBottom: 8 }} title="Chỉ hiển thị 200 người đầu tiên; tệp Excel có cùng danh sách." />
          )}
          <Table
            rowKey="personId"
            size="small"
            dataSource={p.screening.people}
            pagination={p.screening.people.length > 10 ? { pageSize: 10, size: 'small' } : false}
            scroll={{ x: 900 }}
            locale={{ emptyText: 'Không ai thay đổi kết quả sàng lọc' }}
            columns={[
              {
                title: 'Họ và tên',
                dataIndex: 'fullName',
                width: 200,
                render: (n: string, r) => (
                  <>
                    {n}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {r.code} · {r.unitName}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: 'Kết quả',
                key: 'verdict',
                width: 220,
                render: (_: unknown, r) => <VerdictChange before={r.verdictBefore} after={r.verdictAfter} />,
              },
              {
                title: 'Vì sao',
                key: 'why',
                render: (_: unknown, r) => <CriteriaChanges criteria={r.criteria} />,
              },
            ]}
          />
        </Card>
      )}
      {p.training && (
        <Card size="small" title={`Cử đi đào tạo, bồi dưỡng chưa khai giảng (${formatNumber(p.training.considered)} hồ sơ đề cử, phê duyệt)`}>
          <Table
            rowKey="enrolmentId"
            size="small"
            dataSource={p.training.items}
            pagination={p.training.items.length > 10 ? { pageSize: 10, size: 'small' } : false}
            scroll={{ x: 900 }}
            locale={{ emptyText: 'Không hồ sơ cử đi đào tạo nào thay đổi kết quả xét' }}
            columns={[
              {
                title: 'Họ và tên',
                dataIndex: 'fullName',
                width: 200,
                render: (n: string, r) => (
                  <>
                    {n}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {r.personCode} · {r.courseTitle}
                    </Typography.Text>
                  </>
                ),
              },
              {
                title: 'Kết quả',
                key: 'verdict',
                width: 220,
                render: (_: unknown, r) => <VerdictChange before={r.verdictBefore} after={r.verdictAfter} />,
              },
              {
                title: 'Vì sao',
                key: 'why',
                render: (_: unknown, r) => <CriteriaChanges criteria={r.criteria} />,
              },
            ]}
          />
        </Card>
      )}
      {p.entitlements && (
        <Card size="small" title={`Chế độ của cán bộ đã có quyết định cử, đang tăng cường (${formatNumber(p.entitlements.considered)} hồ sơ)`}>
          <Row gutter={16} style={{ marginBottom: 12 }}>
            <Col xs={24} md={8}>
              <Statistic title="Số hồ sơ thay đổi" value={p.entitlements.items.length} formatter={(v) => formatNumber(Number(v))} />
            </Col>
            <Col xs={24} md={8}>
              <Statistic
                title="Tổng chênh lệch trợ cấp một lần"
                value={signed(p.entitlements.oneOffDeltaVnd)}
                styles={{ content: { color: deltaColor(p.entitlements.oneOffDeltaVnd) } }}
              />
            </Col>
            <Col xs={24} md={8}>
              <Statistic
                title="Tổng chênh lệch lương hằng tháng"
                value={`${signed(p.entitlements.monthlyDeltaVnd)}/tháng`}
                styles={{ content: { color: deltaColor(p.entitlements.monthlyDeltaVnd) } }}
              />
            </Col>
          </Row>
          <Table
            rowKey="secondmentId"
            size="small"
            dataSource={p.entitlements.items}
            pagination={p.entitlements.items.length > 10 ? { pageSize: 10, size: 'small' } : false}
            scroll={{ x: 900 }}
            locale={{ emptyText: 'Không hồ sơ nào thay đổi chế độ' }}
            columns={[
              {
                title: 'Họ và tên',
                dataIndex: 'fullName',
                render: (n: string, r) => (
                  <>
                    {n}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {r.personCode} · {r.sendingUnitName}
                    </Typography.Text>
                  </>
                ),
              },
              { title: 'Trạng thái', dataIndex: 'status', width: 160, render: (s: string) => SECONDMENT_STATUS_LABELS[s as SecondmentStatus] ?? s },
              { title: 'Ngày bắt đầu', dataIndex: 'startDate', width: 110, render: (d: string | null) => formatDate(d) },
              { title: 'Trợ cấp một lần', key: 'oneOff', render: (_: unknown, r) => moveCell(r.oneOff.before, r.oneOff.after) },
              { title: 'Lương hằng tháng', key: 'monthly', render: (_: unknown, r) => moveCell(r.monthly.before, r.monthly.after) },
            ]}
          />
        </Card>
      )}
      {p.budgets && (
        <Card size="small" title={`Kinh phí bổ sung năm đầu sau sắp xếp (${formatNumber(p.budgets.considered)} khoản đã tính)`}>
          <Statistic
            title="Tổng chênh lệch"
            value={signed(p.budgets.deltaVnd)}
            styles={{ content: { color: deltaColor(p.budgets.deltaVnd) } }}
            style={{ marginBottom: 12 }}
          />
          <Table
            rowKey="budgetId"
            size="small"
            dataSource={p.budgets.items}
            pagination={false}
            locale={{ emptyText: 'Không khoản kinh phí nào thay đổi' }}
            columns={[
              {
                title: 'Đơn vị',
                dataIndex: 'unitName',
                render: (n: string, r) => (
                  <>
                    {n}
                    {r.overridden && <Tag style={{ marginLeft: 8 }}>Đã điều chỉnh thủ công</Tag>}
                  </>
                ),
              },
              { title: 'Năm', dataIndex: 'year', width: 80 },
              { title: 'Kinh phí', key: 'amount', render: (_: unknown, r) => moveCell(r.before, r.after) },
            ]}
          />
        </Card>
      )}
      {p.repayments && (
        <Card size="small" title={`Bồi hoàn chi phí đào tạo (${formatNumber(p.repayments.considered)} khoản đã ghi nhận)`}>
          <Statistic
            title="Tổng chênh lệch"
            value={signed(p.repayments.deltaVnd)}
            styles={{ content: { color: deltaColor(p.repayments.deltaVnd) } }}
            style={{ marginBottom: 12 }}
          />
          <Table
            rowKey="repaymentId"
            size="small"
            dataSource={p.repayments.items}
            pagination={false}
            locale={{ emptyText: 'Không khoản bồi hoàn nào thay đổi' }}
            columns={[
              {
                title: 'Họ và tên',
                dataIndex: 'fullName',
                render: (n: string, r) => (
                  <>
                    {n}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {r.personCode}
                    </Typography.Text>
                  </>
                ),
              },
              { title: 'Khóa học', dataIndex: 'courseName' },
              { title: 'Số tiền bồi hoàn', key: 'amount', render: (_: unknown, r) => moveCell(r.before, r.after) },
            ]}
          />
        </Card>
      )}
      {p.ratings && (
        <Card size="small" title={`Xếp loại chất lượng hằng năm (${formatNumber(p.ratings.ratingsMoved)} lượt xếp loại đổi căn cứ)`}>
          <Table
            rowKey="year"
            size="small"
            dataSource={p.ratings.years}
            pagination={false}
            scroll={{ x: 700 }}
            locale={{ emptyText: 'Không năm xếp loại nào đổi văn bản căn cứ' }}
            columns={[
              { title: 'Năm', dataIndex: 'year', width: 70 },
              { title: 'Căn cứ hiện hành', dataIndex: 'before' },
              { title: 'Căn cứ dự kiến', dataIndex: 'after' },
              {
                title: 'Chấm điểm',
                key: 'points',
                width: 130,
                render: (_: unknown, r) => `${r.pointsBefore ? 'Có' : 'Không'} → ${r.pointsAfter ? 'Có' : 'Không'}`,
              },
              { title: 'Số lượt đã ghi', dataIndex: 'ratings', width: 110, render: (n: number) => formatNumber(n) },
            ]}
          />
          {p.ratings.pointsLostTotal > 0 && (
            <>
              <Typography.Paragraph style={{ marginTop: 12, marginBottom: 8 }}>
                {formatNumber(p.ratings.pointsLostTotal)} lượt xếp loại đã chấm điểm mà văn bản dự kiến không chấm điểm: giữ nguyên mức đã ghi, khi sửa phải bỏ điểm.
              </Typography.Paragraph>
              <Table
                rowKey={(r) => `${r.personId}-${r.year}`}
                size="small"
                dataSource={p.ratings.pointsLost}
                pagination={p.ratings.pointsLost.length > 10 ? { pageSize: 10 } : false}
                columns={[
                  { title: 'Mã hồ sơ', dataIndex: 'personCode', width: 110 },
                  { title: 'Họ và tên', dataIndex: 'fullName' },
                  { title: 'Năm', dataIndex: 'year', width: 70 },
                  { title: 'Điểm', dataIndex: 'points', width: 80, render: (v: number) => String(v).replace('.', ',') },
                ]}
              />
            </>
          )}
        </Card>
      )}
    </Space>
  );
}

/** A verdict before → after the draft, the after coloured by what it means. */
function VerdictChange({ before, after }: { before: string; after: string }) {
  return (
    <Space size={4} wrap>
      <Tag>{verdictText(before)}</Tag>→<Tag color={after === 'eligible' ? 'green' : after === 'not_eligible' ? 'red' : 'gold'}>{verdictText(after)}</Tag>
    </Space>
  );
}

/** Each criterion that moves: its result before → after, the reason after (and the one in force), its clause. */
function CriteriaChanges({
  criteria,
}: {
  criteria: {
    criterion: string;
    label: string;
    resultBefore: string;
    resultAfter: string;
    reasonAfter: string;
    reasonBefore?: string | null;
    clause: string;
  }[];
}) {
  return (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {criteria.map((c) => (
        <li key={c.criterion}>
          <Typography.Text strong>{c.label}</Typography.Text>: {resultText(c.resultBefore)} → {resultText(c.resultAfter)}. {c.reasonAfter}
          {c.reasonBefore && <Typography.Text type="secondary"> (hiện hành: {c.reasonBefore})</Typography.Text>}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {c.clause}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
