import { useMemo } from 'react';
import { Col, DatePicker, Form, Row, Select, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { CRITERIA, CRITERION_LABELS, TARGET_GROUPS, TARGET_GROUP_LABELS, VERDICTS, VERDICT_LABELS } from '../../../../../common/eligibility';
import type { ScreeningSummary } from '../../../api/types';
import { ClearFiltersField, countSuffix, FilterForm, SearchFilter, SelectFilter } from '../../../shared/components/filter-fields';
import { UnitFilter } from '../../org/components/unit-filter';
import { DATE_INPUT_FORMAT, fromIsoDate, toIsoDate } from '../../../shared/format';
import { accentInsensitiveSearch } from '../../../shared/select-search';
import { useDestinationPosts, useDestinations } from '../hooks/use-eligibility';
import type { ScreeningFilters as Filters } from '../hooks/use-screening-filters';

interface Props {
  filters: Filters;
  summary?: ScreeningSummary;
  update(patch: Partial<Filters>, opts?: { replace?: boolean }): void;
  reset(): void;
}

/** The filters of the screening; every value lives in the URL (see useScreeningFilters). */
export function ScreeningFilterBar({ filters, summary, update, reset }: Props) {
  const posts = useDestinationPosts(filters.destUnitId);
  const destinations = useDestinations();
  const communes = useMemo(() => (destinations.data ?? []).map((u) => ({ value: u.id, label: u.name })), [destinations.data]);
  const noCommunes = !destinations.isLoading && communes.length === 0;
  const span = { xs: 24, sm: 12, md: 8, xl: 4 };
  const wide = { xs: 24, md: 12, xl: 8 };

  return (
    <FilterForm>
      <Row gutter={[12, 0]}>
        <Col {...wide}>
          <SearchFilter id="screening-search" value={filters.q} update={update} placeholder="Họ tên hoặc mã hồ sơ, không cần dấu" />
        </Col>
        <Col {...wide}>
          <UnitFilter
            id="screening-unit"
            label="Đơn vị"
            value={filters.unitId}
            onChange={(unitId) => update({ unitId })}
            placeholder="Tất cả đơn vị trong phạm vi"
          />
        </Col>
        <Col {...span}>
          <Form.Item label="Ngày xét" htmlFor="screening-date" tooltip="Các tiêu chí được xét tại ngày này, theo phiên bản kế hoạch có hiệu lực vào ngày đó">
            <DatePicker
              id="screening-date"
              format={DATE_INPUT_FORMAT}
              placeholder="dd/mm/yyyy"
              allowClear={false}
              value={fromIsoDate(filters.referenceDate) ?? dayjs()}
              onChange={(d) => update({ referenceDate: toIsoDate(d) ?? undefined })}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col {...span}>
          <SelectFilter
            id="screening-verdict"
            label="Kết luận"
            value={filters.verdict}
            onChange={(v) => update({ verdict: v })}
            options={VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] + countSuffix(summary?.byVerdict[v]) }))}
          />
        </Col>
      </Row>
      <Row gutter={[12, 0]}>
        <Col {...span}>
          <SelectFilter
            id="screening-failing"
            label="Chưa đạt tiêu chí"
            tooltip="Không đạt hoặc còn thiếu thông tin ở tiêu chí này"
            value={filters.failing}
            onChange={(v) => update({ failing: v, verdict: v && filters.verdict === 'eligible' ? undefined : filters.verdict })}
            options={CRITERIA.map((c) => ({ value: c, label: CRITERION_LABELS[c] }))}
            popupMatchSelectWidth={false}
          />
        </Col>
        <Col {...span}>
          <SelectFilter
            id="screening-group"
            label="Nhóm đối tượng"
            value={filters.targetGroup}
            onChange={(v) => update({ targetGroup: v })}
            options={TARGET_GROUPS.map((g) => ({ value: g, label: `Nhóm ${g}${countSuffix(summary?.byTargetGroup[g])}`, title: TARGET_GROUP_LABELS[g] }))}
          />
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label="Nơi đến: xã, phường" htmlFor="screening-dest-unit">
            <Tooltip title={noCommunes ? 'Danh sách xã, phường không nằm trong phạm vi bạn được xem' : undefined}>
              <Select
                id="screening-dest-unit"
                allowClear
                showSearch={accentInsensitiveSearch}
                placeholder={noCommunes ? 'Không có trong phạm vi' : 'Chọn xã, phường'}
                disabled={noCommunes}
                loading={destinations.isLoading}
                value={filters.destUnitId}
                onChange={(v) => update({ destUnitId: v, destinationPostId: undefined })}
                options={communes}
              />
            </Tooltip>
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={7}>
          <SelectFilter
            id="screening-post"
            label="Vị trí việc làm nơi đến"
            showSearch={accentInsensitiveSearch}
            placeholder={filters.destUnitId ? 'Chọn vị trí' : 'Chọn xã, phường trước'}
            disabled={!filters.destUnitId}
            loading={posts.isFetching}
            value={filters.destinationPostId}
            onChange={(v) => update({ destinationPostId: v })}
            options={(posts.data ?? []).map((p) => ({ value: p.id, label: p.isKeyPost ? `${p.title} (chủ chốt)` : p.title }))}
            popupMatchSelectWidth={false}
          />
        </Col>
        <Col xs={24} md={12} xl={3}>
          <ClearFiltersField onClear={reset} />
        </Col>
      </Row>
    </FilterForm>
  );
}
