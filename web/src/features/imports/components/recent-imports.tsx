import { Button, Card, Progress, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined } from '@ant-design/icons';
import { IMPORT_STATE_LABELS } from '../../../../../common/schemas/imports';
import type { ImportState, ImportView } from '../../../api/types';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { isBusy, useRecentImports } from '../hooks/use-imports';
import { countsText, formatFileSize, previewCounts } from './import-format';
import { jobPercent } from './job-progress';

export const STATE_COLORS: Record<ImportState, string> = {
  uploaded: 'processing',
  validating: 'processing',
  validated: 'blue',
  invalid: 'red',
  committing: 'processing',
  committed: 'green',
  failed: 'red',
  cancelled: 'default',
};

function outcome(i: ImportView): string {
  switch (i.state) {
    case 'invalid':
      return i.error ?? `${formatNumber(i.errorCount)} lỗi`;
    case 'validated':
    case 'committed':
      return countsText(previewCounts(i).total);
    case 'failed':
    case 'cancelled':
      return i.error ?? '';
    default:
      return '';
  }
}

/** "Lần nhập gần đây": the user's imports, so a check left running can be reopened. */
export function RecentImports({ current, onOpen }: { current?: ImportView; onOpen(id: string): void }) {
  const recent = useRecentImports();
  // the import on screen is polled every second: its row shows the same progress
  const items = (recent.data ?? []).map((i) => (current && i.id === current.id ? current : i));
  const currentId = current?.id;
  const columns: ColumnsType<ImportView> = [
    {
      title: 'Tệp',
      dataIndex: 'fileName',
      render: (name: string, i) => (
        <>
          <Typography.Link onClick={() => onOpen(i.id)}>{name}</Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatFileSize(i.fileSize)}
          </Typography.Text>
        </>
      ),
    },
    { title: 'Tải lên lúc', dataIndex: 'createdAt', width: 150, render: (d: string) => formatDateTime(d) },
    {
      title: 'Trạng thái',
      dataIndex: 'state',
      width: 220,
      render: (s: ImportState, i) => (
        <>
          <Tag color={STATE_COLORS[s]}>{IMPORT_STATE_LABELS[s]}</Tag>
          {isBusy(s) && <Progress percent={jobPercent(i) ?? 0} size="small" status="active" style={{ margin: 0 }} />}
        </>
      ),
    },
    {
      title: 'Kết quả',
      key: 'outcome',
      render: (_: unknown, i) => <Typography.Text type={i.state === 'invalid' || i.state === 'failed' ? 'danger' : undefined}>{outcome(i)}</Typography.Text>,
    },
  ];
  return (
    <Card
      title="Lần nhập gần đây"
      size="small"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={() => recent.refetch()} loading={recent.isFetching}>
          Làm mới
        </Button>
      }
    >
      <Table<ImportView>
        data-testid="recent-imports"
        rowKey="id"
        size="small"
        className="clickable-rows"
        columns={columns}
        dataSource={items}
        loading={recent.isLoading}
        rowClassName={(i) => (i.id === currentId ? 'ant-table-row-selected' : '')}
        onRow={(i) => ({ onClick: () => onOpen(i.id) })}
        pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: recent.isError ? 'Không tải được danh sách' : 'Chưa có lần nhập nào' }}
      />
    </Card>
  );
}
