import { useState } from 'react';
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, List, Modal, Space, Spin, Tag, Typography } from 'antd';
import type dayjs from 'dayjs';
import { INSPECTION_STATUS_LABELS, RECOMMENDATION_STATUS_LABELS, type RecommendationStatus } from '../../../../../common/inspections';
import type { InspectionRecommendation } from '../../../api/types';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, formatDate, toIsoDate } from '../../../shared/format';
import { useConcludeInspection, useInspection, useRecommendationStep, type RecommendationStep } from '../hooks/use-inspections';

export const RECOMMENDATION_STATUS_COLORS: Record<RecommendationStatus, string> = { open: 'blue', answered: 'gold', accepted: 'green', returned: 'volcano' };

type Step = 'answer' | 'accept' | 'return';
const STEP_TEXT: Record<Step, { title: string; ok: string; field?: { name: 'answer' | 'reason' | 'note'; label: string; required: boolean } }> = {
  answer: { title: 'Trả lời kết quả thực hiện kiến nghị', ok: 'Gửi trả lời', field: { name: 'answer', label: 'Kết quả thực hiện', required: true } },
  accept: { title: 'Chấp nhận kết quả thực hiện kiến nghị', ok: 'Chấp nhận', field: { name: 'note', label: 'Ý kiến (nếu có)', required: false } },
  return: { title: 'Trả lại trả lời của đơn vị', ok: 'Trả lại', field: { name: 'reason', label: 'Lý do trả lại', required: true } },
};

/** Mounted while open: one step on a recommendation (the unit answers; Sở Nội vụ accepts or returns with a reason). */
function StepModal({ rec, step, onClose }: { rec: InspectionRecommendation; step: Step; onClose(): void }) {
  const [form] = Form.useForm<{ answer?: string; reason?: string; note?: string }>();
  const run = useRecommendationStep();
  const { message } = App.useApp();
  const t = STEP_TEXT[step];
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: RecommendationStep =
      step === 'answer'
        ? { action: 'answer', id: rec.id, version: rec.version, answer: v.answer!.trim() }
        : step === 'return'
          ? { action: 'return', id: rec.id, version: rec.version, reason: v.reason!.trim() }
          : { action: 'accept', id: rec.id, version: rec.version, note: v.note?.trim() || null };
    try {
      await run.mutateAsync(body);
      message.success(step === 'answer' ? 'Đã gửi trả lời đến Sở Nội vụ' : step === 'accept' ? 'Đã chấp nhận kết quả thực hiện' : 'Đã trả lại đơn vị');
      onClose();
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Modal open title={t.title} onCancel={onClose} onOk={save} okText={t.ok} cancelText="Hủy" confirmLoading={run.isPending}>
      <Typography.Paragraph>
        <Typography.Text strong>Kiến nghị {rec.seq}:</Typography.Text> {rec.text}
      </Typography.Paragraph>
      {rec.answer && step !== 'answer' && <Typography.Paragraph type="secondary">Đơn vị trả lời: {rec.answer}</Typography.Paragraph>}
      <Form form={form} name={`recommendation-${step}`} layout="vertical" disabled={run.isPending}>
        {t.field && (
          <Form.Item
            name={t.field.name}
            label={t.field.label}
            rules={t.field.required ? [{ required: true, whitespace: true, message: `Nhập ${t.field.label.toLowerCase()}` }] : []}
          >
            <Input.TextArea rows={4} maxLength={4000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Mounted while open: Sở Nội vụ concludes a draft inspection (the conclusion's number and date). */
function ConcludeModal({ id, version, onClose }: { id: string; version: number; onClose(): void }) {
  const [form] = Form.useForm<{ conclusionNo: string; concludedOn: dayjs.Dayjs }>();
  const conclude = useConcludeInspection();
  const { message } = App.useApp();
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await conclude.mutateAsync({ id, version, conclusionNo: v.conclusionNo.trim(), concludedOn: toIsoDate(v.concludedOn)! });
      message.success('Đã kết luận cuộc kiểm tra');
      onClose();
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Modal open title="Kết luận cuộc kiểm tra" onCancel={onClose} onOk={save} okText="Kết luận" cancelText="Hủy" confirmLoading={conclude.isPending}>
      <Form form={form} name="conclude-inspection" layout="vertical">
        <Form.Item name="conclusionNo" label="Số văn bản kết luận" rules={[{ required: true, whitespace: true, message: 'Nhập số văn bản kết luận' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="concludedOn" label="Ngày kết luận" rules={[{ required: true, message: 'Chọn ngày kết luận' }]}>
          <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const STEP_BUTTONS: { step: Step; label: string; primary?: boolean; danger?: boolean }[] = [
  { step: 'answer', label: 'Trả lời', primary: true },
  { step: 'accept', label: 'Chấp nhận', primary: true },
  { step: 'return', label: 'Trả lại', danger: true },
];

/** One inspection: its dates, members, findings, conclusion, and each recommendation with its deadline, status, answer and review. */
export function InspectionDetail({ id }: { id: string }) {
  const q = useInspection(id);
  const [step, setStep] = useState<{ rec: InspectionRecommendation; step: Step } | null>(null);
  const [concluding, setConcluding] = useState(false);
  if (q.isLoading) return <Spin />;
  if (q.error || !q.data) return <Alert type="error" showIcon title="Không tải được cuộc kiểm tra." />;
  const i = q.data;
  return (
    <>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="Đơn vị được kiểm tra">{i.unitName}</Descriptions.Item>
        <Descriptions.Item label="Thời gian">{`${formatDate(i.fromOn)} – ${formatDate(i.toOn)}`}</Descriptions.Item>
        <Descriptions.Item label="Nội dung">{i.subject}</Descriptions.Item>
        <Descriptions.Item label="Thành phần đoàn">{i.members.length ? i.members.join('; ') : '—'}</Descriptions.Item>
        <Descriptions.Item label="Kết quả kiểm tra">
          <span style={{ whiteSpace: 'pre-wrap' }}>{i.findings}</span>
        </Descriptions.Item>
        <Descriptions.Item label="Trạng thái">
          <Tag color={i.status === 'concluded' ? 'green' : 'blue'}>{INSPECTION_STATUS_LABELS[i.status]}</Tag>
          {i.conclusionNo && `Kết luận số ${i.conclusionNo} ngày ${formatDate(i.concludedOn)}`}
        </Descriptions.Item>
      </Descriptions>
      {i.allowedActions.includes('conclude') && (
        <Button type="primary" style={{ marginTop: 12 }} onClick={() => setConcluding(true)}>
          Kết luận kiểm tra
        </Button>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Kiến nghị ({i.items.length})
      </Typography.Title>
      <List
        dataSource={i.items}
        locale={{ emptyText: 'Không có kiến nghị' }}
        renderItem={(r) => (
          <List.Item data-testid="recommendation">
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Typography.Text strong>
                {r.seq}. {r.text}
              </Typography.Text>
              <Space wrap size={4}>
                <Typography.Text type={r.overdue ? 'danger' : 'secondary'}>Hạn: {formatDate(r.deadline)}</Typography.Text>
                <Tag color={RECOMMENDATION_STATUS_COLORS[r.status]}>{RECOMMENDATION_STATUS_LABELS[r.status]}</Tag>
                {r.overdue && <Tag color="red">Quá hạn</Tag>}
              </Space>
              {r.answer && (
                <Typography.Text>
                  Đơn vị trả lời{r.answeredOn ? ` ngày ${formatDate(r.answeredOn)}` : ''}
                  {r.answeredByName ? ` (${r.answeredByName})` : ''}: {r.answer}
                </Typography.Text>
              )}
              {r.reviewNote && (
                <Typography.Text type="secondary">
                  Ý kiến của Sở Nội vụ{r.reviewedByName ? ` (${r.reviewedByName})` : ''}: {r.reviewNote}
                </Typography.Text>
              )}
              {r.acceptedOn && <Typography.Text type="success">Sở Nội vụ chấp nhận ngày {formatDate(r.acceptedOn)}</Typography.Text>}
              {r.allowedActions.length > 0 && (
                <Space wrap>
                  {STEP_BUTTONS.filter((b) => r.allowedActions.includes(b.step)).map((b) => (
                    <Button key={b.step} size="small" type={b.primary ? 'primary' : 'default'} danger={b.danger} onClick={() => setStep({ rec: r, step: b.step })}>
                      {b.label}
                    </Button>
                  ))}
                </Space>
              )}
            </Space>
          </List.Item>
        )}
      />
      {step && <StepModal rec={step.rec} step={step.step} onClose={() => setStep(null)} />}
      {concluding && <ConcludeModal id={i.id} version={i.version} onClose={() => setConcluding(false)} />}
    </>
  );
}
