import { useCallback, type ReactNode } from 'react';
import { Button, Form, Input, Select, type ButtonProps, type SelectProps } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { formatNumber } from '../format';
import { useUrlSearchText } from '../hooks/use-url-search-text';

// The pieces of the filter bars above the lists. Every value lives in the address (see useUrlFilters); each
// field is labelled, and its id ties the label to the control.

/** " (12)" after an option: the number of rows with that value, when known. */
export const countSuffix = (n: number | undefined) => (n === undefined ? '' : ` (${formatNumber(n)})`);

/** The form around a filter bar: labels above the fields. */
export function FilterForm({ children }: { children: ReactNode }) {
  return (
    <Form layout="vertical" component="div" style={{ marginBottom: 8 }}>
      {children}
    </Form>
  );
}

/** The search box: typing updates the list after a short pause, Enter at once (see useUrlSearchText). */
export function SearchFilter({
  id,
  value,
  update,
  placeholder,
  maxLength,
  testId,
}: {
  id: string;
  /** The text in the address. */
  value: string | undefined;
  /** The list's update: the text is written without adding a history entry per keystroke. Must be stable. */
  update(patch: { q?: string }, opts: { replace: boolean }): void;
  placeholder: string;
  maxLength?: number;
  testId?: string;
}) {
  const push = useCallback((q: string | undefined) => update({ q }, { replace: true }), [update]);
  const search = useUrlSearchText(value, push);
  return (
    <Form.Item label="Tìm kiếm" htmlFor={id}>
      <Input.Search
        id={id}
        data-testid={testId}
        allowClear
        maxLength={maxLength}
        placeholder={placeholder}
        value={search.text}
        onChange={(e) => search.setText(e.target.value)}
        onSearch={search.submit}
      />
    </Form.Item>
  );
}

type SelectFilterProps<V> = Omit<SelectProps<V>, 'id'> & { id: string; label: ReactNode; tooltip?: ReactNode };

/** A labelled drop-down filter; empty means "Tất cả". Any Select property passes through. */
export function SelectFilter<V = string>({ id, label, tooltip, ...select }: SelectFilterProps<V>) {
  return (
    <Form.Item label={label} htmlFor={id} tooltip={tooltip}>
      <Select<V> id={id} allowClear placeholder="Tất cả" {...select} />
    </Form.Item>
  );
}

/** "Xóa bộ lọc": back to the whole list. */
export function ClearFiltersButton({ onClear, ...button }: { onClear(): void } & Pick<ButtonProps, 'disabled' | 'size' | 'block'>) {
  return (
    <Button icon={<ClearOutlined />} onClick={onClear} {...button}>
      Xóa bộ lọc
    </Button>
  );
}

/** "Xóa bộ lọc" as a field of its own, aligned with the labelled fields beside it and as wide as its column. */
export function ClearFiltersField({ onClear }: { onClear(): void }) {
  return (
    <Form.Item label=" " colon={false} style={{ width: '100%' }}>
      <ClearFiltersButton onClear={onClear} block />
    </Form.Item>
  );
}
