import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatVnd, REPAYMENT_REASONS, REPAYMENT_REASON_LABELS } from '../../../../../common/training';
import { ApiError } from '../../../api/errors';
import type { TrainingEnrolment } from '../../../api/types';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, formatDate, toIsoDate } from '../../../shared/format';
import { useEnrolmentAction, type EnrolmentAction } from '../hooks/use-training';
import { ACTION_LABELS } from './labels';

/** Every date of these steps is of something that has happened (the server refuses a later one): today at the latest. */
const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');
const notAfterToday = (iso: string) => (dayjs(iso).isAfter(dayjs(), 'day') ? dayjs().startOf('day') : dayjs(iso));
const dateField = (name: string, label: string) => (
  <Form.Item name={name} label={label} rules={[{ required: true, message: 'Chọn ngày' }]}>
    <DatePicker format={DATE_INPUT_FORMAT} style={{ width: 200 }} disabledDate={notFuture} />
  </Form.Item>
);
const textField = (name: string, label: string, required = true) => (
  <Form.Item name={name} label={label} rules={required ? [{ required: true, whitespace: true, message: 'Không được để trống' }] : []}>
    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
  </Form.Item>
);

/** One step of the workflow of a nomination, with its own small form; errors come back in Vietnamese. */
export function EnrolmentActionModal({
  enrolment: e,
  action,
  isAuthority,
  onClose,
}: {
  enrolment: TrainingEnrolment;
  action: EnrolmentAction;
  isAuthority: boolean;
  onClose(): void;
}) {
  const [form] = Form.useForm();
  const run = useEnrolmentAction();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string[] | null>(null);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) body[k] = dayjs.isDayjs(x) ? toIsoDate(x) : typeof x === 'string' ? x.trim() || null : x;
    setError(null);
    try {
      const r = (await run.mutateAsync({ id: e.id, action, body })) as { lines?: string[] };
      message.success(`${ACTION_LABELS[action]}: ${e.personName}`);
      if (action === 'repay' && r.lines) setResult(r.lines);
      else onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status !== 0 && err.status < 500) setError([err.message, ...err.issues.map((i) => i.message)].join(' — '));
      else notifyError(err);
    }
  };

  return (
    <Modal
      open
      title={`${ACTION_LABELS[action]}: ${e.personName}`}
      okText={result ? 'Đóng' : ACTION_LABELS[action]}
      cancelText="Hủy"
      onOk={result ? onClose : submit}
      onCancel={onClose}
      confirmLoading={run.isPending}
      width={620}
    >
      <Typography.Paragraph type="secondary">
        {e.courseTitle} ({formatDate(e.startDate)} – {formatDate(e.endDate)}); dự kiến {formatVnd(e.estimatedCostVnd)}, đã cam kết {formatVnd(e.committedVnd)}, đã
        chi {formatVnd(e.spentVnd)}.
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="action-error" />}
      {result ? (
        <Alert
          type="info"
          data-testid="repayment-result"
          title="Kết quả tính bồi hoàn"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {result.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            enrolledOn: notAfterToday(e.startDate),
            paidOn: dayjs(),
            completedOn: notAfterToday(e.endDate),
            endedOn: dayjs(),
            reason: action === 'repay' ? 'quit' : undefined,
          }}
        >
          {action === 'approve' && (
            <>
              <Typography.Paragraph>
                Phê duyệt sẽ cam kết {formatVnd(e.estimatedCostVnd)} vào dự toán của {e.budgetUnitName}. Nếu vượt dự toán, chỉ cấp có thẩm quyền được phê duyệt, ghi
                rõ lý do.
              </Typography.Paragraph>
              {isAuthority && textField('overrideReason', 'Lý do quyết định vượt dự toán')}
            </>
          )}
          {action === 'refuse' && textField('reason', 'Lý do không phê duyệt')}
          {action === 'enrol' && dateField('enrolledOn', 'Ngày nhập học')}
          {action === 'pay' && (
            <>
              <Form.Item name="amountVnd" label="Số tiền đã chi (đồng)" rules={[{ required: true, message: 'Nhập số tiền' }]}>
                <InputNumber<number>
                  min={1}
                  step={1000}
                  precision={0}
                  style={{ width: 240 }}
                  formatter={(v) => (v === undefined ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.'))}
                  parser={(s) => Number((s ?? '').replace(/\D/g, ''))}
                />
              </Form.Item>
              {dateField('paidOn', 'Ngày chi')}
              {textField('note', 'Ghi chú (chứng từ)', false)}
              {isAuthority && textField('overrideReason', 'Lý do vượt dự toán (nếu có)', false)}
            </>
          )}
          {action === 'complete' && (
            <>
              {dateField('completedOn', 'Ngày hoàn thành')}
              {textField('result', 'Kết quả (xếp loại)')}
              {textField('certificateNo', 'Số văn bằng, chứng chỉ')}
            </>
          )}
          {(action === 'fail' || action === 'withdraw') && (
            <>
              {dateField('endedOn', action === 'fail' ? 'Ngày kết thúc' : 'Ngày rút')}
              {textField('reason', 'Lý do')}
            </>
          )}
          {action === 'repay' && (
            <>
              {dateField('leftOn', 'Ngày cuối cùng công tác')}
              <Form.Item name="reason" label="Trường hợp">
                <Select options={REPAYMENT_REASONS.map((r) => ({ value: r, label: REPAYMENT_REASON_LABELS[r] }))} />
              </Form.Item>
              <Form.Item
                name="probationEndedOn"
                label="Ngày hết thời gian tập sự"
                extra="Thời gian công tác trước khi được cử đi tính từ ngày hết tập sự (thời gian tập sự không được tính để giảm chi phí bồi hoàn). Để trống nếu chưa rõ: không tính giảm trừ."
              >
                <DatePicker format={DATE_INPUT_FORMAT} style={{ width: 200 }} />
              </Form.Item>
            </>
          )}
        </Form>
      )}
    </Modal>
  );
}
