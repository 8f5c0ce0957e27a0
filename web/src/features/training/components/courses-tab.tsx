import { yearOf } from '../../../../../common/dates';
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { COURSE_KIND_LABELS, COURSE_LOCATION_LABELS, COURSE_SOURCE_LABELS, FUNDING_SOURCE_LABELS, formatVnd } from '../../../../../common/training';
import type { TrainingCourse } from '../../../api/types';
import { formatDate, formatNumber } from '../../../shared/format';
import { ApiError } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { useCloseCourse, useCourses } from '../hooks/use-training';
import { CourseModal } from './course-modal';
import { NominateModal } from './nominate-modal';
import { DecisionModal } from './decision-modal';

const THIS_YEAR = yearOf();
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR + 2 - i);

/** Sở Nội vụ stops nominations for a course, with the reason; nominations already made are still decided. */
function CloseCourseModal({ course, onClose }: { course: TrainingCourse; onClose(): void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const close = useCloseCourse();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await close.mutateAsync({ id: course.id, reason: v.reason });
      message.success(`Khóa học "${course.title}" đã dừng nhận đề cử`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && (err.status === 422 || err.status === 409)) setError(err.issues.map((i) => i.message).join('; ') || err.message);
      else notifyError(err);
    }
  };
  return (
    <Modal
      open
      title={`Dừng nhận đề cử: ${course.title}`}
      okText="Dừng nhận đề cử"
      okButtonProps={{ danger: true }}
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={close.isPending}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>
        Các đơn vị sẽ không đề cử thêm cán bộ cho khóa học này; {course.nominated} hồ sơ đang chờ duyệt vẫn được xét duyệt.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="close-course">
        <Form.Item name="reason" label="Lý do" rules={[{ required: true, whitespace: true, message: 'Nhập lý do dừng nhận đề cử' }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The course catalogue of a year: Sở Nội vụ adds, corrects and closes courses and issues decisions; units nominate their staff. */
export function CoursesTab({ canManage, canNominate, canDecide }: { canManage: boolean; canNominate: boolean; canDecide: boolean }) {
  const [year, setYear] = useState<number | undefined>(undefined);
  const courses = useCourses(year);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<TrainingCourse | null>(null);
  const [closing, setClosing] = useState<TrainingCourse | null>(null);
  const [nominating, setNominating] = useState<TrainingCourse | null>(null);
  const [deciding, setDeciding] = useState<TrainingCourse | null>(null);
  const columns: ColumnsType<TrainingCourse> = [
    {
      title: 'Khóa học',
      key: 'title',
      render: (_, c) => (
        <>
          <Typography.Text strong>{c.title}</Typography.Text>
          <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.6)' }}>
            {c.provider} · {COURSE_SOURCE_LABELS[c.source]}
          </div>
          <Space size={2} wrap>
            {c.fields.map((f) => (
              <Tag key={f} color="blue">
                {f}
              </Tag>
            ))}
            {c.requiresPlanning && <Tag color="purple">Cán bộ trong quy hoạch</Tag>}
            {c.nominationsClosed && <Tag color="red">Đã dừng nhận đề cử</Tag>}
          </Space>
        </>
      ),
    },
    { title: 'Loại hình', key: 'kind', width: 150, render: (_, c) => `${COURSE_KIND_LABELS[c.kind]} (${COURSE_LOCATION_LABELS[c.location].toLowerCase()})` },
    {
      title: 'Thời gian',
      key: 'dates',
      width: 130,
      render: (_, c) => (
        <>
          {formatDate(c.startDate)}
          <br />
          {formatDate(c.endDate)}
          <br />
          {formatNumber(c.hours)} tiết
        </>
      ),
    },
    {
      title: 'Chi phí/người',
      key: 'cost',
      width: 170,
      render: (_, c) => (
        <>
          {formatVnd(c.costPerParticipantVnd)}
          <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.6)' }}>{FUNDING_SOURCE_LABELS[c.fundingSource]}</div>
        </>
      ),
    },
    {
      title: 'Chỗ',
      key: 'seats',
      width: 120,
      render: (_, c) => (
        <span data-testid="course-seats">
          {c.seatsTaken}/{c.capacity} đã duyệt{c.nominated ? `, ${c.nominated} chờ duyệt` : ''}
        </span>
      ),
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 170,
      render: (_, c) => (
        <Space orientation="vertical" size={4}>
          {canNominate && (
            <Button size="small" type="primary" disabled={c.seatsLeft === 0 || c.nominationsClosed} onClick={() => setNominating(c)}>
              Đề cử cán bộ
            </Button>
          )}
          {canDecide && c.seatsTaken > 0 && (
            <Button size="small" onClick={() => setDeciding(c)}>
              Quyết định cử đi học
            </Button>
          )}
          {canManage && (
            <Button size="small" onClick={() => setEditing(c)}>
              Sửa khóa học
            </Button>
          )}
          {canManage && !c.nominationsClosed && (
            <Button size="small" danger onClick={() => setClosing(c)}>
              Dừng nhận đề cử
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="course-year">Năm khai giảng</label>
        <Select
          id="course-year"
          allowClear
          placeholder="Tất cả"
          value={year}
          onChange={setYear}
          options={YEARS.map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 120 }}
        />
        {canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            Thêm khóa học
          </Button>
        )}
      </Space>
      <Table<TrainingCourse>
        data-testid="course-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={courses.data ?? []}
        loading={courses.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(c) => ({ 'data-course': c.title }) as React.HTMLAttributes<HTMLElement>}
        scroll={{ x: 1000 }}
      />
      {adding && <CourseModal onClose={() => setAdding(false)} />}
      {editing && <CourseModal course={editing} onClose={() => setEditing(null)} />}
      {closing && <CloseCourseModal course={closing} onClose={() => setClosing(null)} />}
      {nominating && <NominateModal course={nominating} onClose={() => setNominating(null)} />}
      {deciding && <DecisionModal course={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}
