import { CRITERIA, VERDICTS, type Criterion, type Verdict } from '../../../../../common/eligibility';
import type { ScreeningQuery } from '../../../api/types';
import { intParam, oneOf, pageParam, pageSizeParam, PAGING_DEFAULTS, toSearchParams, useUrlFilters, uuidParam } from '../../../shared/hooks/use-url-filters';

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from the address (anything malformed is ignored), so a screening can be shared as a link. */
export function parseScreeningFilters(params: URLSearchParams): ScreeningFilters {
  const verdict = oneOf(VERDICTS, params.get('verdict'));
  const failing = oneOf(CRITERIA, params.get('failing'));
  const destUnitId = uuidParam(params.get('destUnitId'));
  return {
    unitId: uuidParam(params.get('unitId')),
    referenceDate: ISO_DATE.test(params.get('referenceDate') ?? '') ? params.get('referenceDate')! : undefined,
    verdict,
    // the API refuses "eligible" with a failing criterion: the verdict wins
    failing: verdict === 'eligible' ? undefined : failing,
    targetGroup: intParam(params.get('targetGroup'), 1, 3),
    q: params.get('q')?.trim() || undefined,
    destUnitId,
    destinationPostId: destUnitId ? uuidParam(params.get('destinationPostId')) : undefined,
    sort: params.get('sort') === 'name' ? 'name' : 'priority',
    page: pageParam(params),
    pageSize: pageSizeParam(params),
    person: uuidParam(params.get('person')),
  };
}

/** Writes the filters back; defaults are left out so addresses stay short. */
export function serializeScreeningFilters(f: ScreeningFilters): URLSearchParams {
  const { unitId, referenceDate, verdict, failing, targetGroup, q, destUnitId, destinationPostId, sort, page, pageSize, person } = f;
  return toSearchParams(
    { unitId, referenceDate, verdict, failing, targetGroup, q, destUnitId, destinationPostId, sort, page, pageSize, person },
    { ...PAGING_DEFAULTS, sort: 'priority' },
  );
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

const codec = {
  parse: parseScreeningFilters,
  serialize: serializeScreeningFilters,
  normalize(f: ScreeningFilters) {
    if (f.verdict === 'eligible') f.failing = undefined;
    if (!f.destUnitId) f.destinationPostId = undefined;
  },
};

/** The screening filters kept in the URL; a change of filter goes back to page 1 (opening a person does not). */
export function useScreeningFilters() {
  return useUrlFilters(codec);
}
