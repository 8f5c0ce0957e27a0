import { Col, Form, Row } from 'antd';
import { FEEDBACK_KINDS, FEEDBACK_KIND_LABELS, FEEDBACK_STATUSES, FEEDBACK_STATUS_LABELS } from '../../../../../common/secondment';
import { ClearFiltersButton, countSuffix, FilterForm, SearchFilter, SelectFilter } from '../../../shared/components/filter-fields';
import { UnitFilter } from '../../org/components/unit-filter';
import type { FeedbackListResponse } from '../hooks/feedback-types';
import type { FeedbackFilters } from '../hooks/use-feedback-filters';

interface Props {
  filters: FeedbackFilters;
  byStatus?: FeedbackListResponse['byStatus'];
  showUnit: boolean;
  update(patch: Partial<FeedbackFilters>, opts?: { replace?: boolean }): void;
  reset(): void;
}

/** The filters of the feedback list; every value lives in the URL (see useFeedbackFilters). */
export function FeedbackFilterBar({ filters, byStatus, showUnit, update, reset }: Props) {
  const any = !!(filters.status || filters.kind || filters.unitId || filters.q);
  return (
    <FilterForm>
      <Row gutter={[12, 0]} align="bottom">
        <Col xs={24} md={12} xl={7}>
          <SearchFilter id="feedback-search" value={filters.q} update={update} maxLength={100} placeholder="Tiêu đề, nội dung, người gửi, đơn vị — không cần dấu" />
        </Col>
        {showUnit && (
          <Col xs={24} md={12} xl={6}>
            <UnitFilter
              id="feedback-unit"
              label="Đơn vị gửi"
              value={filters.unitId}
              onChange={(unitId) => update({ unitId })}
              placeholder="Tất cả đơn vị trong phạm vi"
            />
          </Col>
        )}
        <Col xs={24} sm={12} xl={4}>
          <SelectFilter
            id="feedback-status"
            label="Trạng thái"
            value={filters.status}
            onChange={(v) => update({ status: v })}
            options={FEEDBACK_STATUSES.map((v) => ({ value: v, label: FEEDBACK_STATUS_LABELS[v] + countSuffix(byStatus?.[v]) }))}
          />
        </Col>
        <Col xs={24} sm={12} xl={5}>
          <SelectFilter
            id="feedback-kind"
            label="Loại"
            value={filters.kind}
            onChange={(v) => update({ kind: v })}
            options={FEEDBACK_KINDS.map((v) => ({ value: v, label: FEEDBACK_KIND_LABELS[v] }))}
            popupMatchSelectWidth={false}
          />
        </Col>
        <Col flex="none">
          <Form.Item>
            <ClearFiltersButton onClear={reset} disabled={!any} />
          </Form.Item>
        </Col>
      </Row>
    </FilterForm>
  );
}
