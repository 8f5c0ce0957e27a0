import { useState } from 'react';
import { Alert, Card, Drawer, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import { FileExcelOutlined } from '@ant-design/icons';
import { DEMAND_FIELDS, DEMAND_FIELD_LABELS, NEED_STATUSES, NEED_STATUS_LABELS, type DemandField, type NeedStatus } from '../../../../../common/demand';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth-context';
import { DownloadButton } from '../../../shared/components/download-button';
import { downloadFile } from '../../../shared/download';
import { formatDate, formatNumber } from '../../../shared/format';
import { CommuneDemandView } from '../components/commune-demand-view';
import { NeedsTable } from '../components/needs-table';
import { RoundsPanel } from '../components/rounds-panel';
import { MatchingPanel } from '../components/matching-panel';
import { useNeeds, useShortages, useSurplus, type ShortageQuery, type ShortageRow } from '../hooks/use-demand';

/**
 * "Nhu cầu tăng cường" (S7; Plan 131 I.2, I.4): where cadres are needed. Sở Nội vụ and the authority read the table
 * of shortages by commune, review the needs and group them into rounds, and see the surplus of the city-level units;
 * a host commune sees its own posts and declares its needs. What is offered comes from the capabilities.
 */
export default function DemandPage() {
  const { me, may } = useAuth();
  if (may('readShortages')) return <ProvinceDemand mayReview={may('reviewCommuneNeeds')} />;
  const communeId = me?.grants.find((g) => g.unitId)?.unitId;
  if (!communeId) return <Alert type="warning" showIcon title="Tài khoản chưa được gán xã, phường" />;
  return (
    <Card title="Nhu cầu tăng cường của xã, phường">
      <CommuneDemandView unitId={communeId} />
    </Card>
  );
}

type SortKey = NonNullable<ShortageQuery['sort']>;

function ProvinceDemand({ mayReview }: { mayReview: boolean }) {
  const mayMatch = useAuth().may('runMatching');
  const [query, setQuery] = useState<ShortageQuery>({ sort: 'vacancies', dir: 'desc', page: 1, pageSize: 20 });
  const [open, setOpen] = useState<ShortageRow | null>(null);
  const [tab, setTab] = useState('shortages');
  const [needStatus, setNeedStatus] = useState<NeedStatus>('submitted');
  const [needPage, setNeedPage] = useState({ page: 1, pageSize: 20 });
  const shortages = useShortages(query);
  const needs = useNeeds({ status: needStatus, ...needPage }, tab === 'needs');
  const surplus = useSurplus(tab === 'surplus');
  const sortOrder = (k: SortKey): SortOrder => (query.sort === k ? (query.dir === 'desc' ? 'descend' : 'ascend') : null);
  const num = (title: string, key: SortKey, width = 100) => ({
    title,
    dataIndex: key,
    key,
    width,
    align: 'right' as const,
    sorter: true,
    sortOrder: sortOrder(key),
    render: (v: number) => formatNumber(v),
  });
  const columns: ColumnsType<ShortageRow> = [
    {
      title: 'Xã, phường',
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      fixed: 'left',
      width: 170,
      render: (_: unknown, r) => (
        <>
          <Typography.Link>{r.name}</Typography.Link>
          {r.isEspeciallyDisadvantaged && (
            <Tag color="volcano" style={{ marginLeft: 6 }}>
              ĐBKK
            </Tag>
          )}
        </>
      ),
    },
    num('Vị trí', 'posts', 80),
    num('Định mức', 'norm', 90),
    num('Đảm nhiệm', 'holders', 100),
    num('Còn thiếu', 'vacancies', 100),
    num('Chờ xem xét', 'submitted', 110),
    num('Đã chấp thuận', 'approved', 120),
    {
      title: 'Theo lĩnh vực',
      key: 'byField',
      width: 260,
      render: (_: unknown, r) =>
        r.byField.map((f) => (
          <Tag key={f.field} style={{ marginBottom: 2 }}>
            {DEMAND_FIELD_LABELS[f.field]}: {f.submitted + f.approved}
          </Tag>
        )),
    },
  ];
  const onChange: TableProps<ShortageRow>['onChange'] = (p, _f, sorter, extra) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    if (extra.action === 'sort') {
      setQuery((q) => ({ ...q, page: 1, sort: (s.order ? s.columnKey : 'name') as SortKey, dir: s.order === 'descend' ? 'desc' : 'asc' }));
    } else if (extra.action === 'paginate') setQuery((q) => ({ ...q, page: p.current ?? 1, pageSize: p.pageSize ?? 20 }));
  };
  const { page: _p, pageSize: _s, ...exportQuery } = query;
  const t = shortages.data?.totals;

  return (
    <Card title="Nhu cầu tăng cường">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'shortages',
            label: 'Thiếu hụt theo xã, phường',
            children: (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  <Select<DemandField>
                    allowClear
                    style={{ minWidth: 240 }}
                    placeholder="Mọi lĩnh vực"
                    aria-label="Lĩnh vực"
                    value={query.field}
                    onChange={(field) => setQuery((q) => ({ ...q, field, page: 1 }))}
                    options={DEMAND_FIELDS.map((f) => ({ value: f, label: DEMAND_FIELD_LABELS[f] }))}
                  />
                  <Select<'true' | 'false'>
                    allowClear
                    style={{ minWidth: 180 }}
                    placeholder="Mọi xã, phường"
                    aria-label="Vùng ĐBKK"
                    value={query.disadvantaged}
                    onChange={(disadvantaged) => setQuery((q) => ({ ...q, disadvantaged, page: 1 }))}
                    options={[
                      { value: 'true', label: 'Chỉ xã ĐBKK' },
                      { value: 'false', label: 'Không thuộc ĐBKK' },
                    ]}
                  />
                  <DownloadButton
                    icon={<FileExcelOutlined />}
                    data-testid="export-shortages"
                    download={() =>
                      downloadFile(
                        api.GET('/api/demand/shortages/export.xlsx', { params: { query: exportQuery }, parseAs: 'blob' }),
                        'nhu-cau-tang-cuong-theo-xa.xlsx',
                      )
                    }
                  >
                    Xuất Excel
                  </DownloadButton>
                </Space>
                {t && (
                  <Typography.Paragraph type="secondary">
                    Tổng: {formatNumber(t.posts)} vị trí, định mức {formatNumber(t.norm)}, đang đảm nhiệm {formatNumber(t.holders)}, còn thiếu{' '}
                    {formatNumber(t.vacancies)}; nhu cầu chờ xem xét {formatNumber(t.submitted)} người, đã chấp thuận {formatNumber(t.approved)} người.
                  </Typography.Paragraph>
                )}
                <Table<ShortageRow>
                  data-testid="shortages-table"
                  rowKey="unitId"
                  size="small"
                  className="clickable-rows"
                  columns={columns}
                  dataSource={shortages.data?.items ?? []}
                  loading={shortages.isFetching}
                  onChange={onChange}
                  onRow={(r) => ({ onClick: () => setOpen(r) })}
                  pagination={{
                    current: query.page,
                    pageSize: query.pageSize,
                    total: shortages.data?.total ?? 0,
                    showSizeChanger: true,
                    showTotal: (all) => `${formatNumber(all)} xã, phường`,
                  }}
                  scroll={{ x: 1100 }}
                />
              </>
            ),
          },
          {
            key: 'needs',
            label: 'Xem xét nhu cầu',
            children: (
              <>
                <Select<NeedStatus>
                  style={{ minWidth: 240, marginBottom: 12 }}
                  aria-label="Trạng thái"
                  value={needStatus}
                  onChange={(v) => {
                    setNeedStatus(v);
                    setNeedPage((p) => ({ ...p, page: 1 }));
                  }}
                  options={NEED_STATUSES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: NEED_STATUS_LABELS[s] }))}
                />
                <NeedsTable
                  needs={needs.data?.items ?? []}
                  loading={needs.isFetching}
                  showUnit
                  pagination={{
                    current: needPage.page,
                    pageSize: needPage.pageSize,
                    total: needs.data?.total ?? 0,
                    showTotal: (all) => `${formatNumber(all)} nhu cầu`,
                  }}
                  onPage={(page, pageSize) => setNeedPage({ page, pageSize })}
                />
              </>
            ),
          },
          { key: 'rounds', label: 'Đợt tổng hợp', children: <RoundsPanel mayManage={mayReview} /> },
          ...(mayMatch ? [{ key: 'matching', label: 'Ghép cán bộ với nhu cầu', children: <MatchingPanel /> }] : []),
          {
            key: 'surplus',
            label: 'Đơn vị vượt biên chế',
            children: (
              <>
                <Typography.Paragraph type="secondary">
                  Các cơ quan, đơn vị cấp thành phố có số người đang làm việc vượt biên chế được giao năm {surplus.data?.year ?? ''} sau sắp xếp — nơi có thể cử cán
                  bộ tăng cường mà không ảnh hưởng đến nhiệm vụ.
                </Typography.Paragraph>
                <Table
                  rowKey="unitId"
                  size="small"
                  loading={surplus.isLoading}
                  dataSource={surplus.data?.items ?? []}
                  pagination={false}
                  locale={{ emptyText: 'Không có đơn vị nào vượt biên chế được giao' }}
                  scroll={{ x: 600 }}
                  columns={[
                    { title: 'Đơn vị', dataIndex: 'name' },
                    { title: 'Biên chế giao', dataIndex: 'assignedStaffing', align: 'right', width: 120 },
                    { title: 'Đang làm việc', dataIndex: 'headcount', align: 'right', width: 120 },
                    { title: 'Vượt', dataIndex: 'excess', align: 'right', width: 80, render: (v: number) => <Typography.Text type="danger">{v}</Typography.Text> },
                    { title: 'Sắp xếp ngày', dataIndex: 'restructuredOn', width: 120, render: (v: string | null) => formatDate(v) },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      <Drawer open={!!open} onClose={() => setOpen(null)} title={open?.name} size="large" styles={{ wrapper: { maxWidth: '100vw' } }} destroyOnHidden>
        {open && <CommuneDemandView unitId={open.unitId} />}
      </Drawer>
    </Card>
  );
}
