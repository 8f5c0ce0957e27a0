import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileExcelOutlined } from '@ant-design/icons';
import { CATEGORY_LABELS, EDUCATION_LABELS, GENDER_LABELS, POLITICAL_THEORY_LABELS, type Category } from '../../../../../common/enums';
import { TARGET_GROUP_LABELS } from '../../../../../common/eligibility';
import { REPORT_KIND_LABELS, SECONDMENT_STATUS_LABELS } from '../../../../../common/secondment';
import { ENROLMENT_STATUS_LABELS, COURSE_KIND_LABELS } from '../../../../../common/training';
import { PAYABLE_CODE_LABELS, PAYER_LABELS } from '../../../../../common/entitlement-payments';
import { RECOMMENDATION_STATUS_LABELS } from '../../../../../common/inspections';
import { FEEDBACK_STATUS_LABELS } from '../../../../../common/secondment';
import { REPORT_STATUS_LABELS } from '../../../../../common/schemas/reports';
import { api } from '../../../api/client';
import type { FigureRowItem, FigureRowsResponse } from '../../../api/types';
import { DownloadButton } from '../../../shared/components/download-button';
import { downloadFile } from '../../../shared/download';
import { formatDate, formatNumber } from '../../../shared/format';
import { figureQueryFrom } from '../../statistics/hooks/figure-query';
import { useFigureRows, useStatistics } from '../../statistics/hooks/use-statistics';
import { useReport } from '../hooks/use-reports';

type Row = FigureRowItem;
const of = <K extends string>(labels: Record<K, string>, v: string | number | null) => (v === null ? '—' : (labels[v as K] ?? String(v)));
const LEDGER_KINDS: Record<string, string> = { commit: 'Cam kết chi', release: 'Giảm cam kết', spend: 'Đã chi' };

const person: ColumnsType<Row> = [
  { title: 'Mã', dataIndex: 'personCode', width: 110 },
  {
    title: 'Họ và tên',
    dataIndex: 'fullName',
    render: (v: string | null, r) => (r.personId ? <Link to={`/cadres/${r.personId}`}>{v}</Link> : (v ?? '—')),
  },
];
const sex: ColumnsType<Row> = [
  { title: 'Đối tượng', dataIndex: 'category', width: 100, render: (v: string | null) => of(CATEGORY_LABELS, v) },
  { title: 'Giới tính', dataIndex: 'gender', width: 80, render: (v: string | null) => of(GENDER_LABELS, v) },
  { title: 'Ngày sinh', dataIndex: 'birthDate', width: 110, render: (v: string | null) => formatDate(v) },
];
const sending: ColumnsType<Row> = [
  { title: 'Đơn vị cử', dataIndex: 'sendingUnitName' },
  { title: 'Nơi tiếp nhận', dataIndex: 'hostUnitName' },
];
const secondmentStatus: ColumnsType<Row> = [{ title: 'Trạng thái', dataIndex: 'status', width: 140, render: (v: string | null) => of(SECONDMENT_STATUS_LABELS, v) }];

/** The columns a personnel officer reads for each kind of row a figure counts. */
function columnsOf(kind: FigureRowsResponse['kind'], withEthnicity: boolean): ColumnsType<Row> {
  switch (kind) {
    case 'sent':
      return [
        ...person,
        ...sex,
        ...(withEthnicity ? [{ title: 'Dân tộc', dataIndex: 'ethnicity', width: 110, render: (v: string | null) => v ?? 'Không hiển thị' }] : []),
        { title: 'Trình độ', dataIndex: 'educationLevel', width: 110, render: (v: string | null) => of(EDUCATION_LABELS, v) },
        { title: 'Lý luận chính trị', dataIndex: 'politicalTheory', width: 120, render: (v: string | null) => of(POLITICAL_THEORY_LABELS, v) },
        ...sending,
        { title: 'Nhóm', dataIndex: 'targetGroup', width: 90, render: (v: number | null) => (v === null ? '—' : of(TARGET_GROUP_LABELS, v)) },
        { title: 'Quyết định', key: 'decision', width: 170, render: (_: unknown, r) => `${r.detail ?? ''}, ${formatDate(r.date)}` },
      ];
    case 'hosts':
      return [
        { title: 'Xã, phường', dataIndex: 'hostUnitName' },
        { title: 'Xã đặc biệt khó khăn', dataIndex: 'status', width: 170, render: (v: string | null) => (v ? <Tag color="orange">Đặc biệt khó khăn</Tag> : '—') },
        { title: 'Số cán bộ được cử trong kỳ', dataIndex: 'detail', width: 190, align: 'right' },
      ];
    case 'returns':
      return [
        ...person,
        ...sending,
        { title: 'Ngày kết thúc', dataIndex: 'date', width: 120, render: (v: string | null) => formatDate(v) },
        { title: 'Ngày bố trí công tác', dataIndex: 'detail', width: 150, render: (v: string | null) => formatDate(v) },
        ...secondmentStatus,
      ];
    case 'evaluations':
      return [
        ...person,
        ...sending,
        { title: 'Ngày nhận xét', dataIndex: 'date', width: 120, render: (v: string | null) => formatDate(v) },
        { title: 'Mức đề xuất', dataIndex: 'detail', width: 110 },
      ];
    case 'cadre_reports':
      return [
        ...person,
        ...sending,
        { title: 'Loại', dataIndex: 'status', width: 150, render: (v: string | null) => of(REPORT_KIND_LABELS, v) },
        { title: 'Hạn nộp', dataIndex: 'date', width: 110, render: (v: string | null) => formatDate(v) },
        { title: 'Ngày nộp', dataIndex: 'detail', width: 110, render: (v: string | null) => formatDate(v, 'Chưa nộp') },
      ];
    case 'courses':
      return [
        { title: 'Khóa đào tạo, bồi dưỡng', dataIndex: 'detail' },
        { title: 'Cơ sở đào tạo', dataIndex: 'unitName' },
        { title: 'Loại', dataIndex: 'status', width: 150, render: (v: string | null) => of(COURSE_KIND_LABELS, v) },
        { title: 'Khai giảng', dataIndex: 'date', width: 110, render: (v: string | null) => formatDate(v) },
      ];
    case 'enrolments':
      return [
        ...person,
        ...sex,
        { title: 'Đơn vị', dataIndex: 'unitName' },
        { title: 'Khóa đào tạo, bồi dưỡng', dataIndex: 'detail' },
        { title: 'Khai giảng', dataIndex: 'date', width: 110, render: (v: string | null) => formatDate(v) },
        { title: 'Trạng thái', dataIndex: 'status', width: 130, render: (v: string | null) => of(ENROLMENT_STATUS_LABELS, v) },
      ];
    case 'ledger':
      return [
        { title: 'Ngày', dataIndex: 'date', width: 110, render: (v: string | null) => formatDate(v) },
        { title: 'Dự toán của đơn vị', dataIndex: 'unitName' },
        { title: 'Cán bộ', dataIndex: 'fullName', render: (v: string | null) => v ?? '—' },
        { title: 'Khóa học, ghi chú', dataIndex: 'detail' },
        { title: 'Loại', dataIndex: 'status', width: 120, render: (v: string | null) => (v ? (LEDGER_KINDS[v] ?? v) : '—') },
        { title: 'Số tiền (đồng)', dataIndex: 'amount', width: 140, align: 'right', render: (v: number | null) => formatNumber(v) },
      ];
    case 'payments':
      return [
        { title: 'Ngày chi trả', dataIndex: 'date', width: 110, render: (v: string | null) => formatDate(v) },
        ...person,
        ...sending,
        { title: 'Khoản chế độ', dataIndex: 'status', width: 180, render: (v: string | null) => of(PAYABLE_CODE_LABELS, v) },
        { title: 'Đơn vị chi trả', dataIndex: 'unitName' },
        { title: 'Số chứng từ', dataIndex: 'detail', width: 120 },
        { title: 'Số tiền (đồng)', dataIndex: 'amount', width: 140, align: 'right', render: (v: number | null) => formatNumber(v) },
      ];
    case 'paid_cadres':
      return [
        ...person,
        { title: 'Đơn vị', dataIndex: 'unitName' },
        ...sending,
        {
          title: 'Nguồn chi trả',
          dataIndex: 'status',
          render: (v: string | null) => (v ? v.split(',').map((k) => <Tag key={k}>{of(PAYER_LABELS, k)}</Tag>) : '—'),
        },
        { title: 'Lần chi trả cuối', dataIndex: 'date', width: 120, render: (v: string | null) => formatDate(v) },
        { title: 'Tổng đã chi trả trong kỳ (đồng)', dataIndex: 'amount', width: 170, align: 'right', render: (v: number | null) => formatNumber(v) },
      ];
    case 'feedback':
      return [
        { title: 'Ngày gửi', dataIndex: 'date', width: 110, render: (v: string | null) => formatDate(v) },
        { title: 'Đơn vị gửi', dataIndex: 'unitName' },
        { title: 'Nội dung kiến nghị', dataIndex: 'detail' },
        { title: 'Trạng thái', dataIndex: 'status', width: 130, render: (v: string | null) => of(FEEDBACK_STATUS_LABELS, v) },
      ];
    case 'inspections':
      return [
        { title: 'Ngày kết luận', dataIndex: 'date', width: 120, render: (v: string | null) => formatDate(v) },
        { title: 'Đơn vị được kiểm tra', dataIndex: 'unitName' },
        { title: 'Nội dung kiểm tra', dataIndex: 'detail' },
        { title: 'Số kết luận', dataIndex: 'status', width: 130 },
      ];
    case 'recommendations':
      return [
        { title: 'Đơn vị được kiểm tra', dataIndex: 'unitName' },
        { title: 'Nội dung kiến nghị', dataIndex: 'detail' },
        { title: 'Hạn hoàn thành', dataIndex: 'date', width: 120, render: (v: string | null) => formatDate(v) },
        { title: 'Trạng thái', dataIndex: 'status', width: 170, render: (v: string | null) => of(RECOMMENDATION_STATUS_LABELS, v) },
      ];
    case 'unit_reports':
      return [
        { title: 'Cơ quan, đơn vị', dataIndex: 'unitName' },
        { title: 'Hạn gửi', dataIndex: 'date', width: 110, render: (v: string | null) => formatDate(v) },
        { title: 'Ngày ban hành', dataIndex: 'detail', width: 120, render: (v: string | null) => formatDate(v, 'Chưa ban hành') },
        { title: 'Trạng thái', dataIndex: 'status', width: 120, render: (v: string | null) => of(REPORT_STATUS_LABELS, v) },
      ];
  }
}

/**
 * The list a figure counts (issue 15: "each can be clicked through to the list it counts"): the same rows, by the
 * same condition and scope as the figure, for the period in the address. Opened from an issued report, the list is
 * today's rows for the report's period, and the page shows the frozen figure beside today's count.
 */
export default function FigureRowsPage() {
  const { key = '' } = useParams();
  const [params] = useSearchParams();
  const q = figureQueryFrom(params);
  const reportId = params.get('report') ?? '';
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const stats = useStatistics(q);
  const rows = useFigureRows(key, q, page, pageSize);
  const report = useReport(reportId);
  if (!q) return <Alert type="error" message="Thiếu kỳ của số liệu (từ ngày, đến ngày)." />;
  const figure = stats.data?.figures.find((f) => f.key === key);
  const frozen = reportId && report.data?.frozen ? report.data.figures.find((f) => f.key === key) : undefined;
  const r = rows.data;
  const count = r ? (r.sums ? r.sum : r.total) : undefined;
  const back = reportId ? `/reports/${reportId}` : `/statistics?${new URLSearchParams(params.toString())}`;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={figure?.label ?? 'Danh sách theo số liệu'}
        loading={stats.isLoading}
        extra={
          <DownloadButton
            icon={<FileExcelOutlined />}
            download={() =>
              downloadFile(
                api.GET('/api/reports/figures/{key}/rows.xlsx', { params: { path: { key }, query: q }, parseAs: 'blob' }),
                `danh-sach-${key}-${q.from}-${q.to}.xlsx`,
              )
            }
          >
            Tải .xlsx
          </DownloadButton>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="Kỳ">{`${formatDate(q.from)} – ${formatDate(q.to)}`}</Descriptions.Item>
          <Descriptions.Item label="Phạm vi">{stats.data?.unitName ?? 'Toàn tỉnh, thành phố'}</Descriptions.Item>
          <Descriptions.Item label="Đối tượng">{q.category ? CATEGORY_LABELS[q.category as Category] : 'Tất cả'}</Descriptions.Item>
          <Descriptions.Item label="Số liệu hôm nay">
            <span data-testid="figure-value">{figure ? `${formatNumber(figure.value)} ${figure.unit}` : '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={r?.sums ? 'Tổng số tiền của danh sách' : 'Số dòng của danh sách'}>
            <span data-testid="figure-rows-total">{formatNumber(count)}</span>
          </Descriptions.Item>
        </Descriptions>
        {frozen && (
          <Alert
            type="info"
            showIcon
            message={`Báo cáo đã ban hành với số liệu đã chốt là ${formatNumber(frozen.value)} ${frozen.unit}. Danh sách dưới đây là dữ liệu hôm nay cho cùng kỳ (${formatNumber(figure?.value)} ${frozen.unit}); hai số có thể khác nhau nếu dữ liệu đã thay đổi sau ngày ban hành.`}
          />
        )}
        {rows.isError && <Alert type="error" showIcon message="Không tải được danh sách." />}
      </Card>
      <Card>
        <Table<Row>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={rows.isFetching}
          columns={r ? columnsOf(r.kind, key.startsWith('ethnicity.')) : []}
          dataSource={r?.items ?? []}
          pagination={{
            current: page,
            pageSize,
            total: r?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (t) => `Tổng số ${formatNumber(t)} dòng`,
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
        />
      </Card>
      <Typography.Text>
        <Link to={back}>{reportId ? '← Về báo cáo' : '← Về trang thống kê'}</Link>
      </Typography.Text>
    </Space>
  );
}
