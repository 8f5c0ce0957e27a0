import { Descriptions, Tag, Typography } from 'antd';
import { EMPTY, formatCoefficient, formatNumber } from '../../../shared/format';
import { useReference } from '../../../shared/hooks/use-reference';
import type { PostSnapshot } from '../hooks/secondment-api';

/** A post (the reserved home post or the placement on return): unit, title, leadership, rank and salary. */
export function PostSnapshotView({ post, testId }: { post: PostSnapshot | null; testId?: string }) {
  const reference = useReference();
  if (!post) return <Typography.Text type="secondary">Chưa có thông tin</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid={testId}
      items={[
        { key: 'unit', label: 'Đơn vị', children: post.unitName },
        {
          key: 'title',
          label: 'Chức vụ, chức danh',
          children: (
            <>
              {post.positionTitle ?? EMPTY} {post.isLeader && <Tag color="blue">Lãnh đạo, quản lý</Tag>}
            </>
          ),
        },
        { key: 'allowance', label: 'Hệ số phụ cấp chức vụ', children: formatCoefficient(post.leadershipAllowanceCoef) },
        {
          key: 'rank',
          label: 'Ngạch',
          children: post.rankCode ? `${reference.data?.ranks.find((r) => r.code === post.rankCode)?.name ?? ''} (${post.rankCode})`.trim() : EMPTY,
        },
        { key: 'step', label: 'Bậc lương', children: formatNumber(post.salaryStep) },
        { key: 'coef', label: 'Hệ số lương', children: formatCoefficient(post.salaryCoefficient) },
        ...(post.lowerReason
          ? [
              {
                key: 'lower',
                label: 'Bố trí thấp hơn vị trí được bảo lưu',
                span: 2,
                children: (
                  <>
                    {(post.lowerThanReserved ?? []).join(' ')} <Typography.Text strong>Lý do: {post.lowerReason}</Typography.Text>
                  </>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
