import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, DatePicker, Form, InputNumber, Radio, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REPORT_KIND_LABELS, REPORT_KINDS, REPORT_STATUS_LABELS, type ReportKind } from '../../../../../common/schemas/reports';
import type { ReportSummary } from '../../../api/types';
import { useAuth } from '../../../app/auth-context';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, formatDate, toIsoDate } from '../../../shared/format';
import { draftReport, useReports } from '../hooks/use-reports';

type DraftForm = { kind: ReportKind; from?: dayjs.Dayjs; to?: dayjs.Dayjs; year?: number };

/**
 * The reports (PRODUCT S12): Sở Nội vụ chooses which to draft — the province's report to the People's Committee on
 * the plan's results for any period, or the annual training report to the Ministry of Home Affairs for a calendar year
 * (Decree 171/2025 Art. 39, due before 31 January) — opens it to edit the narrative and issue it; the authority reads them.
 */
export default function ReportsPage() {
  const { may } = useAuth();
  const list = useReports();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DraftForm>();
  const kind = Form.useWatch('kind', form) ?? 'plan131';
  const [open, setOpen] = useState(false);
  const create = useMutation({
    mutationFn: (v: DraftForm) =>
      draftReport(v.kind === 'training_annual' ? { kind: v.kind, year: v.year } : { kind: 'plan131', from: toIsoDate(v.from)!, to: toIsoDate(v.to)! }),
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
    { title: 'Loại báo cáo', dataIndex: 'kind', render: (k: ReportKind) => REPORT_KIND_LABELS[k] },
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
      title="Báo cáo"
      extra={
        may('draftReports') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen((x) => !x)} aria-expanded={open}>
            Lập báo cáo
          </Button>
        )
      }
    >
      {open && (
        <Form form={form} name="draft-report" layout="inline" onFinish={(v) => create.mutate(v)} style={{ marginBottom: 16, rowGap: 8 }}>
          <Form.Item name="kind" label="Loại báo cáo" initialValue="plan131" style={{ width: '100%' }}>
            <Radio.Group options={REPORT_KINDS.map((k) => ({ value: k, label: REPORT_KIND_LABELS[k] }))} />
          </Form.Item>
          {kind === 'training_annual' ? (
            <Form.Item
              name="year"
              label="Năm báo cáo"
              initialValue={new Date().getFullYear() - 1}
              rules={[{ required: true, message: 'Chọn năm báo cáo' }]}
              extra="Gửi Bộ Nội vụ trước ngày 31 tháng 01 năm sau."
            >
              <InputNumber min={2000} max={2100} precision={0} />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="from" label="Từ ngày" rules={[{ required: true, message: 'Chọn ngày đầu kỳ' }]}>
                <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" />
              </Form.Item>
              <Form.Item name="to" label="Đến ngày" rules={[{ required: true, message: 'Chọn ngày cuối kỳ' }]}>
                <DatePicker format={DATE_INPUT_FORMAT} placeholder="dd/mm/yyyy" />
              </Form.Item>
            </>
          )}
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
