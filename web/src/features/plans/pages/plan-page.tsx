import { Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { errorMessage, unwrap } from '../../../api/errors';
import type { PlanParams } from '../../../api/types';
import { formatDate, formatNumber, formatPercent } from '../../../shared/format';
import { useReference } from '../../../shared/hooks/use-reference';

const ROUNDING_LABELS: Record<PlanParams['quotaRounding'], string> = {
  nearest: 'làm tròn theo quy tắc thông thường',
  floor: 'làm tròn xuống',
  ceil: 'làm tròn lên',
};

const WEIGHT_LABELS: Record<keyof PlanParams['priorityWeights'], string> = {
  young: 'Trẻ tuổi',
  female: 'Nữ',
  ethnicMinority: 'Người dân tộc thiểu số',
  outstandingRating: 'Hoàn thành xuất sắc nhiệm vụ',
};

/** The plan in force and its parameters, read-only, each with the point of the plan it comes from. */
export default function PlanPage() {
  const plan = useQuery({ queryKey: ['plans', 'current'], queryFn: () => unwrap(api.GET('/api/plans/current')), meta: { silent: true } });
  const reference = useReference();

  if (plan.isLoading) return <Card><Skeleton active /></Card>;
  if (plan.isError || !plan.data) {
    return <Result status="warning" title="Chưa có kế hoạch đang áp dụng" subTitle={errorMessage(plan.error)} />;
  }
  const p = plan.data;
  const x = p.params;
  const months = (n: number) => `${formatNumber(n)} tháng`;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="Kế hoạch">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {p.title}
        </Typography.Title>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'code', label: 'Số, ký hiệu', children: p.code },
            { key: 'issuedBy', label: 'Cơ quan ban hành', children: p.issuedBy },
            { key: 'issuedOn', label: 'Ngày ban hành', children: formatDate(p.issuedOn) },
            { key: 'version', label: 'Phiên bản tham số', children: `${p.version} (hiệu lực từ ${formatDate(p.effectiveFrom)})` },
            ...(p.note ? [{ key: 'note', label: 'Ghi chú', children: p.note, span: 2 }] : []),
          ]}
        />
      </Card>
      <Card title="Tham số áp dụng">
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 380 } }}
          items={[
            {
              key: 'quota',
              label: 'Tỷ lệ cử đi tăng cường trên biên chế được giao (mục III.1.c)',
              children: `${formatPercent(x.quotaRate)}, ${ROUNDING_LABELS[x.quotaRounding]}`,
            },
            { key: 'months', label: 'Thời gian tăng cường tối thiểu (mục III.1.c)', children: months(x.minSecondmentMonths) },
            {
              key: 'rating',
              label: 'Xếp loại chất lượng được xét (mục I.3)',
              children: `${formatNumber(x.ratingYearsConsidered)} năm gần nhất, tối thiểu “${reference.data?.ratingName(x.minRatingCode) ?? x.minRatingCode}”`,
            },
            { key: 'health', label: 'Thời hạn giấy chứng nhận sức khỏe', children: months(x.healthCertificateMonths) },
            { key: 'service', label: 'Thời gian công tác còn lại tối thiểu trước khi nghỉ hưu', children: months(x.minServiceLeftMonths) },
            { key: 'young', label: 'Tuổi được coi là trẻ (ưu tiên, mục I.3)', children: `Từ ${formatNumber(x.youngAgeThreshold)} tuổi trở xuống` },
            { key: 'report', label: 'Kỳ báo cáo của cán bộ tăng cường (mục IV.2)', children: `${formatNumber(x.reportPeriodMonths)} tháng một lần` },
            {
              key: 'budget',
              label: 'Kinh phí đào tạo bổ sung năm đầu sau sắp xếp (mục III.2.d)',
              children: `${formatPercent(x.trainingBudgetRate)} tổng quỹ lương cơ bản (không gồm phụ cấp)`,
            },
            {
              key: 'fields',
              label: 'Lĩnh vực ưu tiên đào tạo (mục III.2.c)',
              children: (
                <Space wrap size={[4, 4]}>
                  {x.priorityFields.map((f) => (
                    <Tag key={f}>{f}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'nonLocal',
              label: 'Chức danh không bố trí người địa phương (mục I.2)',
              children: (
                <Space wrap size={[4, 4]}>
                  {x.nonLocalKeyPosts.map((f) => (
                    <Tag key={f}>{f}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'weights',
              label: 'Trọng số ưu tiên khi xếp thứ tự (mục I.3)',
              children: (Object.keys(WEIGHT_LABELS) as (keyof PlanParams['priorityWeights'])[])
                .map((k) => `${WEIGHT_LABELS[k]}: ${formatNumber(x.priorityWeights[k])}`)
                .join('; '),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
