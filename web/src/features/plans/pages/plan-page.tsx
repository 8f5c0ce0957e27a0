import { useState } from 'react';
import { Button, Card, Descriptions, Grid, List, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PLAN_PARAM_LABELS } from '../../../../../common/plan-params';
import { errorMessage } from '../../../api/errors';
import type { PlanParams, PlanSummary, PlanVersion } from '../../../api/types';
import { useMe } from '../../../app/auth-context';
import { formatDate, formatDateTime, toIsoDate } from '../../../shared/format';
import { useReference } from '../../../shared/hooks/use-reference';
import { formatParam, PARAM_CLAUSES, PARAM_KEYS, paramChanges, type ParamLookups } from '../components/param-format';
import { ParamsForm } from '../components/params-form';
import { usePlans } from '../hooks/use-plans';
import { CreatePlanForm } from '../components/create-plan-form';
import { PlanIdentity, PlanStatusTag } from '../components/plan-identity';

/** Lists shown as tags rather than text. */
const LIST_PARAMS = new Set(['priorityFields', 'nonLocalKeyPosts']);

/** The version of a plan in force on a date; for a plan not yet in force, its first version. */
function versionOn(plan: PlanSummary, on: string): PlanVersion | undefined {
  // versions come newest first
  return plan.versions.find((v) => v.effectiveFrom <= on) ?? plan.versions[plan.versions.length - 1];
}

/**
 * The province's plans (Plan 131 and those that follow it): each with its identity, its attached text and the
 * history of its parameter versions; the parameters of the chosen plan, each with the point of the plan it comes
 * from; for Sở Nội vụ, "Tạo kế hoạch" (optionally from a template) and, with the authority, a draft of new
 * parameters with a preview of its effect.
 */
export default function PlanPage() {
  const me = useMe();
  const plans = usePlans();
  const reference = useReference();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [creating, setCreating] = useState(false);
  const canSave = me.capabilities.includes('savePlan');
  const canPreview = me.capabilities.includes('previewPlan');
  const canManage = me.capabilities.includes('managePlans');
  const today = toIsoDate(dayjs())!;
  // on a phone the labels go above their values
  const wide = Grid.useBreakpoint().md ?? true;

  if (plans.isLoading)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (plans.isError || !plans.data) return <Result status="warning" title="Không tải được kế hoạch" subTitle={errorMessage(plans.error)} />;
  const items = plans.data.items;
  if (creating)
    return (
      <CreatePlanForm
        defaultIssuedBy={plans.data.defaultIssuedBy}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setSelectedId(id);
        }}
      />
    );
  const createButton = canManage && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-plan">
      Tạo kế hoạch
    </Button>
  );
  if (!items.length) {
    return (
      <Result
        status="info"
        title="Chưa có kế hoạch tăng cường cán bộ"
        subTitle={
          canManage
            ? 'Tạo kế hoạch đã được ban hành (số, ngày, cơ quan ban hành, tham số). Có thể dùng mẫu Kế hoạch 131/KH-UBND rồi sửa cho đúng văn bản của tỉnh, thành phố.'
            : 'Sở Nội vụ chưa nhập kế hoạch. Khi có kế hoạch, chỉ tiêu và kết quả sàng lọc sẽ hiển thị tại đây.'
        }
        extra={createButton}
        data-testid="no-plan"
      />
    );
  }
  const plan = items.find((x) => x.id === selectedId) ?? items.find((x) => x.inForce) ?? items[0];
  const v = versionOn(plan, today);
  const lookups: ParamLookups = {
    ratingName: (code) => reference.data?.ratingName(code) ?? null,
    disciplineFormName: (code) => reference.data?.disciplineForms.find((f) => f.code === code)?.name ?? null,
  };
  const paramValue = (params: PlanParams, k: keyof PlanParams) =>
    LIST_PARAMS.has(k) ? (
      <Space wrap size={[4, 4]}>
        {(params[k] as string[]).map((f) => (
          <Tag key={f}>{f}</Tag>
        ))}
      </Space>
    ) : (
      formatParam(k, params, lookups)
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="Các kế hoạch" extra={createButton}>
        <List
          data-testid="plan-list"
          size="small"
          dataSource={items}
          renderItem={(x) => (
            <List.Item
              onClick={() => {
                setSelectedId(x.id);
                setEditing(false);
              }}
              style={{ cursor: 'pointer', background: x.id === plan.id ? '#e6f4ff' : undefined, paddingInline: 8 }}
              aria-current={x.id === plan.id ? 'true' : undefined}
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Typography.Link strong>Kế hoạch {x.code}</Typography.Link>
                    <PlanStatusTag plan={x} today={today} />
                  </Space>
                }
                description={`Ban hành ${formatDate(x.issuedOn)} · hiệu lực từ ${formatDate(x.effectiveFrom)} · ${x.versions.length} phiên bản tham số`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card title="Kế hoạch">
        <PlanIdentity key={plan.id} plan={plan} canManage={canManage} today={today} />
      </Card>
      {v && (
        <Card
          title={`Tham số áp dụng — phiên bản ${v.version} (hiệu lực từ ${formatDate(v.effectiveFrom)})`}
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
            layout={wide ? 'horizontal' : 'vertical'}
            styles={wide ? { label: { width: 420 } } : undefined}
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
              children: paramValue(v.params, k),
            }))}
          />
        </Card>
      )}
      {editing && v && (
        <ParamsForm
          key={`${plan.id}:${v.id}`}
          planId={plan.id}
          current={v.params}
          issuedOn={plan.effectiveFrom && plan.effectiveFrom > plan.issuedOn ? plan.effectiveFrom : plan.issuedOn}
          canSave={canSave}
          onSaved={() => setEditing(false)}
          onClose={() => setEditing(false)}
        />
      )}
      <VersionHistory versions={plan.versions} loading={plans.isFetching} currentId={plan.inForce ? (v?.id ?? '') : ''} lookups={lookups} />
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
        scroll={{ x: 800 }}
        locale={{ emptyText: 'Chưa có phiên bản nào' }}
      />
    </Card>
  );
}
