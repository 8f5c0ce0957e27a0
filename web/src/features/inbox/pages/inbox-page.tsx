import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Empty, Space, Statistic, Table, Tabs, Tag, Typography, Row, Col } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatDate, formatNumber } from '../../../shared/format';
import { useInbox, type InboxFilter, type InboxItem, type InboxKind } from '../hooks/use-inbox';
import { daysText, INBOX_KIND_COLORS, INBOX_KIND_LABELS } from '../inbox-labels';

/**
 * "Việc cần xử lý": what the user must do about the secondments they may see — reports, ends approaching,
 * evaluations, placements, files waiting at their step — computed by the server on each visit, one page at a time;
 * the tabs filter by kind and show how many items each holds.
 */
export default function InboxPage() {
  const [filter, setFilter] = useState<InboxFilter>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const inbox = useInbox(page, pageSize, filter);

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
    { title: 'Cán bộ', dataIndex: 'personName', width: 200, render: (n: string) => n || '—' },
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
  const kinds = d ? (Object.keys(INBOX_KIND_LABELS) as InboxKind[]).filter((k) => (d.countsByKind[k] ?? 0) > 0 || k === filter) : [];
  const tab = (label: string, n: number) => `${label} (${formatNumber(n)})`;
  return (
    <Card title="Việc cần xử lý">
      {d && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Statistic title="Tổng số việc" value={d.total} formatter={(v) => formatNumber(Number(v))} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title="Quá hạn"
              value={d.overdue}
              styles={{ content: { color: d.overdue ? '#cf1322' : undefined } }}
              formatter={(v) => formatNumber(Number(v))}
            />
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text type="secondary">Tính đến ngày {formatDate(d.today)}. Danh sách được tính lại mỗi lần mở trang.</Typography.Text>
          </Col>
        </Row>
      )}
      {d && d.total > 0 && (
        <Tabs
          data-testid="inbox-tabs"
          activeKey={filter}
          onChange={(k) => {
            setFilter(k as InboxFilter);
            setPage(1);
          }}
          items={[
            { key: 'all', label: tab('Tất cả', d.total) },
            { key: 'overdue', label: tab('Quá hạn', d.overdue) },
            ...kinds.map((k) => ({ key: k, label: tab(INBOX_KIND_LABELS[k], d.countsByKind[k] ?? 0) })),
          ]}
        />
      )}
      <Table<InboxItem>
        data-testid="inbox-table"
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={d?.items ?? []}
        loading={inbox.isFetching}
        pagination={{
          current: page,
          pageSize,
          total: d?.matching ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
          showTotal: (t) => `${formatNumber(t)} việc`,
        }}
        rowClassName={(i) => (i.overdue ? 'inbox-overdue' : '')}
        onRow={(i) => ({ style: i.overdue ? { background: '#fff1f0' } : undefined })}
        locale={{ emptyText: inbox.isError ? 'Không tải được danh sách việc cần xử lý' : <Empty description="Không có việc nào cần xử lý" /> }}
        scroll={{ x: 900 }}
      />
    </Card>
  );
}
