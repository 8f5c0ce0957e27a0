import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { CloudUploadOutlined, FileExcelOutlined } from '@ant-design/icons';
import type { ColumnsType, TableProps } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import { CATEGORY_LABELS, GENDER_LABELS } from '../../../../../common/enums';
import { api } from '../../../api/client';
import type { CadreListItem, CadreListQuery } from '../../../api/types';
import { useMe } from '../../../app/auth-context';
import { DownloadButton } from '../../../shared/components/download-button';
import { downloadFile } from '../../../shared/download';
import { formatDate } from '../../../shared/format';
import { listPagination } from '../../../shared/list-pagination';
import { useReference } from '../../../shared/hooks/use-reference';
import { CadreFilters } from '../components/cadre-filters';
import { useCadreFilters } from '../hooks/use-cadre-filters';
import { useCadreList } from '../hooks/use-cadres';
import { canImport } from '../../imports/import-roles';

type Sort = NonNullable<CadreListQuery['sort']>;

/** Roles that may read ethnicity (server: personnel.policy SENSITIVE_READERS); others do not get the filter. */
/** Each click cycles ascending ↔ descending; the list always has an order. */
const SORT_DIRECTIONS: SortOrder[] = ['ascend', 'descend', 'ascend'];

/** The list of cadres in the user's scope: server-side search, filters, sorting and paging, all kept in the URL. */
export default function CadreListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const { query, update, reset } = useCadreFilters();
  const list = useCadreList(query);
  const reference = useReference();
  const canFilterEthnicity = me.capabilities.includes('sensitiveFilters');

  const sortOrderOf = (key: Sort): SortOrder => (query.sort === key ? (query.order === 'desc' ? 'descend' : 'ascend') : null);
  const profilePath = (id: string) => `/cadres/${id}`;
  const fromList = { from: location.pathname + location.search };

  const columns: ColumnsType<CadreListItem> = [
    { title: 'Mã', dataIndex: 'code', key: 'code', width: 110, sorter: true, sortOrder: sortOrderOf('code'), sortDirections: SORT_DIRECTIONS },
    {
      title: 'Họ và tên',
      dataIndex: 'fullName',
      width: 200,
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      sortDirections: SORT_DIRECTIONS,
      render: (name: string, r) => (
        <Link to={profilePath(r.id)} state={fromList} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    { title: 'Giới tính', dataIndex: 'gender', key: 'gender', width: 90, render: (g: CadreListItem['gender']) => GENDER_LABELS[g] },
    {
      title: 'Ngày sinh',
      dataIndex: 'birthDate',
      key: 'birthDate',
      width: 120,
      sorter: true,
      sortOrder: sortOrderOf('birthDate'),
      sortDirections: SORT_DIRECTIONS,
      render: (d: string) => formatDate(d),
    },
    {
      title: 'Chức vụ',
      dataIndex: 'positionTitle',
      key: 'positionTitle',
      render: (t: string | null, r) => <>{t ?? <Typography.Text type="secondary">{CATEGORY_LABELS[r.category]}</Typography.Text>}</>,
    },
    { title: 'Đơn vị', dataIndex: 'unitName', key: 'unit', sorter: true, sortOrder: sortOrderOf('unit'), sortDirections: SORT_DIRECTIONS },
    {
      title: 'Xếp loại gần nhất',
      key: 'lastRating',
      width: 210,
      render: (_: unknown, r) => (r.lastRatingCode ? `${r.lastRatingYear}: ${reference.data?.ratingName(r.lastRatingCode) ?? r.lastRatingCode}` : '—'),
    },
    {
      title: 'Quy hoạch',
      dataIndex: 'inPlanning',
      key: 'inPlanning',
      width: 100,
      align: 'center',
      render: (v: boolean) => (v ? <Tag color="green">Có</Tag> : <Typography.Text type="secondary">Không</Typography.Text>),
    },
  ];

  const onChange: TableProps<CadreListItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = (s?.order ? s.columnKey : 'name') as Sort;
      update({ sort: key, order: s?.order === 'descend' ? 'desc' : 'asc' });
    } else if (extra.action === 'paginate') {
      update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? query.pageSize }, { keepPage: true });
    }
  };

  // the export takes the list's filters and order, not its page: every matching person is written
  const { page: _page, pageSize: _pageSize, ...exportQuery } = query;
  const exportButtons = (
    <Space wrap>
      {canImport(me) && (
        <Button icon={<CloudUploadOutlined />} onClick={() => navigate('/cadres/import')}>
          Nhập từ Excel
        </Button>
      )}
      <DownloadButton
        icon={<FileExcelOutlined />}
        data-testid="export-cadres"
        disabled={list.data?.total === 0}
        download={() => downloadFile(api.GET('/api/cadres/export.xlsx', { params: { query: exportQuery }, parseAs: 'blob' }), 'danh-sach-can-bo.xlsx')}
      >
        Xuất Excel
      </DownloadButton>
    </Space>
  );

  return (
    <Card title="Cán bộ, công chức, viên chức" extra={exportButtons}>
      <CadreFilters query={query} update={update} reset={reset} canFilterEthnicity={canFilterEthnicity} />
      <Table<CadreListItem>
        data-testid="cadre-table"
        rowKey="id"
        size="middle"
        className="clickable-rows"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onChange={onChange}
        onRow={(r) => ({ onClick: () => navigate(profilePath(r.id), { state: fromList }) })}
        pagination={listPagination(query, list.data?.total, 'người')}
        locale={{ emptyText: list.isError ? 'Không tải được danh sách' : 'Không có cán bộ nào phù hợp với điều kiện tìm kiếm' }}
        scroll={{ x: 1000 }}
      />
    </Card>
  );
}
