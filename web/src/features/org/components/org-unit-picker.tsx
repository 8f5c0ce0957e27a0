import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { foldAccents } from '../../../shared/format';
import { useOrgUnits, type UnitTreeNode } from '../hooks/use-org-units';

interface Option {
  value: string;
  title: string;
  search: string;
  children?: Option[];
}

/** The open city-level units (no commune, ward or closed unit), the People's Committee's children at the top. */
const toOptions = (nodes: UnitTreeNode[]): Option[] =>
  nodes
    .filter((n) => !n.closedOn && n.kind !== 'commune' && n.kind !== 'ward')
    .flatMap((n) =>
      n.kind === 'peoples_committee'
        ? toOptions(n.children ?? [])
        : [{ value: n.id, title: `${n.name} (${n.code})`, search: foldAccents(`${n.name} ${n.code}`), children: n.children ? toOptions(n.children) : undefined }],
    );

interface Props {
  id?: string;
  value?: string | string[] | null;
  onChange?: (value: never) => void;
  multiple?: boolean;
  'aria-label'?: string;
}

/** Picks one or several units that Sở Nội vụ may restructure; search ignores accents. */
export function OrgUnitPicker({ id, value, onChange, multiple, ...rest }: Props) {
  const units = useOrgUnits();
  const treeData = useMemo(() => toOptions(units.data?.tree ?? []), [units.data]);
  return (
    <TreeSelect<string | string[]>
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => (onChange as ((v: unknown) => void) | undefined)?.(v ?? (multiple ? [] : null))}
      treeData={treeData}
      multiple={multiple}
      loading={units.isLoading}
      placeholder={multiple ? 'Chọn các đơn vị' : 'Chọn đơn vị'}
      allowClear
      showSearch={{ filterTreeNode: (input, node) => typeof node.search === 'string' && node.search.includes(foldAccents(input.trim())) }}
      popupMatchSelectWidth={false}
      listHeight={360}
      style={{ width: '100%' }}
    />
  );
}
