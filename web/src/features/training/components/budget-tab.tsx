import { yearOf } from '../../../../../common/dates';
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FUNDING_SOURCE_LABELS, formatVnd } from '../../../../../common/training';
import { api } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import type { TrainingBudgetItem } from '../../../api/types';
import { notifyError } from '../../../app/notify';
import { DownloadButton } from '../../../shared/components/download-button';
import { downloadFile } from '../../../shared/download';
import { formatDate, formatDateTime } from '../../../shared/format';
import { UnitTreeSelect } from '../../org/components/unit-tree-select';
import { useBudgets, useComputeSupplementary, useOverrideBudget, useSetRegularBudget } from '../hooks/use-training';
import { BudgetChart } from './budget-chart';
import { vndFormatter, vndParser } from './course-modal';
import { useProvince } from '../../../shared/hooks/use-province';

const THIS_YEAR = yearOf();
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR + 2 - i);

type Dialog = { kind: 'regular' } | { kind: 'supplementary' } | { kind: 'override'; item: TrainingBudgetItem };

function BudgetDialog({ dialog, year, onClose }: { dialog: Dialog; year: number; onClose(): void }) {
  const [form] = Form.useForm();
  const province = useProvince();
  const regular = useSetRegularBudget();
  const supplementary = useComputeSupplementary();
  const override = useOverrideBudget();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const title =
    dialog.kind === 'regular'
      ? 'Nhập kinh phí đào tạo thường xuyên'
      : dialog.kind === 'supplementary'
        ? 'Tính kinh phí bổ sung năm đầu sau sắp xếp'
        : `Điều chỉnh kinh phí bổ sung: ${dialog.item.unitName}`;
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      if (dialog.kind === 'regular') await regular.mutateAsync({ unitId: v.unitId, year: v.year, amountVnd: v.amountVnd });
      else if (dialog.kind === 'supplementary') {
        const r = await supplementary.mutateAsync({ unitId: v.unitId, year: v.year });
        message.info(`Kinh phí bổ sung tính được: ${formatVnd(r.computedVnd)}`);
      } else await override.mutateAsync({ id: dialog.item.id, amountVnd: v.amountVnd, reason: v.reason.trim() });
      message.success('Đã lưu dự toán');
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.status < 500 && err.status > 0) setError([err.message, ...err.issues.map((i) => i.message)].join(' — '));
      else notifyError(err);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText="Lưu"
      cancelText="Hủy"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={regular.isPending || supplementary.isPending || override.isPending}
    >
      {dialog.kind === 'supplementary' && (
        <Typography.Paragraph type="secondary">
          {province.clause('III.2.d')}: kinh phí bổ sung bằng tỷ lệ của kế hoạch × tổng quỹ lương cơ bản (không gồm phụ cấp) năm đầu sau sắp xếp, tính theo hệ số
          lương của cán bộ đang công tác và mức lương cơ sở từng tháng.
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ year, amountVnd: dialog.kind === 'override' ? dialog.item.amountVnd : undefined }}>
        {dialog.kind !== 'override' && (
          <>
            <Form.Item name="unitId" label="Cơ quan, đơn vị" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
              <UnitTreeSelect aria-label="Cơ quan, đơn vị" />
            </Form.Item>
            <Form.Item name="year" label="Năm">
              <Select options={YEARS.map((y) => ({ value: y, label: String(y) }))} style={{ width: 120 }} />
            </Form.Item>
          </>
        )}
        {dialog.kind !== 'supplementary' && (
          <Form.Item name="amountVnd" label="Số tiền (đồng)" rules={[{ required: true, message: 'Nhập số tiền' }]}>
            <InputNumber<number>
              aria-label="Số tiền (đồng)"
              min={0}
              precision={0}
              step={1_000_000}
              style={{ width: 260 }}
              formatter={vndFormatter}
              parser={vndParser}
            />
          </Form.Item>
        )}
        {dialog.kind === 'override' && (
          <Form.Item name="reason" label="Lý do điều chỉnh" rules={[{ required: true, whitespace: true, message: 'Nhập lý do' }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Budget against committed and spent, per unit and funding source, with the chart of the year and the exports. */
export function BudgetTab({ canEnter, canOverride, canSummarise }: { canEnter: boolean; canOverride: boolean; canSummarise: boolean }) {
  const [year, setYear] = useState(THIS_YEAR + 1);
  const budgets = useBudgets(year);
  const { level } = useProvince();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const data = budgets.data;
  const columns: ColumnsType<TrainingBudgetItem> = [
    {
      title: 'Đơn vị',
      dataIndex: 'unitName',
      render: (n: string, b) => (
        <>
          {n}
          {b.restructuredOn && <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.6)' }}>Sắp xếp xong {formatDate(b.restructuredOn)}</div>}
        </>
      ),
    },
    { title: 'Nguồn kinh phí', dataIndex: 'fundingSource', width: 220, render: (s: TrainingBudgetItem['fundingSource']) => FUNDING_SOURCE_LABELS[s] },
    { title: 'Dự toán', dataIndex: 'amountVnd', width: 170, align: 'right', render: (v: number) => <span data-testid="budget-amount">{formatVnd(v)}</span> },
    {
      title: 'Đã cam kết',
      dataIndex: 'committedVnd',
      width: 170,
      align: 'right',
      render: (v: number) => <span data-testid="budget-committed">{formatVnd(v)}</span>,
    },
    { title: 'Đã chi', dataIndex: 'spentVnd', width: 170, align: 'right', render: (v: number) => <span data-testid="budget-spent">{formatVnd(v)}</span> },
    {
      title: 'Còn lại',
      dataIndex: 'availableVnd',
      width: 170,
      align: 'right',
      render: (v: number) => (v < 0 ? <Typography.Text type="danger">{formatVnd(v)}</Typography.Text> : formatVnd(v)),
    },
    ...(canOverride
      ? [
          {
            title: '',
            key: 'act',
            width: 110,
            render: (_: unknown, b: TrainingBudgetItem) =>
              b.fundingSource === 'supplementary' && (
                <Button size="small" onClick={() => setDialog({ kind: 'override', item: b })}>
                  Điều chỉnh
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="budget-year">Năm</label>
        <Select id="budget-year" value={year} onChange={setYear} options={YEARS.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} />
        {canEnter && <Button onClick={() => setDialog({ kind: 'regular' })}>Nhập kinh phí thường xuyên</Button>}
        {canEnter && <Button onClick={() => setDialog({ kind: 'supplementary' })}>Tính kinh phí bổ sung</Button>}
        <DownloadButton
          download={() => downloadFile(api.GET('/api/training/plan.xlsx', { params: { query: { year } }, parseAs: 'blob' }), `ke-hoach-dao-tao-${year}.xlsx`)}
        >
          Kế hoạch đào tạo (Excel)
        </DownloadButton>
        {canSummarise && (
          <DownloadButton
            download={() => downloadFile(api.GET('/api/training/summary.xlsx', { params: { query: { year } }, parseAs: 'blob' }), `tong-hop-dao-tao-${year}.xlsx`)}
          >
            Tổng hợp toàn {level} (Excel)
          </DownloadButton>
        )}
      </Space>
      {data && (
        <Row gutter={[16, 16]}>
          {data.totals.map((t) => (
            <Col key={t.fundingSource} xs={24} md={12}>
              <Card size="small" title={FUNDING_SOURCE_LABELS[t.fundingSource]}>
                <Row>
                  <Col span={8}>
                    <Statistic title="Dự toán" value={t.amountVnd} formatter={(v) => formatVnd(Number(v))} valueStyle={{ fontSize: 15 }} />
                  </Col>
                  <Col span={8}>
                    <Statistic title="Đã cam kết" value={t.committedVnd} formatter={(v) => formatVnd(Number(v))} valueStyle={{ fontSize: 15 }} />
                  </Col>
                  <Col span={8}>
                    <Statistic title="Đã chi" value={t.spentVnd} formatter={(v) => formatVnd(Number(v))} valueStyle={{ fontSize: 15 }} />
                  </Col>
                </Row>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Table<TrainingBudgetItem>
        data-testid="budget-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={budgets.isFetching}
        pagination={false}
        onRow={(b) => ({ 'data-unit': b.unitName, 'data-source': b.fundingSource }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          rowExpandable: (b) => !!b.computation || !!b.overrideReason,
          expandedRowRender: (b) => (
            <div style={{ fontSize: 13 }} data-testid="budget-formula">
              {b.computation && (
                <>
                  <Typography.Text strong>Cách tính: {b.computation.formula}</Typography.Text>
                  <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
                    {b.computation.lines.map((l) => (
                      <li key={l}>{l}</li>
                    ))}
                  </ul>
                </>
              )}
              {b.overrideReason && (
                <Typography.Text type="warning">
                  Đã điều chỉnh từ {formatVnd(b.computedVnd)} thành {formatVnd(b.amountVnd)} bởi {b.overrideByName} ({formatDateTime(b.overrideAt)}):{' '}
                  {b.overrideReason}
                </Typography.Text>
              )}
            </div>
          ),
        }}
        locale={{ emptyText: 'Chưa có dự toán đào tạo trong năm này' }}
        scroll={{ x: 1100 }}
      />
      {data && (
        <Card title={`Diễn biến kinh phí năm ${year}`} size="small">
          <BudgetChart data={data} />
        </Card>
      )}
      {dialog && <BudgetDialog dialog={dialog} year={year} onClose={() => setDialog(null)} />}
    </Space>
  );
}
