import { useState } from 'react';
import { Alert, Button, Card, Col, Collapse, Popconfirm, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CloseOutlined, DatabaseOutlined } from '@ant-design/icons';
import type { ImportChange, ImportView } from '../../../api/types';
import { useAuth } from '../../../app/auth-context';
import { formatNumber } from '../../../shared/format';
import { useReference } from '../../../shared/hooks/use-reference';
import { useOrgUnits } from '../../org/hooks/use-org-units';
import { useImportChanges } from '../hooks/use-imports';
import { changedFieldsText, countsText, describeChange, previewCounts, type ValueLookups } from './import-format';
import { IssueReportButton } from './issue-report';
import { IssueTable } from './issue-table';

const PAGE_SIZES = [10, 20, 50, 100];
/** The server keeps the first 10,000 changed rows for the preview. */
const STORED_CAP = 10_000;

interface Props {
  view: ImportView;
  committing: boolean;
  onCommit(): void;
  onCancel(): void;
}

/** Step 3 when the file is valid: what the commit would do (new, changed, unchanged rows; fields before → after). */
export function ChangePreview({ view, committing, onCommit, onCancel }: Props) {
  const { can } = useAuth();
  const reference = useReference();
  const units = useOrgUnits(undefined, can('org'));
  const lookups: ValueLookups = { reference: reference.data, unitName: (id) => units.data?.byId.get(id)?.name };
  const counts = previewCounts(view);
  const toWrite = counts.total.create + counts.total.update;
  const warnings = view.issueCount - view.errorCount;
  const canCommit = view.allowedActions.includes('commit') && toWrite > 0;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="change-preview">
      <Alert
        type="success"
        showIcon
        title={`Tệp “${view.fileName}” hợp lệ: ${countsText(counts.total)}.`}
        description={
          toWrite > 0
            ? 'Chưa có dữ liệu nào được ghi. Kiểm tra các thay đổi dưới đây rồi bấm “Ghi vào cơ sở dữ liệu”.'
            : 'Dữ liệu trong tệp giống hệt dữ liệu hiện có: không có gì để ghi.'
        }
      />
      {view.error && <Alert type="warning" showIcon title={`Lần ghi trước đã dừng: ${view.error}. Dữ liệu chưa bị thay đổi.`} />}
      <Row gutter={16}>
        <Col xs={8} md={5}>
          <Statistic title="Mới" value={counts.total.create} formatter={(v) => formatNumber(Number(v))} styles={{ content: { color: '#237804' } }} />
        </Col>
        <Col xs={8} md={5}>
          <Statistic title="Thay đổi" value={counts.total.update} formatter={(v) => formatNumber(Number(v))} styles={{ content: { color: '#1d4f91' } }} />
        </Col>
        <Col xs={8} md={5}>
          <Statistic title="Không đổi" value={counts.total.unchanged} formatter={(v) => formatNumber(Number(v))} />
        </Col>
        <Col xs={24} md={9}>
          <Typography.Paragraph data-testid="preview-counts" strong style={{ marginTop: 8 }}>
            {countsText(counts.total)}
          </Typography.Paragraph>
          {counts.cadres && (
            <Typography.Text type="secondary">
              Hồ sơ cán bộ: {formatNumber(counts.cadres.create)} mới, {formatNumber(counts.cadres.update)} cập nhật
            </Typography.Text>
          )}
        </Col>
      </Row>
      <Space wrap>
        <Popconfirm
          title="Ghi dữ liệu vào cơ sở dữ liệu?"
          description={
            <div style={{ maxWidth: 360 }}>
              Sẽ thêm {formatNumber(counts.total.create)} dòng mới và cập nhật {formatNumber(counts.total.update)} dòng. Dữ liệu được kiểm tra lại trước khi ghi và
              chỉ được ghi khi không còn lỗi nào (ghi toàn bộ hoặc không ghi gì).
            </div>
          }
          okText="Ghi dữ liệu"
          cancelText="Không"
          onConfirm={onCommit}
          disabled={!canCommit}
        >
          <Button type="primary" icon={<DatabaseOutlined />} disabled={!canCommit} loading={committing} data-testid="commit-import">
            Ghi vào cơ sở dữ liệu
          </Button>
        </Popconfirm>
        <Button icon={<CloseOutlined />} onClick={onCancel} data-testid="cancel-import">
          Hủy, chọn tệp khác
        </Button>
        {warnings > 0 && <IssueReportButton view={view} label="Tải danh sách lưu ý (.xlsx)" />}
      </Space>
      {counts.sheets.length > 1 && (
        <Table
          data-testid="sheet-summary"
          rowKey="kind"
          size="small"
          pagination={false}
          dataSource={counts.sheets}
          columns={[
            { title: 'Trang tính', dataIndex: 'name', width: 180 },
            { title: 'Số dòng', dataIndex: 'rows', width: 90, align: 'right', render: (n: number) => formatNumber(n) },
            { title: 'Mới', dataIndex: 'create', width: 90, align: 'right', render: (n: number) => formatNumber(n) },
            { title: 'Thay đổi', dataIndex: 'update', width: 90, align: 'right', render: (n: number) => formatNumber(n) },
            { title: 'Không đổi', dataIndex: 'unchanged', width: 100, align: 'right', render: (n: number) => formatNumber(n) },
            {
              title: 'Số dòng thay đổi theo cột',
              key: 'fields',
              render: (_: unknown, s) => changedFieldsText(s.name, s.fields) || <Typography.Text type="secondary">—</Typography.Text>,
            },
          ]}
        />
      )}
      {warnings > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'warnings',
              label: `${formatNumber(warnings)} lưu ý (không phải lỗi, không cản trở việc ghi)`,
              children: <IssueTable view={view} only="warning" />,
            },
          ]}
        />
      )}
      {toWrite > 0 && (
        <Card type="inner" size="small" title="Các dòng sẽ được thêm mới hoặc thay đổi">
          {toWrite > STORED_CAP && (
            <Typography.Paragraph type="secondary">
              Xem trước {formatNumber(STORED_CAP)} dòng đầu tiên trong số {formatNumber(toWrite)} dòng sẽ được ghi; các số liệu ở trên tính đủ tất cả.
            </Typography.Paragraph>
          )}
          <ChangeTable view={view} total={Math.min(toWrite, STORED_CAP)} lookups={lookups} />
        </Card>
      )}
    </Space>
  );
}

function ChangeTable({ view, total, lookups }: { view: ImportView; total: number; lookups: ValueLookups }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const changes = useImportChanges(view.id, page, pageSize);

  const columns: ColumnsType<ImportChange> = [
    { title: 'Trang tính', dataIndex: 'sheet', width: 140 },
    { title: 'Dòng', dataIndex: 'rowNo', width: 70, align: 'right', render: (n: number) => formatNumber(n) },
    {
      title: 'Hồ sơ',
      key: 'who',
      width: 220,
      render: (_: unknown, c) => {
        const d = describeChange(c, lookups);
        return (
          <>
            <Typography.Text strong={!!d.name}>{d.name ?? d.who}</Typography.Text>
            {d.name && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {d.who}
              </Typography.Text>
            )}
          </>
        );
      },
    },
    {
      title: 'Thao tác',
      dataIndex: 'action',
      width: 100,
      render: (a: ImportChange['action']) => (a === 'create' ? <Tag color="green">Thêm mới</Tag> : <Tag color="blue">Cập nhật</Tag>),
    },
    {
      title: 'Nội dung (trước → sau)',
      key: 'fields',
      render: (_: unknown, c) => {
        const d = describeChange(c, lookups);
        if (c.action === 'create') {
          return (
            <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true, symbol: 'xem thêm' }}>
              {d.fields.map((f, i) => (
                <span key={f.key}>
                  {i > 0 && '; '}
                  <Typography.Text type="secondary">{f.label}:</Typography.Text> {f.after}
                </span>
              ))}
            </Typography.Paragraph>
          );
        }
        return d.fields.map((f) => (
          <span key={f.key} className="history-change" data-testid="import-change">
            {f.label}: <del>{f.before}</del> → <ins>{f.after}</ins>
          </span>
        ));
      },
    },
  ];

  return (
    <Table<ImportChange>
      data-testid="change-table"
      rowKey={(c) => `${c.sheet}|${c.rowNo}`}
      size="small"
      columns={columns}
      dataSource={changes.data?.items ?? []}
      loading={changes.isFetching}
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
        showTotal: (t, [from, to]) => `${formatNumber(from)}–${formatNumber(to)} trong ${formatNumber(t)} dòng`,
      }}
      locale={{ emptyText: changes.isError ? 'Không tải được danh sách thay đổi' : 'Không có dòng nào thay đổi' }}
      scroll={{ x: 900 }}
    />
  );
}
