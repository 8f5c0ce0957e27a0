import { yearOf } from '../../../../../common/dates';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Dropdown, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ApartmentOutlined, FileExcelOutlined, HistoryOutlined, MoreOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { UNIT_KIND_LABELS } from '../../../../../common/enums';
import { useAuth } from '../../../app/auth-context';
import { DownloadButton } from '../../../shared/components/download-button';
import { downloadFile } from '../../../shared/download';
import { foldAccents, formatDate, formatNumber } from '../../../shared/format';
import { useOrgUnits, type UnitTreeNode } from '../hooks/use-org-units';
import { OrgChangeModal, type OrgChangeMode } from '../components/org-change-modal';
import { UnitEventsDrawer } from '../components/unit-events-drawer';

const THIS_YEAR = yearOf();
const YEARS = Array.from({ length: 8 }, (_, i) => THIS_YEAR + 1 - i);

/** Keeps the units whose name or code matches, with the units above them so the tree stays readable. */
function filterTree(nodes: UnitTreeNode[], needle: string): UnitTreeNode[] {
  const out: UnitTreeNode[] = [];
  for (const n of nodes) {
    const kids = n.children ? filterTree(n.children, needle) : [];
    if (foldAccents(`${n.name} ${n.code}`).includes(needle) || kids.length) {
      out.push({ ...n, children: kids.length ? kids : undefined });
    }
  }
  return out;
}

function collectIds(nodes: UnitTreeNode[], maxDepth: number, acc: string[] = []): string[] {
  for (const n of nodes) {
    if (n.children && n.depth < maxDepth) {
      acc.push(n.id);
      collectIds(n.children, maxDepth, acc);
    }
  }
  return acc;
}

/** The unit tree of the user's scope with assigned staffing and headcount for a year; a unit opens its cadre list. */
export default function OrgTreePage() {
  const navigate = useNavigate();
  const { can, may } = useAuth();
  const managesOrg = may('manageOrg');
  const [changing, setChanging] = useState<{ mode: OrgChangeMode; unit: UnitTreeNode | null } | null>(null);
  const [history, setHistory] = useState<UnitTreeNode | null>(null);
  const [year, setYear] = useState(THIS_YEAR);
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null);
  const units = useOrgUnits(year);
  const canOpenCadres = can('cadres');

  const needle = foldAccents(search.trim());
  const tree = useMemo(() => {
    const t = units.data?.tree ?? [];
    return needle ? filterTree(t, needle) : t;
  }, [units.data, needle]);
  const minDepth = units.data?.items.reduce((m, u) => Math.min(m, u.depth), Infinity) ?? 0;
  // by default the two top levels are open; while searching, every match is shown
  const expandedKeys = needle ? collectIds(tree, Infinity) : (expanded ?? collectIds(tree, minDepth + 1));

  const columns: ColumnsType<UnitTreeNode> = [
    {
      title: 'Đơn vị',
      dataIndex: 'name',
      render: (name: string, u) => (
        <Space size={6} wrap>
          <Typography.Text strong={u.depth <= minDepth}>{name}</Typography.Text>
          {u.isEspeciallyDisadvantaged && <Tag color="orange">Đặc biệt khó khăn</Tag>}
          {u.closedOn && <Tag color="red">Đã giải thể {formatDate(u.closedOn)}</Tag>}
        </Space>
      ),
    },
    { title: 'Mã', dataIndex: 'code', width: 110 },
    { title: 'Loại đơn vị', dataIndex: 'kind', width: 200, render: (k: UnitTreeNode['kind']) => UNIT_KIND_LABELS[k] },
    {
      title: 'Biên chế được giao',
      dataIndex: 'assignedStaffing',
      width: 150,
      align: 'right',
      render: (v: number | null) => formatNumber(v),
    },
    { title: 'Hiện có', dataIndex: 'headcount', width: 110, align: 'right', render: (v: number) => formatNumber(v) },
    { title: 'Ngày sắp xếp', dataIndex: 'restructuredOn', width: 130, render: (v: string | null) => formatDate(v) },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 80,
      align: 'center',
      render: (_: unknown, u) => {
        const city = u.kind !== 'commune' && u.kind !== 'ward' && u.kind !== 'peoples_committee';
        const open = managesOrg && !u.closedOn;
        const items = [
          { key: 'history', icon: <HistoryOutlined />, label: 'Lịch sử sắp xếp' },
          ...(open && u.kind !== 'commune' && u.kind !== 'ward' ? [{ key: 'add', icon: <PlusOutlined />, label: 'Thêm đơn vị trực thuộc' }] : []),
          ...(open && city
            ? [
                { key: 'rename', label: 'Đổi tên' },
                { key: 'move', label: 'Chuyển đơn vị cấp trên' },
                { key: 'split', label: 'Chia tách (thành lập đơn vị mới)' },
                { key: 'close', label: 'Giải thể', danger: true },
              ]
            : []),
        ];
        return (
          <span onClick={(e) => e.stopPropagation()}>
            <Dropdown
              trigger={['click']}
              menu={{
                items,
                onClick: ({ key }) => (key === 'history' ? setHistory(u) : setChanging({ mode: key as OrgChangeMode, unit: u })),
              }}
            >
              <Button type="text" size="small" icon={<MoreOutlined />} aria-label={`Thao tác với ${u.name}`} data-testid={`unit-actions-${u.code}`} />
            </Dropdown>
          </span>
        );
      },
    },
  ];

  return (
    <Card title="Tổ chức bộ máy">
      {/* the tools above the tree, not in the card's header: they wrap on a phone */}
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="org-search">Tìm đơn vị</label>
        <Input.Search
          id="org-search"
          allowClear
          placeholder="Tên hoặc mã, không cần dấu"
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 'min(260px, 100%)' }}
        />
        <label htmlFor="org-year">Năm</label>
        <Select id="org-year" value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} />
        {managesOrg && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setChanging({ mode: 'add', unit: null })} data-testid="org-add">
              Thêm đơn vị
            </Button>
            <Button icon={<ApartmentOutlined />} onClick={() => setChanging({ mode: 'merge', unit: null })} data-testid="org-merge">
              Hợp nhất
            </Button>
            {may('importCadres') && (
              <Button icon={<UploadOutlined />} onClick={() => navigate('/cadres/import')}>
                Nhập từ Excel
              </Button>
            )}
          </>
        )}
        <DownloadButton
          icon={<FileExcelOutlined />}
          data-testid="export-org-units"
          download={() => downloadFile(api.GET('/api/org-units/export.xlsx', { params: { query: { year } }, parseAs: 'blob' }), `don-vi-bien-che-${year}.xlsx`)}
        >
          Xuất Excel
        </DownloadButton>
      </Space>
      <Typography.Paragraph type="secondary">
        Biên chế được giao theo năm {year}; “Hiện có” là số người đang công tác tại đơn vị và các đơn vị trực thuộc.
        {canOpenCadres && ' Bấm vào một đơn vị để xem danh sách cán bộ của đơn vị đó.'}
        {managesOrg &&
          ' Mỗi thay đổi (thêm, đổi tên, chuyển, giải thể, hợp nhất) ghi ngày hiệu lực và số quyết định vào lịch sử sắp xếp của đơn vị; cả cây đơn vị và vị trí việc làm cũng nhập được từ Excel (trang tính “Tổ chức bộ máy”, “Vị trí việc làm” của mẫu nhập liệu).'}
      </Typography.Paragraph>
      <Table<UnitTreeNode>
        data-testid="org-tree"
        rowKey="id"
        size="small"
        loading={units.isFetching}
        columns={columns}
        dataSource={tree}
        pagination={false}
        className={canOpenCadres ? 'clickable-rows' : undefined}
        expandable={{ expandedRowKeys: expandedKeys, onExpandedRowsChange: (keys) => setExpanded(keys), indentSize: 20 }}
        onRow={(u) => ({
          onClick: canOpenCadres ? () => navigate(`/cadres?unitId=${encodeURIComponent(u.id)}`) : undefined,
        })}
        locale={{ emptyText: needle ? 'Không có đơn vị phù hợp' : 'Không có đơn vị nào trong phạm vi được xem' }}
        scroll={{ x: 900 }}
      />
      {changing && <OrgChangeModal mode={changing.mode} unit={changing.unit} onClose={() => setChanging(null)} />}
      {history && <UnitEventsDrawer unit={history} onClose={() => setHistory(null)} />}
    </Card>
  );
}
