import { useNavigate } from 'react-router-dom';
import { Button, Result, Typography } from 'antd';
import { TeamOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportView } from '../../../api/types';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { previewCounts } from './import-format';

/** Step 4 done: what was written. */
export function ImportDone({ view, onAnother }: { view: ImportView; onAnother(): void }) {
  const navigate = useNavigate();
  const counts = previewCounts(view);
  const cadres = counts.cadres ?? { create: 0, update: 0, unchanged: 0 };
  const others = counts.sheets.filter((s) => s.kind !== 'cadres' && s.create + s.update > 0);
  return (
    <Result
      status="success"
      data-testid="import-done"
      title={`Đã ghi ${formatNumber(cadres.create)} hồ sơ mới, ${formatNumber(cadres.update)} hồ sơ cập nhật`}
      subTitle={
        <>
          Tệp “{view.fileName}”, ghi lúc {formatDateTime(view.committedAt)}. Mọi thay đổi được ghi vào lịch sử của từng hồ sơ.
          {others.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {others.map((s) => `${s.name}: ${formatNumber(s.create)} mới, ${formatNumber(s.update)} cập nhật`).join('; ')}
            </Typography.Paragraph>
          )}
        </>
      }
      extra={[
        <Button key="list" type="primary" icon={<TeamOutlined />} onClick={() => navigate('/cadres')} data-testid="open-cadre-list">
          Xem danh sách cán bộ
        </Button>,
        <Button key="again" icon={<UploadOutlined />} onClick={onAnother}>
          Nhập tệp khác
        </Button>,
      ]}
    />
  );
}
