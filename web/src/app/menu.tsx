import type { ReactNode } from 'react';
import { ApartmentOutlined, FileProtectOutlined, IdcardOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import type { Feature } from '../../../common/permissions';
import type { Me } from '../api/types';

interface MenuEntry {
  feature: Feature;
  label: string;
  icon: ReactNode;
  /** Where the entry leads; null when it cannot be opened for this user. */
  path(me: Me): string | null;
}

/** The side menu: one entry per feature, shown only when the user's roles include it (me.features). */
export const MENU: MenuEntry[] = [
  { feature: 'cadres', label: 'Cán bộ, công chức, viên chức', icon: <TeamOutlined />, path: () => '/cadres' },
  { feature: 'org', label: 'Tổ chức bộ máy', icon: <ApartmentOutlined />, path: () => '/org' },
  { feature: 'plans', label: 'Kế hoạch', icon: <FileProtectOutlined />, path: () => '/plans' },
  { feature: 'users', label: 'Người dùng', icon: <SolutionOutlined />, path: () => '/users' },
  {
    feature: 'myProfile',
    label: 'Hồ sơ của tôi',
    icon: <IdcardOutlined />,
    path: (me) => (me.user.personId ? `/cadres/${me.user.personId}` : null),
  },
];

export const menuFor = (me: Me) => MENU.filter((m) => me.features.includes(m.feature));

/** The first screen after login: the first menu entry the user may open. */
export function homePath(me: Me): string | null {
  for (const m of menuFor(me)) {
    const p = m.path(me);
    if (p) return p;
  }
  return null;
}
