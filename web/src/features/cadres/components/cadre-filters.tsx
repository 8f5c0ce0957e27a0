import { useEffect, useState } from 'react';
import { Col, Form, InputNumber, Row } from 'antd';
import { CATEGORIES, CATEGORY_LABELS, GENDERS, GENDER_LABELS } from '../../../../../common/enums';
import type { CadreListQuery } from '../../../api/types';
import { ClearFiltersField, FilterForm, SearchFilter, SelectFilter } from '../../../shared/components/filter-fields';
import { UnitFilter } from '../../org/components/unit-filter';
import { useReference } from '../../../shared/hooks/use-reference';
import { accentInsensitiveSearch } from '../../../shared/select-search';

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
  const ratingOptions = (reference.data?.ratingLevels ?? []).map((l) => ({ value: l.code, label: l.name }));
  const ethnicOptions = (reference.data?.ethnicGroups ?? []).map((g) => ({ value: g.code, label: g.name }));
  const span = { xs: 24, sm: 12, md: 8, xl: 4 };
  const wide = { xs: 24, md: 12, xl: 8 };

  return (
    <FilterForm>
      <Row gutter={[12, 0]}>
        <Col {...wide}>
          <SearchFilter id="cadre-search" testId="cadre-search" value={query.q} update={update} placeholder="Tìm theo họ tên hoặc mã, không cần dấu" />
        </Col>
        <Col {...wide}>
          <UnitFilter id="cadre-unit" label="Đơn vị" value={query.unitId} onChange={(unitId) => update({ unitId })} placeholder="Tất cả đơn vị" />
        </Col>
        <Col {...span}>
          <SelectFilter
            id="cadre-category"
            label="Loại"
            value={query.category}
            onChange={(v) => update({ category: v })}
            options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))}
          />
        </Col>
        <Col {...span}>
          <SelectFilter
            id="cadre-gender"
            label="Giới tính"
            value={query.gender}
            onChange={(v) => update({ gender: v })}
            options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))}
          />
        </Col>
        {canFilterEthnicity && (
          <Col {...span}>
            <SelectFilter
              id="cadre-ethnic"
              label="Dân tộc"
              showSearch={accentInsensitiveSearch}
              value={query.ethnicCode}
              loading={reference.isLoading}
              onChange={(v) => update({ ethnicCode: v })}
              options={ethnicOptions}
            />
          </Col>
        )}
        <Col {...span}>
          <SelectFilter id="cadre-planning" label="Quy hoạch" value={query.inPlanning} onChange={(v) => update({ inPlanning: v })} options={PLANNING_OPTIONS} />
        </Col>
        <Col {...span}>
          <SelectFilter
            id="cadre-rating"
            label="Xếp loại gần nhất"
            value={query.lastRating}
            loading={reference.isLoading}
            onChange={(v) => update({ lastRating: v })}
            options={ratingOptions}
          />
        </Col>
        <Col {...span} xl={5}>
          <AgeRange ageMin={query.ageMin} ageMax={query.ageMax} onChange={(ageMin, ageMax) => update({ ageMin, ageMax }, { replace: true })} />
        </Col>
        <Col {...span} xl={3}>
          <ClearFiltersField onClear={reset} />
        </Col>
      </Row>
    </FilterForm>
  );
}

const PLANNING_OPTIONS = [
  { value: 'true' as const, label: 'Trong quy hoạch' },
  { value: 'false' as const, label: 'Không trong quy hoạch' },
];

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
