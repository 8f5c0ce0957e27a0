import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Descriptions, Empty, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { ApiError, unwrap } from '../../../api/errors';
import { notifyError } from '../../../app/notify';
import { formatDate, formatNumber } from '../../../shared/format';
import { useRounds } from '../hooks/use-demand';
import { MatchingWhyNot } from './matching-why-not';
import { DEMAND_FIELD_LABELS, type DemandField } from '../../../../../common/demand';

const postOrField = (n: { postTitle: string | null; field: string }) => n.postTitle ?? `Lĩnh vực ${DEMAND_FIELD_LABELS[n.field as DemandField] ?? n.field}`;
type RunResult = Awaited<ReturnType<typeof runMatching>>;
type Pair = { personId: string; needId: string };

const runMatching = (roundId: string) => unwrap(api.POST('/api/matching/runs', { body: { roundId } }));
const acceptPairs = (runId: string, pairs: Pair[]) => unwrap(api.POST('/api/matching/runs/{id}/accept', { params: { path: { id: runId } }, body: { pairs } }));
const checkList = (runId: string, pairs: Pair[]) => unwrap(api.POST('/api/matching/runs/{id}/check', { params: { path: { id: runId } }, body: { pairs } }));
const keyOf = (p: Pair) => `${p.personId}:${p.needId}`;

const points = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 3 });

/**
 * Sở Nội vụ matches the eligible cadres with the approved needs of an approved round: the proposal with the most
 * points under the plan's weights, proven optimal by its certificate; why each pair and why each need left short.
 * Nothing is written but the run itself until the officer accepts the pairs chosen: each becomes a proposal in the
 * secondment path, checked again that day (one failing pair refuses them all, each with its reason). The chosen
 * pairs can also be measured against the optimum (a list drawn up by hand), and a cadre not proposed asked about.
 */
export function MatchingPanel() {
  const rounds = useRounds();
  const approved = (rounds.data ?? []).filter((r) => r.status === 'approved');
  const [roundId, setRoundId] = useState<string | undefined>();
  const current = roundId ?? approved[0]?.id;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [refusals, setRefusals] = useState<string[]>([]);
  const run = useMutation({
    mutationFn: runMatching,
    onError: notifyError,
    meta: { silent: true },
    onSuccess: (x) => {
      setChosen(x.pairs.map(keyOf));
      setAccepted(new Set(x.pairs.filter((p) => p.accepted).map(keyOf)));
      setRefusals([]);
      check.reset();
    },
  });
  const r: RunResult | undefined = run.data;
  const chosenPairs = (r?.pairs ?? []).filter((p) => chosen.includes(keyOf(p)) && !accepted.has(keyOf(p)));
  const accept = useMutation({
    mutationFn: () =>
      acceptPairs(
        r!.id,
        chosenPairs.map((p) => ({ personId: p.personId, needId: p.needId })),
      ),
    meta: { silent: true },
    onSuccess: (x) => {
      setAccepted((prev) => new Set([...prev, ...x.accepted.map(keyOf)]));
      setRefusals([]);
      void queryClient.invalidateQueries({ queryKey: ['secondments'] });
      message.success(`Đã tạo ${formatNumber(x.accepted.length)} đề xuất cử tăng cường`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.issues.length) setRefusals(e.issues.map((i) => i.message));
      else notifyError(e);
    },
  });
  const check = useMutation({
    mutationFn: () =>
      checkList(
        r!.id,
        (r?.pairs ?? []).filter((p) => chosen.includes(keyOf(p))).map((p) => ({ personId: p.personId, needId: p.needId })),
      ),
    onError: notifyError,
    meta: { silent: true },
  });

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
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 8 }}>
            <Popconfirm
              title={`Chấp nhận ${formatNumber(chosenPairs.length)} cặp thành đề xuất cử tăng cường?`}
              description="Mỗi cặp được kiểm tra lại hôm nay; một cặp không còn đạt thì không cặp nào được ghi."
              okText="Chấp nhận"
              cancelText="Hủy"
              onConfirm={() => accept.mutate()}
              disabled={chosenPairs.length === 0}
            >
              <Button type="primary" disabled={chosenPairs.length === 0} loading={accept.isPending} data-testid="matching-accept">
                Chấp nhận {formatNumber(chosenPairs.length)} cặp đã chọn
              </Button>
            </Popconfirm>
            <Button disabled={chosen.length === 0} loading={check.isPending} onClick={() => check.mutate()} data-testid="matching-check">
              So danh sách đã chọn với phương án tối ưu
            </Button>
            {accepted.size > 0 && <Link to="/secondments">Xem các đề xuất trong danh sách cử tăng cường</Link>}
          </div>
          {refusals.length > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 8 }}
              title="Chưa ghi đề xuất nào: các cặp sau không còn đạt hôm nay"
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {refusals.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              }
              data-testid="matching-refusals"
            />
          )}
          {check.data && (
            <Alert
              type={check.data.feasible && check.data.gap === 0 ? 'success' : check.data.feasible ? 'info' : 'warning'}
              showIcon
              style={{ marginBottom: 8 }}
              data-testid="matching-check-result"
              title={
                check.data.feasible
                  ? `Danh sách hợp lệ: ${points(check.data.value)} điểm, kém phương án tối ưu ${points(check.data.gap ?? 0)} điểm (tối ưu ${points(check.data.optimum)}).`
                  : `Danh sách vi phạm ràng buộc: ${check.data.issues.join('; ')}`
              }
            />
          )}
          <Table
            rowKey={keyOf}
            size="small"
            dataSource={r.pairs}
            rowSelection={{
              selectedRowKeys: chosen,
              onChange: (keys) => setChosen(keys.map(String)),
              getCheckboxProps: (p) => ({ 'aria-label': `Chọn cặp ${p.fullName} – ${p.communeName}` }),
            }}
            pagination={{ pageSize: 20, showSizeChanger: true }}
            scroll={{ x: 900 }}
            columns={[
              {
                title: 'Cán bộ',
                dataIndex: 'fullName',
                width: 180,
                render: (v: string, p) => (
                  <Space orientation="vertical" size={2}>
                    <span>{v}</span>
                    {accepted.has(keyOf(p)) && <Tag color="green">Đã thành đề xuất</Tag>}
                  </Space>
                ),
              },
              { title: 'Đơn vị cử', dataIndex: 'sendingUnitName', width: 200 },
              { title: 'Xã, phường', dataIndex: 'communeName', width: 160 },
              { title: 'Vị trí, lĩnh vực', key: 'post', width: 200, render: (_: unknown, p) => postOrField(p) },
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
              { title: 'Vị trí, lĩnh vực', key: 'post', width: 200, render: (_: unknown, u) => postOrField(u) },
              { title: 'Đã ghép / cần', key: 'count', width: 110, render: (_: unknown, u) => `${u.filled}/${u.count}` },
              { title: 'Lý do', dataIndex: 'why' },
            ]}
          />
          <Typography.Title level={5}>Vì sao không đề xuất một cán bộ cho một nhu cầu</Typography.Title>
          <MatchingWhyNot runId={r.id} needs={needOptions(r)} />
        </>
      )}
    </>
  );
}

/** Every need of the run: those with pairs and those left short. */
function needOptions(r: RunResult) {
  const seen = new Map<string, string>();
  for (const n of [...r.pairs, ...r.unfilled]) if (!seen.has(n.needId)) seen.set(n.needId, `${postOrField(n)} — ${n.communeName}`);
  return [...seen].map(([needId, label]) => ({ needId, label }));
}
