import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';

const STATUS_KEY = ['setup', 'status'] as const;

/** Whether the system is set up, and for which province (public: the login page reads it too). */
export function useSetupStatus() {
  return useQuery({ queryKey: STATUS_KEY, queryFn: () => unwrap(api.GET('/api/setup')), staleTime: 5 * 60_000 });
}

/** The 34 provinces of the national list, for the administrator's choice. */
export function useSetupProvinces(enabled: boolean) {
  return useQuery({ queryKey: ['setup', 'provinces'], queryFn: () => unwrap(api.GET('/api/setup/provinces')), enabled, staleTime: Infinity });
}

/** The one-time setup; afterwards the status and the org tree are read again. The page shows refusals itself. */
export function useSetUpProvince() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (provinceCode: string) => unwrap(api.POST('/api/setup', { body: { provinceCode } })),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: STATUS_KEY });
      await qc.invalidateQueries({ queryKey: ['org-units'] });
    },
    meta: { silent: true },
  });
}
