import { useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import {
  COURSE_KINDS,
  COURSE_KIND_LABELS,
  COURSE_LOCATIONS,
  COURSE_LOCATION_LABELS,
  COURSE_SOURCES,
  COURSE_SOURCE_LABELS,
  FUNDING_SOURCES,
  FUNDING_SOURCE_LABELS,
} from '../../../../../common/training';
import { ApiError } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, toIsoDate } from '../../../shared/format';
import { useCurrentPlan } from '../../plans/hooks/use-plans';
import type { TrainingCourse } from '../../../api/types';
import { useCreateCourse, useUpdateCourse } from '../hooks/use-training';

export const vndFormatter = (v: number | string | undefined) => (v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.'));
export const vndParser = (s: string | undefined) => Number((s ?? '').replace(/\D/g, ''));

/**
 * Sở Nội vụ adds a course to the catalogue, or corrects one (`course`); the server refuses a course that ends
 * before it starts, and once someone is approved a change of cost, funding, kind, place or year, or fewer seats.
 */
export function CourseModal({ course, onClose }: { course?: TrainingCourse; onClose(): void }) {
  const [form] = Form.useForm();
  const create = useCreateCourse();
  const update = useUpdateCourse();
  const save = course ? update : create;
  const plan = useCurrentPlan();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const [start, end] = v.dates as [dayjs.Dayjs, dayjs.Dayjs];
    try {
      const body = { ...v, dates: undefined, startDate: toIsoDate(start)!, endDate: toIsoDate(end)!, requiresPlanning: !!v.requiresPlanning };
      if (course) await update.mutateAsync({ id: course.id, body });
      else await create.mutateAsync(body);
      message.success(course ? `Đã cập nhật khóa học "${v.title}"` : `Đã thêm khóa học "${v.title}"`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) setError(err.issues.map((i) => i.message).join('; ') || err.message);
      else notifyError(err);
    }
  };
  const locked = !!course && course.seatsTaken > 0;
  const initialValues = course
    ? { ...course, dates: [dayjs(course.startDate), dayjs(course.endDate)] }
    : { location: 'domestic', source: 'city_plan', kind: 'short_course', fundingSource: 'supplementary', capacity: 30, hours: 40 };
  const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((x) => ({ value: x, label: labels[x] }));
  return (
    <Modal
      open
      title={course ? 'Sửa khóa đào tạo, bồi dưỡng' : 'Thêm khóa đào tạo, bồi dưỡng'}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      width={720}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {locked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Đã có ${course.seatsTaken} học viên được phê duyệt và cam kết kinh phí: không thay đổi được chi phí/người, nguồn kinh phí, loại hình, địa điểm, năm khai giảng; số học viên tối đa không nhỏ hơn ${course.seatsTaken}.`}
        />
      )}
      <Form form={form} layout="vertical" name="course" initialValues={initialValues}>
        <Form.Item name="title" label="Tên khóa học" rules={[{ required: true, whitespace: true, message: 'Nhập tên khóa học' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="provider" label="Cơ sở đào tạo" rules={[{ required: true, whitespace: true, message: 'Nhập cơ sở đào tạo' }]}>
          <Input />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
          <Form.Item name="kind" label="Loại hình">
            <Select disabled={locked} options={options(COURSE_KINDS, COURSE_KIND_LABELS)} />
          </Form.Item>
          <Form.Item name="location" label="Địa điểm">
            <Select disabled={locked} options={options(COURSE_LOCATIONS, COURSE_LOCATION_LABELS)} />
          </Form.Item>
          <Form.Item name="source" label="Nguồn chương trình">
            <Select options={options(COURSE_SOURCES, COURSE_SOURCE_LABELS)} />
          </Form.Item>
          <Form.Item name="fundingSource" label="Nguồn kinh phí">
            <Select disabled={locked} options={options(FUNDING_SOURCES, FUNDING_SOURCE_LABELS)} />
          </Form.Item>
        </div>
        <Form.Item name="fields" label="Lĩnh vực ưu tiên" rules={[{ required: true, message: 'Chọn ít nhất một lĩnh vực' }]}>
          <Select mode="multiple" options={(plan.data?.params.priorityFields ?? []).map((f) => ({ value: f, label: f }))} />
        </Form.Item>
        <Form.Item name="dates" label="Thời gian (từ ngày – đến ngày)" rules={[{ required: true, message: 'Chọn thời gian' }]}>
          <DatePicker.RangePicker format={DATE_INPUT_FORMAT} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: 12 }}>
          <Form.Item name="hours" label="Số tiết" rules={[{ required: true, message: 'Nhập số tiết' }]}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="capacity" label="Số học viên tối đa" rules={[{ required: true, message: 'Nhập số học viên' }]}>
            <InputNumber min={Math.max(1, course?.seatsTaken ?? 0)} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="costPerParticipantVnd" label="Chi phí/người (đồng)" rules={[{ required: true, message: 'Nhập chi phí' }]}>
            <InputNumber<number> disabled={locked} min={0} precision={0} step={100000} style={{ width: '100%' }} formatter={vndFormatter} parser={vndParser} />
          </Form.Item>
        </div>
        <Form.Item name="requiresPlanning" valuePropName="checked">
          <Checkbox>Dành cho cán bộ trong quy hoạch</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
