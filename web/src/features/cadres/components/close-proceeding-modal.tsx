import { useState } from 'react';
import { Alert, App, Form, Modal } from 'antd';
import { proceedingCloseInput } from '../../../../../common/schemas/personnel';
import { PROCEEDING_KIND_LABELS } from '../../../../../common/exclusions';
import { ApiError, type ApiIssue } from '../../../api/errors';
import type { ProceedingItem } from '../../../api/types';
import { notifyError } from '../../../app/notify';
import { formatDate } from '../../../shared/format';
import { useCloseProceeding } from '../hooks/use-cadre-profile';
import { apiValuesOf, applyIssues, FieldInputs, type FieldSpec } from './field-form';
import { fieldLabel } from './field-labels';

const CLOSE_FIELDS: FieldSpec[] = [
  { name: 'closedOn', kind: 'date', required: true, help: 'Từ ngày này không còn là trường hợp chưa cử đi, chưa cử đi đào tạo' },
  { name: 'documentNo', kind: 'text', maxLength: 50 },
  { name: 'outcome', kind: 'textarea', required: true, maxLength: 1000, wide: true, placeholder: 'Không kỷ luật / Khiển trách / Đình chỉ điều tra…' },
];

/** Closes an open proceeding on a date with its outcome (the decision or conclusion that ends it). */
export function CloseProceedingModal({ personId, row, onClose }: { personId: string; row: ProceedingItem; onClose(): void }) {
  const [form] = Form.useForm();
  const close = useCloseProceeding(personId);
  const { message } = App.useApp();
  const [otherIssues, setOtherIssues] = useState<ApiIssue[]>([]);

  const submit = async () => {
    const values = (await form.validateFields().catch(() => null)) as Record<string, unknown> | null;
    if (!values) return;
    setOtherIssues([]);
    const body = proceedingCloseInput.safeParse(apiValuesOf(CLOSE_FIELDS, values));
    if (!body.success) {
      setOtherIssues(
        applyIssues(
          form,
          CLOSE_FIELDS,
          body.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        ),
      );
      return;
    }
    try {
      await close.mutateAsync({ recordId: row.id, body: body.data });
      message.success('Đã kết thúc vụ việc');
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        setOtherIssues(applyIssues(form, CLOSE_FIELDS, err.issues));
        message.error(err.message);
      } else notifyError(err);
    }
  };

  return (
    <Modal open title="Kết thúc vụ việc" okText="Kết thúc vụ việc" cancelText="Hủy" onOk={submit} onCancel={onClose} confirmLoading={close.isPending} width={640}>
      <p>
        {PROCEEDING_KIND_LABELS[row.kind]} từ ngày {formatDate(row.openedOn)}
        {row.documentNo ? ` (${row.documentNo})` : ''}
      </p>
      {otherIssues.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={otherIssues.map((i) => `${fieldLabel(i.path)}: ${i.message}`).join('; ')} />
      )}
      <Form form={form} name="close-proceeding" layout="vertical" disabled={close.isPending}>
        <FieldInputs fields={CLOSE_FIELDS} />
      </Form>
    </Modal>
  );
}
