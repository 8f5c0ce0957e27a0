import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES, type FeedbackKind, type FeedbackStatus } from '../../../../../common/secondment';
import type { FeedbackListQuery } from './feedback-types';

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100];

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);
const id = (v: string | null) => (v && UUID.test(v) ? v : undefined);

/** Reads the filters from the address; anything malformed is ignored. */
export function parseFeedbackFilters(params: URLSearchParams): FeedbackFilters {
  const page = Number(params.get('page'));
  return {
    status: oneOf(FEEDBACK_STATUSES, params.get('status')),
    kind: oneOf(FEEDBACK_KINDS, params.get('kind')),
    unitId: id(params.get('unitId')),
    q: params.get('q')?.trim().slice(0, 100) || undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1,
    pageSize: PAGE_SIZES.includes(Number(params.get('pageSize'))) ? Number(params.get('pageSize')) : DEFAULT_PAGE_SIZE,
    item: id(params.get('item')),
  };
}

/** Writes the filters back; defaults are left out so addresses stay short. */
export function serializeFeedbackFilters(f: FeedbackFilters): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') p.set(k, String(v));
  };
  set('status', f.status);
  set('kind', f.kind);
  set('unitId', f.unitId);
  set('q', f.q);
  if (f.page > 1) set('page', f.page);
  if (f.pageSize !== DEFAULT_PAGE_SIZE) set('pageSize', f.pageSize);
  set('item', f.item);
  return p;
}

/** The query sent to GET /api/feedback. */
export function toFeedbackQuery(f: FeedbackFilters): FeedbackListQuery {
  return { status: f.status, kind: f.kind, unitId: f.unitId, q: f.q, page: f.page, pageSize: f.pageSize };
}

/** The filters kept in the URL; a change of filter goes back to page 1 (opening an item does not). */
export function useFeedbackFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFeedbackFilters(params), [params]);
  const update = useCallback(
    (patch: Partial<FeedbackFilters>, opts: { keepPage?: boolean; replace?: boolean } = {}) => {
      setParams(
        (prev) => {
          const next = { ...parseFeedbackFilters(prev), ...patch };
          if (!opts.keepPage) next.page = 1;
          return serializeFeedbackFilters(next);
        },
        { replace: opts.replace ?? false },
      );
    },
    [setParams],
  );
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { filters, update, reset };
}
