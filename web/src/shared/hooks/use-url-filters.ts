import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100];

// Readers of one address parameter: anything malformed gives undefined, so a hand-edited link never breaks a list.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v && (list as readonly string[]).includes(v) ? (v as T) : undefined;
export const uuidParam = (v: string | null) => (v && UUID.test(v) ? v : undefined);
export const intParam = (v: string | null, min: number, max: number) => {
  if (!v || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
};
/** The page number (1 when absent or malformed). */
export const pageParam = (params: URLSearchParams) => intParam(params.get('page'), 1, 100000) ?? 1;
/** The page size, one of PAGE_SIZES (the default otherwise). */
export const pageSizeParam = (params: URLSearchParams) => {
  const n = Number(params.get('pageSize'));
  return PAGE_SIZES.includes(n) ? n : DEFAULT_PAGE_SIZE;
};

type ParamValue = string | number | readonly string[] | null | undefined;

/**
 * Writes filters to the address in the order given: empty values and those equal to their default are left out
 * so addresses stay short; a list is written as the parameter repeated.
 */
export function toSearchParams(values: Record<string, ParamValue>, defaults: Record<string, string | number> = {}): URLSearchParams {
  const p = new URLSearchParams();
  for (const [key, v] of Object.entries(values)) {
    if (Array.isArray(v)) for (const x of v) p.append(key, x);
    else if (v !== undefined && v !== null && v !== '' && v !== defaults[key]) p.set(key, String(v));
  }
  return p;
}

/** The defaults of the paging parameters, for toSearchParams. */
export const PAGING_DEFAULTS = { page: 1, pageSize: DEFAULT_PAGE_SIZE };

export interface UrlFiltersCodec<F> {
  parse(params: URLSearchParams): F;
  serialize(filters: F): URLSearchParams;
  /** Makes a combination the API would refuse consistent again after a change (optional). */
  normalize?(filters: F): void;
}

export interface UpdateOptions {
  /** Stay on the current page (paging itself, opening an item); any other change goes back to page 1. */
  keepPage?: boolean;
  /** Replace the history entry instead of adding one (typing in a search box). */
  replace?: boolean;
}

/**
 * Filters of a list kept in the address bar, so a filtered list can be shared as a link and the back button
 * undoes a change. `codec` must be a constant (module level): its functions are not dependencies.
 */
export function useUrlFilters<F extends { page?: number }>(codec: UrlFiltersCodec<F>) {
  const [params, setParams] = useSearchParams();
  const { parse, serialize, normalize } = codec;
  const filters = useMemo(() => parse(params), [params, parse]);
  const update = useCallback(
    (patch: Partial<F>, opts: UpdateOptions = {}) => {
      setParams(
        (prev) => {
          const next = { ...parse(prev), ...patch };
          if (!opts.keepPage) next.page = 1;
          normalize?.(next);
          return serialize(next);
        },
        { replace: opts.replace ?? false },
      );
    },
    [setParams, parse, serialize, normalize],
  );
  /** Clears every filter. */
  const reset = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { filters, update, reset };
}
