import { Alert, Card, Descriptions, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { paths } from '../../../api/schema';
import { formatCoefficient, formatDate, formatNumber } from '../../../shared/format';

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

/**
 * The entitlements of a secondment, each with its clause, amount in đồng, who pays and the explanation. Before
 * the decision they are shown as expected ("Dự kiến").
 */
export function EntitlementsCard({ secondmentId, title = 'Chế độ, chính sách' }: { secondmentId: string; title?: string }) {
  const q = useSecondmentEntitlements(secondmentId);
  const data = q.data;
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
        </Space>
      )}
    </Card>
  );
}
