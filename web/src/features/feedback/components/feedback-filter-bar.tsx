import { useCallback } from 'react';
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { FEEDBACK_KINDS, FEEDBACK_KIND_LABELS, FEEDBACK_STATUSES, FEEDBACK_STATUS_LABELS } from '../../../../../common/secondment';
import { formatNumber } from '../../../shared/format';
import { useUrlSearchText } from '../../../shared/hooks/use-url-search-text';
import { UnitTreeSelect } from '../../org/components/unit-tree-select';
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
  const pushQuery = useCallback((q: string | undefined) => update({ q }, { replace: true }), [update]);
  const search = useUrlSearchText(filters.q, pushQuery);
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${formatNumber(n)})`);
  const any = !!(filters.status || filters.kind || filters.unitId || filters.q);
  return (
    <Form layout="vertical" component="div" style={{ marginBottom: 8 }}>
      <Row gutter={[12, 0]} align="bottom">
        <Col xs={24} md={12} xl={7}>
          <Form.Item label="Tìm kiếm" htmlFor="feedback-search">
            <Input.Search
              id="feedback-search"
              allowClear
              maxLength={100}
              placeholder="Tiêu đề, nội dung, người gửi, đơn vị — không cần dấu"
              value={search.text}
              onChange={(e) => search.setText(e.target.value)}
              onSearch={search.submit}
            />
          </Form.Item>
        </Col>
        {showUnit && (
          <Col xs={24} md={12} xl={6}>
            <Form.Item label="Đơn vị gửi" htmlFor="feedback-unit">
              <UnitTreeSelect id="feedback-unit" value={filters.unitId} onChange={(v) => update({ unitId: v ?? undefined })} placeholder="Tất cả đơn vị trong phạm vi" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12} xl={4}>
          <Form.Item label="Trạng thái" htmlFor="feedback-status">
            <Select
              id="feedback-status"
              allowClear
              placeholder="Tất cả"
              value={filters.status}
              onChange={(v) => update({ status: v })}
              options={FEEDBACK_STATUSES.map((v) => ({ value: v, label: FEEDBACK_STATUS_LABELS[v] + count(byStatus?.[v]) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} xl={5}>
          <Form.Item label="Loại" htmlFor="feedback-kind">
            <Select
              id="feedback-kind"
              allowClear
              placeholder="Tất cả"
              value={filters.kind}
              onChange={(v) => update({ kind: v })}
              options={FEEDBACK_KINDS.map((v) => ({ value: v, label: FEEDBACK_KIND_LABELS[v] }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
        <Col flex="none">
          <Form.Item>
            <Button icon={<ClearOutlined />} onClick={reset} disabled={!any}>
              Xóa bộ lọc
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
