import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Divider, Form, Input, Row, Space, Typography } from 'antd';
import { CloseOutlined, CopyOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PLAN_TEMPLATES } from '../../../../../common/plan-templates';
import { ApiError, type ApiIssue } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, toIsoDate } from '../../../shared/format';
import { useCreatePlan } from '../hooks/use-plans';
import { ParamsFields } from './params-fields';
import { formToParams, issueField, paramsToForm, type ParamsFormValues } from './params-form-values';

interface Values {
  code?: string;
  title?: string;
  issuedBy?: string;
  issuedOn?: dayjs.Dayjs;
  effectiveFrom?: dayjs.Dayjs;
  note?: string;
  params: ParamsFormValues;
}

interface Props {
  /** The issuing body when none is entered (the province's People's Committee), null before the province is set up. */
  defaultIssuedBy: string | null;
  onCreated(id: string): void;
  onClose(): void;
}

type Template = (typeof PLAN_TEMPLATES)[number];
const PLAN_131: Template = PLAN_TEMPLATES[0];

/**
 * "Tạo kế hoạch": the plan as the province issued it — number, title, issuing body, date of issue, the date it
 * takes effect — and its parameters. A template (Kế hoạch 131/KH-UBND) only fills the form in: every field stays
 * editable, and what is saved is what the user sees.
 */
export function CreatePlanForm({ defaultIssuedBy, onCreated, onClose }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const create = useCreatePlan();
  const [template, setTemplate] = useState<Template>(PLAN_131);
  // the fields are mounted again when a template is applied, so that the list suggestions follow it
  const [generation, setGeneration] = useState(0);
  const [otherIssues, setOtherIssues] = useState<ApiIssue[]>([]);
  const [initialValues] = useState<Values>(() => ({ title: PLAN_131.title, params: paramsToForm(PLAN_131.params) }));

  const apply = (t: Template) => {
    setTemplate(t);
    form.setFieldsValue({ title: t.title, params: paramsToForm(t.params) });
    setGeneration((g) => g + 1);
    message.info(`Đã điền sẵn theo ${t.label}. Kiểm tra và sửa cho đúng kế hoạch của tỉnh, thành phố.`);
  };

  const submit = async () => {
    const ok = await form.validateFields({ recursive: true }).catch(() => null);
    if (!ok) return;
    const v = form.getFieldsValue(true) as Values;
    setOtherIssues([]);
    try {
      const r = await create.mutateAsync({
        code: v.code!.trim(),
        title: v.title!.trim(),
        issuedBy: v.issuedBy?.trim() || undefined,
        issuedOn: toIsoDate(v.issuedOn)!,
        effectiveFrom: toIsoDate(v.effectiveFrom)!,
        note: v.note?.trim() || undefined,
        template: template.id,
        params: formToParams(v.params),
      });
      message.success(`Đã tạo Kế hoạch ${r.code}`);
      onCreated(r.id);
    } catch (err) {
      if (!(err instanceof ApiError && (err.status === 422 || err.status === 409))) return notifyError(err);
      const rest: ApiIssue[] = [];
      const onFields: { name: (string | number)[]; errors: string[] }[] = [];
      for (const i of err.issues) {
        const name = issueField(i.path, v);
        if (name) onFields.push({ name, errors: [i.message] });
        else rest.push(i);
      }
      if (!err.issues.length) rest.push({ path: '', message: err.message });
      form.setFields(onFields);
      if (onFields.length) form.scrollToField(onFields[0].name);
      setOtherIssues(rest);
      message.error(err.message);
    }
  };

  const required = (msg: string) => ({ required: true, whitespace: true, message: msg });

  return (
    <Card
      title="Tạo kế hoạch"
      data-testid="create-plan-form"
      extra={
        <Button icon={<CloseOutlined />} onClick={onClose}>
          Đóng
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        Nhập kế hoạch tăng cường cán bộ đã được ban hành. Có thể dùng một mẫu để điền sẵn tên và tham số rồi sửa cho đúng văn bản; mẫu không bắt buộc. Kế hoạch mới
        áp dụng từ ngày có hiệu lực; các đợt cử trước đó vẫn theo kế hoạch và phiên bản đã áp dụng.
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        {PLAN_TEMPLATES.map((t) => (
          <Button key={t.id} icon={<CopyOutlined />} onClick={() => apply(t)} type={t.id === template.id ? 'primary' : 'default'} ghost={t.id === template.id}>
            Dùng {t.label.charAt(0).toLowerCase() + t.label.slice(1)}
          </Button>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        Đang dùng: {template.label} — {template.source}
      </Typography.Paragraph>
      <Form form={form} name="create-plan" layout="vertical" initialValues={initialValues} disabled={create.isPending}>
        <Divider titlePlacement="start" plain>
          Văn bản kế hoạch
        </Divider>
        <Row gutter={24}>
          <Col xs={24} md={8}>
            <Form.Item
              name="code"
              label="Số, ký hiệu"
              rules={[required('Nhập số, ký hiệu'), { pattern: /^\d+\/[\p{L}\d][\p{L}\d.-]*$/u, message: 'Có dạng số/ký hiệu, ví dụ 131/KH-UBND' }]}
            >
              <Input placeholder={`Ví dụ: 131${template.codeHint}`} maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="issuedOn" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày ban hành' }]}>
              {/* a plan is entered once issued: today at the latest (the server refuses a later date) */}
              <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="effectiveFrom"
              label="Ngày có hiệu lực"
              dependencies={['issuedOn']}
              extra="Từ ngày này kế hoạch thay kế hoạch trước"
              rules={[
                { required: true, message: 'Chọn ngày có hiệu lực' },
                ({ getFieldValue }) => ({
                  validator: (_, d?: dayjs.Dayjs) => {
                    const issued = getFieldValue('issuedOn') as dayjs.Dayjs | undefined;
                    return d && issued && d.isBefore(issued, 'day') ? Promise.reject(new Error('Không được trước ngày ban hành')) : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="title" label="Tên kế hoạch (trích yếu)" rules={[required('Nhập tên kế hoạch'), { max: 1000, message: 'Tối đa 1.000 ký tự' }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="issuedBy"
              label="Cơ quan ban hành"
              rules={defaultIssuedBy ? [{ max: 300, message: 'Tối đa 300 ký tự' }] : [required('Nhập cơ quan ban hành')]}
              extra={defaultIssuedBy ? `Để trống: ${defaultIssuedBy}` : undefined}
            >
              <Input placeholder={defaultIssuedBy ?? 'Ủy ban nhân dân tỉnh …'} maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="note" label="Ghi chú phiên bản 1" extra="Để trống: “Theo Kế hoạch số … ngày …”">
              <Input maxLength={1000} />
            </Form.Item>
          </Col>
        </Row>
        <ParamsFields key={generation} current={template.params} />
        {otherIssues.length > 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title="Chưa tạo được kế hoạch"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {otherIssues.map((i) => (
                  <li key={i.path + i.message}>{i.path ? `${i.path}: ${i.message}` : i.message}</li>
                ))}
              </ul>
            }
          />
        )}
        <Button type="primary" icon={<SaveOutlined />} loading={create.isPending} onClick={submit} data-testid="create-plan-button">
          Tạo kế hoạch
        </Button>
      </Form>
    </Card>
  );
}
