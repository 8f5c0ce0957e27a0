import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, DatePicker, Form, InputNumber, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REPORT_KIND_LABELS, REPORT_KINDS, REPORT_STATUS_LABELS, type ReportKind } from '../../../../../common/schemas/reports';
import type { ReportSummary } from '../../../api/types';
import { useAuth, useMe } from '../../../app/auth-context';
import { notifyError } from '../../../app/notify';
import { DATE_INPUT_FORMAT, formatDate, toIsoDate } from '../../../shared/format';
import { draftReport, useReports, type ReportFilter } from '../hooks/use-reports';

type DraftValues = { kind: ReportKind; from?: dayjs.Dayjs; to?: dayjs.Dayjs; year?: number; unitId?: string };

/** The deadline of a report of the plan's schedule, tagged when it is late. */
function DueCell({ r, today }: { r: ReportSummary; today: string }) {
  if (!r.dueOn) return <Typography.Text type="secondary">—</Typography.Text>;
  const days = Math.round((Date.parse(today) - Date.parse(r.dueOn)) / 864e5);
  return (
    <Space orientation="vertical" size={0}>
      <span>{formatDate(r.dueOn)}</span>
      {r.late && (
        <Tag color="red" data-testid="report-late">
          {r.status === 'issued' ? 'Gửi chậm' : `Quá hạn ${days} ngày`}
        </Tag>
      )}
    </Space>
  );
}

/**
 * The reports (PRODUCT S12): Sở Nội vụ chooses which to draft — the province's report to the People's Committee on
 * the plan's results for any period, or the annual training report to the Ministry of Home Affairs for a calendar year
 * (Decree 171/2025 Art. 39, due before 31 January) — opens it to edit the narrative and issue it, and follows the units' reports (filtered by unit and
 * state, the late ones tagged); the authority reads them. A sending unit's head and personnel officer see their
 * unit's reports — those the plan's schedule has drafted and is waiting for, with their deadline — and draft, edit,
 * issue and download their own (the unit preselected; the server keeps them to their own subtree).
 */
export default function ReportsPage() {
  const { may } = useAuth();
  const me = useMe();
  const [filter, setFilter] = useState<ReportFilter>({});
  const list = useReports(filter);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DraftValues>();
  const kind = Form.useWatch('kind', form) ?? 'plan131';
  const [open, setOpen] = useState(false);
  // the units whose own reports the user writes: a sending unit's head or personnel officer (not Sở Nội vụ)
  const provinceWriter = me.grants.some((g) => g.role === 'home_affairs');
  const ownUnits = provinceWriter
    ? []
    : [...new Map(me.grants.filter((g) => (g.role === 'unit_manager' || g.role === 'unit_hr') && g.unitId).map((g) => [g.unitId!, g.unitName ?? g.unitId!]))].map(
        ([value, label]) => ({ value, label }),
      );
  const followsUnits = provinceWriter || me.grants.some((g) => g.role === 'authority');
  const today = toIsoDate(dayjs())!;
  // the units to filter by: those with a report, whatever the filter chosen
  const allUnits = useReports({ issuer: 'units' }, followsUnits);
  const unitOptions = [...new Map((allUnits.data?.items ?? []).map((r) => [r.unitId!, r.unitName ?? ''])).entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  const create = useMutation({
    mutationFn: (v: DraftValues) =>
      draftReport({
        ...(v.kind === 'training_annual' ? { kind: v.kind, year: v.year } : { kind: 'plan131' as const, from: toIsoDate(v.from)!, to: toIsoDate(v.to)! }),
        ...(v.unitId ? { unitId: v.unitId } : {}),
      }),
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
    { title: 'Hạn gửi', key: 'due', width: 150, render: (_: unknown, r) => <DueCell r={r} today={today} /> },
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
        <Form
          form={form}
          name="draft-report"
          layout="inline"
          initialValues={{ kind: 'plan131', year: new Date().getFullYear() - 1, ...(ownUnits.length ? { unitId: ownUnits[0].value } : {}) }}
          onFinish={(v) => create.mutate(v)}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item name="kind" label="Loại báo cáo" style={{ width: '100%' }}>
            <Radio.Group options={REPORT_KINDS.map((k) => ({ value: k, label: REPORT_KIND_LABELS[k] }))} />
          </Form.Item>
          {ownUnits.length > 0 && (
            <Form.Item name="unitId" label="Đơn vị báo cáo" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
              <Select options={ownUnits} style={{ minWidth: 240 }} />
            </Form.Item>
          )}
          {kind === 'training_annual' ? (
            <Form.Item
              name="year"
              label="Năm báo cáo"
              rules={[{ required: true, message: 'Chọn năm báo cáo' }]}
              extra={ownUnits.length ? 'Gửi Sở Nội vụ để tổng hợp báo cáo Bộ Nội vụ.' : 'Gửi Bộ Nội vụ trước ngày 31 tháng 01 năm sau.'}
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
      {followsUnits && (
        <Space wrap style={{ marginBottom: 16 }} data-testid="report-filters">
          <Select
            aria-label="Báo cáo của"
            allowClear
            placeholder="Tất cả báo cáo"
            style={{ width: 240 }}
            value={filter.issuer}
            onChange={(issuer) => setFilter((f) => ({ ...f, issuer }))}
            options={[
              { value: 'province', label: 'Báo cáo của Sở Nội vụ' },
              { value: 'units', label: 'Báo cáo của các đơn vị' },
            ]}
          />
          <Select
            aria-label="Đơn vị"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="Tất cả đơn vị"
            style={{ width: 280 }}
            value={filter.unitId}
            onChange={(unitId) => setFilter((f) => ({ ...f, unitId }))}
            options={unitOptions}
          />
          <Select
            aria-label="Trạng thái"
            allowClear
            placeholder="Mọi trạng thái"
            style={{ width: 200 }}
            value={filter.status}
            onChange={(status) => setFilter((f) => ({ ...f, status }))}
            options={[
              { value: 'draft', label: REPORT_STATUS_LABELS.draft },
              { value: 'issued', label: REPORT_STATUS_LABELS.issued },
              { value: 'late', label: 'Quá hạn, gửi chậm' },
            ]}
          />
        </Space>
      )}
      {ownUnits.length > 0 && (
        <Typography.Paragraph type="secondary">
          Báo cáo của đơn vị gửi Sở Nội vụ. Hệ thống tự lập dự thảo khi đến kỳ báo cáo của kế hoạch; đơn vị hoàn thiện nội dung và ban hành trước hạn gửi.
        </Typography.Paragraph>
      )}
      <Table<ReportSummary>
        scroll={{ x: 720 }}
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={false}
      />
    </Card>
  );
}
