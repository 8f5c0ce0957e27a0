import { useState } from 'react';
import { Button, Card, Descriptions, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PLAN_PARAM_LABELS } from '../../../../../common/plan-params';
import { errorMessage } from '../../../api/errors';
import type { PlanParams, PlanVersion } from '../../../api/types';
import { useMe } from '../../../app/auth-context';
import { formatDate, formatDateTime, toIsoDate } from '../../../shared/format';
import { useReference } from '../../../shared/hooks/use-reference';
import { formatParam, PARAM_CLAUSES, PARAM_KEYS, paramChanges, type ParamLookups } from '../components/param-format';
import { ParamsForm } from '../components/params-form';
import { useCurrentPlan, usePlanVersions } from '../hooks/use-plans';

/** Lists shown as tags rather than text. */
const LIST_PARAMS = new Set(['priorityFields', 'nonLocalKeyPosts']);

/**
 * The plan in force and its parameters, each with the point of the plan it comes from; the history of the
 * parameter versions; and, for Sở Nội vụ and the authority, a draft of new parameters with a preview of its effect.
 */
export default function PlanPage() {
  const me = useMe();
  const plan = useCurrentPlan();
  const versions = usePlanVersions();
  const reference = useReference();
  const [editing, setEditing] = useState(false);
  const canSave = me.capabilities.includes('savePlan');
  const canPreview = me.capabilities.includes('previewPlan');

  if (plan.isLoading)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (plan.isError || !plan.data) {
    return <Result status="warning" title="Chưa có kế hoạch đang áp dụng" subTitle={errorMessage(plan.error)} />;
  }
  const p = plan.data;
  const lookups: ParamLookups = {
    ratingName: (code) => reference.data?.ratingName(code) ?? null,
    disciplineFormName: (code) => reference.data?.disciplineForms.find((f) => f.code === code)?.name ?? null,
  };
  const paramValue = (k: keyof PlanParams) =>
    LIST_PARAMS.has(k) ? (
      <Space wrap size={[4, 4]}>
        {(p.params[k] as string[]).map((f) => (
          <Tag key={f}>{f}</Tag>
        ))}
      </Space>
    ) : (
      formatParam(k, p.params, lookups)
    );

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
      <Card
        title={`Tham số áp dụng — phiên bản ${p.version}`}
        extra={
          canPreview &&
          !editing && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-params">
              Điều chỉnh tham số
            </Button>
          )
        }
      >
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 420 } }}
          data-testid="current-params"
          items={PARAM_KEYS.map((k) => ({
            key: k,
            label: (
              <>
                {PLAN_PARAM_LABELS[k]}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontWeight: 'normal' }}>
                  {PARAM_CLAUSES[k]}
                </Typography.Text>
              </>
            ),
            children: paramValue(k),
          }))}
        />
      </Card>
      {editing && (
        <ParamsForm
          key={p.versionId}
          current={p.params}
          issuedOn={p.issuedOn}
          canSave={canSave}
          onSaved={() => setEditing(false)}
          onClose={() => setEditing(false)}
        />
      )}
      <VersionHistory versions={versions.data ?? []} loading={versions.isFetching} currentId={p.versionId} lookups={lookups} />
    </Space>
  );
}

/** Every version of the parameters: when it takes effect, who made it and why, and what it changed from the one before. */
function VersionHistory({ versions, loading, currentId, lookups }: { versions: PlanVersion[]; loading: boolean; currentId: string; lookups: ParamLookups }) {
  const today = toIsoDate(dayjs())!;
  // versions come newest first: each is compared with the next one in the list
  const previous = new Map(versions.map((v, i) => [v.id, versions[i + 1]?.params ?? null]));
  const columns: ColumnsType<PlanVersion> = [
    {
      title: 'Phiên bản',
      dataIndex: 'version',
      width: 120,
      render: (n: number, v) => (
        <Space size={4}>
          <Typography.Text strong>{n}</Typography.Text>
          {v.id === currentId && <Tag color="green">Đang áp dụng</Tag>}
          {v.effectiveFrom > today && <Tag color="blue">Chưa có hiệu lực</Tag>}
        </Space>
      ),
    },
    { title: 'Hiệu lực từ', dataIndex: 'effectiveFrom', width: 120, render: (d: string) => formatDate(d) },
    {
      title: 'Người lập',
      dataIndex: 'createdBy',
      width: 220,
      render: (by: string, v) => (
        <>
          {by}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatDateTime(v.createdAt)}
          </Typography.Text>
        </>
      ),
    },
    { title: 'Lý do, căn cứ', dataIndex: 'note', render: (n: string | null) => n ?? <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: 'Thay đổi so với phiên bản trước',
      key: 'changes',
      render: (_: unknown, v) => {
        const before = previous.get(v.id) ?? null;
        if (!before) return <Typography.Text type="secondary">Phiên bản ban đầu</Typography.Text>;
        const changes = paramChanges(before, v.params, lookups);
        if (!changes.length) return <Typography.Text type="secondary">Không thay đổi tham số</Typography.Text>;
        return (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {changes.map((c) => (
              <li key={c.key}>
                {c.label}: <del style={{ color: '#a8071a', whiteSpace: 'nowrap' }}>{c.before}</del> →{' '}
                <ins style={{ color: '#237804', textDecoration: 'none', whiteSpace: 'nowrap' }}>{c.after}</ins>
              </li>
            ))}
          </ul>
        );
      },
    },
  ];
  return (
    <Card title="Lịch sử phiên bản tham số">
      <Table<PlanVersion>
        data-testid="plan-versions"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={versions}
        loading={loading}
        pagination={versions.length > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: 'Chưa có phiên bản nào' }}
      />
    </Card>
  );
}
