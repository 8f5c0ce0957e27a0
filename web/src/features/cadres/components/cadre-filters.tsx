import { useCallback, useEffect, useState } from 'react';
import { Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { CATEGORIES, CATEGORY_LABELS, GENDERS, GENDER_LABELS } from '../../../../../common/enums';
import type { CadreListQuery } from '../../../api/types';
import { UnitTreeSelect } from '../../org/components/unit-tree-select';
import { useReference } from '../../../shared/hooks/use-reference';
import { accentInsensitiveSearch } from '../../../shared/select-search';
import { useUrlSearchText } from '../../../shared/hooks/use-url-search-text';

interface Props {
  query: CadreListQuery;
  update(patch: Partial<CadreListQuery>, opts?: { replace?: boolean }): void;
  reset(): void;
  /** Filtering by ethnicity is a processing of sensitive data: only roles that may read it see the filter. */
  canFilterEthnicity: boolean;
}

const SEARCH_DEBOUNCE_MS = 300;

/** The filters of the cadre list; every value lives in the URL (see useCadreFilters). */
export function CadreFilters({ query, update, reset, canFilterEthnicity }: Props) {
  const reference = useReference();
  const pushQuery = useCallback((q: string | undefined) => update({ q }, { replace: true }), [update]);
  const search = useUrlSearchText(query.q, pushQuery);

  const ratingOptions = (reference.data?.ratingLevels ?? []).map((l) => ({ value: l.code, label: l.name }));
  const ethnicOptions = (reference.data?.ethnicGroups ?? []).map((g) => ({ value: g.code, label: g.name }));
  const span = { xs: 24, sm: 12, md: 8, xl: 4 };
  const wide = { xs: 24, md: 12, xl: 8 };

  return (
    <Form layout="vertical" component="div" style={{ marginBottom: 8 }}>
      <Row gutter={[12, 0]}>
        <Col {...wide}>
          <Form.Item label="Tìm kiếm" htmlFor="cadre-search">
            <Input.Search
              id="cadre-search"
              data-testid="cadre-search"
              allowClear
              placeholder="Tìm theo họ tên hoặc mã, không cần dấu"
              value={search.text}
              onChange={(e) => search.setText(e.target.value)}
              onSearch={search.submit}
            />
          </Form.Item>
        </Col>
        <Col {...wide}>
          <Form.Item label="Đơn vị" htmlFor="cadre-unit">
            <UnitTreeSelect id="cadre-unit" value={query.unitId} onChange={(v) => update({ unitId: v ?? undefined })} placeholder="Tất cả đơn vị" />
          </Form.Item>
        </Col>
        <Col {...span}>
          <Form.Item label="Loại" htmlFor="cadre-category">
            <Select
              id="cadre-category"
              allowClear
              placeholder="Tất cả"
              value={query.category}
              onChange={(v) => update({ category: v })}
              options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
            />
          </Form.Item>
        </Col>
        <Col {...span}>
          <Form.Item label="Giới tính" htmlFor="cadre-gender">
            <Select
              id="cadre-gender"
              allowClear
              placeholder="Tất cả"
              value={query.gender}
              onChange={(v) => update({ gender: v })}
              options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))}
            />
          </Form.Item>
        </Col>
        {canFilterEthnicity && (
          <Col {...span}>
            <Form.Item label="Dân tộc" htmlFor="cadre-ethnic">
              <Select
                id="cadre-ethnic"
                allowClear
                showSearch={accentInsensitiveSearch}
                placeholder="Tất cả"
                value={query.ethnicCode}
                loading={reference.isLoading}
                onChange={(v) => update({ ethnicCode: v })}
                options={ethnicOptions}
              />
            </Form.Item>
          </Col>
        )}
        <Col {...span}>
          <Form.Item label="Quy hoạch" htmlFor="cadre-planning">
            <Select
              id="cadre-planning"
              allowClear
              placeholder="Tất cả"
              value={query.inPlanning}
              onChange={(v) => update({ inPlanning: v })}
              options={[
                { value: 'true', label: 'Trong quy hoạch' },
                { value: 'false', label: 'Không trong quy hoạch' },
              ]}
            />
          </Form.Item>
        </Col>
        <Col {...span}>
          <Form.Item label="Xếp loại gần nhất" htmlFor="cadre-rating">
            <Select
              id="cadre-rating"
              allowClear
              placeholder="Tất cả"
              value={query.lastRating}
              loading={reference.isLoading}
              onChange={(v) => update({ lastRating: v })}
              options={ratingOptions}
            />
          </Form.Item>
        </Col>
        <Col {...span} xl={5}>
          <AgeRange ageMin={query.ageMin} ageMax={query.ageMax} onChange={(ageMin, ageMax) => update({ ageMin, ageMax }, { replace: true })} />
        </Col>
        <Col {...span} xl={3}>
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

const AGE_MIN = 15;
const AGE_MAX = 80;
const inRange = (v: number | null) => v === null || (v >= AGE_MIN && v <= AGE_MAX);

/** Age from/to: sent when both ends are valid and in order; otherwise the fields say what is wrong. */
function AgeRange(props: { ageMin?: number; ageMax?: number; onChange(min: number | undefined, max: number | undefined): void }) {
  const [min, setMin] = useState<number | null>(props.ageMin ?? null);
  const [max, setMax] = useState<number | null>(props.ageMax ?? null);
  useEffect(() => setMin(props.ageMin ?? null), [props.ageMin]);
  useEffect(() => setMax(props.ageMax ?? null), [props.ageMax]);
  const outOfOrder = min !== null && max !== null && min > max;
  const valid = inRange(min) && inRange(max) && !outOfOrder;
  const { onChange, ageMin, ageMax } = props;
  useEffect(() => {
    if (!valid) return;
    const t = setTimeout(() => {
      if ((min ?? undefined) !== ageMin || (max ?? undefined) !== ageMax) onChange(min ?? undefined, max ?? undefined);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [min, max, valid, ageMin, ageMax, onChange]);
  return (
    <Form.Item
      label="Tuổi"
      validateStatus={valid ? undefined : 'error'}
      help={valid ? undefined : outOfOrder ? 'Tuổi từ phải nhỏ hơn hoặc bằng tuổi đến' : `Tuổi từ ${AGE_MIN} đến ${AGE_MAX}`}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
        <InputNumber id="cadre-age-min" aria-label="Tuổi từ" placeholder="Từ" precision={0} value={min} onChange={(v) => setMin(v ?? null)} style={{ flex: 1 }} />
        <span>–</span>
        <InputNumber id="cadre-age-max" aria-label="Tuổi đến" placeholder="Đến" precision={0} value={max} onChange={(v) => setMax(v ?? null)} style={{ flex: 1 }} />
      </div>
    </Form.Item>
  );
}
