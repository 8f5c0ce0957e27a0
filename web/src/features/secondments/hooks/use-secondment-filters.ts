import { SECONDMENT_STATUSES, type SecondmentStatus } from '../../../../../common/secondment';
import { pageParam, pageSizeParam, PAGING_DEFAULTS, toSearchParams, useUrlFilters, uuidParam } from '../../../shared/hooks/use-url-filters';

/** The filters of the secondment list as they live in the address bar. */
export interface SecondmentFilters {
  status: SecondmentStatus[];
  q?: string;
  unitId?: string;
  hostUnitId?: string;
  page: number;
  pageSize: number;
}

/** Reads the filters from the URL, ignoring anything malformed (unknown statuses, bad ids, page 0). */
export function parseSecondmentFilters(params: URLSearchParams): SecondmentFilters {
  const statuses = params.getAll('status');
  return {
    // in the path's order, whatever the order of the address
    status: SECONDMENT_STATUSES.filter((x) => statuses.includes(x)),
    q: params.get('q')?.trim() || undefined,
    unitId: uuidParam(params.get('unitId')),
    hostUnitId: uuidParam(params.get('hostUnitId')),
    page: pageParam(params),
    pageSize: pageSizeParam(params),
  };
}

/** Writes the filters back; defaults are left out so addresses stay short. */
export function serializeSecondmentFilters(f: SecondmentFilters): URLSearchParams {
  return toSearchParams({ status: f.status, q: f.q, unitId: f.unitId, hostUnitId: f.hostUnitId, page: f.page, pageSize: f.pageSize }, PAGING_DEFAULTS);
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

const codec = { parse: parseSecondmentFilters, serialize: serializeSecondmentFilters };

/** The list filters kept in the URL; a change of filter goes back to page 1. */
export function useSecondmentFilters() {
  return useUrlFilters(codec);
}
