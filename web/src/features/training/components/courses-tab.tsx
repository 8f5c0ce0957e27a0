import { useState } from 'react';
import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { COURSE_KIND_LABELS, COURSE_LOCATION_LABELS, COURSE_SOURCE_LABELS, FUNDING_SOURCE_LABELS, formatVnd } from '../../../../../common/training';
import type { TrainingCourse } from '../../../api/types';
import { formatDate, formatNumber } from '../../../shared/format';
import { useCourses } from '../hooks/use-training';
import { CourseModal } from './course-modal';
import { NominateModal } from './nominate-modal';
import { DecisionModal } from './decision-modal';

const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR + 2 - i);

/** The course catalogue of a year: Sở Nội vụ adds courses and issues decisions; units nominate their staff. */
export function CoursesTab({ canManage, canNominate, canDecide }: { canManage: boolean; canNominate: boolean; canDecide: boolean }) {
  const [year, setYear] = useState<number | undefined>(undefined);
  const courses = useCourses(year);
  const [adding, setAdding] = useState(false);
  const [nominating, setNominating] = useState<TrainingCourse | null>(null);
  const [deciding, setDeciding] = useState<TrainingCourse | null>(null);
  const columns: ColumnsType<TrainingCourse> = [
    {
      title: 'Khóa học',
      key: 'title',
      render: (_, c) => (
        <>
          <Typography.Text strong>{c.title}</Typography.Text>
          <div style={{ fontSize: 12, color: '#888' }}>
            {c.provider} · {COURSE_SOURCE_LABELS[c.source]}
          </div>
          <Space size={2} wrap>
            {c.fields.map((f) => (
              <Tag key={f} color="blue">
                {f}
              </Tag>
            ))}
            {c.requiresPlanning && <Tag color="purple">Cán bộ trong quy hoạch</Tag>}
          </Space>
        </>
      ),
    },
    { title: 'Loại hình', key: 'kind', width: 150, render: (_, c) => `${COURSE_KIND_LABELS[c.kind]} (${COURSE_LOCATION_LABELS[c.location].toLowerCase()})` },
    { title: 'Thời gian', key: 'dates', width: 130, render: (_, c) => <>{formatDate(c.startDate)}<br />{formatDate(c.endDate)}<br />{formatNumber(c.hours)} tiết</> },
    { title: 'Chi phí/người', key: 'cost', width: 170, render: (_, c) => <>{formatVnd(c.costPerParticipantVnd)}<div style={{ fontSize: 12, color: '#888' }}>{FUNDING_SOURCE_LABELS[c.fundingSource]}</div></> },
    { title: 'Chỗ', key: 'seats', width: 120, render: (_, c) => <span data-testid="course-seats">{c.seatsTaken}/{c.capacity} đã duyệt{c.nominated ? `, ${c.nominated} chờ duyệt` : ''}</span> },
    {
      title: 'Thao tác',
      key: 'actions',
      width: 170,
      render: (_, c) => (
        <Space orientation="vertical" size={4}>
          {canNominate && (
            <Button size="small" type="primary" disabled={c.seatsLeft === 0} onClick={() => setNominating(c)}>
              Đề cử cán bộ
            </Button>
          )}
          {canDecide && c.seatsTaken > 0 && (
            <Button size="small" onClick={() => setDeciding(c)}>
              Quyết định cử đi học
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
        <Select id="course-year" allowClear placeholder="Tất cả" value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: String(y) }))} style={{ width: 120 }} />
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
      {nominating && <NominateModal course={nominating} onClose={() => setNominating(null)} />}
      {deciding && <DecisionModal course={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}
