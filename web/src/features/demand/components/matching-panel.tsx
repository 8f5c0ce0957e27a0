import { useState } from 'react';
import { Alert, Button, Descriptions, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { formatDate, formatNumber } from '../../../shared/format';
import { useRounds } from '../hooks/use-demand';
type RunResult = Awaited<ReturnType<typeof runMatching>>;

const runMatching = (roundId: string) => unwrap(api.POST('/api/matching/runs', { body: { roundId } }));

const points = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 3 });

/**
 * Sở Nội vụ matches the eligible cadres with the approved needs of an approved round: the proposal with the most
 * points under the plan's weights, proven optimal by its certificate; why each pair and why each need left short.
 * Nothing is written but the run itself (accepting pairs into proposals comes with the secondment path).
 */
export function MatchingPanel() {
  const rounds = useRounds();
  const approved = (rounds.data ?? []).filter((r) => r.status === 'approved');
  const [roundId, setRoundId] = useState<string | undefined>();
  const current = roundId ?? approved[0]?.id;
  const run = useMutation({ mutationFn: runMatching, onError: notifyError, meta: { silent: true } });
  const r: RunResult | undefined = run.data;

  if (!rounds.isLoading && approved.length === 0) return <Empty description="Chưa có đợt tổng hợp nhu cầu nào được phê duyệt" />;
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <Select
          aria-label="Đợt tổng hợp đã phê duyệt"
          style={{ width: 360, maxWidth: '100%', minWidth: 0 }}
          value={current}
          onChange={setRoundId}
          options={approved.map((x) => ({ value: x.id, label: `${x.name} (QĐ ${x.decisionNo ?? ''} ngày ${formatDate(x.approvedOn)})` }))}
        />
        <Button type="primary" disabled={!current} loading={run.isPending} onClick={() => current && run.mutate(current)} data-testid="matching-run">
          Ghép cán bộ với nhu cầu
        </Button>
      </div>
      {r && (
        <>
          <Alert
            type={r.proven ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={
              r.proven
                ? `Phương án tối ưu đã được chứng minh: ${points(r.objective)} điểm (cận trên ${points(r.bound)} điểm), không phương án nào được nhiều điểm hơn.`
                : `Chưa chứng minh được tối ưu: ${points(r.objective)} điểm, cận trên ${points(r.bound)} điểm.`
            }
          />
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="Cán bộ đủ điều kiện">{formatNumber(r.stats.candidates)}</Descriptions.Item>
            <Descriptions.Item label="Nhu cầu">{formatNumber(r.stats.needs)}</Descriptions.Item>
            <Descriptions.Item label="Cặp được phép">{formatNumber(r.stats.allowedPairs)}</Descriptions.Item>
            <Descriptions.Item label="Cặp đề xuất">{formatNumber(r.pairs.length)}</Descriptions.Item>
            <Descriptions.Item label="Nhu cầu chưa đủ">{formatNumber(r.unfilled.length)}</Descriptions.Item>
            <Descriptions.Item label="Thời gian giải">{formatNumber(Math.round(r.stats.solveMs))} ms</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>Cặp đề xuất</Typography.Title>
          <Table
            rowKey={(p) => `${p.personId}:${p.needId}`}
            size="small"
            dataSource={r.pairs}
            pagination={{ pageSize: 20, showSizeChanger: true }}
            scroll={{ x: 900 }}
            columns={[
              { title: 'Cán bộ', dataIndex: 'fullName', width: 180 },
              { title: 'Đơn vị cử', dataIndex: 'sendingUnitName', width: 200 },
              { title: 'Xã, phường', dataIndex: 'communeName', width: 160 },
              { title: 'Vị trí, lĩnh vực', key: 'post', width: 200, render: (_: unknown, p) => p.postTitle ?? p.field },
              { title: 'Điểm', key: 'points', width: 80, align: 'right', render: (_: unknown, p) => points(p.points.total) },
              {
                title: 'Vì sao',
                dataIndex: 'why',
                render: (v: string, p) => (
                  <Space orientation="vertical" size={2}>
                    <span>{v}</span>
                    <span>
                      {p.priorityParts.map((x) => (
                        <Tag key={x.factor}>{x.label}</Tag>
                      ))}
                    </span>
                  </Space>
                ),
              },
            ]}
          />
          <Typography.Title level={5}>Nhu cầu chưa đủ người</Typography.Title>
          <Table
            rowKey="needId"
            size="small"
            dataSource={r.unfilled}
            pagination={{ pageSize: 20 }}
            locale={{ emptyText: 'Mọi nhu cầu đều đã có người' }}
            scroll={{ x: 700 }}
            columns={[
              { title: 'Xã, phường', dataIndex: 'communeName', width: 160 },
              { title: 'Vị trí, lĩnh vực', key: 'post', width: 200, render: (_: unknown, u) => u.postTitle ?? u.field },
              { title: 'Đã ghép / cần', key: 'count', width: 110, render: (_: unknown, u) => `${u.filled}/${u.count}` },
              { title: 'Lý do', dataIndex: 'why' },
            ]}
          />
        </>
      )}
    </>
  );
}
