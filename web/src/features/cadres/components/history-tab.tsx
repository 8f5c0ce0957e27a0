import { useState } from 'react';
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  CATEGORY_LABELS,
  EDUCATION_LABELS,
  GENDER_LABELS,
  HEALTH_LABELS,
  PERSON_STATUS_LABELS,
  POLITICAL_THEORY_LABELS,
  TRAINING_KIND_LABELS,
} from '../../../../../common/enums';
import type { HistoryEntry } from '../../../api/types';
import { formatCoefficient, formatDate, formatDateTime } from '../../../shared/format';
import { useReference, type ReferenceLists } from '../../../shared/hooks/use-reference';
import { useAuth } from '../../../app/auth-context';
import { useOrgUnits } from '../../org/hooks/use-org-units';
import { useCadreHistory } from '../hooks/use-cadre-profile';
import { ACTION_LABELS, ENTITY_LABELS, FIELD_LABELS, fieldLabel } from './field-labels';

const FIELD_ORDER = new Map(Object.keys(FIELD_LABELS).map((k, i) => [k, i]));
const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', delete: 'red' };
const HIDDEN_KEYS = new Set(['id', 'personId']);
const ENUM_LABELS: Record<string, Record<string, string>> = {
  gender: GENDER_LABELS,
  category: CATEGORY_LABELS,
  status: PERSON_STATUS_LABELS,
  educationLevel: EDUCATION_LABELS,
  politicalTheory: POLITICAL_THEORY_LABELS,
  healthStatus: HEALTH_LABELS,
  kind: TRAINING_KIND_LABELS,
};

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The fields an audit entry changed: for an edit, those that differ; for an addition or removal, those with a value. */
export function changesOf(entry: Pick<HistoryEntry, 'action' | 'before' | 'after'>): FieldChange[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !HIDDEN_KEYS.has(k));
  // in the order of the form, not the order the database stored the keys in
  const rank = (k: string) => (FIELD_ORDER.has(k) ? FIELD_ORDER.get(k)! : Number.MAX_SAFE_INTEGER);
  keys.sort((a, b) => rank(a) - rank(b));
  return keys
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }))
    .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
}

type Lookups = { reference?: ReferenceLists; unitName(id: string): string | undefined };

/** A recorded value as the user reads it: dates dd/mm/yyyy, codes by their names, empty as "(trống)". */
export function formatHistoryValue(field: string, v: unknown, l: Lookups): string {
  if (v === null || v === undefined || v === '') return '(trống)';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (ENUM_LABELS[field]?.[s]) return ENUM_LABELS[field][s];
  if (field === 'levelCode') return l.reference?.ratingName(s) ?? s;
  if (field === 'ethnicCode') return l.reference?.ethnicGroups.find((g) => g.code === s)?.name ?? s;
  if (field === 'rankCode') return l.reference?.ranks.find((r) => r.code === s)?.name ?? s;
  if (field === 'formCode') return l.reference?.disciplineForms.find((f) => f.code === s)?.name ?? s;
  if (field === 'unitId') return l.unitName(s) ?? s;
  if (field === 'salaryCoefficient' || field === 'leadershipAllowanceCoef') return formatCoefficient(s);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDate(s);
  return s;
}

/** "Lịch sử thay đổi": who changed what in the record, when, with each field's old and new value. */
export function HistoryTab({ personId }: { personId: string }) {
  const { can } = useAuth();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const history = useCadreHistory(personId, page, pageSize, true);
  const reference = useReference();
  // unit names for moves between units; users without the org screen (a cadre) cannot list units
  const units = useOrgUnits(undefined, can('org'));
  const lookups: Lookups = { reference: reference.data, unitName: (id) => units.data?.byId.get(id)?.name };

  const columns: ColumnsType<HistoryEntry> = [
    { title: 'Thời gian', dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
    { title: 'Người thực hiện', dataIndex: 'actorName', width: 200, render: (n: string | null) => n ?? 'Hệ thống' },
    {
      title: 'Thao tác',
      dataIndex: 'action',
      width: 90,
      render: (a: string) => <Tag color={ACTION_COLORS[a]}>{ACTION_LABELS[a] ?? a}</Tag>,
    },
    {
      title: 'Nội dung',
      dataIndex: 'entityType',
      width: 180,
      render: (t: string, e) => (
        <>
          {ENTITY_LABELS[t] ?? t}
          {t === 'annual_rating' && e.entityId ? ` năm ${e.entityId}` : ''}
        </>
      ),
    },
    {
      title: 'Thay đổi',
      key: 'changes',
      render: (_: unknown, e) => {
        const changes = changesOf(e);
        if (changes.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
        return changes.map((c) => (
          <span key={c.field} className="history-change" data-testid="history-change">
            <strong>{fieldLabel(c.field)}</strong>
            {': '}
            {e.action === 'create' ? (
              <ins>{formatHistoryValue(c.field, c.after, lookups)}</ins>
            ) : e.action === 'delete' ? (
              <del>{formatHistoryValue(c.field, c.before, lookups)}</del>
            ) : (
              <>
                <del>{formatHistoryValue(c.field, c.before, lookups)}</del>
                {' → '}
                <ins>{formatHistoryValue(c.field, c.after, lookups)}</ins>
              </>
            )}
          </span>
        ));
      },
    },
  ];

  return (
    <Table<HistoryEntry>
      data-testid="history-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={history.data?.items ?? []}
      loading={history.isFetching}
      pagination={{
        current: page,
        pageSize,
        total: history.data?.total ?? 0,
        showSizeChanger: true,
        onChange: (p, s) => {
          setPage(s !== pageSize ? 1 : p);
          setPageSize(s);
        },
        showTotal: (t) => `${t} thay đổi`,
      }}
      locale={{ emptyText: 'Chưa có thay đổi nào được ghi nhận' }}
      scroll={{ x: 900 }}
    />
  );
}
