import { useCallback, useMemo } from 'react';
import { Button, Col, DatePicker, Form, Input, Row, Select, Tooltip } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { CRITERIA, CRITERION_LABELS, TARGET_GROUPS, TARGET_GROUP_LABELS, VERDICTS, VERDICT_LABELS } from '../../../../../common/eligibility';
import type { ScreeningSummary } from '../../../api/types';
import { DATE_INPUT_FORMAT, formatNumber, fromIsoDate, toIsoDate } from '../../../shared/format';
import { accentInsensitiveSearch } from '../../../shared/select-search';
import { useUrlSearchText } from '../../../shared/hooks/use-url-search-text';
import { UnitTreeSelect } from '../../org/components/unit-tree-select';
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
  const pushQuery = useCallback((q: string | undefined) => update({ q }, { replace: true }), [update]);
  const search = useUrlSearchText(filters.q, pushQuery);
  const posts = useDestinationPosts(filters.destUnitId);

  const destinations = useDestinations();
  const communes = useMemo(() => (destinations.data ?? []).map((u) => ({ value: u.id, label: u.name })), [destinations.data]);
  const noCommunes = !destinations.isLoading && communes.length === 0;
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${formatNumber(n)})`);
  const span = { xs: 24, sm: 12, md: 8, xl: 4 };
  const wide = { xs: 24, md: 12, xl: 8 };

  return (
    <Form layout="vertical" component="div" style={{ marginBottom: 8 }}>
      <Row gutter={[12, 0]}>
        <Col {...wide}>
          <Form.Item label="Tìm kiếm" htmlFor="screening-search">
            <Input.Search
              id="screening-search"
              allowClear
              placeholder="Họ tên hoặc mã hồ sơ, không cần dấu"
              value={search.text}
              onChange={(e) => search.setText(e.target.value)}
              onSearch={search.submit}
            />
          </Form.Item>
        </Col>
        <Col {...wide}>
          <Form.Item label="Đơn vị" htmlFor="screening-unit">
            <UnitTreeSelect id="screening-unit" value={filters.unitId} onChange={(v) => update({ unitId: v ?? undefined })} placeholder="Tất cả đơn vị trong phạm vi" />
          </Form.Item>
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
          <Form.Item label="Kết luận" htmlFor="screening-verdict">
            <Select
              id="screening-verdict"
              allowClear
              placeholder="Tất cả"
              value={filters.verdict}
              onChange={(v) => update({ verdict: v })}
              options={VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] + count(summary?.byVerdict[v]) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={[12, 0]}>
        <Col {...span}>
          <Form.Item label="Chưa đạt tiêu chí" htmlFor="screening-failing" tooltip="Không đạt hoặc còn thiếu thông tin ở tiêu chí này">
            <Select
              id="screening-failing"
              allowClear
              placeholder="Tất cả"
              value={filters.failing}
              onChange={(v) => update({ failing: v, verdict: v && filters.verdict === 'eligible' ? undefined : filters.verdict })}
              options={CRITERIA.map((c) => ({ value: c, label: CRITERION_LABELS[c] }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
        <Col {...span}>
          <Form.Item label="Nhóm đối tượng" htmlFor="screening-group">
            <Select
              id="screening-group"
              allowClear
              placeholder="Tất cả"
              value={filters.targetGroup}
              onChange={(v) => update({ targetGroup: v })}
              options={TARGET_GROUPS.map((g) => ({ value: g, label: `Nhóm ${g}${count(summary?.byTargetGroup[g])}`, title: TARGET_GROUP_LABELS[g] }))}
            />
          </Form.Item>
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
          <Form.Item label="Vị trí việc làm nơi đến" htmlFor="screening-post">
            <Select
              id="screening-post"
              allowClear
              showSearch={accentInsensitiveSearch}
              placeholder={filters.destUnitId ? 'Chọn vị trí' : 'Chọn xã, phường trước'}
              disabled={!filters.destUnitId}
              loading={posts.isFetching}
              value={filters.destinationPostId}
              onChange={(v) => update({ destinationPostId: v })}
              options={(posts.data ?? []).map((p) => ({ value: p.id, label: p.isKeyPost ? `${p.title} (chủ chốt)` : p.title }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={3}>
          <Form.Item label=" " colon={false} style={{ width: '100%' }}>
            <Button icon={<ClearOutlined />} onClick={reset} block>
              Xóa bộ lọc
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
