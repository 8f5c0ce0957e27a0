import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Card, Col, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SECONDMENT_DEADLINES, SECONDMENT_STATUSES } from '../../../../../common/secondment';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth-context';
import { DownloadButton } from '../../../shared/components/download-button';
import { downloadFile } from '../../../shared/download';
import { formatDate, formatNumber, formatPercent } from '../../../shared/format';
import { CHART_COLORS } from '../../../shared/components/charts/chart-parts';
import { HBarChart, type BarRow } from '../components/bar-chart';
import {
  useLateUnitReports,
  useOverdueList,
  useOversightDashboard,
  type Dashboard,
  type LateUnitReportRow,
  type OverdueListName,
  type OverdueRow,
} from '../hooks/use-oversight';

const FULFILLED_COLOR = CHART_COLORS.done;
const COMMITTED_COLOR = CHART_COLORS.committed;
const OVERDUE_COLOR = CHART_COLORS.over;
const STEP_COLOR = '#4a6fa5';
/** The steps of the path in order (closed-without-serving states at the end). */
const PATH_ORDER: readonly string[] = SECONDMENT_STATUSES;
/** Ends this near are listed as overdue-soon and tagged orange. */
const NEAR_END_DAYS = SECONDMENT_DEADLINES.endWarningDays[1];

const OVERDUE_TABS: { key: OverdueListName; label: string; dateTitle: string; daysTitle: string }[] = [
  { key: 'reports', label: 'Báo cáo quá hạn', dateTitle: 'Hạn nộp', daysTitle: 'Quá hạn (ngày)' },
  { key: 'steps', label: 'Hồ sơ chờ quá hạn', dateTitle: 'Chờ từ ngày', daysTitle: 'Đã chờ (ngày)' },
  { key: 'placements', label: 'Chờ bố trí công tác', dateTitle: 'Ngày kết thúc', daysTitle: 'Đã chờ (ngày)' },
  { key: 'ends', label: `Hết thời hạn trong ${NEAR_END_DAYS} ngày`, dateTitle: 'Ngày hết thời hạn', daysTitle: 'Còn lại (ngày)' },
];

function quotaRows(d: Dashboard): BarRow[] {
  return d.quota
    .filter((u) => u.target !== null)
    .map((u) => {
      const committed = u.proposed + u.decided;
      return {
        key: u.unitId,
        label: u.unitName,
        background: u.target,
        segments: [
          { value: u.fulfilled, color: FULFILLED_COLOR },
          { value: committed, color: COMMITTED_COLOR },
        ],
        valueText: `${formatNumber(u.fulfilled)}/${formatNumber(u.target)}`,
        description: `${u.unitName}: chỉ tiêu ${formatNumber(u.target)}; đã thực hiện ${formatNumber(u.fulfilled)} (đang tăng cường ${formatNumber(u.active)}, hết thời hạn ${formatNumber(u.completed)}, đã trở về ${formatNumber(u.returned)}); đang đề xuất, đã quyết định ${formatNumber(committed)}`,
      };
    });
}

function pipelineRows(d: Dashboard): BarRow[] {
  return [...d.pipeline]
    .sort((a, b) => PATH_ORDER.indexOf(a.status) - PATH_ORDER.indexOf(b.status))
    .map((p) => ({
      key: p.status,
      label: p.label,
      segments: [
        { value: p.overdue, color: OVERDUE_COLOR },
        { value: p.count - p.overdue, color: STEP_COLOR },
      ],
      valueText: p.overdue ? `${formatNumber(p.count)} (${formatNumber(p.overdue)} quá hạn)` : formatNumber(p.count),
      description: `${p.label}: ${formatNumber(p.count)} hồ sơ${p.overdue ? `, trong đó ${formatNumber(p.overdue)} quá hạn` : ''}`,
    }));
}

function hostRows(d: Dashboard): BarRow[] {
  return d.hosts.slice(0, 20).map((h) => ({
    key: h.unitId,
    label: h.especiallyDisadvantaged ? `${h.unitName} (ĐBKK)` : h.unitName,
    segments: [{ value: h.active, color: h.especiallyDisadvantaged ? '#d46b08' : FULFILLED_COLOR }],
    valueText: formatNumber(h.active),
    description: `${h.unitName}${h.especiallyDisadvantaged ? ' (xã đặc biệt khó khăn)' : ''}: ${formatNumber(h.active)} cán bộ đang tăng cường`,
  }));
}

/** The tab of the units' late reports to Sở Nội vụ (the plan's report schedule), beside the cadres' lists. */
const UNIT_REPORTS_TAB = 'unit_reports';

/** The sending units whose report of a period is past its deadline and not issued, as the cadres' late reports are listed. */
function LateUnitReports() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const q = useLateUnitReports(page, pageSize, true);
  const columns: ColumnsType<LateUnitReportRow> = [
    { title: 'Cơ quan, đơn vị', dataIndex: 'unitName', render: (n: string, r) => <Link to={`/reports/${r.reportId}`}>{n}</Link> },
    { title: 'Kỳ báo cáo', key: 'period', render: (_: unknown, r) => `${formatDate(r.periodFrom)} – ${formatDate(r.periodTo)}` },
    { title: 'Hạn gửi', dataIndex: 'dueOn', width: 130, render: (v: string) => formatDate(v) },
    { title: 'Quá hạn (ngày)', dataIndex: 'days', width: 110, align: 'right', render: (v: number) => formatNumber(v) },
  ];
  return (
    <Table<LateUnitReportRow>
      data-testid="late-unit-reports-table"
      rowKey="reportId"
      size="middle"
      columns={columns}
      dataSource={q.data?.items ?? []}
      loading={q.isFetching}
      pagination={{
        current: page,
        pageSize,
        total: q.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (n) => `${formatNumber(n)} báo cáo`,
        onChange: (p, s) => {
          setPage(s !== pageSize ? 1 : p);
          setPageSize(s);
        },
      }}
      locale={{ emptyText: q.isError ? 'Không tải được danh sách' : 'Không có đơn vị nào chậm báo cáo' }}
      scroll={{ x: 640 }}
    />
  );
}

function OverdueLists() {
  const [tabKey, setTabKey] = useState<OverdueListName | typeof UNIT_REPORTS_TAB>('reports');
  const list: OverdueListName = tabKey === UNIT_REPORTS_TAB ? 'reports' : tabKey;
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const q = useOverdueList(list, page, pageSize, tabKey !== UNIT_REPORTS_TAB);
  const tab = OVERDUE_TABS.find((t) => t.key === list)!;
  const columns: ColumnsType<OverdueRow> = [
    { title: 'Cán bộ', dataIndex: 'personName', render: (n: string, r) => <Link to={`/secondments/${r.secondmentId}`}>{n}</Link> },
    { title: 'Đơn vị cử', dataIndex: 'sendingUnitName' },
    { title: 'Xã, phường', dataIndex: 'hostUnitName', render: (v: string | null) => v ?? '—' },
    { title: 'Nội dung', dataIndex: 'detail' },
    { title: tab.dateTitle, dataIndex: 'date', width: 130, render: (v: string) => formatDate(v) },
    { title: tab.daysTitle, dataIndex: 'days', width: 110, align: 'right', render: (v: number) => formatNumber(v) },
  ];
  return (
    <Card
      title="Danh sách quá hạn"
      extra={
        <DownloadButton download={() => downloadFile(api.GET('/api/oversight/overdue.xlsx', { parseAs: 'blob' }), 'theo-doi-qua-han.xlsx')}>
          Xuất Excel
        </DownloadButton>
      }
    >
      <Tabs
        activeKey={tabKey}
        onChange={(k) => {
          setTabKey(k as OverdueListName | typeof UNIT_REPORTS_TAB);
          setPage(1);
        }}
        items={[...OVERDUE_TABS.map((t) => ({ key: t.key, label: t.label })), { key: UNIT_REPORTS_TAB, label: 'Đơn vị chậm báo cáo' }]}
      />
      {tabKey === UNIT_REPORTS_TAB ? (
        <LateUnitReports />
      ) : (
        <Table<OverdueRow>
          data-testid="overdue-table"
          rowKey="subjectId"
          size="middle"
          columns={columns}
          dataSource={q.data?.items ?? []}
          loading={q.isFetching}
          pagination={{
            current: page,
            pageSize,
            total: q.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => `${formatNumber(n)} hồ sơ`,
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
          locale={{ emptyText: q.isError ? 'Không tải được danh sách' : 'Không có hồ sơ nào' }}
          scroll={{ x: 900 }}
        />
      )}
    </Card>
  );
}

/**
 * "Theo dõi, giám sát" (Plan 131 IV.3): how far each unit has fulfilled its quota, where the files stand on the
 * path and which are late, how many cadres serve at each commune, reports due, and the returns coming up.
 */
export default function OversightPage() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const dash = useOversightDashboard();
  const d = dash.data;
  const isHomeAffairs = me?.capabilities.includes('overdueLists') ?? false;

  const returnColumns: ColumnsType<Dashboard['returnsDue']['items'][number]> = [
    { title: 'Cán bộ', dataIndex: 'personName', render: (n: string, r) => <Link to={`/secondments/${r.secondmentId}`}>{n}</Link> },
    { title: 'Đơn vị cử', dataIndex: 'sendingUnitName' },
    { title: 'Xã, phường', dataIndex: 'hostUnitName', render: (v: string | null) => v ?? '—' },
    { title: 'Hết thời hạn', dataIndex: 'endDate', width: 130, render: (v: string) => formatDate(v) },
    {
      title: 'Còn lại',
      dataIndex: 'daysLeft',
      width: 110,
      align: 'right',
      render: (v: number) => <Tag color={v <= NEAR_END_DAYS ? 'orange' : 'gold'}>{formatNumber(v)} ngày</Tag>,
    },
  ];

  if (dash.isError) return <Alert type="error" showIcon title="Không tải được số liệu theo dõi, giám sát" />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="Theo dõi, giám sát" loading={dash.isLoading}>
        {d && (
          <>
            <Typography.Paragraph type="secondary">
              Số liệu tính đến ngày {formatDate(d.today)}. Chỉ tiêu năm {d.year}; đã thực hiện gồm cán bộ đang tăng cường, đã hết thời hạn và đã trở về.
            </Typography.Paragraph>
            <Row gutter={[16, 16]}>
              {(
                [
                  ['Chỉ tiêu', d.totals.target, undefined],
                  ['Đã thực hiện', d.totals.fulfilled, d.totals.target ? formatPercent(d.totals.fulfilled / d.totals.target) : undefined],
                  ['Đang tăng cường', d.totals.active, `${formatNumber(d.totals.communes)} xã, phường`],
                  ['Hồ sơ đang xử lý', d.totals.inProgress, undefined],
                  ['Hồ sơ chờ quá hạn', d.totals.overdueSteps, undefined],
                  ['Báo cáo quá hạn', d.reports.late, `${formatNumber(d.reports.due)} báo cáo đến hạn trong ${d.reports.aheadDays} ngày`],
                  ['Chờ bố trí công tác', d.totals.awaitingPlacement, undefined],
                  [`Trở về trong ${d.returnsDue.days} ngày`, d.returnsDue.items.length, undefined],
                ] as [string, number, string | undefined][]
              ).map(([title, value, hint]) => (
                <Col key={title} xs={12} md={6} xl={3}>
                  <Statistic
                    title={title}
                    value={value}
                    formatter={(v) => formatNumber(Number(v))}
                    styles={/quá hạn/.test(title) && value > 0 ? { content: { color: OVERDUE_COLOR } } : undefined}
                  />
                  {hint && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {hint}
                    </Typography.Text>
                  )}
                </Col>
              ))}
            </Row>
          </>
        )}
      </Card>
      {d && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={12}>
            <Card title="Thực hiện chỉ tiêu theo đơn vị" size="small">
              <HBarChart
                testId="oversight-quota-chart"
                ariaLabel="Biểu đồ chỉ tiêu và số đã thực hiện theo đơn vị"
                rows={quotaRows(d)}
                legend={[
                  { color: CHART_COLORS.target, text: 'Chỉ tiêu' },
                  { color: FULFILLED_COLOR, text: 'Đã thực hiện' },
                  { color: COMMITTED_COLOR, text: 'Đang đề xuất, đã quyết định' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xxl={12}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card title="Hồ sơ theo từng bước" size="small">
                <HBarChart
                  testId="oversight-pipeline-chart"
                  ariaLabel="Biểu đồ số hồ sơ ở từng bước, trong đó quá hạn"
                  rows={pipelineRows(d)}
                  legend={[
                    { color: STEP_COLOR, text: 'Trong hạn' },
                    { color: OVERDUE_COLOR, text: 'Quá hạn' },
                  ]}
                />
              </Card>
              <Card title={`Cán bộ đang tăng cường theo xã, phường${d.hosts.length > 20 ? ' (20 nơi nhiều nhất)' : ''}`} size="small">
                {d.hosts.length ? (
                  <HBarChart
                    testId="oversight-hosts-chart"
                    ariaLabel="Biểu đồ số cán bộ đang tăng cường ở từng xã, phường"
                    rows={hostRows(d)}
                    legend={[
                      { color: FULFILLED_COLOR, text: 'Xã, phường' },
                      { color: '#d46b08', text: 'Xã đặc biệt khó khăn (ĐBKK)' },
                    ]}
                  />
                ) : (
                  <Typography.Text type="secondary">Chưa có cán bộ nào đang tăng cường.</Typography.Text>
                )}
              </Card>
            </Space>
          </Col>
        </Row>
      )}
      {d && (
        <Card title={`Cán bộ hết thời hạn tăng cường trong ${d.returnsDue.days} ngày tới`} size="small">
          <Table
            data-testid="returns-due-table"
            rowKey="secondmentId"
            size="small"
            columns={returnColumns}
            dataSource={d.returnsDue.items}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            onRow={(r) => ({ onDoubleClick: () => navigate(`/secondments/${r.secondmentId}`) })}
            locale={{ emptyText: 'Không có cán bộ nào hết thời hạn trong thời gian này' }}
            scroll={{ x: 800 }}
          />
        </Card>
      )}
      {isHomeAffairs && <OverdueLists />}
    </Space>
  );
}
