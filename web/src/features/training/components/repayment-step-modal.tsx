import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { DECREE_171_2025, formatVnd } from '../../../../../common/training';
import { ApiError } from '../../../api/errors';
import type { TrainingEnrolment } from '../../../api/types';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, formatDate, toIsoDate } from '../../../shared/format';
import { useRepaymentStep, type RepaymentStep } from '../hooks/use-training';

export const REPAYMENT_STEP_LABELS: Record<RepaymentStep, string> = {
  council: 'Thành lập Hội đồng bồi hoàn',
  decide: 'Quyết định bồi hoàn',
  pay: 'Ghi nhận nộp bồi hoàn',
};

const required = { required: true, whitespace: true, message: 'Không được để trống' };

/**
 * One step of the repayment procedure (Decree 171/2025 Art. 9–13), with its own form: the council (decision number,
 * date, members and their roles), the repayment decision (number, date; due 120 days later), a payment.
 */
export function RepaymentStepModal({ enrolment: e, step, onClose }: { enrolment: TrainingEnrolment; step: RepaymentStep; onClose(): void }) {
  const [form] = Form.useForm();
  const run = useRepaymentStep();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const r = e.repayment!;
  const left = r.amountVnd - (r.paidVnd ?? 0);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) body[k] = dayjs.isDayjs(x) ? toIsoDate(x) : typeof x === 'string' ? x.trim() : x;
    setError(null);
    try {
      await run.mutateAsync({ id: e.id, step, body });
      message.success(`${REPAYMENT_STEP_LABELS[step]}: ${e.personName}`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status !== 0 && err.status < 500) setError([err.message, ...err.issues.map((i) => i.message)].join(' — '));
      else notifyError(err);
    }
  };

  return (
    <Modal
      open
      title={`${REPAYMENT_STEP_LABELS[step]}: ${e.personName}`}
      okText={REPAYMENT_STEP_LABELS[step]}
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={run.isPending}
      width={640}
    >
      <Typography.Paragraph type="secondary">
        {e.courseTitle}: số tiền bồi hoàn {formatVnd(r.amountVnd)}
        {r.paidVnd ? `, đã nộp ${formatVnd(r.paidVnd)}` : ''}.
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="repayment-step-error" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          formedOn: dayjs(),
          decidedOn: dayjs(),
          paidOn: dayjs(),
          members: [{ name: '', role: 'Chủ tịch Hội đồng' }],
          amountVnd: left > 0 ? left : undefined,
        }}
      >
        {step === 'council' && (
          <>
            <Form.Item name="decisionNo" label="Số quyết định thành lập Hội đồng" rules={[required]}>
              <Input placeholder="Ví dụ: 12/QĐ-SNV" />
            </Form.Item>
            <Form.Item name="formedOn" label="Ngày thành lập" rules={[{ required: true, message: 'Chọn ngày' }]}>
              <DatePicker format={DATE_INPUT_FORMAT} style={{ width: 200 }} />
            </Form.Item>
            <Typography.Text strong>Thành viên Hội đồng</Typography.Text>
            <Form.List name="members">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Space key={f.key} align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                      <Form.Item name={[f.name, 'name']} rules={[required]} style={{ marginBottom: 0 }}>
                        <Input placeholder="Họ và tên" aria-label={`Họ và tên thành viên ${i + 1}`} style={{ width: 240 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'role']} rules={[required]} style={{ marginBottom: 0 }}>
                        <Input placeholder="Chức danh trong Hội đồng" aria-label={`Chức danh thành viên ${i + 1}`} style={{ width: 240 }} />
                      </Form.Item>
                      {fields.length > 1 && <MinusCircleOutlined aria-label={`Bỏ thành viên ${i + 1}`} onClick={() => remove(f.name)} />}
                    </Space>
                  ))}
                  <Button type="dashed" onClick={() => add({ name: '', role: 'Ủy viên' })} icon={<PlusOutlined />} style={{ marginTop: 8 }}>
                    Thêm thành viên
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
        {step === 'decide' && (
          <>
            <Typography.Paragraph>
              Hội đồng thành lập theo quyết định số {r.councilDecisionNo} ngày {formatDate(r.councilFormedOn)}. Người phải bồi hoàn nộp trong thời hạn quy định kể từ
              ngày quyết định ({DECREE_171_2025.instrument}: {DECREE_171_2025.repaymentPayDays} ngày); hạn nộp được tính khi lưu.
            </Typography.Paragraph>
            <Form.Item name="decisionNo" label="Số quyết định bồi hoàn" rules={[required]}>
              <Input placeholder="Ví dụ: 15/QĐ-SNV" />
            </Form.Item>
            <Form.Item name="decidedOn" label="Ngày quyết định" rules={[{ required: true, message: 'Chọn ngày' }]}>
              <DatePicker format={DATE_INPUT_FORMAT} style={{ width: 200 }} />
            </Form.Item>
          </>
        )}
        {step === 'pay' && (
          <>
            <Typography.Paragraph>
              Quyết định số {r.decisionNo} ngày {formatDate(r.decidedOn)}; hạn nộp {formatDate(r.dueOn)}. Còn phải nộp {formatVnd(left)}.
            </Typography.Paragraph>
            <Form.Item name="amountVnd" label="Số tiền nộp lần này (đồng)" rules={[{ required: true, message: 'Nhập số tiền' }]}>
              <InputNumber<number>
                min={1}
                max={left}
                step={1000}
                precision={0}
                style={{ width: 240 }}
                formatter={(v) => (v === undefined ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.'))}
                parser={(s) => Number((s ?? '').replace(/\D/g, ''))}
              />
            </Form.Item>
            <Form.Item name="paidOn" label="Ngày nộp" rules={[{ required: true, message: 'Chọn ngày' }]}>
              <DatePicker format={DATE_INPUT_FORMAT} style={{ width: 200 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
