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

const toOptions = (nodes: UnitTreeNode[]): Option[] =>
  nodes.map((n) => ({
    value: n.id,
    title: n.name,
    search: foldAccents(`${n.name} ${n.code}`),
    children: n.children ? toOptions(n.children) : undefined,
  }));

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
}

/** Picks one org unit from the user's scope; search ignores accents ("so y te" finds "Sở Y tế"). */
export function UnitTreeSelect({ id, value, onChange, placeholder = 'Chọn đơn vị', allowClear = true, style, ...rest }: Props) {
  const units = useOrgUnits();
  const treeData = useMemo(() => toOptions(units.data?.tree ?? []), [units.data]);
  return (
    <TreeSelect<string>
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={treeData}
      loading={units.isLoading}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{
        filterTreeNode: (input, node) => typeof node.search === 'string' && node.search.includes(foldAccents(input.trim())),
      }}
      treeDefaultExpandAll={treeData.length === 1 && (treeData[0].children?.length ?? 0) < 40}
      popupMatchSelectWidth={false}
      listHeight={400}
      style={{ width: '100%', ...style }}
    />
  );
}
