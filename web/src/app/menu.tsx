import type { ReactNode } from 'react';
import {
  AimOutlined,
  ApartmentOutlined,
  BookOutlined,
  AuditOutlined,
  CommentOutlined,
  CloudUploadOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  SwapOutlined,
  UnorderedListOutlined,
  FundOutlined,
  IdcardOutlined,
  ReadOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  BellOutlined,
  DashboardOutlined,
  SafetyCertificateOutlined,
  FileTextOutlined,
  BarChartOutlined,
  FileSearchOutlined,
} from '@ant-design/icons';
import type { Feature } from '../../../common/permissions';
import type { Me } from '../api/types';
import { canImport } from '../features/imports/import-roles';

interface MenuEntry {
  feature: Feature;
  label: string;
  icon: ReactNode;
  /** Where the entry leads; null when it cannot be opened for this user. */
  path(me: Me): string | null;
  /** Shown only when this also holds (besides the feature), e.g. for some roles only. */
  visible?(me: Me): boolean;
  /** A group: its entries are shown under it (the group itself leads nowhere). */
  children?: { key: string; label: string; icon: ReactNode; path: string; visible?(me: Me): boolean }[];
}

/** The side menu: one entry per feature, shown only when the user's roles include it (me.features). */
export const MENU: MenuEntry[] = [
  { feature: 'cadres', label: 'Cán bộ, công chức, viên chức', icon: <TeamOutlined />, path: () => '/cadres' },
  { feature: 'cadres', label: 'Nhập từ Excel', icon: <CloudUploadOutlined />, path: () => '/cadres/import', visible: canImport },
  { feature: 'org', label: 'Tổ chức bộ máy', icon: <ApartmentOutlined />, path: () => '/org' },
  {
    feature: 'plans',
    label: 'Kế hoạch',
    icon: <FileProtectOutlined />,
    path: () => '/plans/quotas',
    children: [
      { key: 'quotas', label: 'Chỉ tiêu', icon: <FundOutlined />, path: '/plans/quotas' },
      { key: 'screening', label: 'Sàng lọc cán bộ', icon: <AuditOutlined />, path: '/plans/screening' },
      { key: 'params', label: 'Kế hoạch, tham số', icon: <SettingOutlined />, path: '/plans' },
      {
        key: 'reference',
        label: 'Văn bản, danh mục có thời hạn',
        icon: <BookOutlined />,
        path: '/plans/reference',
        visible: (me) => me.capabilities.includes('manageReference'),
      },
    ],
  },
  {
    feature: 'secondments',
    label: 'Tăng cường cán bộ',
    icon: <SwapOutlined />,
    path: () => '/secondments',
    visible: (me) => me.capabilities.includes('readDecisions'),
    children: [
      { key: 'secondments', label: 'Danh sách', icon: <UnorderedListOutlined />, path: '/secondments' },
      { key: 'decisions', label: 'Quyết định', icon: <FileDoneOutlined />, path: '/secondments/decisions' },
    ],
  },
  { feature: 'oversight', label: 'Theo dõi, giám sát', icon: <DashboardOutlined />, path: () => '/oversight' },
  // Sở Nội vụ's report to the People's Committee (the authority reads it); a sending unit's own reports to Sở Nội vụ
  {
    feature: 'reports',
    label: 'Báo cáo',
    icon: <FileTextOutlined />,
    path: () => '/reports',
    visible: (me) => me.capabilities.includes('readReports'),
  },
  // the report's figures for any period, unit and category (Sở Nội vụ, the authority, a sending unit for its own)
  {
    feature: 'secondments',
    label: 'Thống kê',
    icon: <BarChartOutlined />,
    path: () => '/statistics',
    visible: (me) => me.capabilities.includes('readStatistics'),
  },
  // Sở Nội vụ's guidance and inspections (Plan 131 IV.3): Sở Nội vụ, the authority and the units
  {
    feature: 'inbox',
    label: 'Kiểm tra, hướng dẫn',
    icon: <FileSearchOutlined />,
    path: () => '/inspections',
    visible: (me) => me.capabilities.includes('readInspections'),
  },
  { feature: 'demand', label: 'Nhu cầu tăng cường', icon: <AimOutlined />, path: () => '/demand' },
  { feature: 'feedback', label: 'Kiến nghị, đề xuất', icon: <CommentOutlined />, path: () => '/feedback' },
  { feature: 'users', label: 'Người dùng', icon: <SolutionOutlined />, path: () => '/users' },
  // Sở Nội vụ confirms the roles the administrator proposed (a second person before personal data opens)
  {
    feature: 'inbox',
    label: 'Xác nhận cấp quyền',
    icon: <SafetyCertificateOutlined />,
    path: () => '/grants',
    visible: (me) => me.capabilities.includes('confirmGrants'),
  },
  {
    feature: 'myProfile',
    label: 'Hồ sơ của tôi',
    icon: <IdcardOutlined />,
    path: (me) => (me.user.personId ? `/cadres/${me.user.personId}` : null),
  },
  // a cadre sees only their own secondment (no decisions list); after their profile, which stays their start page
  {
    feature: 'secondments',
    label: 'Tăng cường cán bộ',
    icon: <SwapOutlined />,
    path: () => '/secondments',
    visible: (me) => !me.capabilities.includes('readDecisions'),
  },
  // last: a cadre's first screen stays their own profile
  { feature: 'training', label: 'Đào tạo, bồi dưỡng', icon: <ReadOutlined />, path: () => '/training' },
  // last, so it is nobody's start page; the bell of the header shows its count
  { feature: 'inbox', label: 'Việc cần xử lý', icon: <BellOutlined />, path: () => '/inbox' },
];

export const menuFor = (me: Me) =>
  MENU.filter((m) => me.features.includes(m.feature) && (m.visible?.(me) ?? true)).map((m) =>
    m.children ? { ...m, children: m.children.filter((c) => c.visible?.(me) ?? true) } : m,
  );

/** The first screen after login: the first menu entry the user may open. */
export function homePath(me: Me): string | null {
  for (const m of menuFor(me)) {
    const p = m.path(me);
    if (p) return p;
  }
  return null;
}
