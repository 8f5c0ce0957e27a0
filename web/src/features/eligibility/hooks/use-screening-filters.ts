import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { CRITERIA, VERDICTS, type Criterion, type Verdict } from '../../../../../common/eligibility';
import type { ScreeningQuery } from '../../../api/types';

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100];

/** The screening as kept in the address bar: the API query, the commune chosen for the destination post, the person opened. */
export interface ScreeningFilters {
  unitId?: string;
  referenceDate?: string;
  verdict?: Verdict;
  failing?: Criterion;
  targetGroup?: number;
  q?: string;
  /** The commune or ward whose job posts are offered as destination (not sent to the API). */
  destUnitId?: string;
  destinationPostId?: string;
  sort: 'priority' | 'name';
  page: number;
  pageSize: number;
  /** The person whose explanation is open. */
  person?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);
const id = (v: string | null) => (v && UUID.test(v) ? v : undefined);
const int = (v: string | null, min: number, max: number) => {
  if (!v || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
};

/** Reads the filters from the address (anything malformed is ignored), so a screening can be shared as a link. */
export function parseScreeningFilters(params: URLSearchParams): ScreeningFilters {
  const verdict = oneOf(VERDICTS, params.get('verdict'));
  const failing = oneOf(CRITERIA, params.get('failing'));
  const destUnitId = id(params.get('destUnitId'));
  return {
    unitId: id(params.get('unitId')),
    referenceDate: ISO_DATE.test(params.get('referenceDate') ?? '') ? params.get('referenceDate')! : undefined,
    verdict,
    // the API refuses "eligible" with a failing criterion: the verdict wins
    failing: verdict === 'eligible' ? undefined : failing,
    targetGroup: int(params.get('targetGroup'), 1, 3),
    q: params.get('q')?.trim() || undefined,
    destUnitId,
    destinationPostId: destUnitId ? id(params.get('destinationPostId')) : undefined,
    sort: params.get('sort') === 'name' ? 'name' : 'priority',
    page: int(params.get('page'), 1, 100000) ?? 1,
    pageSize: PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : DEFAULT_PAGE_SIZE,
    person: id(params.get('person')),
  };
}

/** Writes the filters back; defaults are left out so addresses stay short. */
export function serializeScreeningFilters(f: ScreeningFilters): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string | number | undefined | null) => {
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  };
  set('unitId', f.unitId);
  set('referenceDate', f.referenceDate);
  set('verdict', f.verdict);
  set('failing', f.failing);
  set('targetGroup', f.targetGroup);
  set('q', f.q);
  set('destUnitId', f.destUnitId);
  set('destinationPostId', f.destinationPostId);
  if (f.sort !== 'priority') set('sort', f.sort);
  if (f.page > 1) set('page', f.page);
  if (f.pageSize !== DEFAULT_PAGE_SIZE) set('pageSize', f.pageSize);
  set('person', f.person);
  return p;
}

/** The query sent to GET /api/eligibility. */
export function toScreeningQuery(f: ScreeningFilters): ScreeningQuery {
  return {
    unitId: f.unitId,
    referenceDate: f.referenceDate,
    verdict: f.verdict,
    failing: f.failing,
    targetGroup: f.targetGroup,
    q: f.q,
    destinationPostId: f.destinationPostId,
    sort: f.sort,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** The screening filters kept in the URL; a change of filter goes back to page 1 (opening a person does not). */
export function useScreeningFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseScreeningFilters(params), [params]);
  const update = useCallback(
    (patch: Partial<ScreeningFilters>, opts: { keepPage?: boolean; replace?: boolean } = {}) => {
      setParams(
        (prev) => {
          const next = { ...parseScreeningFilters(prev), ...patch };
          if (!opts.keepPage) next.page = 1;
          if (next.verdict === 'eligible') next.failing = undefined;
          if (!next.destUnitId) next.destinationPostId = undefined;
          return serializeScreeningFilters(next);
        },
        { replace: opts.replace ?? false },
      );
    },
    [setParams],
  );
  /** Clears every filter (back to the whole scope, today, sorted by priority). */
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { filters, update, reset };
}
