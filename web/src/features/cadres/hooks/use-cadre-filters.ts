import { CATEGORIES, GENDERS } from '../../../../../common/enums';
import type { CadreListQuery } from '../../../api/types';
import { intParam, oneOf, pageParam, pageSizeParam, PAGING_DEFAULTS, toSearchParams, useUrlFilters } from '../../../shared/hooks/use-url-filters';

const SORTS = ['name', 'birthDate', 'unit', 'code'] as const;

type Sort = NonNullable<CadreListQuery['sort']>;
type Category = NonNullable<CadreListQuery['category']>;
type Gender = NonNullable<CadreListQuery['gender']>;

/** Reads the list query from the address bar (ignoring anything malformed), so a filtered list can be shared. */
export function parseCadreQuery(params: URLSearchParams): CadreListQuery {
  return {
    q: params.get('q')?.trim() || undefined,
    unitId: params.get('unitId') || undefined,
    category: oneOf<Category>(CATEGORIES, params.get('category')),
    gender: oneOf<Gender>(GENDERS, params.get('gender')),
    ethnicCode: /^\d{2}$/.test(params.get('ethnicCode') ?? '') ? params.get('ethnicCode')! : undefined,
    inPlanning: oneOf(['true', 'false'] as const, params.get('inPlanning')),
    lastRating: params.get('lastRating') || undefined,
    ageMin: intParam(params.get('ageMin'), 15, 80),
    ageMax: intParam(params.get('ageMax'), 15, 80),
    sort: oneOf<Sort>(SORTS, params.get('sort')) ?? 'name',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: pageParam(params),
    pageSize: pageSizeParam(params),
  };
}

/** Writes the query back: defaults are left out so addresses stay short. */
export function serializeCadreQuery(q: CadreListQuery): URLSearchParams {
  const { q: text, unitId, category, gender, ethnicCode, inPlanning, lastRating, ageMin, ageMax, sort, order, page, pageSize } = q;
  return toSearchParams(
    { q: text, unitId, category, gender, ethnicCode, inPlanning, lastRating, ageMin, ageMax, sort, order, page, pageSize },
    { ...PAGING_DEFAULTS, sort: 'name', order: 'asc' },
  );
}

const codec = { parse: parseCadreQuery, serialize: serializeCadreQuery };

/** The cadre-list query kept in the URL; a change of filter goes back to page 1. */
export function useCadreFilters() {
  const { filters: query, update, reset } = useUrlFilters(codec);
  return { query, update, reset };
}
