import { yearOf } from '../../../../../common/dates';
import { useState } from 'react';
import { Card, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileWordOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { paths } from '../../../api/schema';
import { DECISION_KINDS, DECISION_KIND_LABELS, type DecisionKind } from '../../../../../common/secondment';
import { formatDate, formatNumber } from '../../../shared/format';
import { downloadFile } from '../../../shared/download';
import { DownloadButton } from '../../../shared/components/download-button';
import { FinanceListButton } from '../components/finance-list-button';

type DecisionList = paths['/api/secondments/decisions']['get']['responses'][200]['content']['application/json'];
type DecisionItem = DecisionList['items'][number];

const THIS_YEAR = yearOf();
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR + 1 - i);
const KIND_COLORS: Record<DecisionKind, string> = { send: 'blue', extend: 'gold', end_early: 'volcano', return: 'green' };

function useDecisions(q: { kind?: DecisionKind; year?: number; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['secondments', 'decisions', q],
    queryFn: () => unwrap(api.GET('/api/secondments/decisions', { params: { query: q } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * The decisions of the secondment path (send, extend, end early, return) in the user's scope, each downloadable
 * as the official .docx; the list itself exports to .xlsx, and the finance list of the year is at hand.
 */
export default function DecisionsPage() {
  const [kind, setKind] = useState<DecisionKind | undefined>();
  const [year, setYear] = useState<number | undefined>(THIS_YEAR);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const q = useDecisions({ kind, year, page, pageSize });

  const columns: ColumnsType<DecisionItem> = [
    { title: 'Số', dataIndex: 'number', width: 140, render: (v: string) => <strong>{v}</strong> },
    { title: 'Ngày ký', dataIndex: 'decidedOn', width: 110, render: (v: string) => formatDate(v) },
    { title: 'Loại quyết định', dataIndex: 'kind', render: (k: DecisionKind, d) => <Tag color={KIND_COLORS[k]}>{d.kindLabel}</Tag> },
    { title: 'Số người', dataIndex: 'count', width: 90, align: 'right', render: (v: number) => formatNumber(v) },
    { title: 'Người ký', dataIndex: 'signerName', render: (v: string, d) => `${v} (${d.signerTitle})` },
    {
      title: '',
      key: 'download',
      width: 150,
      render: (_: unknown, d) => (
        <DownloadButton
          size="small"
          icon={<FileWordOutlined />}
          aria-label={`Tải .docx Quyết định số ${d.number}`}
          download={() =>
            downloadFile(
              api.GET('/api/secondments/decisions/{id}/document.docx', { params: { path: { id: d.id } }, parseAs: 'blob' }),
              `quyet-dinh-${d.number.replace(/\//g, '-')}.docx`,
            )
          }
        >
          Tải .docx
        </DownloadButton>
      ),
    },
  ];

  return (
    <Card
      title="Quyết định tăng cường cán bộ về cơ sở"
      extra={
        <Space wrap>
          <Select
            allowClear
            placeholder="Mọi loại quyết định"
            style={{ width: 300 }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={DECISION_KINDS.map((k) => ({ value: k, label: DECISION_KIND_LABELS[k] }))}
            aria-label="Loại quyết định"
          />
          <Select
            allowClear
            placeholder="Mọi năm"
            style={{ width: 110 }}
            value={year}
            onChange={(v) => {
              setYear(v);
              setPage(1);
            }}
            options={YEARS.map((y) => ({ value: y, label: `Năm ${y}` }))}
            aria-label="Năm"
          />
          <DownloadButton
            download={() =>
              downloadFile(api.GET('/api/secondments/decisions.xlsx', { params: { query: { kind, year } }, parseAs: 'blob' }), 'danh-sach-quyet-dinh.xlsx')
            }
          >
            Xuất Excel
          </DownloadButton>
          <FinanceListButton year={year ?? THIS_YEAR} />
        </Space>
      }
    >
      <Table<DecisionItem>
        rowKey="id"
        size="middle"
        loading={q.isFetching}
        columns={columns}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: 'Chưa có quyết định nào trong phạm vi được xem.' }}
        pagination={{
          current: page,
          pageSize,
          total: q.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `${formatNumber(total)} quyết định`,
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
    </Card>
  );
}
