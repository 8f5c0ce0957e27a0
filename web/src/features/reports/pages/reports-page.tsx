import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, DatePicker, Form, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REPORT_STATUS_LABELS } from '../../../../../common/schemas/reports';
import type { ReportSummary } from '../../../api/types';
import { useAuth } from '../../../app/auth-context';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, formatDate, toIsoDate } from '../../../shared/format';
import { draftReport, useReports } from '../hooks/use-reports';

/**
 * The reports on the plan's results (PRODUCT S12): Sở Nội vụ drafts the province's report to the People's Committee
 * for any period, opens it to edit the narrative and issue it; the authority reads them.
 */
export default function ReportsPage() {
  const { may } = useAuth();
  const list = useReports();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ from: dayjs.Dayjs; to: dayjs.Dayjs }>();
  const [open, setOpen] = useState(false);
  const create = useMutation({
    mutationFn: (v: { from: dayjs.Dayjs; to: dayjs.Dayjs }) => draftReport({ from: toIsoDate(v.from)!, to: toIsoDate(v.to)! }),
    meta: { silent: true },
    onError: notifyError,
    onSuccess: async (r) => {
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
      navigate(`/reports/${r.id}`);
    },
  });

  const columns: ColumnsType<ReportSummary> = [
    {
      title: 'Kỳ báo cáo',
      key: 'period',
      render: (_: unknown, r) => <Link to={`/reports/${r.id}`}>{`${formatDate(r.periodFrom)} – ${formatDate(r.periodTo)}`}</Link>,
    },
    { title: 'Phạm vi', key: 'scope', render: (_: unknown, r) => r.unitName ?? 'Toàn tỉnh, thành phố' },
    {
      title: 'Trạng thái',
      dataIndex: 'status',
      width: 140,
      render: (v: ReportSummary['status']) => <Tag color={v === 'issued' ? 'green' : 'blue'}>{REPORT_STATUS_LABELS[v]}</Tag>,
    },
    { title: 'Số', dataIndex: 'number', width: 140, render: (v: string | null) => v ?? '—' },
    { title: 'Ngày ban hành', dataIndex: 'issuedOn', width: 130, render: (v: string | null) => formatDate(v) },
  ];

  return (
    <Card
      title="Báo cáo kết quả thực hiện kế hoạch"
      extra={
        may('draftReports') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen((x) => !x)} aria-expanded={open}>
            Lập báo cáo
          </Button>
        )
      }
    >
      {open && (
        <Form form={form} name="draft-report" layout="inline" onFinish={(v) => create.mutate(v)} style={{ marginBottom: 16 }}>
          <Form.Item name="from" label="Từ ngày" rules={[{ required: true, message: 'Chọn ngày đầu kỳ' }]}>
            <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" />
          </Form.Item>
          <Form.Item name="to" label="Đến ngày" rules={[{ required: true, message: 'Chọn ngày cuối kỳ' }]}>
            <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={create.isPending}>
                Lập dự thảo
              </Button>
              <Typography.Text type="secondary">Số liệu được tính từ dữ liệu, không nhập tay.</Typography.Text>
            </Space>
          </Form.Item>
        </Form>
      )}
      <Table<ReportSummary> rowKey="id" size="middle" loading={list.isLoading} columns={columns} dataSource={list.data?.items ?? []} pagination={false} />
    </Card>
  );
}
