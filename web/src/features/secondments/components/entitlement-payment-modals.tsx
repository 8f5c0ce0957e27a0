import { DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { isApiError, unwrap } from '../../../api/errors';
import type { paths } from '../../../api/schema';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, formatDate, formatNumber, toIsoDate } from '../../../shared/format';

type EntitlementsResponse = paths['/api/secondments/{id}/entitlements']['get']['responses'][200]['content']['application/json'];
export type EntitlementLine = EntitlementsResponse['entitlements'][number];
export type EntitlementPayment = EntitlementsResponse['payments'][number];
const FIELDS = ['amountVnd', 'paidOn', 'voucherNo', 'note'] as const;
type RecordForm = { amountVnd?: number; paidOn?: dayjs.Dayjs; voucherNo?: string; note?: string };

const vndFormatter = (v: number | string | undefined) => (v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
const vndParser = (s: string | undefined) => Number((s ?? '').replace(/\D/g, ''));

/** Puts the server's field issues (422) on the form's fields; true when it did. */
function showIssues<T extends object>(form: FormInstance<T>, fields: readonly string[], err: unknown): boolean {
  if (!isApiError(err, 422) || !err.issues.length || err.issues.some((i) => !fields.includes(i.path))) return false;
  form.setFields(err.issues.map((i) => ({ name: i.path as NamePath<T>, errors: [i.message] })) as Parameters<FormInstance<T>['setFields']>[0]);
  return true;
}

/** The finance officer records that a line was paid, from its voucher: amount in đồng, date paid, voucher number. */
export function RecordPaymentModal({ secondmentId, line, onClose }: { secondmentId: string; line: EntitlementLine; onClose: () => void }) {
  const [form] = Form.useForm<RecordForm>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: RecordForm) =>
      unwrap(
        api.POST('/api/secondments/{id}/entitlement-payments', {
          params: { path: { id: secondmentId } },
          body: {
            code: line.code as 'keep_salary',
            amountVnd: v.amountVnd ?? 0,
            paidOn: toIsoDate(v.paidOn)!,
            voucherNo: (v.voucherNo ?? '').trim(),
            note: v.note?.trim() || null,
          },
        }),
      ),
    meta: { silent: true },
    onError: (err) => {
      if (!showIssues(form, FIELDS, err)) notifyError(err);
    },
    onSuccess: (data) => {
      queryClient.setQueryData(['secondments', secondmentId, 'entitlements'], data);
      onClose();
    },
  });
  return (
    <Modal
      open
      title={`Ghi nhận đã chi trả: ${line.title}`}
      okText="Ghi nhận"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Chi trả: {line.payer}.{line.amountVnd !== null ? ` Số tiền theo chế độ: ${formatNumber(line.amountVnd)} đồng.` : ''} Khoản đã ghi nhận không sửa được; nếu
        ghi nhầm, hủy bằng bút toán ghi đảo rồi ghi nhận lại.
      </Typography.Paragraph>
      <Form form={form} name="record-entitlement-payment" layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="amountVnd"
          label="Số tiền đã chi trả (đồng)"
          rules={[{ required: true, message: 'Nhập số tiền' }]}
          initialValue={line.amountVnd ?? undefined}
        >
          <InputNumber<number> min={1} step={1000} precision={0} style={{ width: '100%' }} formatter={vndFormatter} parser={vndParser} />
        </Form.Item>
        <Form.Item name="paidOn" label="Ngày chi trả" rules={[{ required: true, message: 'Chọn ngày chi trả' }]}>
          <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="voucherNo" label="Số chứng từ" rules={[{ required: true, whitespace: true, message: 'Nhập số chứng từ' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Cancels a recorded payment by a reversing entry, with its reason. */
export function ReversePaymentModal({ secondmentId, payment, onClose }: { secondmentId: string; payment: EntitlementPayment; onClose: () => void }) {
  const [form] = Form.useForm<{ reason?: string }>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { reason?: string }) =>
      unwrap(
        api.POST('/api/secondments/{id}/entitlement-payments/{paymentId}/reverse', {
          params: { path: { id: secondmentId, paymentId: payment.id } },
          body: { version: payment.version, reason: (v.reason ?? '').trim() },
        }),
      ),
    meta: { silent: true },
    onError: (err) => {
      if (!showIssues(form, ['reason'], err)) notifyError(err);
    },
    onSuccess: (data) => {
      queryClient.setQueryData(['secondments', secondmentId, 'entitlements'], data);
      onClose();
    },
  });
  return (
    <Modal
      open
      title="Hủy khoản đã chi trả (ghi đảo)"
      okText="Hủy khoản chi trả"
      okButtonProps={{ danger: true }}
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>
        Chứng từ {payment.voucherNo}, ngày {formatDate(payment.paidOn)}: {formatNumber(payment.amountVnd)} đồng. Một bút toán ghi đảo cùng số tiền được ghi nhận hôm
        nay; khoản cũ được giữ lại trong lịch sử.
      </Typography.Paragraph>
      <Form form={form} name="reverse-entitlement-payment" layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="reason" label="Lý do hủy" rules={[{ required: true, whitespace: true, message: 'Nhập lý do hủy' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
