import { Col, Row, Space, Tag, Typography } from 'antd';
import { SECONDMENT_STATUSES, SECONDMENT_STATUS_LABELS, type SecondmentStatus } from '../../../../../common/secondment';
import { ClearFiltersButton, FilterForm, SearchFilter, SelectFilter } from '../../../shared/components/filter-fields';
import { UnitFilter } from '../../org/components/unit-filter';
import { formatNumber } from '../../../shared/format';
import { accentInsensitiveSearch } from '../../../shared/select-search';
import type { SecondmentFilters } from '../hooks/use-secondment-filters';
import { useHostCommunes } from '../hooks/use-secondments';
import { STATUS_COLORS } from './secondment-labels';

interface Props {
  filters: SecondmentFilters;
  update(patch: Partial<SecondmentFilters>, opts?: { replace?: boolean }): void;
  reset(): void;
  /** The user may pick a sending unit from the unit tree (roles with the org feature). */
  canFilterUnit: boolean;
  /** The user may pick any host commune (roles that read the list of destinations). */
  canFilterHost: boolean;
}

/** The filters of the secondment list; every value lives in the URL (see useSecondmentFilters). */
export function SecondmentFilterBar({ filters, update, reset, canFilterUnit, canFilterHost }: Props) {
  const destinations = useHostCommunes(canFilterHost);
  const span = { xs: 24, md: 12, xl: 6 };

  return (
    <FilterForm>
      <Row gutter={[12, 0]}>
        <Col {...span}>
          <SearchFilter id="secondment-search" testId="secondment-search" value={filters.q} update={update} placeholder="Họ tên, mã cán bộ hoặc số quyết định" />
        </Col>
        <Col {...span}>
          <SelectFilter<SecondmentStatus[]>
            id="secondment-status"
            label="Bước"
            data-testid="secondment-status-filter"
            mode="multiple"
            maxTagCount="responsive"
            placeholder="Tất cả các bước"
            value={filters.status}
            onChange={(v) => update({ status: v })}
            options={SECONDMENT_STATUSES.map((s) => ({ value: s, label: SECONDMENT_STATUS_LABELS[s] }))}
          />
        </Col>
        {canFilterUnit && (
          <Col {...span}>
            <UnitFilter id="secondment-unit" label="Đơn vị cử" value={filters.unitId} onChange={(unitId) => update({ unitId })} placeholder="Tất cả đơn vị" />
          </Col>
        )}
        {canFilterHost && (
          <Col {...span}>
            <SelectFilter
              id="secondment-host"
              label="Nơi đến"
              showSearch={accentInsensitiveSearch}
              placeholder="Tất cả xã, phường"
              loading={destinations.isLoading}
              value={filters.hostUnitId}
              onChange={(v?: string) => update({ hostUnitId: v ?? undefined })}
              options={(destinations.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Col>
        )}
      </Row>
      <Space wrap style={{ marginBottom: 8 }}>
        <ClearFiltersButton size="small" onClear={reset} />
      </Space>
    </FilterForm>
  );
}

/** The count at each step; a click shows only that step (another click shows all again). */
export function StatusCounts({ counts, filters, update }: { counts: Record<string, number> | undefined; filters: SecondmentFilters; update: Props['update'] }) {
  const shown = SECONDMENT_STATUSES.filter((s) => (counts?.[s] ?? 0) > 0);
  if (!counts) return null;
  if (shown.length === 0) return <Typography.Text type="secondary">Chưa có hồ sơ nào.</Typography.Text>;
  return (
    <Space wrap size={[4, 8]} data-testid="status-counts" style={{ marginBottom: 12 }}>
      {shown.map((s) => {
        const only = filters.status.length === 1 && filters.status[0] === s;
        return (
          <Tag.CheckableTag
            key={s}
            checked={only}
            onChange={() => update({ status: only ? [] : [s] })}
            data-testid={`status-count-${s}`}
            style={{ border: `1px solid ${only ? 'transparent' : '#d9d9d9'}`, padding: '2px 8px' }}
          >
            <Tag color={STATUS_COLORS[s]} style={{ marginInlineEnd: 4 }} variant="filled">
              {formatNumber(counts[s])}
            </Tag>
            {SECONDMENT_STATUS_LABELS[s]}
          </Tag.CheckableTag>
        );
      })}
    </Space>
  );
}
