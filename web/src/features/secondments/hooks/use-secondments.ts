import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { secondmentApi, type DecideInput, type ProposeInput, type SecondmentListQuery } from './secondment-api';

export const SECONDMENTS_KEY = ['secondments'] as const;

/** One page of the secondments in the user's scope, with the counts per step (the server filters and pages). */
export function useSecondmentList(query: SecondmentListQuery) {
  return useQuery({
    queryKey: [...SECONDMENTS_KEY, 'list', query],
    queryFn: () => secondmentApi.list(query),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** One secondment with its path, decisions, reports, evaluations, contacts and the actions the user may take. */
export function useSecondment(id: string) {
  return useQuery({
    queryKey: [...SECONDMENTS_KEY, 'one', id],
    queryFn: () => secondmentApi.get(id),
    enabled: !!id,
    staleTime: 0,
    meta: { silent: true },
  });
}

/**
 * The next decision number of the year (numbered from 01 each calendar year, Decree 30/2020): the People's
 * Committee's, or a sending unit's own (its return decisions) when `issuerUnitId` is given.
 */
export function useNextDecisionNumber(year: number, issuerUnitId?: string, enabled = true) {
  return useQuery({
    queryKey: [...SECONDMENTS_KEY, 'next-decision-number', year, issuerUnitId ?? 'ubnd'],
    queryFn: () => secondmentApi.nextDecisionNumber(year, issuerUnitId),
    enabled,
    staleTime: 0,
    meta: { silent: true },
  });
}

/** Every list, record and screening is read again after a change of the path (quotas and verdicts depend on it). */
function useInvalidate() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: SECONDMENTS_KEY }), qc.invalidateQueries({ queryKey: ['eligibility'] })]);
}

/** The sending unit proposes a cadre; the form shows 422 issues itself. */
export function usePropose() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: ProposeInput) => secondmentApi.propose(body), onSuccess: invalidate, meta: { silent: true } });
}

/** The authority decides to send one or more appraised cadres in one decision. */
export function useDecide() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: DecideInput) => secondmentApi.decide(body), onSuccess: invalidate, meta: { silent: true } });
}

/** A step of the path or an activity on one secondment: the call (see secondmentApi) carries the record's version. */
export function useSecondmentStep() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (run: () => Promise<unknown>) => run(), onSuccess: invalidate, meta: { silent: true } });
}

/** The communes and wards a cadre may be sent to (the same list as the screening's destinations). */
export function useHostCommunes(enabled = true) {
  return useQuery({
    queryKey: ['org-units', 'destinations'],
    queryFn: async () => (await unwrap(api.GET('/api/org-units/destinations'))).items,
    enabled,
    staleTime: 10 * 60_000,
  });
}
