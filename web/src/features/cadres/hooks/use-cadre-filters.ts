import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CATEGORIES, GENDERS } from '../../../../../common/enums';
import type { CadreListQuery } from '../../../api/types';

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100];
const SORTS = ['name', 'birthDate', 'unit', 'code'] as const;

type Sort = NonNullable<CadreListQuery['sort']>;
type Category = NonNullable<CadreListQuery['category']>;
type Gender = NonNullable<CadreListQuery['gender']>;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);
const int = (v: string | null, min: number, max: number) => {
  if (!v || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
};

/** Reads the list query from the address bar (ignoring anything malformed), so a filtered list can be shared. */
export function parseCadreQuery(params: URLSearchParams): CadreListQuery {
  const q: CadreListQuery = {
    q: params.get('q')?.trim() || undefined,
    unitId: params.get('unitId') || undefined,
    category: oneOf<Category>(CATEGORIES, params.get('category')),
    gender: oneOf<Gender>(GENDERS, params.get('gender')),
    ethnicCode: /^\d{2}$/.test(params.get('ethnicCode') ?? '') ? params.get('ethnicCode')! : undefined,
    inPlanning: oneOf(['true', 'false'] as const, params.get('inPlanning')),
    lastRating: params.get('lastRating') || undefined,
    ageMin: int(params.get('ageMin'), 15, 80),
    ageMax: int(params.get('ageMax'), 15, 80),
    sort: oneOf<Sort>(SORTS, params.get('sort')) ?? 'name',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: int(params.get('page'), 1, 100000) ?? 1,
    pageSize: oneOf(PAGE_SIZES.map(String), params.get('pageSize')) ? Number(params.get('pageSize')) : DEFAULT_PAGE_SIZE,
  };
  return q;
}

/** Writes the query back: defaults are left out so addresses stay short. */
export function serializeCadreQuery(q: CadreListQuery): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string | number | undefined | null) => {
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  };
  set('q', q.q);
  set('unitId', q.unitId);
  set('category', q.category);
  set('gender', q.gender);
  set('ethnicCode', q.ethnicCode);
  set('inPlanning', q.inPlanning);
  set('lastRating', q.lastRating);
  set('ageMin', q.ageMin);
  set('ageMax', q.ageMax);
  if (q.sort && q.sort !== 'name') set('sort', q.sort);
  if (q.order === 'desc') set('order', 'desc');
  if (q.page && q.page > 1) set('page', q.page);
  if (q.pageSize && q.pageSize !== DEFAULT_PAGE_SIZE) set('pageSize', q.pageSize);
  return p;
}

/** The cadre-list query kept in the URL; a change of filter goes back to page 1. */
export function useCadreFilters() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseCadreQuery(params), [params]);
  const update = useCallback(
    (patch: Partial<CadreListQuery>, opts: { keepPage?: boolean; replace?: boolean } = {}) => {
      setParams(
        (prev) => {
          const current = parseCadreQuery(prev);
          const next = { ...current, ...patch };
          if (!opts.keepPage) next.page = 1;
          return serializeCadreQuery(next);
        },
        { replace: opts.replace ?? false },
      );
    },
    [setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { query, update, reset };
}
