import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { SECONDMENT_STATUSES, type SecondmentStatus } from '../../../../../common/secondment';

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100];

/** The filters of the secondment list as they live in the address bar. */
export interface SecondmentFilters {
  status: SecondmentStatus[];
  q?: string;
  unitId?: string;
  hostUnitId?: string;
  page: number;
  pageSize: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrUndefined = (v: string | null) => (v && UUID.test(v) ? v : undefined);
const int = (v: string | null, min: number, max: number) => {
  if (!v || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
};

/** Reads the filters from the URL, ignoring anything malformed (unknown statuses, bad ids, page 0). */
export function parseSecondmentFilters(params: URLSearchParams): SecondmentFilters {
  const statuses = params.getAll('status').filter((x): x is SecondmentStatus => (SECONDMENT_STATUSES as readonly string[]).includes(x));
  return {
    status: SECONDMENT_STATUSES.filter((x) => statuses.includes(x)),
    q: params.get('q')?.trim() || undefined,
    unitId: uuidOrUndefined(params.get('unitId')),
    hostUnitId: uuidOrUndefined(params.get('hostUnitId')),
    page: int(params.get('page'), 1, 100000) ?? 1,
    pageSize: PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : DEFAULT_PAGE_SIZE,
  };
}

/** Writes the filters back; defaults are left out so addresses stay short. */
export function serializeSecondmentFilters(f: SecondmentFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const s of f.status) p.append('status', s);
  if (f.q) p.set('q', f.q);
  if (f.unitId) p.set('unitId', f.unitId);
  if (f.hostUnitId) p.set('hostUnitId', f.hostUnitId);
  if (f.page > 1) p.set('page', String(f.page));
  if (f.pageSize !== DEFAULT_PAGE_SIZE) p.set('pageSize', String(f.pageSize));
  return p;
}

/** The API query of the filters (no empty status list). */
export function toListQuery(f: SecondmentFilters) {
  return {
    status: f.status.length ? f.status : undefined,
    q: f.q,
    unitId: f.unitId,
    hostUnitId: f.hostUnitId,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** The list filters kept in the URL; a change of filter goes back to page 1. */
export function useSecondmentFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseSecondmentFilters(params), [params]);
  const update = useCallback(
    (patch: Partial<SecondmentFilters>, opts: { keepPage?: boolean; replace?: boolean } = {}) => {
      setParams(
        (prev) => {
          const next = { ...parseSecondmentFilters(prev), ...patch };
          if (!opts.keepPage) next.page = 1;
          return serializeSecondmentFilters(next);
        },
        { replace: opts.replace ?? false },
      );
    },
    [setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { filters, update, reset };
}
