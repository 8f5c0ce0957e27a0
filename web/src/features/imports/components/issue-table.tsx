import { useState } from 'react';
import { Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ImportIssue, ImportView } from '../../../api/types';
import { formatNumber } from '../../../shared/format';
import { useImportIssues } from '../hooks/use-imports';

const PAGE_SIZES = [10, 20, 50, 100];
/** The server lists the first 10,000 problems; the statistics count all of them. */
const STORED_CAP = 10_000;
type Severity = 'all' | 'error' | 'warning';

interface Props {
  view: ImportView;
  /** Only this kind of problem, without the filter (the preview lists its warnings). */
  only?: 'error' | 'warning';
}

/** The problems found in the file, a page at a time: row, sheet, column, value and the reason in Vietnamese. */
export function IssueTable({ view, only }: Props) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const warnings = view.issueCount - view.errorCount;
  const [severity, setSeverity] = useState<Severity>('all');
  const filter = only ?? (severity === 'all' ? undefined : severity);
  const issues = useImportIssues(view.id, page, pageSize, filter);
  const stored = Math.min(view.issueCount, STORED_CAP);
  // the API's total does not follow the severity filter: the counts come from the import itself
  const total = Math.min(filter === 'error' ? view.errorCount : filter === 'warning' ? warnings : view.issueCount, stored);
  const showSeverity = !only && warnings > 0;

  const columns: ColumnsType<ImportIssue> = [
    { title: 'Dòng', dataIndex: 'rowNo', width: 80, align: 'right', render: (n: number | null) => (n === null ? '—' : formatNumber(n)) },
    { title: 'Trang tính', dataIndex: 'sheet', width: 160 },
    { title: 'Cột', dataIndex: 'column', width: 200, render: (c: string | null) => c ?? <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: 'Giá trị',
      dataIndex: 'value',
      width: 200,
      render: (v: string | null) =>
        v === null || v === '' ? <Typography.Text type="secondary">(trống)</Typography.Text> : <Typography.Text code>{v}</Typography.Text>,
    },
    { title: 'Lý do', dataIndex: 'reason' },
    ...(showSeverity || only === 'warning'
      ? [
          {
            title: 'Mức độ',
            dataIndex: 'severity',
            width: 100,
            render: (s: ImportIssue['severity']) => (s === 'error' ? <Tag color="red">Lỗi</Tag> : <Tag color="gold">Lưu ý</Tag>),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {showSeverity && (
        <Segmented<Severity>
          aria-label="Loại vấn đề"
          value={severity}
          onChange={(v) => {
            setSeverity(v);
            setPage(1);
          }}
          options={[
            { value: 'all', label: `Tất cả (${formatNumber(view.issueCount)})` },
            { value: 'error', label: `Lỗi (${formatNumber(view.errorCount)})` },
            { value: 'warning', label: `Lưu ý (${formatNumber(warnings)})` },
          ]}
        />
      )}
      <Table<ImportIssue>
        data-testid={only === 'warning' ? 'warning-table' : 'issue-table'}
        rowKey={(r) => `${r.sheet}|${r.rowNo}|${r.column}|${r.reason}|${r.value}`}
        size="small"
        columns={columns}
        dataSource={issues.data?.items ?? []}
        loading={issues.isFetching}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
          showTotal: (t, [from, to]) => `${formatNumber(from)}–${formatNumber(to)} trong ${formatNumber(t)} vấn đề`,
        }}
        locale={{ emptyText: issues.isError ? 'Không tải được danh sách lỗi' : 'Không có vấn đề nào' }}
        scroll={{ x: 900 }}
      />
      {view.issueCount > STORED_CAP && (
        <Typography.Text type="secondary">
          Tệp có {formatNumber(view.issueCount)} vấn đề; danh sách chi tiết giữ {formatNumber(STORED_CAP)} vấn đề đầu tiên. Bảng tổng hợp ở trên tính đủ tất cả.
        </Typography.Text>
      )}
    </Space>
  );
}
