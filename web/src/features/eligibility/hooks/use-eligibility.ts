import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { AssessmentInput, ScreeningQuery } from '../../../api/types';

export const ELIGIBILITY_KEY = ['eligibility'] as const;

/** One page of the screening of the user's scope, with the counts by verdict and criterion (the server judges and pages). */
export function useScreening(query: ScreeningQuery) {
  return useQuery({
    queryKey: [...ELIGIBILITY_KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/api/eligibility', { params: { query } })),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export interface PersonScreeningOptions {
  referenceDate?: string;
  destinationPostId?: string;
}

/** The verdict on one person with every criterion, the data it used and its clause (a cadre may read their own). */
export function usePersonScreening(personId: string | null | undefined, o: PersonScreeningOptions = {}) {
  const query = { referenceDate: o.referenceDate, destinationPostId: o.destinationPostId };
  return useQuery({
    queryKey: [...ELIGIBILITY_KEY, 'person', personId, query],
    enabled: !!personId,
    queryFn: () => unwrap(api.GET('/api/eligibility/people/{id}', { params: { path: { id: personId! }, query } })),
    staleTime: 0,
    meta: { silent: true },
  });
}

/** The sending unit records its assessment; every verdict (the list and the panels) is read again. 422 goes to the form. */
export function useRecordAssessment(personId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AssessmentInput) => unwrap(api.POST('/api/eligibility/people/{id}/assessments', { params: { path: { id: personId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ELIGIBILITY_KEY }),
    meta: { silent: true },
  });
}

/** A job post of a commune or ward, with the standards the destination-post criterion checks. */
export interface DestinationPost {
  id: string;
  title: string;
  isLeadership: boolean;
  isKeyPost: boolean;
  standards: string | null;
}

/** Job posts of a commune or ward, to choose the destination of a screening. */
export function useDestinationPosts(unitId: string | null | undefined) {
  return useQuery({
    queryKey: ['org-units', 'job-posts', 'destination', unitId],
    enabled: !!unitId,
    queryFn: async (): Promise<DestinationPost[]> => {
      const r = await unwrap(api.GET('/api/org-units/{id}/job-posts', { params: { path: { id: unitId! } } }));
      // the OpenAPI document types job posts as free records: read field by field
      return r.items.map((p) => ({
        id: String(p.id),
        title: String(p.title ?? ''),
        isLeadership: Boolean(p.isLeadership),
        isKeyPost: Boolean(p.isKeyPost),
        standards: p.standards ? String(p.standards) : null,
      }));
    },
    staleTime: 5 * 60_000,
  });
}

/** The communes and wards a cadre may be sent to (open to everyone who screens, whatever their unit). */
export function useDestinations() {
  return useQuery({
    queryKey: ['org-units', 'destinations'],
    queryFn: async () => (await unwrap(api.GET('/api/org-units/destinations'))).items,
    staleTime: 10 * 60_000,
  });
}
