import { FEEDBACK_KINDS, FEEDBACK_STATUSES, type FeedbackKind, type FeedbackStatus } from '../../../../../common/secondment';
import { oneOf, pageParam, pageSizeParam, PAGING_DEFAULTS, toSearchParams, useUrlFilters, uuidParam } from '../../../shared/hooks/use-url-filters';
import type { FeedbackListQuery } from './feedback-types';

/** The feedback list as kept in the address bar, with the item whose thread is open. */
export interface FeedbackFilters {
  status?: FeedbackStatus;
  kind?: FeedbackKind;
  unitId?: string;
  q?: string;
  page: number;
  pageSize: number;
  item?: string;
}

/** Reads the filters from the address; anything malformed is ignored. */
export function parseFeedbackFilters(params: URLSearchParams): FeedbackFilters {
  return {
    status: oneOf(FEEDBACK_STATUSES, params.get('status')),
    kind: oneOf(FEEDBACK_KINDS, params.get('kind')),
    unitId: uuidParam(params.get('unitId')),
    q: params.get('q')?.trim().slice(0, 100) || undefined,
    page: pageParam(params),
    pageSize: pageSizeParam(params),
    item: uuidParam(params.get('item')),
  };
}

/** Writes the filters back; defaults are left out so addresses stay short. */
export function serializeFeedbackFilters(f: FeedbackFilters): URLSearchParams {
  return toSearchParams({ status: f.status, kind: f.kind, unitId: f.unitId, q: f.q, page: f.page, pageSize: f.pageSize, item: f.item }, PAGING_DEFAULTS);
}

/** The query sent to GET /api/feedback. */
export function toFeedbackQuery(f: FeedbackFilters): FeedbackListQuery {
  return { status: f.status, kind: f.kind, unitId: f.unitId, q: f.q, page: f.page, pageSize: f.pageSize };
}

const codec = { parse: parseFeedbackFilters, serialize: serializeFeedbackFilters };

/** The filters kept in the URL; a change of filter goes back to page 1 (opening an item does not). */
export function useFeedbackFilters() {
  return useUrlFilters(codec);
}
