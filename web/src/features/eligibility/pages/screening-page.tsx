import { useMemo } from 'react';
import { Card, Col, Row, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { TARGET_GROUP_LABELS, VERDICT_LABELS, type TargetGroup, type Verdict } from '../../../../../common/eligibility';
import { GENDER_LABELS, type Gender } from '../../../../../common/enums';
import type { ScreeningItem, ScreeningQuery } from '../../../api/types';
import { useAuth } from '../../../app/auth-context';
import { DownloadButton } from '../../../shared/components/download-button';
import { downloadFile } from '../../../shared/download';
import { formatDate, formatNumber } from '../../../shared/format';
import { listPagination } from '../../../shared/list-pagination';
import { useOrgUnits } from '../../org/hooks/use-org-units';
import { planVersionText } from '../../plans/components/plan-version';
import { PlanErrorAlert } from '../../plans/components/plan-error-alert';
import { CriterionDots } from '../components/criterion-dots';
import { ProposeLink } from '../../secondments/components/propose-link';
import { VERDICT_COLORS } from '../components/eligibility-labels';
import { viDates } from '../components/facts';
import { PersonDrawer } from '../components/person-drawer';
import { ScreeningFilterBar } from '../components/screening-filters';
import { CriterionBreakdown, VerdictTiles } from '../components/screening-summary';
import { useScreening } from '../hooks/use-eligibility';
import { toScreeningQuery, useScreeningFilters } from '../hooks/use-screening-filters';

/**
 * Screening of the staff in the user's scope (Plan 131 S1–S3): who is eligible, who is not and why, who needs
 * information; ranked by priority. The server judges, filters and pages; the filters live in the URL.
 */
export default function ScreeningPage() {
  const { can } = useAuth();
  const { filters, update, reset } = useScreeningFilters();
  const query = useMemo(() => toScreeningQuery(filters), [filters]);
  const list = useScreening(query);
  const units = useOrgUnits(undefined, can('org'));
  const unitName = filters.unitId ? units.data?.byId.get(filters.unitId)?.name : undefined;
  const data = list.data;

  const columns: ColumnsType<ScreeningItem> = [
    {
      title: 'Ưu tiên',
      key: 'priority',
      width: 150,
      render: (_: unknown, r) =>
        r.priorityScore === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space orientation="vertical" size={2}>
            <Typography.Text strong>{formatNumber(r.priorityScore)} điểm</Typography.Text>
            <span>
              {r.priorityParts.map((p) => (
                <Tag key={p.factor} color="purple" style={{ marginBottom: 2 }}>
                  {p.label} +{formatNumber(p.points)}
                </Tag>
              ))}
            </span>
          </Space>
        ),
    },
    {
      title: 'Họ và tên',
      key: 'name',
      width: 200,
      render: (_: unknown, r) => (
        <>
          <Typography.Link strong>{r.fullName}</Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.code} · {GENDER_LABELS[r.gender as Gender] ?? r.gender} · {formatDate(r.birthDate)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: 'Đơn vị',
      key: 'unit',
      render: (_: unknown, r) => (
        <>
          {r.unitName}
          {r.sendingUnitName && r.sendingUnitName !== r.unitName && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {r.sendingUnitName}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: 'Chức vụ', dataIndex: 'positionTitle', width: 150, render: (t: string | null) => t ?? <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: 'Nhóm',
      dataIndex: 'targetGroup',
      width: 90,
      align: 'center',
      render: (g: number, r) => (
        <Tooltip
          title={
            <>
              {TARGET_GROUP_LABELS[g as TargetGroup]}
              <br />
              <em>{viDates(r.targetGroupReason)}</em>
            </>
          }
        >
          <Tag color="blue" style={{ cursor: 'help' }}>
            Nhóm {g}
          </Tag>
        </Tooltip>
      ),
    },
    {
      title: 'Kết luận',
      dataIndex: 'verdict',
      width: 160,
      render: (v: Verdict) => (
        <Tag color={VERDICT_COLORS[v]} data-testid="row-verdict">
          {VERDICT_LABELS[v]}
        </Tag>
      ),
    },
    { title: 'Các tiêu chí', key: 'criteria', width: 150, render: (_: unknown, r) => <CriterionDots criteria={r.criteria} /> },
    // a unit proposes from here; one who is not eligible needs a written justification on the next page
    { title: '', key: 'propose', width: 110, render: (_: unknown, r) => <ProposeLink personId={r.personId} /> },
  ];

  const onChange: TableProps<ScreeningItem>['onChange'] = (pagination, _filters, _sorter, extra) => {
    if (extra.action === 'paginate') update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? filters.pageSize }, { keepPage: true });
  };

  return (
    <Card
      title={unitName ? `Sàng lọc cán bộ — ${unitName}` : 'Sàng lọc cán bộ'}
      extra={
        <Space wrap>
          <ScreeningExports query={query} />
          <Typography.Text type="secondary">Sắp xếp</Typography.Text>
          <Segmented
            aria-label="Sắp xếp"
            value={filters.sort}
            onChange={(v) => update({ sort: v as 'priority' | 'name' })}
            options={[
              { value: 'priority', label: 'Theo thứ tự ưu tiên' },
              { value: 'name', label: 'Theo họ tên' },
            ]}
          />
        </Space>
      }
    >
      <ScreeningFilterBar filters={filters} summary={data?.summary} update={update} reset={reset} />
      {data && (
        <Typography.Paragraph type="secondary" data-testid="screening-basis" style={{ marginTop: -4 }}>
          Kết quả theo {planVersionText(data.planVersion)}; ngày xét {formatDate(data.referenceDate)}. Cán bộ đủ điều kiện được xếp trước theo điểm ưu tiên (trẻ
          tuổi, nữ, người dân tộc thiểu số, hoàn thành xuất sắc nhiệm vụ — mục I.3). Bấm vào một dòng để xem giải thích.
        </Typography.Paragraph>
      )}
      {list.isError && !data && <PlanErrorAlert error={list.error} title="Không tải được kết quả sàng lọc" />}
      {data && (
        <Row gutter={16}>
          <Col xs={24} xl={9}>
            <VerdictTiles summary={data.summary} filters={filters} update={update} />
          </Col>
          <Col xs={24} xl={15}>
            <CriterionBreakdown summary={data.summary} filters={filters} update={update} />
          </Col>
        </Row>
      )}
      <Table<ScreeningItem>
        data-testid="screening-table"
        rowKey="personId"
        size="middle"
        className="clickable-rows"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={list.isFetching}
        onChange={onChange}
        onRow={(r) => ({ onClick: () => update({ person: r.personId }, { keepPage: true }) })}
        rowClassName={(r) => (r.personId === filters.person ? 'ant-table-row-selected' : '')}
        pagination={listPagination(filters, data?.total, 'người')}
        locale={{ emptyText: list.isError ? 'Không tải được danh sách' : 'Không có cán bộ nào phù hợp với điều kiện lọc' }}
        scroll={{ x: 1100 }}
      />
      <PersonDrawer
        personId={filters.person}
        referenceDate={filters.referenceDate}
        destinationPostId={filters.destinationPostId}
        onClose={() => update({ person: undefined }, { keepPage: true })}
      />
    </Card>
  );
}

/**
 * "Xuất Excel": the screening with the current filters, every page. "Phụ lục danh sách": the annex of the people
 * proposed (those eligible under the current unit and filters, by priority) as an administrative document.
 */
function ScreeningExports({ query }: { query: ScreeningQuery }) {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const annex = { ...filters, verdict: 'eligible' as const, failing: undefined, sort: 'priority' as const };
  return (
    <>
      <DownloadButton
        icon={<FileExcelOutlined />}
        data-testid="export-screening"
        download={() => downloadFile(api.GET('/api/eligibility/export.xlsx', { params: { query: filters }, parseAs: 'blob' }), 'ket-qua-sang-loc.xlsx')}
      >
        Xuất Excel
      </DownloadButton>
      <Tooltip title="Danh sách cán bộ đủ điều kiện đề xuất cử tăng cường, theo thứ tự ưu tiên, của đơn vị và bộ lọc đang chọn">
        <DownloadButton
          icon={<FileWordOutlined />}
          data-testid="export-annex"
          download={() => downloadFile(api.GET('/api/eligibility/annex.docx', { params: { query: annex }, parseAs: 'blob' }), 'phu-luc-danh-sach.docx')}
        >
          Phụ lục danh sách (.docx)
        </DownloadButton>
      </Tooltip>
    </>
  );
}
