import { Form } from 'antd';
import { UnitTreeSelect } from './unit-tree-select';

/** A labelled filter by org unit, picked from the user's scope. */
export function UnitFilter({
  id,
  label,
  value,
  onChange,
  placeholder,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange(unitId: string | undefined): void;
  placeholder: string;
}) {
  return (
    <Form.Item label={label} htmlFor={id}>
      <UnitTreeSelect id={id} value={value} onChange={(v) => onChange(v ?? undefined)} placeholder={placeholder} />
    </Form.Item>
  );
}
