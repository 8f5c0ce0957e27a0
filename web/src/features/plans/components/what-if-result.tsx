import { Alert, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { VERDICTS, VERDICT_LABELS, type Verdict } from '../../../../../common/eligibility';
import { formatDate, formatNumber } from '../../../shared/format';
import type { WhatIfResult } from '../hooks/use-plans';

const delta = (before: number | null, after: number | null) => {
  if (before === null || after === null) return '—';
  const d = after - before;
  return d === 0 ? '0' : `${d > 0 ? '+' : '−'}${formatNumber(Math.abs(d))}`;
};
const deltaColor = (before: number | null, after: number | null) =>
  before === null || after === null || before === after ? undefined : after > before ? '#389e0d' : '#cf1322';

/** The what-if preview: quota totals and the units whose target moves; verdict counts and how many people change verdict. */
export function WhatIfResultView({ r }: { r: WhatIfResult }) {
  const q = r.quotas;
  const e = r.eligibility;
  const verdictRows = VERDICTS.map((v) => ({ verdict: v, current: e.current[v] ?? 0, draft: e.draft[v] ?? 0 }));
  return (
    <div data-testid="what-if-result">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="Kết quả xem trước (chưa lưu)"
        description={`So sánh phiên bản đang áp dụng với tham số dự thảo${r.referenceDate ? `, tại ngày xét ${formatDate(r.referenceDate)}` : ''}${r.year ? `, biên chế năm ${r.year}` : ''}.`}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title="Chỉ tiêu tăng cường">
            <Row gutter={16} style={{ marginBottom: 12 }}>
              <Col span={8}>
                <Statistic title="Tổng chỉ tiêu hiện hành" value={q.current.target} formatter={(v) => formatNumber(Number(v))} />
              </Col>
              <Col span={8}>
                <Statistic title="Theo dự thảo" value={q.draft.target} formatter={(v) => formatNumber(Number(v))} />
              </Col>
              <Col span={8}>
                <Statistic
                  title="Chênh lệch"
                  value={delta(q.current.target, q.draft.target)}
                  styles={{ content: { color: deltaColor(q.current.target, q.draft.target) } }}
                />
              </Col>
            </Row>
            <Table
              rowKey="unitId"
              size="small"
              dataSource={q.units}
              pagination={q.units.length > 10 ? { pageSize: 10, size: 'small' } : false}
              locale={{ emptyText: 'Không đơn vị nào thay đổi chỉ tiêu' }}
              title={() => <Typography.Text strong>Đơn vị thay đổi chỉ tiêu ({formatNumber(q.units.length)})</Typography.Text>}
              columns={[
                { title: 'Đơn vị', dataIndex: 'unitName' },
                { title: 'Hiện hành', dataIndex: 'current', width: 95, align: 'right', render: (v: number | null) => formatNumber(v) },
                { title: 'Dự thảo', dataIndex: 'draft', width: 90, align: 'right', render: (v: number | null) => formatNumber(v) },
                {
                  title: 'Chênh lệch',
                  key: 'delta',
                  width: 100,
                  align: 'right',
                  render: (_: unknown, u) => <span style={{ color: deltaColor(u.current, u.draft) }}>{delta(u.current, u.draft)}</span>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="Kết quả sàng lọc">
            <Table
              rowKey="verdict"
              size="small"
              pagination={false}
              dataSource={verdictRows}
              columns={[
                { title: 'Kết luận', dataIndex: 'verdict', render: (v: Verdict) => VERDICT_LABELS[v] },
                { title: 'Hiện hành', dataIndex: 'current', width: 95, align: 'right', render: (v: number) => formatNumber(v) },
                { title: 'Dự thảo', dataIndex: 'draft', width: 90, align: 'right', render: (v: number) => formatNumber(v) },
                {
                  title: 'Chênh lệch',
                  key: 'delta',
                  width: 100,
                  align: 'right',
                  render: (_: unknown, x) => <span style={{ color: deltaColor(x.current, x.draft) }}>{delta(x.current, x.draft)}</span>,
                },
              ]}
            />
            <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="what-if-changes">
              Số người thay đổi kết luận: <Typography.Text strong>{formatNumber(e.peopleWhoseVerdictChanges)}</Typography.Text>
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
