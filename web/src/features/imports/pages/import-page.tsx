import { useEffect, useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Result, Skeleton, Space, Steps } from 'antd';
import { ArrowLeftOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '../../../api/errors';
import type { ImportView } from '../../../api/types';
import { useMe } from '../../../app/auth-context';
import { Forbidden } from '../../../app/guards';
import { notifySuccess } from '../../../app/notify';
import { ChangePreview } from '../components/change-preview';
import { ImportDone } from '../components/import-done';
import { IssueReport } from '../components/issue-report';
import { JobProgress } from '../components/job-progress';
import { RecentImports } from '../components/recent-imports';
import { UploadStep } from '../components/upload-step';
import { useCancelImport, useCommitImport, useImport } from '../hooks/use-imports';
import { canImport } from '../import-roles';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/** Where the import stands in the four steps: upload, check, report, write. */
function stepOf(view: ImportView | undefined): { current: number; status: StepStatus } {
  switch (view?.state) {
    case undefined:
      return { current: 0, status: 'process' };
    case 'uploaded':
    case 'validating':
      return { current: 1, status: 'process' };
    case 'invalid':
      return { current: 2, status: 'error' };
    case 'validated':
      return { current: 2, status: 'process' };
    case 'committing':
      return { current: 3, status: 'process' };
    case 'committed':
      return { current: 3, status: 'finish' };
    case 'failed':
      return { current: view.committedAt ? 3 : 2, status: 'error' };
    case 'cancelled':
      return { current: 1, status: 'error' };
  }
}

/** "Nhập dữ liệu từ Excel": for the personnel officers of units and Sở Nội vụ. */
export default function ImportPage() {
  const me = useMe();
  if (!canImport(me)) return <Forbidden />;
  return <ImportScreen />;
}

function ImportScreen() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const raw = params.get('id');
  const id = raw && UUID.test(raw) ? raw : undefined;
  const current = useImport(id);
  const commit = useCommitImport();
  const cancel = useCancelImport();
  const view = id ? current.data : undefined;

  const open = (importId: string | null) => setParams(importId ? { id: importId } : {});

  // a job that finished changes the recent list; a commit changes the cadre list and the headcounts
  const last = useRef<{ id: string; state: string } | null>(null);
  useEffect(() => {
    const state = view?.state;
    const seen = last.current;
    // only a change of the same import counts (opening another one from the list is not a transition)
    if (view && state && seen && seen.id === view.id && state !== seen.state) {
      void qc.invalidateQueries({ queryKey: ['imports', 'recent'] });
      if (state === 'committed') {
        void qc.invalidateQueries({ queryKey: ['cadres'] });
        void qc.invalidateQueries({ queryKey: ['org-units'] });
        notifySuccess('Đã ghi dữ liệu vào cơ sở dữ liệu');
      }
    }
    last.current = view && state ? { id: view.id, state } : null;
  }, [view, qc]);

  const { current: step, status } = stepOf(view);
  let body: React.ReactNode;
  if (!id) {
    body = <UploadStep onUploaded={(v) => open(v.id)} />;
  } else if (current.isLoading) {
    body = <Skeleton active />;
  } else if (!view) {
    const notFound = isApiError(current.error, 404) || isApiError(current.error, 422);
    body = (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? 'Không tìm thấy lần nhập dữ liệu' : 'Không tải được lần nhập dữ liệu'}
        subTitle={notFound ? 'Lần nhập không tồn tại hoặc do người khác thực hiện.' : errorMessage(current.error)}
        extra={
          <Button type="primary" icon={<UploadOutlined />} onClick={() => open(null)}>
            Chọn tệp khác
          </Button>
        }
      />
    );
  } else {
    switch (view.state) {
      case 'uploaded':
      case 'validating':
      case 'committing':
        body = <JobProgress view={view} cancelling={cancel.isPending} onCancel={() => cancel.mutate(view.id)} />;
        break;
      case 'invalid':
        body = <IssueReport view={view} onChooseAnother={() => open(null)} />;
        break;
      case 'validated':
        body = (
          <ChangePreview
            view={view}
            committing={commit.isPending}
            onCommit={() => commit.mutate(view.id)}
            onCancel={() => {
              // drop it on the server too, so it does not stay "ready to commit" in the recent list
              if (view.allowedActions.includes('cancel')) cancel.mutate(view.id);
              open(null);
            }}
          />
        );
        break;
      case 'committed':
        body = <ImportDone view={view} onAnother={() => open(null)} />;
        break;
      case 'failed':
      case 'cancelled':
        body = (
          <Result
            status={view.state === 'failed' ? 'error' : 'info'}
            title={view.state === 'failed' ? 'Không xử lý được tệp' : 'Đã dừng kiểm tra tệp'}
            subTitle={view.error ?? 'Dữ liệu chưa bị thay đổi.'}
            extra={
              <Button type="primary" icon={<UploadOutlined />} onClick={() => open(null)}>
                Chọn tệp khác
              </Button>
            }
          />
        );
        break;
    }
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="Nhập dữ liệu từ Excel"
        extra={
          <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/cadres')}>
            Danh sách cán bộ
          </Button>
        }
      >
        <Steps
          current={step}
          status={status}
          style={{ marginBottom: 24 }}
          items={[
            { title: 'Tải tệp lên', content: 'Theo mẫu, tệp .xlsx' },
            { title: 'Kiểm tra', content: 'Không ghi gì vào hệ thống' },
            { title: 'Xem kết quả', content: 'Lỗi cần sửa hoặc các thay đổi' },
            { title: 'Ghi dữ liệu', content: 'Toàn bộ hoặc không gì cả' },
          ]}
        />
        {body}
      </Card>
      <RecentImports current={view} onOpen={(i) => open(i)} />
    </Space>
  );
}
