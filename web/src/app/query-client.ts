import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors';
import { notifyError } from './notify';

declare module '@tanstack/react-query' {
  interface Register {
    /** `silent`: the screen shows the error itself (login, forms that map 422 issues to fields). */
    queryMeta: { silent?: boolean };
    mutationMeta: { silent?: boolean };
  }
}

/** 401 is handled by sending the user back to the login page, not by a notification. */
const shouldNotify = (err: unknown) => !(err instanceof ApiError && err.status === 401);

export function createQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (err, query) => {
        if (!query.meta?.silent && shouldNotify(err)) notifyError(err);
      },
    }),
    mutationCache: new MutationCache({
      onError: (err, _vars, _ctx, mutation) => {
        if (!mutation.meta?.silent && shouldNotify(err)) notifyError(err);
      },
    }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 1,
      },
    },
  });
}
