import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Divider, Form, Input, Popconfirm, Row, Space, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { CloseOutlined, ExperimentOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { PlanParams } from '../../../../../common/plan-params';
import { ApiError, type ApiIssue } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, formatDate, toIsoDate } from '../../../shared/format';
import { useSavePlanVersion, useWhatIf } from '../hooks/use-plans';
import { formToParams, issueField, paramsToForm, type ParamsFormValues } from './params-form-values';
import { WhatIfResultView } from './what-if-result';
import { ParamsFields } from './params-fields';

interface Values {
  params: ParamsFormValues;
  referenceDate?: dayjs.Dayjs;
  effectiveFrom?: dayjs.Dayjs;
  note?: string;
}

interface Props {
  /** The plan the new version belongs to. */
  planId: string;
  current: PlanParams;
  /** The plan's date of issue: a version cannot take effect before it. */
  issuedOn: string;
  /** Sở Nội vụ saves versions; the authority may only preview. */
  canSave: boolean;
  onSaved(): void;
  onClose(): void;
}

const required = (message: string): Rule => ({ required: true, message });

/**
 * "Điều chỉnh tham số": every parameter of the plan, editable, with a preview of what the draft would change
 * (quotas, verdicts) and, for Sở Nội vụ, saving it as a new version from an effective date with its reason.
 */
export function ParamsForm({ planId, current, issuedOn, canSave, onSaved, onClose }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const whatIf = useWhatIf();
  const save = useSavePlanVersion();
  const [otherIssues, setOtherIssues] = useState<ApiIssue[]>([]);
  const [initialValues] = useState<Values>(() => ({ params: paramsToForm(current), referenceDate: dayjs() }));

  /** Puts each 422 issue on its field; the others are listed above the buttons. */
  const showIssues = (err: unknown) => {
    if (!(err instanceof ApiError && err.status === 422)) return notifyError(err);
    const values = form.getFieldsValue(true) as Values;
    const rest: ApiIssue[] = [];
    const onFields: { name: (string | number)[]; errors: string[] }[] = [];
    for (const i of err.issues) {
      const name = issueField(i.path, values);
      if (name) onFields.push({ name, errors: [i.message] });
      else rest.push(i);
    }
    form.setFields(onFields);
    if (onFields.length) form.scrollToField(onFields[0].name);
    setOtherIssues(rest);
    message.error(err.message);
  };

  const preview = async () => {
    const v = (await form.validateFields([['params'], 'referenceDate'], { recursive: true }).catch(() => null)) as Values | null;
    if (!v) return;
    setOtherIssues([]);
    const all = form.getFieldsValue(true) as Values;
    whatIf.mutate({ params: formToParams(all.params), referenceDate: toIsoDate(all.referenceDate) ?? undefined }, { onError: showIssues });
  };

  const submit = async () => {
    const v = (await form.validateFields([['params'], 'effectiveFrom', 'note'], { recursive: true }).catch(() => null)) as Values | null;
    if (!v) return;
    setOtherIssues([]);
    const all = form.getFieldsValue(true) as Values;
    try {
      const r = await save.mutateAsync({ planId, effectiveFrom: toIsoDate(all.effectiveFrom)!, note: all.note!.trim(), params: formToParams(all.params) });
      message.success(`Đã lưu phiên bản ${r.version}, hiệu lực từ ${formatDate(toIsoDate(all.effectiveFrom))}`);
      onSaved();
    } catch (err) {
      showIssues(err);
    }
  };

  return (
    <Card
      title="Điều chỉnh tham số"
      data-testid="params-form"
      extra={
        <Button icon={<CloseOutlined />} onClick={onClose}>
          Đóng
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        Sửa tham số dự thảo rồi bấm “Xem trước ảnh hưởng” để biết chỉ tiêu của các đơn vị và kết quả sàng lọc sẽ thay đổi thế nào.
        {canSave
          ? ' Khi thống nhất, lưu thành phiên bản mới với ngày hiệu lực và lý do; các phiên bản cũ được giữ nguyên, mỗi kết quả ghi rõ phiên bản đã dùng.'
          : ' Chỉ Sở Nội vụ được lưu phiên bản mới.'}
      </Typography.Paragraph>
      <Form
        form={form}
        name="plan-params"
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={() => {
          if (whatIf.data) whatIf.reset();
        }}
        disabled={save.isPending}
      >
        <ParamsFields current={current} />

        {otherIssues.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title="Dữ liệu không hợp lệ"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {otherIssues.map((i) => (
                  <li key={i.path + i.message}>
                    {i.path}: {i.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}

        <Divider titlePlacement="start" plain>
          Xem trước ảnh hưởng
        </Divider>
        <Space align="end" wrap style={{ marginBottom: 16 }}>
          <Form.Item name="referenceDate" label="Ngày xét" style={{ marginBottom: 0 }} tooltip="Ngày dùng để xét các tiêu chí và năm biên chế khi xem trước">
            <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" allowClear={false} style={{ width: 160 }} />
          </Form.Item>
          <Button icon={<ExperimentOutlined />} onClick={preview} loading={whatIf.isPending} data-testid="what-if-button">
            Xem trước ảnh hưởng
          </Button>
        </Space>
        {whatIf.data && <WhatIfResultView r={whatIf.data} />}

        {canSave && (
          <>
            <Divider titlePlacement="start" plain>
              Lưu phiên bản mới
            </Divider>
            <Row gutter={24}>
              <Col xs={24} md={8}>
                <Form.Item
                  name="effectiveFrom"
                  label="Ngày hiệu lực"
                  rules={[required('Chọn ngày hiệu lực')]}
                  extra={`Không trước ngày ban hành kế hoạch (${formatDate(issuedOn)})`}
                >
                  <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" disabledDate={(d) => toIsoDate(d)! < issuedOn} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item
                  name="note"
                  label="Lý do, căn cứ thay đổi"
                  rules={[
                    { required: true, whitespace: true, message: 'Ghi rõ lý do, căn cứ thay đổi' },
                    { max: 1000, message: 'Tối đa 1.000 ký tự' },
                  ]}
                >
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder="Ví dụ: theo Văn bản số …/UBND-NC ngày …" />
                </Form.Item>
              </Col>
            </Row>
            <Popconfirm
              title="Lưu phiên bản mới?"
              description="Tham số mới áp dụng cho chỉ tiêu và sàng lọc từ ngày hiệu lực."
              okText="Lưu"
              cancelText="Hủy"
              onConfirm={submit}
            >
              <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} data-testid="save-version-button">
                Lưu phiên bản mới
              </Button>
            </Popconfirm>
          </>
        )}
      </Form>
    </Card>
  );
}
