import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { FormInstance, Rule } from 'antd/es/form';
import type { ApiIssue } from '../../../api/errors';
import { DATE_INPUT_FORMAT, fromIsoDate, toIsoDate } from '../../../shared/format';
import { accentInsensitiveSearch } from '../../../shared/select-search';
import { UnitTreeSelect } from '../../org/components/unit-tree-select';
import { fieldLabel } from './field-labels';
import type dayjs from 'dayjs';

export type FieldKind = 'text' | 'textarea' | 'date' | 'select' | 'int' | 'switch' | 'unit' | 'coefficient';

export interface Option {
  value: string;
  label: string;
}

/** One input of an edit form, named as the API names the field. */
export interface FieldSpec {
  name: string;
  label?: string;
  kind: FieldKind;
  required?: boolean;
  options?: Option[];
  loading?: boolean;
  pattern?: { re: RegExp; message: string };
  maxLength?: number;
  min?: number;
  max?: number;
  /** Decimal places of an 'int' (number) input; 0 unless set. */
  precision?: number;
  /** Full width (two columns). */
  wide?: boolean;
  placeholder?: string;
  help?: string;
  disabled?: boolean;
}

const COEFFICIENT = /^\d{1,2}([.,]\d{1,2})?$/;

/** API value → form value. */
export function toFormValue(kind: FieldKind, v: unknown): unknown {
  if (v === null || v === undefined) return kind === 'switch' ? false : undefined;
  if (kind === 'date') return fromIsoDate(String(v));
  if (kind === 'coefficient') return String(v).replace('.', ',');
  return v;
}

/** Form value → API value (empty text is null; dates as YYYY-MM-DD; 2,34 as "2.34"). */
export function toApiValue(kind: FieldKind, v: unknown): unknown {
  if (kind === 'switch') return Boolean(v);
  if (v === undefined || v === null) return null;
  if (kind === 'date') return toIsoDate(v as dayjs.Dayjs);
  if (kind === 'int') return typeof v === 'number' ? v : Number(v);
  if (kind === 'coefficient') {
    const s = String(v).trim().replace(',', '.');
    return s === '' ? null : s;
  }
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? null : s;
  }
  return v;
}

/** Are two API values the same (numbers and numeric text compare as numbers: "2.30" = "2.3")? */
export function sameValue(kind: FieldKind, a: unknown, b: unknown): boolean {
  const empty = (x: unknown) => x === null || x === undefined || x === '';
  if (empty(a) || empty(b)) return empty(a) && empty(b);
  if (kind === 'coefficient' || kind === 'int') return Number(a) === Number(b);
  if (kind === 'switch') return Boolean(a) === Boolean(b);
  return String(a) === String(b);
}

function rulesOf(f: FieldSpec): Rule[] {
  const rules: Rule[] = [];
  const label = f.label ?? fieldLabel(f.name);
  if (f.required) {
    const message = `${f.kind === 'select' || f.kind === 'unit' ? 'Chọn' : 'Nhập'} ${label.toLowerCase()}`;
    // only text gets `whitespace` (any extra key makes the validator type-check the value as a string)
    rules.push(f.kind === 'text' || f.kind === 'textarea' ? { required: true, whitespace: true, message } : { required: true, message });
  }
  if (f.pattern) rules.push({ pattern: f.pattern.re, message: f.pattern.message });
  if (f.maxLength) rules.push({ max: f.maxLength, message: `Tối đa ${f.maxLength} ký tự` });
  if (f.kind === 'coefficient') rules.push({ pattern: COEFFICIENT, message: 'Hệ số dạng 2,34 (tối đa 2 chữ số thập phân)' });
  return rules;
}

/** Form.Item injects id, value and onChange into its child; they are passed on to the real input. */
// `never` lets the injected value/onChange pass to whichever antd input the field uses; Form.Item owns their types
function Control({ f, ...injected }: { f: FieldSpec; id?: string; value?: never; onChange?: never; checked?: never }) {
  switch (f.kind) {
    case 'textarea':
      return <Input.TextArea {...injected} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={f.maxLength} placeholder={f.placeholder} disabled={f.disabled} />;
    case 'date':
      return <DatePicker {...injected} format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} disabled={f.disabled} />;
    case 'select':
      return (
        <Select
          {...injected}
          allowClear={!f.required}
          showSearch={(f.options?.length ?? 0) > 8 ? accentInsensitiveSearch : undefined}
          options={f.options}
          loading={f.loading}
          placeholder={f.placeholder ?? 'Chọn'}
          disabled={f.disabled}
        />
      );
    case 'int':
      return (
        <InputNumber
          {...injected}
          min={f.min}
          max={f.max}
          precision={f.precision ?? 0}
          style={{ width: '100%' }}
          placeholder={f.placeholder}
          disabled={f.disabled}
        />
      );
    case 'switch':
      return <Switch {...injected} checkedChildren="Có" unCheckedChildren="Không" disabled={f.disabled} />;
    case 'unit':
      return <UnitTreeSelect {...injected} allowClear={!f.required} />;
    default:
      return (
        <Input
          {...injected}
          maxLength={f.maxLength}
          placeholder={f.placeholder}
          disabled={f.disabled}
          inputMode={f.kind === 'coefficient' ? 'decimal' : undefined}
        />
      );
  }
}

/** The inputs of an edit form in two columns, each with a visible label tied to its input. */
export function FieldInputs({ fields }: { fields: FieldSpec[] }) {
  return (
    <Row gutter={16}>
      {fields.map((f) => (
        <Col key={f.name} xs={24} md={f.wide ? 24 : 12}>
          <Form.Item name={f.name} label={f.label ?? fieldLabel(f.name)} rules={rulesOf(f)} valuePropName={f.kind === 'switch' ? 'checked' : 'value'} extra={f.help}>
            <Control f={f} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

/** Puts each 422 issue on its field; returns the issues that belong to no field of the form. */
export function applyIssues(form: FormInstance, fields: { name: string }[], issues: ApiIssue[]): ApiIssue[] {
  const names = new Set(fields.map((f) => f.name));
  const onFields = issues.filter((i) => names.has(i.path.split('.')[0]));
  const byField = new Map<string, string[]>();
  for (const i of onFields) {
    const k = i.path.split('.')[0];
    byField.set(k, [...(byField.get(k) ?? []), i.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (onFields.length) form.scrollToField(onFields[0].path.split('.')[0]);
  return issues.filter((i) => !names.has(i.path.split('.')[0]));
}

/** Form values for a set of fields from the API values. */
export function formValuesOf(fields: FieldSpec[], source: object) {
  const values = new Map(Object.entries(source));
  return Object.fromEntries(fields.map((f) => [f.name, toFormValue(f.kind, values.get(f.name))]));
}

/** API values for a set of fields from the form values. */
export function apiValuesOf(fields: FieldSpec[], values: Record<string, unknown>) {
  return Object.fromEntries(fields.map((f) => [f.name, toApiValue(f.kind, values[f.name])]));
}
