import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Form, Select, Space, Table } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { CATEGORIES, CATEGORY_LABELS } from '../../../../../common/enums';
import { addDays, vietnamToday } from '../../../../../common/dates';
import { FIGURE_GROUP_LABELS, FIGURE_GROUPS, type FigureGroup } from '../../../../../common/schemas/reports';
import { api } from '../../../api/client';
import type { StatisticsQuery, StatisticsResponse } from '../../../api/types';
import { DownloadButton } from '../../../shared/components/download-button';
import { downloadFile } from '../../../shared/download';
import { DATE_INPUT_FORMAT, formatDate, formatNumber, fromIsoDate, toIsoDate } from '../../../shared/format';
import { UnitTreeSelect } from '../../org/components/unit-tree-select';
import { FiguresChart } from '../components/figures-chart';
import { figureListPath, figureQueryFrom, quickPeriods } from '../hooks/figure-query';
import { useStatistics } from '../hooks/use-statistics';

type Figure = StatisticsResponse['figures'][number];
/** The breakdowns offered: every group of the report but its documents (a list of its own in the report). */
const BREAKDOWNS = FIGURE_GROUPS.filter((g) => g !== 'documents');

/**
 * "Thống kê" (PRODUCT S12): any breakdown of the report as a table and a bar chart, for a period, a unit (its
 * subtree) and a category; the numbers are the report's own (the server computes them by the report's code), each
 * opens the list it counts, and the breakdown exports to .xlsx. Everything chosen lives in the address.
 */
export default function StatisticsPage() {
  const [params, setParams] = useSearchParams();
  const today = vietnamToday();
  const quick = quickPeriods(today);
  const q: StatisticsQuery = figureQueryFrom(params) ?? { from: quick[0].from, to: quick[0].to };
  const group = (BREAKDOWNS as readonly string[]).includes(params.get('group') ?? '') ? (params.get('group') as FigureGroup) : 'target_group';
  const stats = useStatistics(q);
  const set = (patch: Record<string, string | undefined | null>) => {
    const next = new URLSearchParams({ from: q.from, to: q.to, group });
    if (q.unitId) next.set('unitId', q.unitId);
    if (q.category) next.set('category', q.category);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const figures = (stats.data?.figures ?? []).filter((f) => f.group === group);
  const badPeriod = q.to < q.from;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title="Thống kê">
        <Form layout="vertical" name="statistics-filters">
          <Space wrap align="end" size="middle">
            <Form.Item label="Nhóm số liệu" htmlFor="statistics-group" style={{ minWidth: 260, marginBottom: 8 }}>
              <Select<FigureGroup>
                id="statistics-group"
                value={group}
                onChange={(v) => set({ group: v })}
                options={BREAKDOWNS.map((g) => ({ value: g, label: FIGURE_GROUP_LABELS[g] }))}
              />
            </Form.Item>
            <Form.Item label="Từ ngày" htmlFor="statistics-from" style={{ marginBottom: 8 }}>
              <DatePicker
                id="statistics-from"
                format={DATE_INPUT_FORMAT}
                placeholder="dd/mm/yyyy"
                allowClear={false}
                value={fromIsoDate(q.from)}
                onChange={(d) => d && set({ from: toIsoDate(d) })}
              />
            </Form.Item>
            <Form.Item label="Đến ngày" htmlFor="statistics-to" style={{ marginBottom: 8 }}>
              <DatePicker
                id="statistics-to"
                format={DATE_INPUT_FORMAT}
                placeholder="dd/mm/yyyy"
                allowClear={false}
                value={fromIsoDate(q.to)}
                onChange={(d) => d && set({ to: toIsoDate(d) })}
              />
            </Form.Item>
            <Form.Item label="Đơn vị" htmlFor="statistics-unit" style={{ minWidth: 260, marginBottom: 8 }}>
              <UnitTreeSelect
                id="statistics-unit"
                aria-label="Đơn vị"
                value={q.unitId ?? null}
                onChange={(v) => set({ unitId: v })}
                placeholder="Toàn tỉnh, thành phố"
              />
            </Form.Item>
            <Form.Item label="Đối tượng" htmlFor="statistics-category" style={{ minWidth: 160, marginBottom: 8 }}>
              <Select
                id="statistics-category"
                value={q.category ?? ''}
                onChange={(v) => set({ category: v || null })}
                options={[{ value: '', label: 'Tất cả' }, ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))]}
              />
            </Form.Item>
          </Space>
          <Space wrap style={{ marginTop: 4 }}>
            {quick.map((p) => (
              <Button key={p.label} size="small" type={p.from === q.from && p.to === q.to ? 'primary' : 'default'} onClick={() => set({ from: p.from, to: p.to })}>
                {p.label}
              </Button>
            ))}
            <Button size="small" onClick={() => set({ from: addDays(today, -29), to: today })}>
              30 ngày qua
            </Button>
          </Space>
        </Form>
      </Card>

      {badPeriod && <Alert type="error" showIcon message="Ngày cuối kỳ không được trước ngày đầu kỳ." />}
      {stats.isError && !badPeriod && <Alert type="error" showIcon message="Không tải được số liệu thống kê." />}

      <Card
        title={`${FIGURE_GROUP_LABELS[group]}, ${formatDate(q.from)} – ${formatDate(q.to)}`}
        extra={
          <DownloadButton
            icon={<FileExcelOutlined />}
            download={() =>
              downloadFile(api.GET('/api/statistics.xlsx', { params: { query: { ...q, group } }, parseAs: 'blob' }), `thong-ke-${group}-${q.from}-${q.to}.xlsx`)
            }
          >
            Tải .xlsx
          </DownloadButton>
        }
      >
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            {stats.data?.unitName ?? 'Toàn tỉnh, thành phố'}
            {q.category ? ` · ${CATEGORY_LABELS[q.category]}` : ''}. Cùng cách tính với báo cáo kết quả thực hiện kế hoạch; bấm vào số liệu để xem danh sách.
          </div>
          <Table<Figure>
            rowKey="key"
            size="small"
            loading={stats.isFetching}
            pagination={false}
            dataSource={figures}
            columns={[
              { title: 'Chỉ tiêu', dataIndex: 'label' },
              { title: 'Đơn vị tính', dataIndex: 'unit', width: 110 },
              {
                title: 'Số liệu',
                dataIndex: 'value',
                width: 140,
                align: 'right',
                render: (v: number, f) =>
                  f.listed ? (
                    <Link to={figureListPath(f.key, q)} aria-label={`${f.label}: ${formatNumber(v)} ${f.unit}, xem danh sách`}>
                      {formatNumber(v)}
                    </Link>
                  ) : (
                    formatNumber(v)
                  ),
              },
            ]}
          />
          {figures.length > 0 && <FiguresChart figures={figures} title={FIGURE_GROUP_LABELS[group]} />}
        </Space>
      </Card>
    </Space>
  );
}
