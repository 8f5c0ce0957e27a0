import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import type { ImportView } from '../../../api/types';
import { DownloadButton } from '../../../shared/components/download-button';
import { downloadFile } from '../../../shared/download';
import { formatNumber } from '../../../shared/format';
import { issueGroups } from './import-format';
import { IssueTable } from './issue-table';

/** Downloads the list of problems as .xlsx (for the person who fixes the file). */
export function IssueReportButton({ view, label = 'Tải báo cáo lỗi (.xlsx)' }: { view: ImportView; label?: string }) {
  if (!view.allowedActions.includes('downloadIssues')) return null;
  return (
    <DownloadButton
      data-testid="download-issues"
      download={() => downloadFile(api.GET('/api/imports/{id}/issues.xlsx', { params: { path: { id: view.id } }, parseAs: 'blob' }), 'bao-cao-loi.xlsx')}
    >
      {label}
    </DownloadButton>
  );
}

/** Step 3 when the file has errors: nothing was written; a summary by sheet, column and reason, then every problem. */
export function IssueReport({ view, onChooseAnother }: { view: ImportView; onChooseAnother(): void }) {
  const groups = issueGroups(view);
  const fileLevel = !!view.error;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="issue-report">
      <Alert
        type="error"
        showIcon
        title={
          fileLevel
            ? `Không dùng được tệp “${view.fileName}”`
            : `Tệp “${view.fileName}” có ${formatNumber(view.errorCount)} lỗi. Chưa có dữ liệu nào được ghi vào hệ thống.`
        }
        description={fileLevel ? view.error : 'Vui lòng sửa các lỗi dưới đây trong tệp (theo số dòng và tên cột) rồi tải tệp lên lại.'}
      />
      <Space wrap>
        <IssueReportButton view={view} />
        <Button type="primary" icon={<UploadOutlined />} onClick={onChooseAnother} data-testid="choose-another">
          Chọn tệp khác
        </Button>
      </Space>
      {!fileLevel && groups.length > 0 && (
        <Card type="inner" size="small" title="Tổng hợp theo trang tính, cột và lý do">
          <Table
            data-testid="issue-summary"
            rowKey="key"
            size="small"
            dataSource={groups}
            pagination={groups.length > 10 ? { pageSize: 10, size: 'small' } : false}
            columns={[
              { title: 'Trang tính', dataIndex: 'sheet', width: 160 },
              { title: 'Cột', dataIndex: 'column', width: 220, render: (c: string) => c || <Typography.Text type="secondary">—</Typography.Text> },
              { title: 'Lý do', dataIndex: 'reason' },
              { title: 'Số lượng', dataIndex: 'count', width: 100, align: 'right', render: (n: number) => formatNumber(n) },
            ]}
          />
        </Card>
      )}
      {!fileLevel && (
        <Card type="inner" size="small" title="Chi tiết từng lỗi">
          <IssueTable view={view} />
        </Card>
      )}
    </Space>
  );
}
