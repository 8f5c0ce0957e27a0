import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiError, type ApiIssue } from '../../../api/errors';
import type { AssessmentInput } from '../../../api/types';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, toIsoDate } from '../../../shared/format';
import { applyIssues } from '../../cadres/components/field-form';
import { useRecordAssessment } from '../hooks/use-eligibility';
import { ASSESSMENT_ASPECTS } from './eligibility-labels';
import { useProvince } from '../../../shared/hooks/use-province';

interface Values {
  assessedOn: dayjs.Dayjs;
  politicalOk?: 'yes' | 'no';
  capacityOk?: 'yes' | 'no';
  prestigeOk?: 'yes' | 'no';
  prospectsOk?: 'yes' | 'no';
  note?: string;
}

const FIELDS = [{ name: 'assessedOn' }, ...ASSESSMENT_ASPECTS.map((a) => ({ name: a.name })), { name: 'note' }];
const LABELS: Record<string, string> = {
  assessedOn: 'Ngày đánh giá',
  note: 'Nhận xét',
  ...Object.fromEntries(ASSESSMENT_ASPECTS.map((a) => [a.name, a.label])),
};
const NOTE_REQUIRED = 'Đánh giá "Không đạt" cần ghi rõ lý do';

/**
 * Mounted while open. The sending unit's head or personnel officer records their assessment of a person: the
 * four aspects the plan names (I.3, III.1.b), each "Đạt" or "Không đạt", dated; a "Không đạt" needs a reason.
 */
export function AssessmentModal({ personId, fullName, onClose }: { personId: string; fullName: string; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const save = useRecordAssessment(personId);
  const province = useProvince();
  const { message } = App.useApp();
  const [otherIssues, setOtherIssues] = useState<ApiIssue[]>([]);
  const aspects = Form.useWatch([], form) as Values | undefined;
  const anyNo = ASSESSMENT_ASPECTS.some((a) => aspects?.[a.name] === 'no');

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setOtherIssues([]);
    const body: AssessmentInput = {
      assessedOn: toIsoDate(v.assessedOn)!,
      politicalOk: v.politicalOk!,
      capacityOk: v.capacityOk!,
      prestigeOk: v.prestigeOk!,
      prospectsOk: v.prospectsOk!,
      note: v.note?.trim() || null,
    };
    try {
      await save.mutateAsync(body);
      message.success(`Đã ghi nhận nhận xét, đánh giá đối với ${fullName}`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        setOtherIssues(applyIssues(form, FIELDS, err.issues));
        message.error(err.message);
      } else notifyError(err);
    }
  };

  return (
    <Modal
      open
      title={`Nhận xét, đánh giá: ${fullName}`}
      okText="Lưu đánh giá"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      width={640}
    >
      <Typography.Paragraph type="secondary">
        Đơn vị nơi đi nhận xét, đánh giá cán bộ về lập trường chính trị, năng lực, uy tín và triển vọng phát triển ({province.clause('I.3, III.1.b, IV.1.b')}). Cán
        bộ bị đánh giá “Không đạt” ở bất kỳ mặt nào thì không đủ điều kiện cử đi tăng cường.
      </Typography.Paragraph>
      {otherIssues.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={otherIssues.map((i) => `${LABELS[i.path] ?? i.path}: ${i.message}`).join('; ')} />
      )}
      <Form
        form={form}
        name="assessment"
        layout="horizontal"
        labelCol={{ span: 9 }}
        wrapperCol={{ span: 15 }}
        initialValues={{ assessedOn: dayjs() }}
        disabled={save.isPending}
      >
        <Form.Item name="assessedOn" label="Ngày đánh giá" rules={[{ required: true, message: 'Chọn ngày đánh giá' }]}>
          <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 180 }} />
        </Form.Item>
        {ASSESSMENT_ASPECTS.map((a) => (
          <Form.Item key={a.name} name={a.name} label={a.label} rules={[{ required: true, message: `Chọn kết quả đánh giá ${a.label.toLowerCase()}` }]}>
            <Radio.Group
              aria-label={a.label}
              data-testid={`assessment-${a.name}`}
              options={[
                { value: 'yes', label: 'Đạt' },
                { value: 'no', label: 'Không đạt' },
              ]}
            />
          </Form.Item>
        ))}
        <Form.Item
          name="note"
          label="Nhận xét"
          dependencies={ASSESSMENT_ASPECTS.map((a) => a.name)}
          rules={[
            { max: 2000, message: 'Tối đa 2.000 ký tự' },
            ({ getFieldValue }) => ({
              validator: (_, value?: string) =>
                ASSESSMENT_ASPECTS.some((x) => getFieldValue(x.name) === 'no') && !value?.trim() ? Promise.reject(new Error(NOTE_REQUIRED)) : Promise.resolve(),
            }),
          ]}
          required={anyNo}
          extra={anyNo ? 'Ghi rõ lý do đánh giá “Không đạt”.' : undefined}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} placeholder="Nhận xét của đơn vị" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
