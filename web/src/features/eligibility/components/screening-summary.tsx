import { Card, Col, Row, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CRITERIA, CRITERION_LABELS, VERDICTS, VERDICT_LABELS, type Criterion, type Verdict } from '../../../../../common/eligibility';
import type { ScreeningSummary } from '../../../api/types';
import { formatNumber } from '../../../shared/format';
import type { ScreeningFilters } from '../hooks/use-screening-filters';
import { RESULT_DOT_COLORS, RESULT_TEXT_COLORS } from './eligibility-labels';

const VERDICT_TILE_COLORS: Record<Verdict, string> = { eligible: '#389e0d', not_eligible: '#cf1322', needs_info: '#d46b08' };

interface Props {
  summary: ScreeningSummary;
  filters: ScreeningFilters;
  update(patch: Partial<ScreeningFilters>): void;
}

/** Counts by verdict (tiles that filter the list) over everyone screened, before the verdict, criterion and group filters. */
export function VerdictTiles({ summary, filters, update }: Props) {
  const tile = (key: Verdict | 'all', label: string, value: number, color: string) => {
    const active = key === 'all' ? !filters.verdict : filters.verdict === key;
    return (
      <Col xs={12} md={6} xl={12} key={key}>
        <Card
          size="small"
          hoverable
          role="button"
          tabIndex={0}
          aria-pressed={active}
          data-testid={`tile-${key}`}
          onClick={() => update(key === 'all' ? { verdict: undefined, failing: undefined } : { verdict: key })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              update(key === 'all' ? { verdict: undefined, failing: undefined } : { verdict: key });
            }
          }}
          style={{ borderColor: active ? color : undefined, borderWidth: active ? 2 : 1, cursor: 'pointer' }}
        >
          <Typography.Text type="secondary">{label}</Typography.Text>
          <div style={{ fontSize: 26, fontWeight: 600, color, lineHeight: 1.3 }} data-testid={`tile-${key}-value`}>
            {formatNumber(value)}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {key === 'all' ? 'người được sàng lọc' : summary.total ? `${formatNumber(Math.round((value / summary.total) * 1000) / 10)} % tổng số` : ' '}
          </Typography.Text>
        </Card>
      </Col>
    );
  };
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {tile('all', 'Tổng số', summary.total, '#1d4f91')}
      {VERDICTS.map((v) => tile(v, VERDICT_LABELS[v], summary.byVerdict[v] ?? 0, VERDICT_TILE_COLORS[v]))}
    </Row>
  );
}

interface BreakdownRow {
  criterion: Criterion;
  fail: number;
  unknown: number;
}

/**
 * How many people fail, or lack information for, each criterion. A "fail" count shows the people not eligible who
 * have not passed the criterion; an "unknown" count shows exactly those who need information on it.
 */
export function CriterionBreakdown({ summary, filters, update }: Props) {
  const rows: BreakdownRow[] = CRITERIA.map((c) => ({ criterion: c, fail: summary.byFailing[c] ?? 0, unknown: summary.byUnknown[c] ?? 0 })).filter(
    (r) => r.fail > 0 || r.unknown > 0,
  );
  const max = Math.max(1, ...rows.map((r) => r.fail + r.unknown));
  const link = (n: number, c: Criterion, verdict: Verdict, color: string, what: string) =>
    n > 0 ? (
      <Typography.Link
        onClick={() => update({ failing: c, verdict })}
        strong={filters.failing === c && filters.verdict === verdict}
        aria-label={`${formatNumber(n)} người ${what}: ${CRITERION_LABELS[c]}`}
        style={{ color }}
      >
        {formatNumber(n)}
      </Typography.Link>
    ) : (
      <Typography.Text type="secondary">0</Typography.Text>
    );

  const columns: ColumnsType<BreakdownRow> = [
    {
      title: 'Tiêu chí',
      dataIndex: 'criterion',
      render: (c: Criterion) => (
        <Typography.Link onClick={() => update({ failing: c, verdict: undefined })} strong={filters.failing === c} style={{ color: 'inherit' }}>
          {CRITERION_LABELS[c]}
        </Typography.Link>
      ),
    },
    {
      title: 'Không đạt',
      dataIndex: 'fail',
      width: 90,
      align: 'right',
      render: (n: number, r) => link(n, r.criterion, 'not_eligible', RESULT_TEXT_COLORS.fail, 'không đạt'),
    },
    {
      title: 'Thiếu thông tin',
      dataIndex: 'unknown',
      width: 110,
      align: 'right',
      render: (n: number, r) => link(n, r.criterion, 'needs_info', RESULT_TEXT_COLORS.unknown, 'thiếu thông tin'),
    },
    {
      title: '',
      key: 'bar',
      width: 140,
      render: (_: unknown, r) => (
        <div style={{ display: 'flex', height: 10, background: '#f5f5f5', borderRadius: 2, overflow: 'hidden' }} aria-hidden>
          <div style={{ width: `${(r.fail / max) * 100}%`, background: RESULT_DOT_COLORS.fail }} />
          <div style={{ width: `${(r.unknown / max) * 100}%`, background: RESULT_DOT_COLORS.unknown }} />
        </div>
      ),
    },
  ];

  return (
    <Card size="small" title="Tiêu chí chưa đạt" style={{ marginBottom: 12 }} data-testid="criterion-breakdown">
      <Table<BreakdownRow>
        rowKey="criterion"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: 'Tất cả đều đạt các tiêu chí' }}
      />
    </Card>
  );
}
