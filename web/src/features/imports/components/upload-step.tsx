import { useState } from 'react';
import { Alert, Card, Col, Progress, Row, Space, Typography, Upload } from 'antd';
import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { errorMessage } from '../../../api/errors';
import type { ImportView } from '../../../api/types';
import { DownloadButton } from '../../../shared/components/download-button';
import { downloadFile } from '../../../shared/download';
import { MAX_UPLOAD_MB, useUploadImport } from '../hooks/use-imports';
import { refuseFile } from './import-format';
import { useAuth } from '../../../app/auth-context';

/** Step 1: the template to fill in, and the drop zone for the filled file (.xlsx, at most 50 MB). */
export function UploadStep({ onUploaded }: { onUploaded(view: ImportView): void }) {
  const upload = useUploadImport();
  const managesOrg = useAuth().may('manageOrg');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState<{ name: string; percent: number } | null>(null);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card type="inner" title="Bước 1. Tải mẫu nhập liệu" style={{ height: '100%' }}>
          <Typography.Paragraph>
            Mẫu gồm các trang tính <em>Cán bộ</em>, <em>Đơn vị - Biên chế</em>, <em>Xếp loại</em>, <em>Kỷ luật</em>, <em>Quy hoạch</em>, <em>Quá trình công tác</em>,{' '}
            <em>Đào tạo, bồi dưỡng</em>
            {managesOrg && (
              <>
                {' '}
                và, cho Sở Nội vụ, <em>Tổ chức bộ máy</em> (cây đơn vị: mã, tên, loại, mã đơn vị cấp trên, ngày sắp xếp, biên chế), <em>Vị trí việc làm</em> và{' '}
                <em>Nhu cầu tăng cường</em> (mã xã, phường; vị trí việc làm hoặc lĩnh vực; số người; mức độ; thời gian; lý do)
              </>
            )}
            , có danh sách chọn cho các cột mã hóa (dân tộc, ngạch, đơn vị…) và một dòng ví dụ ở mỗi trang.
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            Ngày ghi theo dạng dd/mm/yyyy. Cột có nền màu cam là bắt buộc. Chỉ các trang tính và các cột có trong tệp được cập nhật; dòng có mã cán bộ đã có trong hệ
            thống được coi là cập nhật hồ sơ.
          </Typography.Paragraph>
          <DownloadButton
            type="primary"
            icon={<FileExcelOutlined />}
            data-testid="download-template"
            download={() => downloadFile(api.GET('/api/imports/template.xlsx', { parseAs: 'blob' }), 'mau-nhap-du-lieu.xlsx')}
          >
            Tải mẫu
          </DownloadButton>
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card type="inner" title="Bước 2. Tải tệp đã điền lên" style={{ height: '100%' }}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Upload.Dragger
              name="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              maxCount={1}
              showUploadList={false}
              disabled={!!sending}
              data-testid="import-dropzone"
              beforeUpload={(file) => {
                const why = refuseFile(file);
                setProblem(why);
                return why ? Upload.LIST_IGNORE : true;
              }}
              customRequest={({ file, onSuccess, onError }) => {
                const f = file as File;
                setSending({ name: f.name, percent: 0 });
                upload.mutate(
                  { file: f, onProgress: (percent) => setSending({ name: f.name, percent }) },
                  {
                    onSuccess: (view) => {
                      onSuccess?.(view);
                      onUploaded(view);
                    },
                    onError: (err) => {
                      setProblem(errorMessage(err));
                      onError?.(err as Error);
                    },
                    onSettled: () => setSending(null),
                  },
                );
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">Kéo thả tệp Excel vào đây, hoặc bấm để chọn tệp</p>
              <p className="ant-upload-hint">Chỉ nhận tệp .xlsx theo mẫu của hệ thống, dung lượng tối đa {MAX_UPLOAD_MB} MB.</p>
            </Upload.Dragger>
            {sending && (
              <div data-testid="upload-progress">
                <Typography.Text>Đang tải lên “{sending.name}”…</Typography.Text>
                <Progress percent={sending.percent} status="active" />
              </div>
            )}
            {problem && (
              <Alert
                type="error"
                showIcon
                title="Không tải lên được tệp"
                description={problem}
                data-testid="upload-problem"
                closable={{ onClose: () => setProblem(null) }}
              />
            )}
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
