import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import { FileExcelOutlined, FileProtectOutlined } from '@ant-design/icons';
import { PARTY_OPINION_OUTCOME_LABELS, POLITICAL_CONCLUSION_LABELS } from '../../../../../common/secondment';
import { useAuth } from '../../../app/auth-context';
import type { Capability } from '../../../api/types';
import { DownloadButton } from '../../../shared/components/download-button';
import { downloadFile } from '../../../shared/download';
import { EMPTY, formatDate, formatNumber } from '../../../shared/format';
import { listPagination } from '../../../shared/list-pagination';
import { DecisionModal, type DecisionCandidate } from '../components/decision-modal';
import { SecondmentFilterBar, StatusCounts } from '../components/secondment-filters';
import { SecondmentStatusTag } from '../components/status-tag';
import { secondmentApi, type SecondmentSummary } from '../hooks/secondment-api';
import { toListQuery, useSecondmentFilters } from '../hooks/use-secondment-filters';
import { useSecondmentList } from '../hooks/use-secondments';

/** The candidate of a decision from a row of the list. */
const toCandidate = (r: SecondmentSummary): DecisionCandidate => ({
  id: r.id,
  version: r.version,
  fullName: r.person.fullName,
  code: r.person.code,
  sendingUnitName: r.sendingUnit.name,
  hostUnitId: r.hostUnit?.id ?? null,
  startDate: r.startDate,
  partyOpinion: r.partyOpinion,
});

/**
 * "Tăng cường cán bộ": the secondments in the user's scope at every step, with the counts per step, filters
 * kept in the URL and the Excel export; the authority selects appraised proposals and decides to send them.
 */
export default function SecondmentsPage() {
  const { me, can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { filters, update, reset } = useSecondmentFilters();
  const query = useMemo(() => toListQuery(filters), [filters]);
  const list = useSecondmentList(query);
  const may = (c: Capability) => !!me?.capabilities.includes(c);
  const isAuthority = may('decideSecondments');
  const canExport = may('exportSecondments');
  // selected appraised proposals, kept across pages
  const [selected, setSelected] = useState<Map<string, SecondmentSummary>>(new Map());
  const [deciding, setDeciding] = useState(false);
  const fromList = { from: location.pathname + location.search };
  const recordPath = (id: string) => `/secondments/${id}`;

  const columns: ColumnsType<SecondmentSummary> = [
    {
      title: 'Cán bộ',
      key: 'person',
      width: 220,
      render: (_: unknown, r) => (
        <>
          <Link to={recordPath(r.id)} state={fromList} onClick={(e) => e.stopPropagation()} data-testid="secondment-link">
            {r.person.fullName}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.person.code} · {formatDate(r.person.birthDate)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: 'Đơn vị cử',
      key: 'sending',
      render: (_: unknown, r) => (
        <>
          {r.sendingUnit.name}
          {r.person.positionTitle && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {r.person.positionTitle}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: 'Nơi đến', key: 'host', width: 180, render: (_: unknown, r) => r.hostUnit?.name ?? <Typography.Text type="secondary">Chưa xác định</Typography.Text> },
    {
      title: 'Bước',
      key: 'status',
      width: 210,
      render: (_: unknown, r) => (
        <>
          <SecondmentStatusTag status={r.status} />
          {/* before the decision: the Party committee's standing opinion (Plan 131 II.1) */}
          {(r.status === 'proposed' || r.status === 'appraised') && (
            <Typography.Text type={r.partyOpinion ? undefined : 'secondary'} style={{ display: 'block', fontSize: 12 }} data-testid="list-party-opinion">
              {r.partyOpinion
                ? `Cấp ủy: ${PARTY_OPINION_OUTCOME_LABELS[r.partyOpinion.outcome].toLowerCase()}, ${POLITICAL_CONCLUSION_LABELS[r.partyOpinion.politicalConclusion].toLowerCase()}`
                : 'Chưa có ý kiến cấp ủy'}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: 'Số quyết định', dataIndex: 'decisionNo', width: 130, render: (v: string | null) => v ?? EMPTY },
    {
      title: 'Thời gian',
      key: 'period',
      width: 190,
      render: (_: unknown, r) => (r.startDate || r.endDate ? `${formatDate(r.startDate)} – ${formatDate(r.endDate)}` : EMPTY),
    },
  ];

  const onChange: TableProps<SecondmentSummary>['onChange'] = (pagination, _f, _s, extra) => {
    if (extra.action === 'paginate') update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? filters.pageSize }, { keepPage: true });
  };

  const rows = list.data?.items ?? [];
  const rowSelection: TableProps<SecondmentSummary>['rowSelection'] | undefined = isAuthority
    ? {
        selectedRowKeys: [...selected.keys()],
        getCheckboxProps: (r) => ({ disabled: r.status !== 'appraised', 'aria-label': `Chọn ${r.person.fullName}` }),
        onChange: (keys) => {
          setSelected((prev) => {
            const next = new Map(prev);
            // rows of this page: keep exactly those ticked; rows of other pages stay as they were
            for (const r of rows) if (!keys.includes(r.id)) next.delete(r.id);
            for (const r of rows) if (keys.includes(r.id) && r.status === 'appraised') next.set(r.id, r);
            return next;
          });
        },
      }
    : undefined;

  const { page: _page, pageSize: _pageSize, ...exportQuery } = query;
  const extra = (
    <Space wrap>
      {isAuthority && (
        <Button type="primary" icon={<FileProtectOutlined />} disabled={selected.size === 0} onClick={() => setDeciding(true)} data-testid="action-decide">
          Quyết định cử{selected.size ? ` (${formatNumber(selected.size)})` : ''}
        </Button>
      )}
      {canExport && (
        <DownloadButton
          icon={<FileExcelOutlined />}
          data-testid="export-secondments"
          disabled={list.data?.total === 0}
          download={() => downloadFile(secondmentApi.exportXlsx(exportQuery), 'danh-sach-tang-cuong.xlsx')}
        >
          Xuất Excel
        </DownloadButton>
      )}
    </Space>
  );

  return (
    <Card title="Tăng cường cán bộ" extra={extra}>
      <SecondmentFilterBar filters={filters} update={update} reset={reset} canFilterUnit={can('org')} canFilterHost={may('chooseHostCommune')} />
      <StatusCounts counts={list.data?.countsByStatus} filters={filters} update={update} />
      {isAuthority && (list.data?.countsByStatus.appraised ?? 0) > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Chọn các hồ sơ đã thẩm định (chờ quyết định) rồi bấm “Quyết định cử” để ban hành một quyết định cho nhiều cán bộ."
        />
      )}
      {list.isError && !list.data && <Alert type="error" showIcon title="Không tải được danh sách" style={{ marginBottom: 12 }} />}
      <Table<SecondmentSummary>
        data-testid="secondment-table"
        rowKey="id"
        size="middle"
        className="clickable-rows"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching}
        onChange={onChange}
        rowSelection={rowSelection}
        onRow={(r) => ({
          onClick: (e) => {
            // ticking a row is not opening it
            if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
            navigate(recordPath(r.id), { state: fromList });
          },
        })}
        pagination={listPagination(filters, list.data?.total, 'hồ sơ')}
        locale={{ emptyText: list.isError ? 'Không tải được danh sách' : 'Không có hồ sơ nào phù hợp với điều kiện lọc' }}
        scroll={{ x: 1100 }}
      />
      {deciding && (
        <DecisionModal
          candidates={[...selected.values()].map(toCandidate)}
          onClose={() => setDeciding(false)}
          onStale={() => list.refetch()}
          onDone={() => setSelected(new Map())}
        />
      )}
    </Card>
  );
}
