import type { FormInstance } from 'antd';
import type { ApiIssue } from '../../../api/errors';

/** The message shown when another user changed the record in between (409 on the record's version). */
export const STALE_MESSAGE = 'Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại.';

/** An API issue path ("items.0.durationMonths") as a form field name (['items', 0, 'durationMonths']). */
export function issueName(path: string): (string | number)[] {
  return path
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts each 422 issue on the form field of the same name (any field registered in the form, nested ones
 * included); returns the issues that belong to no field, to be shown above the form.
 */
export function placeIssues(form: FormInstance, issues: ApiIssue[]): ApiIssue[] {
  const names = form.getFieldsError().map((f) => f.name.join('.'));
  // a Form.List ("items") is registered too but shows no error of its own: only leaf fields take issues
  const registered = new Set(names.filter((n) => !names.some((m) => m.startsWith(n + '.'))));
  const byField = new Map<string, string[]>();
  const rest: ApiIssue[] = [];
  for (const i of issues) {
    const key = issueName(i.path).join('.');
    if (registered.has(key)) byField.set(key, [...(byField.get(key) ?? []), i.message]);
    else rest.push(i);
  }
  form.setFields([...byField].map(([key, errors]) => ({ name: issueName(key), errors })));
  const first = [...byField.keys()][0];
  if (first) form.scrollToField(issueName(first));
  return rest;
}
