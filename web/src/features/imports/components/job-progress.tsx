import { Alert, Button, Popconfirm, Progress, Space, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import type { ImportView } from '../../../api/types';
import { formatNumber } from '../../../shared/format';

/** Percent of the rows the running job has gone through (null while the file is being opened). */
export function jobPercent(view: Pick<ImportView, 'job'>): number | null {
  const j = view.job;
  if (!j || !j.total) return null;
  return Math.min(100, Math.floor((j.done * 100) / j.total));
}

interface Props {
  view: ImportView;
  cancelling: boolean;
  onCancel(): void;
}

/** Step 2 (checking) or 4 (writing): the progress of the job on the server, polled every second. */
export function JobProgress({ view, cancelling, onCancel }: Props) {
  const committing = view.state === 'committing';
  const percent = jobPercent(view);
  const j = view.job;
  const detail =
    percent === null
      ? 'Đang mở tệp và đọc các trang tính…'
      : percent >= 100
        ? committing
          ? 'Đã kiểm tra lại toàn bộ; đang ghi dữ liệu và nhật ký…'
          : 'Đang đối chiếu với dữ liệu hiện có…'
        : `Đã xử lý ${formatNumber(j?.done ?? 0)} / ${formatNumber(j?.total ?? 0)} dòng`;
  const canCancel = view.allowedActions.includes('cancel');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="job-progress">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {committing ? 'Đang ghi dữ liệu vào cơ sở dữ liệu' : `Đang kiểm tra tệp “${view.fileName}”`}
      </Typography.Title>
      <Progress percent={percent ?? 0} status="active" aria-label={committing ? 'Tiến độ ghi dữ liệu' : 'Tiến độ kiểm tra'} />
      <Typography.Text type="secondary">{detail}</Typography.Text>
      <Alert
        type="info"
        showIcon
        title={
          committing
            ? 'Dữ liệu được kiểm tra lại và chỉ được ghi khi không còn lỗi nào: ghi toàn bộ hoặc không ghi gì.'
            : 'Việc kiểm tra không ghi gì vào cơ sở dữ liệu.'
        }
        description="Bạn có thể rời khỏi trang này: việc xử lý vẫn tiếp tục trên máy chủ. Khi quay lại, mở lần nhập trong mục “Lần nhập gần đây”."
      />
      {canCancel &&
        (committing ? (
          <Popconfirm
            title="Dừng ghi dữ liệu?"
            description="Không có dữ liệu nào bị thay đổi; tệp đã kiểm tra vẫn có thể ghi lại sau."
            okText="Dừng"
            cancelText="Tiếp tục ghi"
            onConfirm={onCancel}
          >
            <Button danger icon={<StopOutlined />} loading={cancelling}>
              Dừng ghi dữ liệu
            </Button>
          </Popconfirm>
        ) : (
          <Button icon={<StopOutlined />} loading={cancelling} onClick={onCancel}>
            Dừng kiểm tra
          </Button>
        ))}
    </Space>
  );
}
