import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, List, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { PAYMENT_KIND_LABELS } from '../../../../../common/entitlement-payments';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { paths } from '../../../api/schema';
import { formatCoefficient, formatDate, formatNumber } from '../../../shared/format';
import { RecordPaymentModal, ReversePaymentModal, type EntitlementPayment } from './entitlement-payment-modals';

type EntitlementsResponse = paths['/api/secondments/{id}/entitlements']['get']['responses'][200]['content']['application/json'];
type Entitlement = EntitlementsResponse['entitlements'][number];

const STATE_COLORS: Record<Entitlement['state'], string> = {
  expected: 'blue',
  entitled: 'green',
  done: 'cyan',
  pending: 'gold',
  not_applicable: 'default',
};

/** An amount in đồng, vi-VN: "23.400.000 đồng". */
export const formatVnd = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${formatNumber(n)} đồng`);

/** The entitlements of one secondment (Decree 178/2024 Art. 12 cl. 1), read from the API (the read is logged). */
export function useSecondmentEntitlements(id: string | null | undefined) {
  return useQuery({
    queryKey: ['secondments', id, 'entitlements'],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/secondments/{id}/entitlements', { params: { path: { id: id! } } })),
  });
}

function Amount({ e }: { e: Entitlement }) {
  if (e.code === 'keep_salary' && e.periods?.length) {
    return (
      <Space orientation="vertical" size={0}>
        {e.periods.map((p) => (
          <Typography.Text key={p.from}>
            {p.to ? `Từ ${formatDate(p.from)} đến ${formatDate(p.to)}` : `Từ ${formatDate(p.from)}`}: <strong>{formatVnd(p.monthlyVnd)}</strong>/tháng
            <Typography.Text type="secondary"> (lương cơ sở {formatVnd(p.baseSalaryVnd)})</Typography.Text>
          </Typography.Text>
        ))}
      </Space>
    );
  }
  if (e.code === 'extra_step' && e.step && e.step.stepBefore !== null) {
    return (
      <Typography.Text>
        Bậc {e.step.stepBefore} (hệ số {formatCoefficient(e.step.coefficientBefore)})
        {e.step.stepAfter !== null ? (
          <>
            {' '}
            →{' '}
            <strong>
              bậc {e.step.stepAfter} (hệ số {formatCoefficient(e.step.coefficientAfter)})
            </strong>
          </>
        ) : e.step.atLastStep ? (
          ' — bậc cuối của ngạch'
        ) : null}
      </Typography.Text>
    );
  }
  if (e.amountVnd !== null) return <Typography.Text strong>{formatVnd(e.amountVnd)}</Typography.Text>;
  return null;
}

/** Whether a line was paid: the total of the payments standing, or due and not yet paid. */
function PaymentTag({ e }: { e: Entitlement }) {
  if (e.paymentStatus === 'paid') return <Tag color="green">Đã chi trả: {formatVnd(e.paidVnd)}</Tag>;
  if (e.paymentStatus === 'unpaid') return <Tag color="orange">Chưa chi trả</Tag>;
  return null;
}

/**
 * The entitlements of a secondment, each with its clause, amount in đồng, who pays and the explanation, whether it
 * was paid and, for the paying side, the action to record a payment; the payments and reversals recorded. Before
 * the decision they are shown as expected ("Dự kiến").
 */
export function EntitlementsCard({ secondmentId, title = 'Chế độ, chính sách' }: { secondmentId: string; title?: string }) {
  const q = useSecondmentEntitlements(secondmentId);
  const data = q.data;
  const [paying, setPaying] = useState<Entitlement | null>(null);
  const [reversing, setReversing] = useState<EntitlementPayment | null>(null);
  const titleOf = (code: string) => data?.entitlements.find((e) => e.code === code)?.title ?? code;
  return (
    <Card title={title} size="small" extra={data?.tentative ? <Tag color="blue">Dự kiến</Tag> : null} data-testid="entitlements-card">
      {q.isLoading ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : q.isError ? (
        <Alert type="error" showIcon title="Không tải được chế độ, chính sách." description={(q.error as Error).message} />
      ) : !data ? null : !data.applies ? (
        <Empty description={data.note} />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{data.note}</Typography.Text>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="Ngày bắt đầu">{formatDate(data.startDate, 'Chưa xác định')}</Descriptions.Item>
            <Descriptions.Item label="Nơi đến">
              {data.hostUnitName ?? 'Chưa xác định'}
              {data.hostEspeciallyDisadvantaged ? (
                <Tag color="volcano" style={{ marginLeft: 8 }}>
                  Vùng ĐBKK
                </Tag>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label="Lương cơ sở áp dụng">
              {data.baseSalaryOnStart ? `${formatVnd(data.baseSalaryOnStart.amountVnd)} (${data.baseSalaryOnStart.instrument})` : '—'}
            </Descriptions.Item>
          </Descriptions>
          <List
            dataSource={data.entitlements}
            rowKey="code"
            renderItem={(e) => (
              <List.Item data-testid={`entitlement-${e.code}`} style={{ background: e.applies ? undefined : '#fafafa' }}>
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{e.title}</Typography.Text>
                    <Tag color={STATE_COLORS[e.state]}>{e.stateLabel}</Tag>
                    <PaymentTag e={e} />
                    {e.allowedActions.includes('recordPayment') && (
                      <Button size="small" onClick={() => setPaying(e)} data-testid={`record-payment-${e.code}`}>
                        Ghi nhận đã chi trả
                      </Button>
                    )}
                  </Space>
                  <Amount e={e} />
                  {e.payer ? <Typography.Text type="secondary">Chi trả: {e.payer}</Typography.Text> : null}
                  <Typography.Text>{e.explanation}</Typography.Text>
                  <Typography.Text type="secondary" italic style={{ fontSize: 12 }}>
                    Căn cứ: {e.clause}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          {data.payments.length > 0 && (
            <Table<EntitlementPayment>
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 640 }}
              title={() => <Typography.Text strong>Các khoản đã ghi nhận chi trả</Typography.Text>}
              dataSource={data.payments}
              columns={[
                { title: 'Ngày', dataIndex: 'paidOn', width: 100, render: (v: string) => formatDate(v) },
                { title: 'Khoản', dataIndex: 'code', render: (c: string, p) => `${PAYMENT_KIND_LABELS[p.kind]}: ${titleOf(c)}` },
                { title: 'Số tiền', dataIndex: 'amountVnd', align: 'right', render: (v: number, p) => (p.kind === 'reversal' ? `−${formatVnd(v)}` : formatVnd(v)) },
                { title: 'Chứng từ', dataIndex: 'voucherNo', width: 110 },
                {
                  title: 'Ghi chú',
                  key: 'note',
                  render: (_: unknown, p) =>
                    p.kind === 'reversal' ? `Lý do: ${p.reason ?? ''}` : p.reversedById ? <Tag>Đã hủy</Tag> : (p.note ?? `Người ghi: ${p.recordedByName}`),
                },
                {
                  title: '',
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, p) =>
                    p.allowedActions.includes('reverse') ? (
                      <Button size="small" danger onClick={() => setReversing(p)}>
                        Hủy
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
        </Space>
      )}
      {paying && <RecordPaymentModal secondmentId={secondmentId} line={paying} onClose={() => setPaying(null)} />}
      {reversing && <ReversePaymentModal secondmentId={secondmentId} payment={reversing} onClose={() => setReversing(null)} />}
    </Card>
  );
}
