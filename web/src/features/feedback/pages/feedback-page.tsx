import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { FEEDBACK_KIND_LABELS, FEEDBACK_STATUS_LABELS } from '../../../../../common/secondment';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth-context';
import { DownloadButton } from '../../../shared/components/download-button';
import { downloadFile } from '../../../shared/download';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/format';
import { listPagination } from '../../../shared/list-pagination';
import { FeedbackDrawer } from '../components/feedback-drawer';
import { FeedbackFilterBar } from '../components/feedback-filter-bar';
import { FeedbackFormModal } from '../components/feedback-form-modal';
import { FEEDBACK_STATUS_COLORS } from '../components/feedback-labels';
import { canRaiseFeedback, isHomeAffairs, type FeedbackListItem } from '../hooks/feedback-types';
import { useFeedbackList } from '../hooks/use-feedback';
import { toFeedbackQuery, useFeedbackFilters } from '../hooks/use-feedback-filters';

/**
 * Feedback on the plan (Plan 131, closing paragraph; S17): the units and communes raise difficulties or propose
 * changes, Sở Nội vụ answers and closes, both are tracked. The server scopes, filters and pages; the filters
 * live in the URL.
 */
export default function FeedbackPage() {
  const { me, can } = useAuth();
  const { filters, update, reset } = useFeedbackFilters();
  const query = useMemo(() => toFeedbackQuery(filters), [filters]);
  const list = useFeedbackList(query);
  const [creating, setCreating] = useState(false);
  const data = list.data;
  const homeAffairs = isHomeAffairs(me);

  const columns: ColumnsType<FeedbackListItem> = [
    { title: 'Ngày gửi', dataIndex: 'createdAt', width: 110, render: (v: string) => formatDate(v) },
    {
      title: 'Tiêu đề',
      key: 'subject',
      render: (_: unknown, r) => (
        <>
          <Typography.Link strong>{r.subject}</Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {FEEDBACK_KIND_LABELS[r.kind]}
          </Typography.Text>
        </>
      ),
    },
    {
      title: 'Đơn vị gửi',
      key: 'unit',
      width: 240,
      render: (_: unknown, r) => (
        <>
          {r.unitName}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.authorName}
          </Typography.Text>
        </>
      ),
    },
    {
      title: 'Trao đổi',
      key: 'replies',
      width: 150,
      render: (_: unknown, r) =>
        r.replyCount === 0 ? (
          <Typography.Text type="secondary">Chưa có</Typography.Text>
        ) : (
          <>
            {formatNumber(r.replyCount)} lượt
            {r.lastAnswerAt && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                Trả lời: {formatDateTime(r.lastAnswerAt)}
              </Typography.Text>
            )}
          </>
        ),
    },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      width: 130,
      render: (v: FeedbackListItem['status']) => (
        <Tag color={FEEDBACK_STATUS_COLORS[v]} data-testid="row-status">
          {FEEDBACK_STATUS_LABELS[v]}
        </Tag>
      ),
    },
  ];

  const onChange: TableProps<FeedbackListItem>['onChange'] = (pagination, _f, _s, extra) => {
    if (extra.action === 'paginate') update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? filters.pageSize }, { keepPage: true });
  };
  const { page: _page, pageSize: _pageSize, ...exportFilters } = query;

  return (
    <Card
      title={
        <Space>
          Kiến nghị, đề xuất
          {data && data.waiting > 0 && (
            <Badge
              count={data.waiting}
              overflowCount={999}
              title={`${formatNumber(data.waiting)} kiến nghị đang chờ Sở Nội vụ trả lời`}
              data-testid="feedback-waiting"
            />
          )}
        </Space>
      }
      extra={
        <Space wrap>
          <DownloadButton
            icon={<FileExcelOutlined />}
            data-testid="export-feedback"
            download={() => downloadFile(api.GET('/api/feedback/export.xlsx', { params: { query: exportFilters }, parseAs: 'blob' }), 'kien-nghi-de-xuat.xlsx')}
          >
            Xuất Excel
          </DownloadButton>
          {canRaiseFeedback(me) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="feedback-new">
              Gửi kiến nghị
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {homeAffairs
          ? 'Kiến nghị, đề xuất của các đơn vị cử cán bộ và đơn vị tiếp nhận. Sở Nội vụ trả lời từng kiến nghị và đóng khi đã giải quyết xong.'
          : 'Khó khăn, vướng mắc và đề xuất sửa đổi, bổ sung kế hoạch gửi Sở Nội vụ; theo dõi nội dung trả lời và trao đổi thêm khi cần.'}
        {data && ` Đang chờ trả lời: ${formatNumber(data.waiting)}.`}
      </Typography.Paragraph>
      <FeedbackFilterBar filters={filters} byStatus={data?.byStatus} showUnit={can('org')} update={update} reset={reset} />
      {list.isError && !data && <Alert type="error" showIcon title="Không tải được danh sách kiến nghị" style={{ marginBottom: 12 }} />}
      <Table<FeedbackListItem>
        data-testid="feedback-table"
        rowKey="id"
        size="middle"
        className="clickable-rows"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={list.isFetching}
        onChange={onChange}
        onRow={(r) => ({ onClick: () => update({ item: r.id }, { keepPage: true }) })}
        rowClassName={(r) => (r.id === filters.item ? 'ant-table-row-selected' : '')}
        pagination={listPagination(filters, data?.total, 'kiến nghị')}
        locale={{ emptyText: list.isError ? 'Không tải được danh sách' : 'Chưa có kiến nghị nào phù hợp với điều kiện lọc' }}
        scroll={{ x: 900 }}
      />
      <FeedbackDrawer id={filters.item} homeAffairs={homeAffairs} onClose={() => update({ item: undefined }, { keepPage: true })} />
      {creating && (
        <FeedbackFormModal
          onClose={() => setCreating(false)}
          onSent={(item) => {
            setCreating(false);
            update({ item: item.id });
          }}
        />
      )}
    </Card>
  );
}
