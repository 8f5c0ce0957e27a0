import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Empty, Segmented, Space, Statistic, Table, Tag, Typography, Row, Col } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDate, formatNumber } from '../../../shared/format';
import { useInbox, type InboxItem, type InboxKind } from '../hooks/use-inbox';
import { daysText, INBOX_KIND_COLORS, INBOX_KIND_LABELS } from '../inbox-labels';

type Filter = 'all' | 'overdue' | InboxKind;

/**
 * "Việc cần xử lý": what the user must do about the secondments they may see — reports, ends approaching,
 * evaluations, placements, files waiting at their step — computed from the data on each visit.
 */
export default function InboxPage() {
  const inbox = useInbox();
  const [filter, setFilter] = useState<Filter>('all');
  const items = useMemo(() => inbox.data?.items ?? [], [inbox.data]);
  const kinds = useMemo(() => [...new Set(items.map((i) => i.kind))], [items]);
  const shown = items.filter((i) => (filter === 'all' ? true : filter === 'overdue' ? i.overdue : i.kind === filter));

  const columns: ColumnsType<InboxItem> = [
    {
      title: 'Việc cần xử lý',
      dataIndex: 'title',
      render: (title: string, i) => (
        <Space orientation="vertical" size={2}>
          <Link to={i.link} data-testid="inbox-item-link">
            <Typography.Text strong>{title}</Typography.Text>
          </Link>
          <Tag color={INBOX_KIND_COLORS[i.kind]}>{INBOX_KIND_LABELS[i.kind]}</Tag>
        </Space>
      ),
    },
    { title: 'Cán bộ', dataIndex: 'personName', width: 200 },
    {
      title: 'Đơn vị cử / nơi tăng cường',
      key: 'units',
      width: 280,
      render: (_: unknown, i) => (
        <>
          <div>{i.sendingUnitName}</div>
          {i.hostUnitName && <Typography.Text type="secondary">→ {i.hostUnitName}</Typography.Text>}
        </>
      ),
    },
    {
      title: 'Hạn',
      dataIndex: 'dueOn',
      width: 140,
      render: (d: string, i) => (
        <>
          <div>{formatDate(d)}</div>
          <Typography.Text type={i.overdue ? 'danger' : i.daysLeft <= 7 ? 'warning' : 'secondary'} strong={i.overdue}>
            {daysText(i.daysLeft)}
          </Typography.Text>
        </>
      ),
    },
  ];

  const d = inbox.data;
  return (
    <Card title="Việc cần xử lý">
      {d && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Statistic title="Tổng số việc" value={d.total} formatter={(v) => formatNumber(Number(v))} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="Quá hạn" value={d.overdue} styles={{ content: { color: d.overdue ? '#cf1322' : undefined } }} formatter={(v) => formatNumber(Number(v))} />
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text type="secondary">Tính đến ngày {formatDate(d.today)}. Danh sách được tính lại mỗi lần mở trang.</Typography.Text>
          </Col>
        </Row>
      )}
      {items.length > 0 && (
        <Segmented<Filter>
          style={{ marginBottom: 12, flexWrap: 'wrap' }}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `Tất cả (${items.length})` },
            { value: 'overdue', label: `Quá hạn (${items.filter((i) => i.overdue).length})` },
            ...kinds.map((k) => ({ value: k, label: `${INBOX_KIND_LABELS[k]} (${items.filter((i) => i.kind === k).length})` })),
          ]}
        />
      )}
      <Table<InboxItem>
        data-testid="inbox-table"
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={shown}
        loading={inbox.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        rowClassName={(i) => (i.overdue ? 'inbox-overdue' : '')}
        onRow={(i) => ({ style: i.overdue ? { background: '#fff1f0' } : undefined })}
        locale={{ emptyText: inbox.isError ? 'Không tải được danh sách việc cần xử lý' : <Empty description="Không có việc nào cần xử lý" /> }}
        scroll={{ x: 900 }}
      />
    </Card>
  );
}
