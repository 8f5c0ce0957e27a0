import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { ApiError, type ApiIssue } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { placeIssues, STALE_MESSAGE } from './form-issues';

interface Props<V> {
  /** The action's name: the submit button is `submit-<action>`. */
  action: string;
  title: ReactNode;
  okText: string;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  /** Sends the change; throws the ApiError of the API. */
  submit(values: V): Promise<unknown>;
  successText: string;
  onClose(): void;
  /** The record changed in between (409): read it again. */
  onStale(): void;
  /** Called with the 422 issues before they are put on the fields (e.g. to reveal a field the API asks for). */
  onIssues?(issues: ApiIssue[]): void;
  /** Labels of the fields, to name the issues that have no field of their own. */
  labels?: Record<string, string>;
  /** The name of an issue's subject when the labels do not have it (e.g. the cadre of a row). */
  issueLabel?(path: string): string | undefined;
  width?: number;
  danger?: boolean;
  /** The action cannot be taken yet (the form says why). */
  okDisabled?: boolean;
  children: ReactNode;
}

/**
 * Mounted while open: a small form for one action on a secondment. A 409 tells the user the record changed and
 * reloads it; 422 issues go to their fields, the others above the form.
 */
export function ActionModal<V extends object>(p: Props<V>) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [otherIssues, setOtherIssues] = useState<ApiIssue[]>([]);
  const [errorText, setErrorText] = useState<string | null>(null);

  const onOk = async () => {
    const values = await p.form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setOtherIssues([]);
    setErrorText(null);
    try {
      await p.submit(values);
      message.success(p.successText);
      p.onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        message.error(STALE_MESSAGE);
        p.onStale();
        p.onClose();
      } else if (err instanceof ApiError && err.status === 422) {
        p.onIssues?.(err.issues);
        // a revealed field registers on the next render; the issues are placed after it
        setTimeout(() => setOtherIssues(placeIssues(p.form, err.issues)), 0);
        setErrorText(err.message);
      } else notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={p.title}
      okText={p.okText}
      cancelText="Hủy"
      onOk={onOk}
      onCancel={p.onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': `submit-${p.action}`, danger: p.danger, disabled: p.okDisabled } as ButtonProps}
      width={p.width ?? 640}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {(errorText || otherIssues.length > 0) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorText ?? 'Dữ liệu chưa hợp lệ'}
          description={
            otherIssues.length > 0 ? otherIssues.map((i) => `${p.labels?.[i.path] ?? p.issueLabel?.(i.path) ?? i.path}: ${i.message}`).join('; ') : undefined
          }
          data-testid="action-error"
        />
      )}
      <Form form={p.form} layout="vertical" initialValues={p.initialValues} disabled={busy} name={`secondment-${p.action}`}>
        {p.children}
      </Form>
    </Modal>
  );
}
