import { Tag } from 'antd';
import { ENROLMENT_STATUS_LABELS, type EnrolmentStatus } from '../../../../../common/training';

const COLORS: Record<EnrolmentStatus, string> = {
  nominated: 'gold',
  refused: 'red',
  approved: 'blue',
  enrolled: 'processing',
  completed: 'green',
  failed: 'volcano',
  withdrawn: 'default',
};

export const StatusTag = ({ status }: { status: EnrolmentStatus }) => <Tag color={COLORS[status]}>{ENROLMENT_STATUS_LABELS[status]}</Tag>;

export const ACTION_LABELS: Record<string, string> = {
  approve: 'Phê duyệt',
  refuse: 'Không phê duyệt',
  enrol: 'Nhập học',
  pay: 'Ghi nhận chi',
  complete: 'Hoàn thành',
  fail: 'Không đạt',
  withdraw: 'Rút',
  repay: 'Tính bồi hoàn',
};
