import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import type dayjs from 'dayjs';
import {
  DEMAND_FIELDS,
  DEMAND_FIELD_LABELS,
  NEED_COUNT_MAX,
  NEED_URGENCIES,
  NEED_URGENCY_LABELS,
  REASON_MAX,
  type DemandField,
  type NeedUrgency,
} from '../../../../../common/demand';
import { EDUCATION_LABELS, POLITICAL_THEORY_LABELS } from '../../../../../common/enums';
import { ApiError, type ApiIssue } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, fromIsoDate, toIsoDate } from '../../../shared/format';
import { applyIssues } from '../../cadres/components/field-form';
import { useDeclareNeed, useEditNeed, type CommuneDemand, type Need } from '../hooks/use-demand';

interface Values {
  jobPostId?: string;
  field?: DemandField;
  postTitle?: string;
  count: number;
  urgency: NeedUrgency;
  wantedFrom?: dayjs.Dayjs | null;
  wantedUntil?: dayjs.Dayjs | null;
  minEducation?: string;
  requiredPoliticalTheory?: string;
  requiredRankGrade?: string;
  standards?: string;
  reason: string;
}

const NAMES = [
  'jobPostId',
  'field',
  'postTitle',
  'count',
  'urgency',
  'wantedFrom',
  'wantedUntil',
  'minEducation',
  'requiredRankGrade',
  'requiredPoliticalTheory',
  'standards',
  'reason',
];
const FIELDS = NAMES.map((name) => ({ name }));

/**
 * Mounted while open. The host commune declares (or edits) a need: one of its posts or a field, how many people,
 * how urgent, for when, the standards (by default the post's) and why. Saved as a draft or sent to Sở Nội vụ.
 */
export function NeedFormModal({ commune, need, onClose }: { commune: CommuneDemand; need?: Need; onClose(): void }) {
  const [form] = Form.useForm<Values>();
  const declare = useDeclareNeed();
  const edit = useEditNeed(need?.id ?? '');
  const { message } = App.useApp();
  const [otherIssues, setOtherIssues] = useState<ApiIssue[]>([]);
  const busy = declare.isPending || edit.isPending;
  const postId = Form.useWatch('jobPostId', form);
  const post = commune.posts.find((p) => p.id === postId);

  const save = async (submit: boolean) => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setOtherIssues([]);
    const body = {
      jobPostId: v.jobPostId ?? null,
      field: v.field ?? null,
      postTitle: v.jobPostId ? null : v.postTitle?.trim() || null,
      count: v.count,
      urgency: v.urgency,
      wantedFrom: toIsoDate(v.wantedFrom),
      wantedUntil: toIsoDate(v.wantedUntil),
      minEducation: v.minEducation ?? null,
      requiredRankGrade: v.requiredRankGrade?.trim() || null,
      requiredPoliticalTheory: v.requiredPoliticalTheory ?? null,
      standards: v.standards?.trim() || null,
      reason: v.reason.trim(),
    };
    try {
      if (need) await edit.mutateAsync({ ...body, version: need.version });
      else await declare.mutateAsync({ ...body, unitId: commune.unit.id, submit });
      message.success(need ? 'Đã lưu nhu cầu' : submit ? 'Đã gửi nhu cầu đến Sở Nội vụ' : 'Đã lưu nhu cầu (chưa gửi)');
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        setOtherIssues(applyIssues(form, FIELDS, err.issues));
        message.error(err.message);
      } else notifyError(err);
    }
  };

  const initial: Partial<Values> = need
    ? {
        jobPostId: need.jobPostId ?? undefined,
        field: need.field,
        postTitle: need.jobPostId ? undefined : (need.postTitle ?? undefined),
        count: need.count,
        urgency: need.urgency,
        wantedFrom: fromIsoDate(need.wantedFrom),
        wantedUntil: fromIsoDate(need.wantedUntil),
        minEducation: need.minEducation ?? undefined,
        requiredRankGrade: need.requiredRankGrade ?? undefined,
        requiredPoliticalTheory: need.requiredPoliticalTheory ?? undefined,
        standards: need.standards ?? undefined,
        reason: need.reason,
      }
    : { count: 1, urgency: 'normal' };

  return (
    <Modal
      open
      title={need ? 'Sửa nhu cầu tăng cường' : `Khai báo nhu cầu tăng cường — ${commune.unit.name}`}
      onCancel={onClose}
      width={760}
      okText={need ? 'Lưu' : 'Gửi Sở Nội vụ'}
      onOk={() => save(true)}
      confirmLoading={busy}
      cancelText="Hủy"
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          <CancelBtn />
          {!need && (
            <Button onClick={() => save(false)} disabled={busy} data-testid="need-save-draft">
              Lưu nháp
            </Button>
          )}
          <OkBtn />
        </>
      )}
    >
      <Typography.Paragraph type="secondary">
        Chọn vị trí việc làm của xã, phường còn thiếu người hoặc lĩnh vực cần tăng cường. Tiêu chuẩn để trống sẽ lấy theo vị trí việc làm.
      </Typography.Paragraph>
      {otherIssues.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={otherIssues.map((i) => i.message).join('; ')} />}
      <Form form={form} name="need" layout="vertical" initialValues={initial} disabled={busy}>
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item name="jobPostId" label="Vị trí việc làm của xã">
              <Select
                allowClear
                placeholder={commune.posts.length ? 'Chọn vị trí (hoặc để trống và chọn lĩnh vực)' : 'Xã chưa có vị trí việc làm: chọn lĩnh vực'}
                disabled={!commune.posts.length}
                options={commune.posts.map((p) => ({
                  value: p.id,
                  label: `${p.title}${p.vacancy ? ` (thiếu ${p.vacancy})` : ''}`,
                }))}
                onChange={(id) => {
                  const p = commune.posts.find((x) => x.id === id);
                  if (p?.field) form.setFieldValue('field', p.field);
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="field" label="Lĩnh vực" rules={[{ required: !postId, message: 'Chọn lĩnh vực' }]}>
              <Select allowClear placeholder="Chọn lĩnh vực" options={DEMAND_FIELDS.map((f) => ({ value: f, label: DEMAND_FIELD_LABELS[f] }))} />
            </Form.Item>
          </Col>
        </Row>
        {!postId && (
          <Form.Item name="postTitle" label="Chức danh, công việc cần tăng cường">
            <Input maxLength={200} placeholder="Ví dụ: Cán bộ chuyển đổi số" />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item name="count" label="Số người" rules={[{ required: true, message: 'Nhập số người' }]}>
              <InputNumber min={1} max={NEED_COUNT_MAX} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="urgency" label="Mức độ" rules={[{ required: true }]}>
              <Select options={NEED_URGENCIES.map((u) => ({ value: u, label: NEED_URGENCY_LABELS[u] }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="wantedFrom" label="Cần từ ngày">
              <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="wantedUntil"
              label="Đến ngày"
              dependencies={['wantedFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v: dayjs.Dayjs | null) => {
                    const from = getFieldValue('wantedFrom') as dayjs.Dayjs | null;
                    return !v || !from || v.isAfter(from, 'day') ? Promise.resolve() : Promise.reject(new Error('Phải sau ngày bắt đầu'));
                  },
                }),
              ]}
            >
              <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="minEducation" label="Trình độ tối thiểu">
              <Select
                allowClear
                placeholder={
                  post?.minEducation ? `Theo vị trí: ${EDUCATION_LABELS[post.minEducation as keyof typeof EDUCATION_LABELS] ?? post.minEducation}` : 'Không yêu cầu'
                }
                options={Object.entries(EDUCATION_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="requiredPoliticalTheory" label="Lý luận chính trị">
              <Select
                allowClear
                placeholder={post?.requiredPoliticalTheory ? 'Theo vị trí việc làm' : 'Không yêu cầu'}
                options={Object.entries(POLITICAL_THEORY_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="requiredRankGrade" label="Ngạch tối thiểu">
              <Input maxLength={20} placeholder={post?.requiredRankGrade ? `Theo vị trí: ${post.requiredRankGrade}` : 'Ví dụ: A1'} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="standards" label="Tiêu chuẩn khác">
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder={post?.standards ?? 'Để trống nếu theo tiêu chuẩn của vị trí việc làm'}
          />
        </Form.Item>
        <Form.Item name="reason" label="Lý do" rules={[{ required: true, whitespace: true, message: 'Nêu lý do cần tăng cường' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={REASON_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
