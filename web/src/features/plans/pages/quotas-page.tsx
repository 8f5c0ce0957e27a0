import { yearOf } from '../../../../../common/dates';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PlanErrorAlert } from '../components/plan-error-alert';
import { Card, Col, Progress, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { QuotaRow } from '../../../api/types';
import { formatDate, formatNumber, formatPercent } from '../../../shared/format';
import { ACTIVE_COLOR, COMMITTED_COLOR, QuotaChart } from '../components/quota-chart';
import { planVersionText } from '../components/plan-version';
import { useQuotas } from '../hooks/use-plans';
import { useProvince } from '../../../shared/hooks/use-province';

const THIS_YEAR = yearOf();
const YEARS = Array.from({ length: 8 }, (_, i) => THIS_YEAR + 1 - i);
const ROUNDING_TEXT: Record<string, string> = { nearest: 'làm tròn theo quy tắc thông thường', floor: 'làm tròn xuống', ceil: 'làm tròn lên' };

/** "2.599 × 5% = 129,95 → làm tròn 130 người": the exact figure shown with Vietnamese separators. */
const exactText = (exact: string | null) => (exact === null ? '—' : formatNumber(Number(exact)));

function RestructuringTag({ u }: { u: QuotaRow }) {
  if (!u.restructuredOn) return <Tag color="orange">Chưa sắp xếp</Tag>;
  // after the plan was issued: "Sắp xếp sau ngày ban hành kế hoạch"; before it, only the date
  if (u.restructuredAfterPlan) {
    return (
      <Tooltip title={`Hoàn thành sắp xếp ngày ${formatDate(u.restructuredOn)}, sau ngày ban hành kế hoạch`}>
        <Tag color="gold">Sắp xếp sau ngày ban hành kế hoạch ({formatDate(u.restructuredOn)})</Tag>
      </Tooltip>
    );
  }
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      Đã sắp xếp ngày {formatDate(u.restructuredOn)}
    </Typography.Text>
  );
}

function CommitmentBar({ target, proposed, decided, active }: Pick<QuotaRow, 'target' | 'proposed' | 'decided' | 'active'>) {
  if (target === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const committed = proposed + decided + active;
  const percent = target > 0 ? Math.min(100, (committed / target) * 100) : committed > 0 ? 100 : 0;
  const done = target > 0 ? Math.min(100, ((decided + active) / target) * 100) : 0;
  return (
    <Tooltip title={`Đã đề xuất, quyết định hoặc đang tăng cường ${formatNumber(committed)} trên chỉ tiêu ${formatNumber(target)} người`}>
      <Progress
        percent={percent}
        success={{ percent: done, strokeColor: ACTIVE_COLOR }}
        strokeColor={COMMITTED_COLOR}
        size="small"
        format={() => `${formatNumber(committed)}/${formatNumber(target)}`}
        aria-label={`Tiến độ: ${formatNumber(committed)} trên ${formatNumber(target)}`}
      />
    </Tooltip>
  );
}

/**
 * The quota of each city-level unit (Plan 131 III.1.c, S4): about 5 % of its assigned staffing, with the
 * calculation, and how many people it has proposed, had decided and has serving. A unit opens its screening.
 */
export default function QuotasPage() {
  const navigate = useNavigate();
  const { level } = useProvince();
  const [year, setYear] = useState(THIS_YEAR);
  const quotas = useQuotas(year);
  const data = quotas.data;
  const openScreening = (unitId: string) => navigate(`/plans/screening?unitId=${encodeURIComponent(unitId)}`);

  const columns: ColumnsType<QuotaRow> = [
    {
      title: 'Đơn vị',
      dataIndex: 'unitName',
      render: (name: string, u) => (
        <>
          <Typography.Link strong>{name}</Typography.Link>
          <div style={{ marginTop: 2 }}>
            <RestructuringTag u={u} />
          </div>
        </>
      ),
    },
    {
      title: 'Biên chế được giao',
      dataIndex: 'assignedStaffing',
      width: 100,
      align: 'right',
      render: (v: number | null) => <span data-testid="quota-staffing">{formatNumber(v)}</span>,
    },
    {
      title: 'Chỉ tiêu',
      dataIndex: 'target',
      width: 220,
      render: (t: number | null, u) => (
        <Tooltip
          title={
            <>
              Số chính xác: {exactText(u.exact)}
              <br />
              {u.explanation}
            </>
          }
        >
          <div>
            <Typography.Text strong style={{ fontSize: 15 }} data-testid="quota-target">
              {t === null ? '—' : formatNumber(t)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="quota-explanation">
              {u.explanation}
            </Typography.Text>
          </div>
        </Tooltip>
      ),
    },
    { title: 'Đã đề xuất', dataIndex: 'proposed', width: 80, align: 'right', render: (v: number) => formatNumber(v) },
    { title: 'Đã quyết định', dataIndex: 'decided', width: 90, align: 'right', render: (v: number) => formatNumber(v) },
    { title: 'Đang tăng cường', dataIndex: 'active', width: 95, align: 'right', render: (v: number) => formatNumber(v) },
    {
      title: 'Còn thiếu',
      dataIndex: 'gap',
      width: 80,
      align: 'right',
      render: (v: number | null) =>
        v ? (
          <Typography.Text type="danger" strong>
            {formatNumber(v)}
          </Typography.Text>
        ) : (
          formatNumber(v)
        ),
    },
    { title: 'Tiến độ', key: 'progress', width: 150, render: (_: unknown, u) => <CommitmentBar {...u} /> },
  ];

  const t = data?.totals;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="Chỉ tiêu tăng cường"
        extra={
          <Space>
            <label htmlFor="quota-year">Năm</label>
            <Select id="quota-year" value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} />
          </Space>
        }
      >
        {data && (
          <Typography.Paragraph data-testid="quota-plan-version">
            <Typography.Text strong>{planVersionText(data.planVersion)}</Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              — mỗi đơn vị cấp {level} cử khoảng {formatPercent(data.rate)} biên chế được giao năm {data.year} ({ROUNDING_TEXT[data.rounding] ?? data.rounding}), mục
              III.1.c. Bấm vào một đơn vị để sàng lọc cán bộ của đơn vị đó.
            </Typography.Text>
          </Typography.Paragraph>
        )}
        {t && (
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {[
              ['Biên chế được giao', t.assignedStaffing],
              ['Chỉ tiêu', t.target],
              ['Đã đề xuất', t.proposed],
              ['Đã quyết định', t.decided],
              ['Đang tăng cường', t.active],
              ['Còn thiếu', t.gap],
            ].map(([label, value]) => (
              <Col key={label} xs={12} md={8} xl={4}>
                <Statistic title={label} value={value as number} formatter={(v) => formatNumber(Number(v))} />
              </Col>
            ))}
          </Row>
        )}
        {quotas.isError && !data && <PlanErrorAlert error={quotas.error} title="Không tải được chỉ tiêu" />}
        <Table<QuotaRow>
          data-testid="quota-table"
          rowKey="unitId"
          size="middle"
          className="clickable-rows"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={quotas.isFetching}
          pagination={false}
          onRow={(u) => ({ onClick: () => openScreening(u.unitId), 'data-unit-id': u.unitId }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: quotas.isError ? 'Không tải được chỉ tiêu' : `Không có đơn vị cấp ${level} nào trong phạm vi được xem` }}
          scroll={{ x: 1000 }}
          summary={() =>
            t && (
              <Table.Summary fixed>
                <Table.Summary.Row style={{ fontWeight: 600, background: '#fafafa' }} data-testid="quota-totals">
                  <Table.Summary.Cell index={0}>Tổng cộng</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {formatNumber(t.assignedStaffing)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2}>{formatNumber(t.target)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {formatNumber(t.proposed)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    {formatNumber(t.decided)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right">
                    {formatNumber(t.active)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right">
                    {formatNumber(t.gap)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={7}>
                    <CommitmentBar target={t.target} proposed={t.proposed} decided={t.decided} active={t.active} />
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            )
          }
        />
      </Card>
      {data && data.items.length > 0 && (
        <Card title="Chỉ tiêu và số đã cử theo đơn vị" size="small">
          <QuotaChart items={data.items} onOpen={openScreening} />
        </Card>
      )}
    </Space>
  );
}
